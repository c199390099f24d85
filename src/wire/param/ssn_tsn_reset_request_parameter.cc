// SSN/TSN Reset Request parameter (RFC 6525 §4.3); layout in the header.
#include "wire/param/ssn_tsn_reset_request_parameter.h"

#include "wire/bounded_reader.h"
#include "wire/param/param_codec.h"

namespace dpsctp::wire {

Result<SsnTsnResetRequestParameter> SsnTsnResetRequestParameter::parse(const TlvView& t) {
  // RFC 6525 §4.3: Parameter Length = 8.
  if (ParseError e = param_codec::check_fixed(t, kType, kSize); e != ParseError::kOk) return e;
  BoundedReader<kSize> r(t.bytes);
  SsnTsnResetRequestParameter p;
  p.request_sn = r.load32<4>();
  return p;
}

void SsnTsnResetRequestParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_u32(request_sn);
  w.end_tlv(m);
}

std::string SsnTsnResetRequestParameter::to_string() const {
  return "SSN/TSN Reset Request req=" + std::to_string(request_sn);
}

}  // namespace dpsctp::wire
