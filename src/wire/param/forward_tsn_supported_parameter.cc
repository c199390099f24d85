// Forward-TSN-Supported parameter (RFC 3758 §3.1); layout in the header.
#include "wire/param/forward_tsn_supported_parameter.h"

#include "wire/param/param_codec.h"

namespace dpsctp::wire {

Result<ForwardTsnSupportedParameter> ForwardTsnSupportedParameter::parse(const TlvView& t) {
  // RFC 3758 §3.1: Parameter Length = 4, no value.
  if (ParseError e = param_codec::check_fixed(t, kType, kSize); e != ParseError::kOk) return e;
  return ForwardTsnSupportedParameter{};
}

void ForwardTsnSupportedParameter::serialize_to(BufferWriter& w) const {
  w.end_tlv(w.begin_tlv(kType));
}

}  // namespace dpsctp::wire
