// Random parameter (RFC 4895 §3.1); layout in random_parameter.h.
#include "wire/param/random_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<RandomParameter> RandomParameter::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kType, kHeaderSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  // RFC 4895 §6.1: a Random Number that is not 32 bytes long MUST abort the association.
  // The TLV framing is fine, the field is not: kParamInvalidField.
  if (t.length != kSize) return ParseError::kParamInvalidField;
  BoundedReader<kSize> r(t.bytes);
  RandomParameter p;
  p.random = r.fixed_bytes<kHeaderSize, kRandomSize>();
  return p;
}

void RandomParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_bytes(random);
  w.end_tlv(m);
}

std::string RandomParameter::to_string() const {
  return "Random len=" + std::to_string(random.size());
}

}  // namespace dpsctp::wire
