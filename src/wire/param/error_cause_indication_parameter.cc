// Error Cause Indication parameter (RFC 5061 §4.2.3); layout in the header.
#include "wire/param/error_cause_indication_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<ErrorCauseIndicationParameter> ErrorCauseIndicationParameter::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kType, kFixedSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kFixedSize> r(t.bytes);
  // RFC 5061 §4.2.3: Error Cause(s) in the RFC 9260 §3.3.10 TLV format.
  const ByteSpan area = r.variable_data();
  Result<size_t> n = validate_tlvs(area, TlvKind::kCause);
  if (!n) return n.error();
  ErrorCauseIndicationParameter p;
  p.correlation_id = r.load32<4>();
  p.cause_area = area;
  p.cause_count = *n;
  return p;
}

void ErrorCauseIndicationParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_u32(correlation_id);
  w.put_bytes(cause_area);
  w.end_tlv(m);
}

std::string ErrorCauseIndicationParameter::to_string() const {
  return "Error Cause Indication id=" + std::to_string(correlation_id) +
         " causes=" + std::to_string(cause_count);
}

}  // namespace dpsctp::wire
