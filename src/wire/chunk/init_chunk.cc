// INIT chunk (RFC 9260 §3.3.2); layout in init_chunk.h, shared code in init_chunk_base.cc.
#include "wire/chunk/init_chunk.h"

namespace dpsctp::wire {

// On kChunkInvalidField the core reacts as RFC 9260 §3.3.2 requires:
//  - Initiate Tag 0: "the receiver MUST silently discard the packet";
//  - OS 0 or MIS 0: the receiver "MUST discard the packet, SHOULD send a packet in
//    response containing an ABORT chunk and using the Initiate Tag as the Verification
//    Tag, and MUST NOT change the state of any existing association" (T bit clear, §8.4).
// The fixed part is intact in both cases, so the core reads the Initiate Tag (bytes 4-7)
// from the ChunkView to pick the reaction and to address the ABORT.
Result<InitChunk> InitChunk::parse(const ChunkView& c) {
  InitChunk i;
  if (ParseError e = init_detail::parse(c, kType, i); e != ParseError::kOk) return e;
  return i;
}

BufferWriter::Mark InitChunk::begin(BufferWriter& w, VerificationTag initiate_tag, uint32_t a_rwnd,
                                    uint16_t outbound_streams, uint16_t inbound_streams,
                                    Tsn initial_tsn) {
  return init_detail::begin(w, kType, initiate_tag, a_rwnd, outbound_streams, inbound_streams,
                            initial_tsn);
}

void InitChunk::serialize_to(BufferWriter& w) const { init_detail::serialize(w, kType, *this); }

std::string InitChunk::to_string() const { return init_detail::to_string("INIT", *this); }

}  // namespace dpsctp::wire
