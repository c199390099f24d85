// Supported Extensions parameter (RFC 5061 §4.2.7); layout in the header.
#include "wire/param/supported_extensions_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<SupportedExtensionsParameter> SupportedExtensionsParameter::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kType, kHeaderSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<kHeaderSize> r(t.bytes);
  SupportedExtensionsParameter p;
  p.chunk_types = r.variable_data();  // RFC 5061 §4.2.7: one byte per chunk type
  return p;
}

void SupportedExtensionsParameter::write(BufferWriter& w, std::span<const ChunkType> types) {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  for (ChunkType c : types) w.put_u8(static_cast<uint8_t>(c));
  w.end_tlv(m);
}

void SupportedExtensionsParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_bytes(chunk_types);
  w.end_tlv(m);
}

std::string SupportedExtensionsParameter::to_string() const {
  return "Supported Extensions " + param_codec::join_chunk_types(chunk_types);
}

}  // namespace dpsctp::wire
