// Unsupported HMAC Identifier (RFC 4895 §4.1); layout in the header.
#include "wire/cause/unsupported_hmac_identifier_cause.h"

#include "wire/bounded_reader.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

Result<UnsupportedHmacIdentifierCause> UnsupportedHmacIdentifierCause::parse(const TlvView& t) {
  // RFC 4895 §4.1: Cause Length = 6, the two padding bytes are not counted.
  if (ParseError e = cause_codec::check_fixed(t, kCode, kSize); e != ParseError::kOk) return e;
  const BoundedReader<kSize> r(t.bytes);
  UnsupportedHmacIdentifierCause c;
  c.hmac_id = r.load16<4>();
  return c;
}

void UnsupportedHmacIdentifierCause::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kCode);
  w.put_u16(hmac_id);
  w.end_tlv(m);  // length 6, then 2 bytes of zero padding
}

std::string UnsupportedHmacIdentifierCause::to_string() const {
  return std::string(cause_code::name(kCode)) + " hmac_id=" + std::to_string(hmac_id);
}

}  // namespace dpsctp::wire
