// Padding parameter (RFC 4820 §4); layout in padding_parameter.h.
#include "wire/param/padding_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<PaddingParameter> PaddingParameter::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kType, kHeaderSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kHeaderSize> r(t.bytes);
  PaddingParameter p;
  p.padding = r.variable_data();
  return p;
}

void PaddingParameter::write(BufferWriter& w, size_t padding_size) {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_zeros(padding_size);  // RFC 4820 §4: content unspecified, zeros are as good
  w.end_tlv(m);
}

void PaddingParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_bytes(padding);
  w.end_tlv(m);
}

std::string PaddingParameter::to_string() const {
  return "Padding len=" + std::to_string(padding.size());
}

}  // namespace dpsctp::wire
