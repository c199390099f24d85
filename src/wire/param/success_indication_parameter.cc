// Success Indication parameter (RFC 5061 §4.2.5); layout in the header.
#include "wire/param/success_indication_parameter.h"

#include "wire/bounded_reader.h"
#include "wire/param/param_codec.h"

namespace dpsctp::wire {

Result<SuccessIndicationParameter> SuccessIndicationParameter::parse(const TlvView& t) {
  // RFC 5061 §4.2.5: Length = 8.
  if (ParseError e = param_codec::check_fixed(t, kType, kSize); e != ParseError::kOk) return e;
  BoundedReader<kSize> r(t.bytes);
  SuccessIndicationParameter p;
  p.correlation_id = r.load32<4>();
  return p;
}

void SuccessIndicationParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_u32(correlation_id);
  w.end_tlv(m);
}

std::string SuccessIndicationParameter::to_string() const {
  return "Success Indication id=" + std::to_string(correlation_id);
}

}  // namespace dpsctp::wire
