// HEARTBEAT chunk (RFC 9260 §3.3.5): probes a destination address; the peer answers with
// a HEARTBEAT ACK echoing the Heartbeat Information.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 4    |  Chunk Flags  |       Heartbeat Length        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Heartbeat Info Type = 1    |      HB Info Length           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                 Sender-Specific Heartbeat Info                /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/chunk/heartbeat_chunk_base.h"

namespace dpsctp::wire {

struct HeartbeatChunk {
  static constexpr ChunkType kType = ChunkType::kHeartbeat;
  static constexpr size_t kFixedSize = heartbeat_detail::kFixedSize;

  ByteSpan info;  ///< the Heartbeat Info value, opaque (our own on send, the peer's on receive)

  /// Errors as heartbeat_detail::parse_info().
  static Result<HeartbeatChunk> parse(const ChunkView& c);
  [[nodiscard]] size_t serialized_size() const { return kFixedSize + info.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
