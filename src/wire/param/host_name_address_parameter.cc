// Host Name Address parameter (RFC 9260 §3.3.2.1); layout in the header.
#include "wire/param/host_name_address_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<HostNameAddressParameter> HostNameAddressParameter::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kType, kMinSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kHeaderSize> r(t.bytes);
  const ByteSpan value = r.variable_data();
  // RFC 9260 §3.3.2.1: "At least one null terminator is included in the Host Name string
  // and must be included in the length." Everything after the first NUL must be NUL too.
  size_t name_len = 0;
  while (name_len < value.size() && value[name_len] != std::byte{0}) ++name_len;
  if (name_len == value.size()) return ParseError::kParamInvalidField;
  for (size_t i = name_len; i < value.size(); ++i) {
    if (value[i] != std::byte{0}) return ParseError::kParamInvalidField;
  }
  HostNameAddressParameter p;
  p.host_name = {reinterpret_cast<const char*>(value.data()), name_len};
  p.terminator_length = value.size() - name_len;
  return p;
}

void HostNameAddressParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_bytes(as_bytes_of(host_name.data(), host_name.size()));
  w.put_zeros(nul_bytes());
  w.end_tlv(m);
}

std::string HostNameAddressParameter::to_string() const {
  return "Host Name Address " + std::string(host_name);
}

}  // namespace dpsctp::wire
