// Unrecognized Parameter (RFC 9260 §3.3.3.1); layout in unrecognized_parameter.h.
#include "wire/param/unrecognized_parameter.h"

#include <cstdio>

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<UnrecognizedParameter> UnrecognizedParameter::parse(const TlvView& t) {
  // RFC 9260 §3.3.3.1: the value is the unrecognized parameter "complete with Parameter
  // Type, Length, and Value fields", so it holds at least one TLV header.
  if (ParseError e = check_tlv(t, kType, kMinSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kHeaderSize> r(t.bytes);
  const ByteSpan area = r.variable_data();
  if (Result<size_t> n = validate_tlvs(area, TlvKind::kParameter); !n) return n.error();
  UnrecognizedParameter p;
  p.unrecognized = area;
  return p;
}

void UnrecognizedParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_bytes(unrecognized);
  w.end_tlv(m);
}

std::string UnrecognizedParameter::to_string() const {
  std::string s = "Unrecognized Parameter";
  for (const TlvView& p : parameters()) {
    char buf[48];
    std::snprintf(buf, sizeof buf, " type=0x%04x len=%u", p.type, p.length);
    s += buf;
  }
  return s;
}

}  // namespace dpsctp::wire
