// SHUTDOWN chunk (RFC 9260 §3.3.8): starts a graceful close; acknowledges DATA up to the
// Cumulative TSN Ack (gaps are not reported: SHUTDOWN carries no Gap Ack Blocks).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 7    |  Chunk Flags  |          Length = 8           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      Cumulative TSN Ack                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct ShutdownChunk {
  static constexpr ChunkType kType = ChunkType::kShutdown;
  static constexpr size_t kSize = 8;

  Tsn cum_tsn_ack;

  /// kChunkTooShortForType below 8 bytes, kChunkLengthMismatch above.
  static Result<ShutdownChunk> parse(const ChunkView& c);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
