// Adaptation Layer Indication parameter (RFC 5061 §4.2.6); layout in the header.
#include "wire/param/adaptation_layer_indication_parameter.h"

#include <cstdio>

#include "wire/bounded_reader.h"
#include "wire/param/param_codec.h"

namespace dpsctp::wire {

Result<AdaptationLayerIndicationParameter> AdaptationLayerIndicationParameter::parse(
    const TlvView& t) {
  // RFC 5061 §4.2.6: Length = 8.
  if (ParseError e = param_codec::check_fixed(t, kType, kSize); e != ParseError::kOk) return e;
  BoundedReader<kSize> r(t.bytes);
  AdaptationLayerIndicationParameter p;
  p.code_point = r.load32<4>();
  return p;
}

void AdaptationLayerIndicationParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_u32(code_point);
  w.end_tlv(m);
}

std::string AdaptationLayerIndicationParameter::to_string() const {
  char buf[48];
  std::snprintf(buf, sizeof buf, "Adaptation Layer Indication 0x%08x", code_point);
  return buf;
}

}  // namespace dpsctp::wire
