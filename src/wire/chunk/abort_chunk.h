// ABORT chunk (RFC 9260 §3.3.7): closes the association at once; may carry error causes.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 6    |  Reserved   |T|            Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \               zero or more Error Causes                       /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Two ways to build one:
//  - fill tag_reflected and `error_causes` (pre-encoded causes) and call serialize_to();
//  - or write the causes in place:
//        const BufferWriter::Mark m = AbortChunk::begin(w, /*tag_reflected=*/false);
//        InvalidStreamIdentifierCause{...}.serialize_to(w);  // zero or more causes
//        w.end_tlv(m);  // patches the chunk length and pads it (§3.2)
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct AbortChunk {
  static constexpr ChunkType kType = ChunkType::kAbort;
  static constexpr size_t kFixedSize = 4;
  /// T bit: the packet's Verification Tag is the receiver's own tag, reflected (§8.4, §8.5.1).
  static constexpr uint8_t kFlagTagReflected = 0x01;

  bool tag_reflected = false;
  ByteSpan error_causes;  ///< the cause area (packet bytes after parse)

  /// The causes; parse() validated the area, so iteration visits every one.
  [[nodiscard]] TlvRange causes() const { return {error_causes, TlvKind::kCause}; }

  /// TLV errors (kCause*) when the cause area is malformed.
  static Result<AbortChunk> parse(const ChunkView& c);
  /// Opens an ABORT; append causes, then close it with w.end_tlv(mark).
  static BufferWriter::Mark begin(BufferWriter& w, bool tag_reflected);
  [[nodiscard]] size_t serialized_size() const { return kFixedSize + error_causes.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
