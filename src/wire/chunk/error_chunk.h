// ERROR chunk (RFC 9260 §3.3.10): reports error conditions without closing the
// association.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 9    |  Chunk Flags  |            Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \               one or more Error Causes                        /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// "One or more": an ERROR without causes breaks that rule but harms nobody — there is
// nothing to act on — so parse() accepts it (causes() is empty) and the core ignores it,
// rather than turning a harmless peer bug into a protocol error. Senders MUST include
// at least one cause; serialize_to() writes what it is given (a parsed empty ERROR
// re-serialises as it came).
//
// Two ways to build one:
//  - fill `error_causes` (pre-encoded causes) and call serialize_to();
//  - or write the causes in place:
//        const BufferWriter::Mark m = ErrorChunk::begin(w);
//        InvalidStreamIdentifierCause{...}.serialize_to(w);  // one or more causes
//        w.end_tlv(m);  // patches the chunk length and pads it (§3.2)
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct ErrorChunk {
  static constexpr ChunkType kType = ChunkType::kError;
  static constexpr size_t kFixedSize = 4;

  ByteSpan error_causes;  ///< the cause area (packet bytes after parse)

  /// The causes; parse() validated the area, so iteration visits every one.
  [[nodiscard]] TlvRange causes() const { return {error_causes, TlvKind::kCause}; }

  /// TLV errors (kCause*) when the cause area is malformed; an empty area is accepted.
  static Result<ErrorChunk> parse(const ChunkView& c);
  /// Opens an ERROR; append causes, then close it with w.end_tlv(mark).
  static BufferWriter::Mark begin(BufferWriter& w);
  [[nodiscard]] size_t serialized_size() const { return kFixedSize + error_causes.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
