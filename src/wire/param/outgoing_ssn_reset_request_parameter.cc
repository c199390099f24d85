// Outgoing SSN Reset Request parameter (RFC 6525 §4.1); layout in the header.
#include "wire/param/outgoing_ssn_reset_request_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<OutgoingSsnResetRequestParameter> OutgoingSsnResetRequestParameter::parse(const TlvView& t) {
  // RFC 6525 §4.1: Parameter Length = 16 + 2 * N.
  if (ParseError e = check_tlv(t, kType, kFixedSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kFixedSize> r(t.bytes);
  const ByteSpan streams = r.variable_data();
  if (ParseError e = param_codec::check_u16_array(streams); e != ParseError::kOk) return e;
  OutgoingSsnResetRequestParameter p;
  p.request_sn = r.load32<4>();
  p.response_sn = r.load32<8>();
  p.sender_last_tsn = Tsn(r.load32<12>());
  p.stream_ids = streams;
  return p;
}

BufferWriter::Mark OutgoingSsnResetRequestParameter::write_fixed(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_u32(request_sn);
  w.put_u32(response_sn);
  w.put_u32(sender_last_tsn.value());
  return m;
}

void OutgoingSsnResetRequestParameter::write(BufferWriter& w,
                                             const OutgoingSsnResetRequestParameter& fixed,
                                             std::span<const StreamId> streams) {
  const BufferWriter::Mark m = fixed.write_fixed(w);
  param_codec::put_stream_ids(w, streams);
  w.end_tlv(m);
}

void OutgoingSsnResetRequestParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = write_fixed(w);
  w.put_bytes(stream_ids);
  w.end_tlv(m);
}

std::string OutgoingSsnResetRequestParameter::to_string() const {
  std::string s = "Outgoing SSN Reset Request req=" + std::to_string(request_sn) +
                  " resp=" + std::to_string(response_sn) +
                  " last_tsn=" + std::to_string(sender_last_tsn.value()) + " streams=";
  return s + (all_streams() ? "all" : param_codec::join_u16s(stream_ids));
}

}  // namespace dpsctp::wire
