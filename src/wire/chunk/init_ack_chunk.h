// INIT ACK chunk (RFC 9260 §3.3.3): answers an INIT; carries the State Cookie.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 2    |  Chunk Flags  |         Chunk Length          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                         Initiate Tag                          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Advertised Receiver Window Credit (a_rwnd)           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  Number of Outbound Streams   |   Number of Inbound Streams   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                          Initial TSN                          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \              Optional/Variable-Length Parameters              /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Two ways to build one:
//  - fill the fields and `params` (pre-encoded parameter bytes) and call serialize_to();
//  - or write the parameters in place, with no intermediate buffer:
//        const BufferWriter::Mark m = InitAckChunk::begin(w, tag, a_rwnd, os, mis, itsn);
//        Ipv4AddressParameter{...}.serialize_to(w);  // any number of parameters
//        w.end_tlv(m);  // patches the chunk length and pads it (§3.2)
//
// Not checked here, because they need context or are parameter-level: the mandatory
// State Cookie parameter (§3.3.3, "Missing Mandatory Parameter" §3.3.10.2) and OS not
// above the MIS our INIT sent (§3.3.3). The core checks both.
#pragma once

#include <string>

#include "wire/chunk/init_chunk_base.h"

namespace dpsctp::wire {

struct InitAckChunk : InitFields {
  static constexpr ChunkType kType = ChunkType::kInitAck;

  /// kChunkInvalidField when the Initiate Tag, OS or MIS is 0 (the reaction RFC 9260 asks
  /// for: init_ack_chunk.cc); TLV errors (kParam*) when the parameter area is malformed.
  static Result<InitAckChunk> parse(const ChunkView& c);
  /// Opens an INIT ACK and writes its fixed part; close it with w.end_tlv(mark).
  static BufferWriter::Mark begin(BufferWriter& w, VerificationTag initiate_tag, uint32_t a_rwnd,
                                  uint16_t outbound_streams, uint16_t inbound_streams,
                                  Tsn initial_tsn);
  [[nodiscard]] size_t serialized_size() const { return kFixedSize + params.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
