// CWR chunk (RFC 9260 Appendix A); layout in cwr_chunk.h.
#include "wire/chunk/cwr_chunk.h"

#include "wire/bounded_reader.h"
#include "wire/chunk/chunk_common.h"

namespace dpsctp::wire {

Result<CwrChunk> CwrChunk::parse(const ChunkView& c) {
  // RFC 9260 Appendix A: Length = 8; no flags are defined, so they are ignored.
  if (ParseError e = check_fixed_size_chunk(c, kType, kSize); e != ParseError::kOk) return e;
  BoundedReader<kSize> r(c.bytes);
  CwrChunk cwr;
  cwr.lowest_tsn = Tsn(r.load32<4>());
  return cwr;
}

void CwrChunk::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(kType), 0);  // Flags = 0
  w.put_u32(lowest_tsn.value());
  w.end_tlv(m);
}

std::string CwrChunk::to_string() const {
  return "CWR lowest_tsn=" + std::to_string(lowest_tsn.value());
}

}  // namespace dpsctp::wire
