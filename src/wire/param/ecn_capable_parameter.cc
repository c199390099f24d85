// ECN Capable parameter (RFC 9260 Appendix A); layout in ecn_capable_parameter.h.
#include "wire/param/ecn_capable_parameter.h"

#include "wire/param/param_codec.h"

namespace dpsctp::wire {

Result<EcnCapableParameter> EcnCapableParameter::parse(const TlvView& t) {
  // RFC 9260 Appendix A: Parameter Length = 4, no value.
  if (ParseError e = param_codec::check_fixed(t, kType, kSize); e != ParseError::kOk) return e;
  return EcnCapableParameter{};
}

void EcnCapableParameter::serialize_to(BufferWriter& w) const { w.end_tlv(w.begin_tlv(kType)); }

}  // namespace dpsctp::wire
