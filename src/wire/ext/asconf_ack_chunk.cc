// ASCONF-ACK chunk (RFC 5061 §4.1.2); layout in asconf_ack_chunk.h.
#include "wire/ext/asconf_ack_chunk.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<AsconfAckChunk> AsconfAckChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kHeaderSize); e != ParseError::kOk) return e;
  BoundedReader<kHeaderSize> r(c.bytes);
  AsconfAckChunk a;
  a.serial_number = r.load32<4>();
  a.parameters = r.variable_data();
  if (Result<size_t> n = ext_detail::validate_parameters(a.parameters); !n) return n.error();
  return a;
}

void AsconfAckChunk::serialize_to(BufferWriter& w) const {
  ext_detail::write_chunk(w, kType, ext_detail::U32Field{serial_number},
                          ext_detail::RawBytes{parameters});
}

std::string AsconfAckChunk::to_string() const {
  return "ASCONF-ACK serial=" + std::to_string(serial_number) + " " +
         ext_detail::parameter_names(parameters);
}

}  // namespace dpsctp::wire
