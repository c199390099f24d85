// COOKIE ECHO chunk (RFC 9260 §3.3.11): returns the State Cookie of the INIT ACK to its
// sender, which validates it and creates the association.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 10   |  Chunk Flags  |            Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                            Cookie                             /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// An empty cookie is rejected with kChunkInvalidField. The cookie "MUST contain the
// exact cookie received in the State Cookie parameter" (§3.3.11), and no State Cookie
// is empty: its creator needs at least a MAC to authenticate it (§5.1.3). The core treats
// the error as a cookie that fails validation: the packet is silently discarded (§5.1.5).
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct CookieEchoChunk {
  static constexpr ChunkType kType = ChunkType::kCookieEcho;
  static constexpr size_t kFixedSize = 4;

  ByteSpan cookie;  ///< opaque; the packet's bytes after parse, never empty

  /// kChunkInvalidField when the cookie is empty.
  static Result<CookieEchoChunk> parse(const ChunkView& c);
  [[nodiscard]] size_t serialized_size() const { return kFixedSize + cookie.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
