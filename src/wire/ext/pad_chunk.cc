// PAD chunk (RFC 4820 §3); layout in pad_chunk.h.
#include "wire/ext/pad_chunk.h"

#include "wire/ext/ext_chunk_util.h"

namespace dpsctp::wire {

Result<PadChunk> PadChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kHeaderSize); e != ParseError::kOk) return e;
  PadChunk p;
  p.padding = c.value();
  return p;
}

void PadChunk::serialize_to(BufferWriter& w) const {
  ext_detail::write_chunk(w, kType, ext_detail::RawBytes{padding});
}

void PadChunk::write(BufferWriter& w, size_t padding_size) {
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(kType), 0);
  w.put_zeros(padding_size);
  w.end_tlv(m);  // fails the writer if 4 + padding_size does not fit the length field
}

std::string PadChunk::to_string() const { return "PAD len=" + std::to_string(padding.size()); }

}  // namespace dpsctp::wire
