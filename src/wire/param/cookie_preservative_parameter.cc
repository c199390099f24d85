// Cookie Preservative parameter (RFC 9260 §3.3.2.1); layout in the header.
#include "wire/param/cookie_preservative_parameter.h"

#include "wire/bounded_reader.h"
#include "wire/param/param_codec.h"

namespace dpsctp::wire {

Result<CookiePreservativeParameter> CookiePreservativeParameter::parse(const TlvView& t) {
  // RFC 9260 §3.3.2.1: Length = 8.
  if (ParseError e = param_codec::check_fixed(t, kType, kSize); e != ParseError::kOk) return e;
  BoundedReader<kSize> r(t.bytes);
  CookiePreservativeParameter p;
  p.life_span_increment_ms = r.load32<4>();
  return p;
}

void CookiePreservativeParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_u32(life_span_increment_ms);
  w.end_tlv(m);
}

std::string CookiePreservativeParameter::to_string() const {
  return "Cookie Preservative +" + std::to_string(life_span_increment_ms) + " ms";
}

}  // namespace dpsctp::wire
