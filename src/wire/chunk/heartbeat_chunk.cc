// HEARTBEAT chunk (RFC 9260 §3.3.5); layout in heartbeat_chunk_base.h.
#include "wire/chunk/heartbeat_chunk.h"

namespace dpsctp::wire {

Result<HeartbeatChunk> HeartbeatChunk::parse(const ChunkView& c) {
  Result<ByteSpan> info = heartbeat_detail::parse_info(c, kType);
  if (!info) return info.error();
  return HeartbeatChunk{*info};
}

void HeartbeatChunk::serialize_to(BufferWriter& w) const {
  heartbeat_detail::write(w, kType, info);
}

std::string HeartbeatChunk::to_string() const {
  return "HEARTBEAT info_len=" + std::to_string(info.size());
}

}  // namespace dpsctp::wire
