// Supported Address Types parameter (RFC 9260 §3.3.2.1); layout in the header.
#include "wire/param/supported_address_types_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<SupportedAddressTypesParameter> SupportedAddressTypesParameter::parse(const TlvView& t) {
  // RFC 9260 §3.3.2.1: at least "Address Type #1", each 16 bits.
  if (ParseError e = check_tlv(t, kType, kMinSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kHeaderSize> r(t.bytes);
  const ByteSpan types = r.variable_data();
  if (ParseError e = param_codec::check_u16_array(types); e != ParseError::kOk) return e;
  SupportedAddressTypesParameter p;
  p.address_types = types;
  return p;
}

void SupportedAddressTypesParameter::write(BufferWriter& w, std::span<const uint16_t> types) {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  param_codec::put_u16s(w, types);
  w.end_tlv(m);
}

void SupportedAddressTypesParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_bytes(address_types);
  w.end_tlv(m);
}

std::string SupportedAddressTypesParameter::to_string() const {
  return "Supported Address Types " + param_codec::join_u16s(address_types);
}

}  // namespace dpsctp::wire
