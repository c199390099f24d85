// HEARTBEAT ACK chunk (RFC 9260 §3.3.6); layout in heartbeat_chunk_base.h.
#include "wire/chunk/heartbeat_ack_chunk.h"

namespace dpsctp::wire {

Result<HeartbeatAckChunk> HeartbeatAckChunk::parse(const ChunkView& c) {
  Result<ByteSpan> info = heartbeat_detail::parse_info(c, kType);
  if (!info) return info.error();
  return HeartbeatAckChunk{*info};
}

void HeartbeatAckChunk::serialize_to(BufferWriter& w) const {
  heartbeat_detail::write(w, kType, info);
}

std::string HeartbeatAckChunk::to_string() const {
  return "HEARTBEAT_ACK info_len=" + std::to_string(info.size());
}

}  // namespace dpsctp::wire
