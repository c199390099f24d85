// COOKIE ACK chunk (RFC 9260 §3.3.12); layout in cookie_ack_chunk.h.
#include "wire/chunk/cookie_ack_chunk.h"

#include "wire/chunk/chunk_common.h"

namespace dpsctp::wire {

Result<CookieAckChunk> CookieAckChunk::parse(const ChunkView& c) {
  // RFC 9260 §3.3.12: Length = 4; the flags are ignored on receipt.
  if (ParseError e = check_fixed_size_chunk(c, kType, kSize); e != ParseError::kOk) return e;
  return CookieAckChunk{};
}

void CookieAckChunk::serialize_to(BufferWriter& w) const {
  // RFC 9260 §3.3.12: Chunk Flags "Set to 0 on transmit and ignored on receipt".
  w.end_tlv(w.begin_chunk(static_cast<uint8_t>(kType), 0));
}

}  // namespace dpsctp::wire
