// Incoming SSN Reset Request parameter (RFC 6525 §4.2); layout in the header.
#include "wire/param/incoming_ssn_reset_request_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<IncomingSsnResetRequestParameter> IncomingSsnResetRequestParameter::parse(const TlvView& t) {
  // RFC 6525 §4.2: Parameter Length = 8 + 2 * N.
  if (ParseError e = check_tlv(t, kType, kFixedSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kFixedSize> r(t.bytes);
  const ByteSpan streams = r.variable_data();
  if (ParseError e = param_codec::check_u16_array(streams); e != ParseError::kOk) return e;
  IncomingSsnResetRequestParameter p;
  p.request_sn = r.load32<4>();
  p.stream_ids = streams;
  return p;
}

void IncomingSsnResetRequestParameter::write(BufferWriter& w, uint32_t request_sn,
                                             std::span<const StreamId> streams) {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_u32(request_sn);
  param_codec::put_stream_ids(w, streams);
  w.end_tlv(m);
}

void IncomingSsnResetRequestParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_u32(request_sn);
  w.put_bytes(stream_ids);
  w.end_tlv(m);
}

std::string IncomingSsnResetRequestParameter::to_string() const {
  return "Incoming SSN Reset Request req=" + std::to_string(request_sn) +
         " streams=" + (all_streams() ? "all" : param_codec::join_u16s(stream_ids));
}

}  // namespace dpsctp::wire
