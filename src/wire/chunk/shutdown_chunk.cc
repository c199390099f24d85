// SHUTDOWN chunk (RFC 9260 §3.3.8); layout in shutdown_chunk.h.
#include "wire/chunk/shutdown_chunk.h"

#include "wire/bounded_reader.h"
#include "wire/chunk/chunk_common.h"

namespace dpsctp::wire {

Result<ShutdownChunk> ShutdownChunk::parse(const ChunkView& c) {
  // RFC 9260 §3.3.8: Length = 8; the flags are ignored on receipt.
  if (ParseError e = check_fixed_size_chunk(c, kType, kSize); e != ParseError::kOk) return e;
  BoundedReader<kSize> r(c.bytes);
  ShutdownChunk s;
  s.cum_tsn_ack = Tsn(r.load32<4>());
  return s;
}

void ShutdownChunk::serialize_to(BufferWriter& w) const {
  // RFC 9260 §3.3.8: Chunk Flags "Set to 0 on transmit and ignored on receipt".
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(kType), 0);
  w.put_u32(cum_tsn_ack.value());
  w.end_tlv(m);
}

std::string ShutdownChunk::to_string() const {
  return "SHUTDOWN cum_tsn=" + std::to_string(cum_tsn_ack.value());
}

}  // namespace dpsctp::wire
