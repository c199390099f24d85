// IPv6 Address parameter (RFC 9260 §3.3.2.1); layout in ipv6_address_parameter.h.
#include "wire/param/ipv6_address_parameter.h"

#include <arpa/inet.h>

#include "wire/bounded_reader.h"
#include "wire/param/param_codec.h"

namespace dpsctp::wire {

Result<Ipv6AddressParameter> Ipv6AddressParameter::parse(const TlvView& t) {
  // RFC 9260 §3.3.2.1: the IPv6 Address parameter is exactly 20 bytes long.
  if (ParseError e = param_codec::check_fixed(t, kType, kSize); e != ParseError::kOk) return e;
  BoundedReader<kSize> r(t.bytes);
  const ByteSpan a = r.fixed_bytes<4, 16>();
  Ipv6AddressParameter p;
  for (size_t i = 0; i < p.address.size(); ++i) p.address[i] = static_cast<uint8_t>(a[i]);
  return p;
}

void Ipv6AddressParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  for (uint8_t b : address) w.put_u8(b);
  w.end_tlv(m);
}

std::string Ipv6AddressParameter::to_string() const {
  // inet_ntop prints the RFC 5952 §4 canonical text form (lower case, longest zero run
  // compressed, embedded IPv4 for mapped addresses).
  char buf[INET6_ADDRSTRLEN];
  if (inet_ntop(AF_INET6, address.data(), buf, sizeof buf) == nullptr) return "IPv6 ?";
  return std::string("IPv6 ") + buf;
}

}  // namespace dpsctp::wire
