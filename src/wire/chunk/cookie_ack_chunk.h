// COOKIE ACK chunk (RFC 9260 §3.3.12): confirms a valid COOKIE ECHO; the association is
// ESTABLISHED on both sides. Header only.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 11   |  Chunk Flags  |          Length = 4           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct CookieAckChunk {
  static constexpr ChunkType kType = ChunkType::kCookieAck;
  static constexpr size_t kSize = 4;

  /// kChunkLengthMismatch unless the length is exactly 4.
  static Result<CookieAckChunk> parse(const ChunkView& c);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const { return "COOKIE_ACK"; }
};

}  // namespace dpsctp::wire
