// ASCONF chunk (RFC 5061 §4.1.1); layout in asconf_chunk.h.
#include "wire/ext/asconf_chunk.h"

#include <cstdio>

#include "wire/bounded_reader.h"
#include "wire/param/ipv4_address_parameter.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire {
namespace {

ParseError check_length(const TlvView& t, size_t want) {
  if (t.length < want) return ParseError::kParamTooShortForType;
  return t.length == want ? ParseError::kOk : ParseError::kParamLengthMismatch;
}

// RFC 5061 §4.1.1: "This field contains an address parameter, either IPv6 or IPv4" from
// RFC 9260 §3.3.2.1, each of a fixed length.
ParseError check_address_parameter(const TlvView& t) {
  switch (t.type) {
    case param_type::kIpv4Address:
      return check_length(t, Ipv4AddressParameter::kSize);
    case param_type::kIpv6Address:
      return check_length(t, AsconfChunk::kIpv6AddressParameterSize);
    default:
      return ParseError::kChunkInvalidField;
  }
}

std::string address_string(const TlvView& t) {
  if (t.type == param_type::kIpv4Address) {
    const Result<Ipv4AddressParameter> v4 = Ipv4AddressParameter::parse(t);
    if (v4) return v4->to_string();
  }
  if (t.type != param_type::kIpv6Address || t.length != AsconfChunk::kIpv6AddressParameterSize) {
    return "?";
  }
  const ByteSpan a = t.value();
  std::string s = "IPv6 ";
  char group[8];
  for (size_t i = 0; i < a.size(); i += 2) {
    std::snprintf(group, sizeof group, i == 0 ? "%x" : ":%x", load_u16(a.data() + i));
    s += group;
  }
  return s;
}

}  // namespace

Result<AsconfChunk> AsconfChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kMinSize); e != ParseError::kOk) return e;
  BoundedReader<kHeaderSize> r(c.bytes);
  AsconfChunk a;
  a.serial_number = r.load32<4>();
  const ByteSpan rest = r.variable_data();
  const Result<TlvView> address = TlvView::parse(rest, TlvKind::kParameter);
  if (!address) return address.error();
  if (ParseError e = check_address_parameter(*address); e != ParseError::kOk) return e;
  a.address = *address;
  // Both address lengths (8, 20) are multiples of 4: the ASCONF parameters follow directly.
  a.parameters = rest.subspan(address->length);
  if (Result<size_t> n = ext_detail::validate_parameters(a.parameters); !n) return n.error();
  return a;
}

void AsconfChunk::serialize_to(BufferWriter& w) const {
  ext_detail::write_chunk(w, kType, ext_detail::U32Field{serial_number},
                          ext_detail::RawBytes{address.bytes}, ext_detail::RawBytes{parameters});
}

std::string AsconfChunk::to_string() const {
  return "ASCONF serial=" + std::to_string(serial_number) + " addr=" + address_string(address) +
         " " + ext_detail::parameter_names(parameters);
}

}  // namespace dpsctp::wire
