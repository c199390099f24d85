// IPv4 Address parameter (RFC 9260 §3.3.2.1); layout in ipv4_address_parameter.h.
#include "wire/param/ipv4_address_parameter.h"

#include <cstdio>

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<Ipv4AddressParameter> Ipv4AddressParameter::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kType, kSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  if (t.length != kSize) return ParseError::kParamLengthMismatch;
  BoundedReader<kSize> r(t.bytes);
  Ipv4AddressParameter p;
  p.address = {r.load8<4>(), r.load8<5>(), r.load8<6>(), r.load8<7>()};
  return p;
}

void Ipv4AddressParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  for (uint8_t b : address) w.put_u8(b);
  w.end_tlv(m);
}

std::string Ipv4AddressParameter::to_string() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "IPv4 %u.%u.%u.%u", address[0], address[1], address[2],
                address[3]);
  return buf;
}

}  // namespace dpsctp::wire
