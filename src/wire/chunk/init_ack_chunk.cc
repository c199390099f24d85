// INIT ACK chunk (RFC 9260 §3.3.3); layout in init_ack_chunk.h, shared code in
// init_chunk_base.cc.
#include "wire/chunk/init_ack_chunk.h"

namespace dpsctp::wire {

// On kChunkInvalidField the core reacts as RFC 9260 §3.3.3 requires, the same way for
// an Initiate Tag, an OS or a MIS of 0: in COOKIE-WAIT it "MUST destroy the TCB and
// SHOULD send an ABORT chunk" (T bit set for the zero tag); in any state other than
// CLOSED or COOKIE-WAIT the INIT ACK "SHOULD be discarded silently" (§5.2.3).
Result<InitAckChunk> InitAckChunk::parse(const ChunkView& c) {
  InitAckChunk i;
  if (ParseError e = init_detail::parse(c, kType, i); e != ParseError::kOk) return e;
  return i;
}

BufferWriter::Mark InitAckChunk::begin(BufferWriter& w, VerificationTag initiate_tag,
                                       uint32_t a_rwnd, uint16_t outbound_streams,
                                       uint16_t inbound_streams, Tsn initial_tsn) {
  return init_detail::begin(w, kType, initiate_tag, a_rwnd, outbound_streams, inbound_streams,
                            initial_tsn);
}

void InitAckChunk::serialize_to(BufferWriter& w) const { init_detail::serialize(w, kType, *this); }

std::string InitAckChunk::to_string() const { return init_detail::to_string("INIT_ACK", *this); }

}  // namespace dpsctp::wire
