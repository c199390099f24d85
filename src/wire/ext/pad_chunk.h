// PAD chunk (RFC 4820 §3): padding that makes a packet bigger (path MTU probing, RFC 8899);
// the receiver discards it and goes on with the rest of the packet.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Type = 0x84   |   Flags=0     |             Length            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                                                               |
//  \                         Padding Data                          /
//  |                                                               |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct PadChunk {
  static constexpr ChunkType kType = ChunkType::kPad;
  static constexpr size_t kHeaderSize = 4;

  /// RFC 4820 §3: the Padding Data "MUST be ignored by the receiver"; kept only so that a
  /// parsed chunk re-serialises unchanged. It may be empty.
  ByteSpan padding;

  /// Only the type is checked: any length from 4 up is a valid PAD chunk. The flags are
  /// ignored on receipt and written as zero (RFC 4820 §3).
  static Result<PadChunk> parse(const ChunkView& c);
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + padding.size(); }
  void serialize_to(BufferWriter& w) const;
  /// Builds a PAD chunk of `padding_size` zero bytes of Padding Data into `w`: its length
  /// field is 4 + padding_size and it occupies pad4(4 + padding_size) bytes of the packet.
  static void write(BufferWriter& w, size_t padding_size);
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
