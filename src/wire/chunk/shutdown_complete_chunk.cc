// SHUTDOWN COMPLETE chunk (RFC 9260 §3.3.13); layout in shutdown_complete_chunk.h.
#include "wire/chunk/shutdown_complete_chunk.h"

#include "wire/chunk/chunk_common.h"

namespace dpsctp::wire {

Result<ShutdownCompleteChunk> ShutdownCompleteChunk::parse(const ChunkView& c) {
  // RFC 9260 §3.3.13: Length = 4.
  if (ParseError e = check_fixed_size_chunk(c, kType, kSize); e != ParseError::kOk) return e;
  ShutdownCompleteChunk s;
  // RFC 9260 §3.3.13: only the T bit is defined; the reserved bits are ignored on receipt.
  s.tag_reflected = (c.flags & kFlagTagReflected) != 0;
  return s;
}

void ShutdownCompleteChunk::serialize_to(BufferWriter& w) const {
  // RFC 9260 §3.3.13: reserved flag bits are sent as 0.
  w.end_tlv(w.begin_chunk(static_cast<uint8_t>(kType), tag_reflected ? kFlagTagReflected : 0));
}

std::string ShutdownCompleteChunk::to_string() const {
  return tag_reflected ? "SHUTDOWN_COMPLETE T=1" : "SHUTDOWN_COMPLETE T=0";
}

}  // namespace dpsctp::wire
