// HEARTBEAT ACK chunk (RFC 9260 §3.3.6): the answer to a HEARTBEAT. "The Heartbeat
// Information field copied from the received HEARTBEAT chunk": build it as
// HeartbeatAckChunk{heartbeat.info}, the bytes are echoed verbatim.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 5    |  Chunk Flags  |    Heartbeat Ack Length       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Heartbeat Info Type = 1    |      HB Info Length           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                 Sender-Specific Heartbeat Info                /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/chunk/heartbeat_chunk_base.h"

namespace dpsctp::wire {

struct HeartbeatAckChunk {
  static constexpr ChunkType kType = ChunkType::kHeartbeatAck;
  static constexpr size_t kFixedSize = heartbeat_detail::kFixedSize;

  ByteSpan info;  ///< the Heartbeat Info value the HEARTBEAT carried

  /// Errors as heartbeat_detail::parse_info().
  static Result<HeartbeatAckChunk> parse(const ChunkView& c);
  [[nodiscard]] size_t serialized_size() const { return kFixedSize + info.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
