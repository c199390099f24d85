// Requested HMAC Algorithm parameter (RFC 4895 §3.3); layout in the header.
#include "wire/param/requested_hmac_algorithm_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<RequestedHmacAlgorithmParameter> RequestedHmacAlgorithmParameter::parse(const TlvView& t) {
  // RFC 4895 §3.3: at least "HMAC Identifier 1", each 16 bits.
  if (ParseError e = check_tlv(t, kType, kMinSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kHeaderSize> r(t.bytes);
  const ByteSpan ids = r.variable_data();
  if (ParseError e = param_codec::check_u16_array(ids); e != ParseError::kOk) return e;
  RequestedHmacAlgorithmParameter p;
  p.hmac_ids = ids;
  return p;
}

void RequestedHmacAlgorithmParameter::write(BufferWriter& w, std::span<const uint16_t> ids) {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  param_codec::put_u16s(w, ids);
  w.end_tlv(m);
}

void RequestedHmacAlgorithmParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_bytes(hmac_ids);
  w.end_tlv(m);
}

std::string RequestedHmacAlgorithmParameter::to_string() const {
  return "Requested HMAC Algorithm " + param_codec::join_u16s(hmac_ids);
}

}  // namespace dpsctp::wire
