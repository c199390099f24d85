// Shared codec of the ASCONF address parameters (RFC 5061 §4.2.1, §4.2.2, §4.2.4).
#include "wire/param/asconf_address_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire::asconf_address {
namespace {

/// RFC 5061 §4.2.1: the Address Parameter is an IPv4 or IPv6 Address parameter.
ParseError check_address(const TlvView& a) {
  switch (a.type) {
    case Ipv4AddressParameter::kType:
      return Ipv4AddressParameter::parse(a).error();
    case Ipv6AddressParameter::kType:
      return Ipv6AddressParameter::parse(a).error();
    default:
      return ParseError::kParamInvalidField;
  }
}

/// Text of a validated nested address.
std::string address_text(const TlvView& a) {
  if (Result<Ipv4AddressParameter> v4 = Ipv4AddressParameter::parse(a)) return v4->to_string();
  if (Result<Ipv6AddressParameter> v6 = Ipv6AddressParameter::parse(a)) return v6->to_string();
  return "?";
}

}  // namespace

Result<Fields> parse(const TlvView& t, uint16_t type) {
  if (ParseError e = check_tlv(t, type, kMinSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kFixedSize> r(t.bytes);
  const ByteSpan rest = r.variable_data();
  Result<TlvView> address = TlvView::parse(rest, TlvKind::kParameter);
  if (!address) return address.error();
  if (ParseError e = check_address(*address); e != ParseError::kOk) return e;
  // Addresses are multiples of 4 bytes: nothing (not even padding) may follow.
  if (address->length != rest.size()) return ParseError::kParamLengthMismatch;
  return Fields{r.load32<4>(), *address};
}

void serialize(BufferWriter& w, uint16_t type, const Fields& f) {
  const BufferWriter::Mark m = w.begin_tlv(type);
  w.put_u32(f.correlation_id);
  w.put_bytes(f.address.bytes);
  w.end_tlv(m);
}

std::string to_string(uint16_t type, const Fields& f) {
  return std::string(param_type::name(type)) + " id=" + std::to_string(f.correlation_id) + " " +
         address_text(f.address);
}

}  // namespace dpsctp::wire::asconf_address
