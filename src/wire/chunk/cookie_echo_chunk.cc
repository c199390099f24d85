// COOKIE ECHO chunk (RFC 9260 §3.3.11); layout in cookie_echo_chunk.h.
#include "wire/chunk/cookie_echo_chunk.h"

namespace dpsctp::wire {

Result<CookieEchoChunk> CookieEchoChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kFixedSize); e != ParseError::kOk) return e;
  // RFC 9260 §3.3.11: the cookie is the State Cookie of the INIT ACK, which is never
  // empty (see cookie_echo_chunk.h).
  if (c.length == kFixedSize) return ParseError::kChunkInvalidField;
  return CookieEchoChunk{c.value()};
}

void CookieEchoChunk::serialize_to(BufferWriter& w) const {
  // RFC 9260 §3.3.11: Chunk Flags "Set to 0 on transmit and ignored on receipt".
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(kType), 0);
  w.put_bytes(cookie);
  w.end_tlv(m);
}

std::string CookieEchoChunk::to_string() const {
  return "COOKIE_ECHO cookie_len=" + std::to_string(cookie.size());
}

}  // namespace dpsctp::wire
