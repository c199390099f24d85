// AUTH chunk (RFC 4895 §4.1); layout in auth_chunk.h.
#include "wire/ext/auth_chunk.h"

#include <cstdio>

#include "wire/bounded_reader.h"
#include "wire/ext/ext_chunk_util.h"

namespace dpsctp::wire {

Result<AuthChunk> AuthChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kHeaderSize); e != ParseError::kOk) return e;
  BoundedReader<kHeaderSize> r(c.bytes);
  AuthChunk a;
  a.shared_key_id = r.load16<4>();
  a.hmac_id = r.load16<6>();
  a.hmac = r.variable_data();
  return a;
}

void AuthChunk::serialize_to(BufferWriter& w) const {
  ext_detail::write_chunk(w, kType, ext_detail::U16Field{shared_key_id},
                          ext_detail::U16Field{hmac_id}, ext_detail::RawBytes{hmac});
}

size_t AuthChunk::write_with_zero_hmac(BufferWriter& w, uint16_t shared_key_id, uint16_t hmac_id,
                                       size_t hmac_length) {
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(kType), 0);
  w.put_u16(shared_key_id);
  w.put_u16(hmac_id);
  const size_t offset = w.size();
  // RFC 4895 §6.2: the HMAC is computed with the HMAC field set to zero.
  w.put_zeros(hmac_length);
  w.end_tlv(m);
  return offset;
}

std::string AuthChunk::to_string() const {
  char buf[80];
  std::snprintf(buf, sizeof buf, "AUTH key=%u hmac_id=%u hmac_len=%zu", shared_key_id, hmac_id,
                hmac.size());
  return buf;
}

}  // namespace dpsctp::wire
