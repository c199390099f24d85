// Unrecognized Chunk Type error cause (RFC 9260 §3.3.10.6): a chunk of an unknown type
// whose upper bits ask to be reported (§3.2: 01 or 11) is returned whole in an ERROR.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Cause Code = 6         |      Cause Length = Variable  |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                      Unrecognized Chunk                       /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/cause/cause_code.h"
#include "wire/chunk_view.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct UnrecognizedChunkTypeCause {
  static constexpr uint16_t kCode = cause_code::kUnrecognizedChunkType;
  /// Cause header + the copied chunk's header.
  static constexpr size_t kFixedSize = TlvView::kHeaderSize + ChunkView::kHeaderSize;

  /// The unrecognised chunk "complete with Chunk Type, Chunk Flags, and Chunk Length",
  /// as received (its padding may be included): a view into the packet or the caller.
  ByteSpan chunk;

  /// Errors: shorter than the two headers is kCauseTooShortForType; a copy whose Chunk
  /// Length is below 4 or runs past the cause is kChunkLengthTooSmall /
  /// kChunkLengthExceedsPacket (ChunkView::parse); bytes after the copy beyond its own
  /// padding are kCauseLengthMismatch.
  static Result<UnrecognizedChunkTypeCause> parse(const TlvView& t);
  /// The copied chunk (parse() validated it; an empty view if `chunk` was built malformed).
  [[nodiscard]] ChunkView unrecognized_chunk() const;
  [[nodiscard]] size_t serialized_size() const { return TlvView::kHeaderSize + chunk.size(); }
  void serialize_to(BufferWriter& w) const;
  /// "Unrecognized Chunk Type type=0x47 (UNKNOWN) flags=0x00 len=8".
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
