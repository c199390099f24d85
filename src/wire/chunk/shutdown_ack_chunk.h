// SHUTDOWN ACK chunk (RFC 9260 §3.3.9): answers a SHUTDOWN once all outstanding DATA is
// acknowledged. Header only.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 8    |  Chunk Flags  |          Length = 4           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct ShutdownAckChunk {
  static constexpr ChunkType kType = ChunkType::kShutdownAck;
  static constexpr size_t kSize = 4;

  /// kChunkLengthMismatch unless the length is exactly 4.
  static Result<ShutdownAckChunk> parse(const ChunkView& c);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const { return "SHUTDOWN_ACK"; }
};

}  // namespace dpsctp::wire
