// Chunk List parameter (RFC 4895 §3.2); layout in chunk_list_parameter.h.
#include "wire/param/chunk_list_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<ChunkListParameter> ChunkListParameter::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kType, kHeaderSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kHeaderSize> r(t.bytes);
  ChunkListParameter p;
  p.chunk_types = r.variable_data();  // RFC 4895 §3.2: one byte per chunk type
  return p;
}

bool ChunkListParameter::requires_auth(ChunkType type) const {
  switch (type) {
    case ChunkType::kInit:
    case ChunkType::kInitAck:
    case ChunkType::kShutdownComplete:
    case ChunkType::kAuth:
      return false;  // RFC 4895 §3.2: never authenticated, ignored if listed
    default:
      return has(type);
  }
}

void ChunkListParameter::write(BufferWriter& w, std::span<const ChunkType> types) {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  for (ChunkType c : types) w.put_u8(static_cast<uint8_t>(c));
  w.end_tlv(m);
}

void ChunkListParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_bytes(chunk_types);
  w.end_tlv(m);
}

std::string ChunkListParameter::to_string() const {
  return "Chunk List " + param_codec::join_chunk_types(chunk_types);
}

}  // namespace dpsctp::wire
