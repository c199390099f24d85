// Heartbeat Info parameter (RFC 9260 §3.3.5); layout in heartbeat_info_parameter.h.
#include "wire/param/heartbeat_info_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<HeartbeatInfoParameter> HeartbeatInfoParameter::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kType, kHeaderSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kHeaderSize> r(t.bytes);
  HeartbeatInfoParameter p;
  p.info = r.variable_data();
  return p;
}

void HeartbeatInfoParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_bytes(info);
  w.end_tlv(m);
}

std::string HeartbeatInfoParameter::to_string() const {
  return "Heartbeat Info len=" + std::to_string(info.size());
}

}  // namespace dpsctp::wire
