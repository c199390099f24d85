// No User Data (RFC 9260 §3.3.10.9); layout in the header.
#include "wire/cause/no_user_data_cause.h"

namespace dpsctp::wire {

Result<NoUserDataCause> NoUserDataCause::parse(const TlvView& t) {
  Result<uint32_t> v = cause_codec::parse_u32(t, kCode);
  if (!v) return v.error();
  NoUserDataCause c;
  c.tsn = Tsn(*v);
  return c;
}

void NoUserDataCause::serialize_to(BufferWriter& w) const {
  cause_codec::write_u32(w, kCode, tsn.value());
}

std::string NoUserDataCause::to_string() const {
  return std::string(cause_code::name(kCode)) + " tsn=" + std::to_string(tsn.value());
}

}  // namespace dpsctp::wire
