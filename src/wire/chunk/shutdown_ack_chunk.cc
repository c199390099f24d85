// SHUTDOWN ACK chunk (RFC 9260 §3.3.9); layout in shutdown_ack_chunk.h.
#include "wire/chunk/shutdown_ack_chunk.h"

#include "wire/chunk/chunk_common.h"

namespace dpsctp::wire {

Result<ShutdownAckChunk> ShutdownAckChunk::parse(const ChunkView& c) {
  // RFC 9260 §3.3.9: Length = 4; the flags are ignored on receipt.
  if (ParseError e = check_fixed_size_chunk(c, kType, kSize); e != ParseError::kOk) return e;
  return ShutdownAckChunk{};
}

void ShutdownAckChunk::serialize_to(BufferWriter& w) const {
  // RFC 9260 §3.3.9: Chunk Flags "Set to 0 on transmit and ignored on receipt".
  w.end_tlv(w.begin_chunk(static_cast<uint8_t>(kType), 0));
}

}  // namespace dpsctp::wire
