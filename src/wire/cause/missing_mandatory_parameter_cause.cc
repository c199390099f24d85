// Missing Mandatory Parameter (RFC 9260 §3.3.10.2); layout in the header.
#include "wire/cause/missing_mandatory_parameter_cause.h"

#include <cassert>
#include <cstdio>

#include "wire/bounded_reader.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire {

Result<MissingMandatoryParameterCause> MissingMandatoryParameterCause::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kCode, kFixedSize, TlvKind::kCause); e != ParseError::kOk) {
    return e;
  }
  const BoundedReader<kFixedSize> r(t.bytes);
  MissingMandatoryParameterCause c;
  c.count = r.load32<4>();
  c.types = r.variable_data();
  // RFC 9260 §3.3.10.2: Cause Length = 8 + N * 2, N = Number of missing params.
  if (c.types.size() % kTypeSize != 0 || c.types.size() / kTypeSize != c.count) {
    return ParseError::kCauseLengthMismatch;
  }
  return c;
}

uint16_t MissingMandatoryParameterCause::missing_type(size_t i) const {
  assert(i < count && (i + 1) * kTypeSize <= types.size());
  return load_u16(types.data() + i * kTypeSize);
}

void MissingMandatoryParameterCause::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kCode);
  w.put_u32(count);
  w.put_bytes(types);
  w.end_tlv(m);
}

void MissingMandatoryParameterCause::write(BufferWriter& w, std::span<const uint16_t> missing) {
  const BufferWriter::Mark m = w.begin_tlv(kCode);
  w.put_u32(static_cast<uint32_t>(missing.size()));
  for (uint16_t type : missing) w.put_u16(type);
  w.end_tlv(m);
}

std::string MissingMandatoryParameterCause::to_string() const {
  std::string s = std::string(cause_code::name(kCode)) + " [";
  for (size_t i = 0; i < count && (i + 1) * kTypeSize <= types.size(); ++i) {
    if (i > 0) s += ", ";
    const uint16_t type = missing_type(i);
    if (std::string_view name = param_type::name(type); name != "Unknown") {
      s += name;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%04x", type);
      s += buf;
    }
  }
  return s + "]";
}

}  // namespace dpsctp::wire
