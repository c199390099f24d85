// Stale Cookie Error (RFC 9260 §3.3.10.3); layout in the header.
#include "wire/cause/stale_cookie_cause.h"

namespace dpsctp::wire {

Result<StaleCookieCause> StaleCookieCause::parse(const TlvView& t) {
  Result<uint32_t> v = cause_codec::parse_u32(t, kCode);
  if (!v) return v.error();
  StaleCookieCause c;
  c.staleness_us = *v;
  return c;
}

void StaleCookieCause::serialize_to(BufferWriter& w) const {
  cause_codec::write_u32(w, kCode, staleness_us);
}

std::string StaleCookieCause::to_string() const {
  return std::string(cause_code::name(kCode)) + " staleness=" + std::to_string(staleness_us) + "us";
}

}  // namespace dpsctp::wire
