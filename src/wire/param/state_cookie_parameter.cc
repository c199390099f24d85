// State Cookie parameter (RFC 9260 §3.3.3.1); layout in state_cookie_parameter.h.
#include "wire/param/state_cookie_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<StateCookieParameter> StateCookieParameter::parse(const TlvView& t) {
  // RFC 9260 §3.3.3.1: the cookie holds the state needed to create the association;
  // §5.1.3 has the peer echo it in COOKIE ECHO, so an empty one is malformed.
  if (ParseError e = check_tlv(t, kType, kMinSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kHeaderSize> r(t.bytes);
  StateCookieParameter p;
  p.cookie = r.variable_data();
  return p;
}

void StateCookieParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_bytes(cookie);
  w.end_tlv(m);
}

std::string StateCookieParameter::to_string() const {
  return "State Cookie len=" + std::to_string(cookie.size());
}

}  // namespace dpsctp::wire
