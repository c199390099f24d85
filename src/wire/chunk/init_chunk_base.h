// The layout INIT (RFC 9260 §3.3.2) and INIT ACK (§3.3.3) share: the same five fixed
// fields followed by a parameter area. InitChunk and InitAckChunk derive from InitFields
// and forward to init_detail, so the parsing and writing rules exist once.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  Type = 1 / 2 |  Chunk Flags  |         Chunk Length          |
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
#pragma once

#include <string>
#include <string_view>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

/// The fields of an INIT or INIT ACK. `params` views the parameter area: the packet's
/// bytes after parse(), the caller's bytes when building (serialised verbatim).
struct InitFields {
  static constexpr size_t kFixedSize = 20;
  static constexpr uint8_t kFlags = 0;  ///< RFC 9260 §3.3.2: flags set to 0, ignored

  VerificationTag initiate_tag;
  uint32_t a_rwnd = 0;
  uint16_t outbound_streams = 0;  ///< OS
  uint16_t inbound_streams = 0;   ///< MIS
  Tsn initial_tsn;
  ByteSpan params;

  /// The parameters; parse() validated the area, so iteration visits every one.
  [[nodiscard]] TlvRange parameters() const { return {params, TlvKind::kParameter}; }
};

namespace init_detail {

/// Decodes the fixed part into `out`, rejects the values §3.3.2 / §3.3.3 forbid
/// (Initiate Tag 0, OS 0, MIS 0: kChunkInvalidField, checked in that order) and
/// validates the parameter area. `out` is only meaningful when kOk is returned.
ParseError parse(const ChunkView& c, ChunkType type, InitFields& out);

/// Writes the chunk header and the fixed part; the caller appends parameters and closes
/// the chunk with w.end_tlv() on the returned mark.
BufferWriter::Mark begin(BufferWriter& w, ChunkType type, VerificationTag initiate_tag,
                         uint32_t a_rwnd, uint16_t outbound_streams, uint16_t inbound_streams,
                         Tsn initial_tsn);

/// Writes a whole chunk: header, fixed part, `f.params` verbatim.
void serialize(BufferWriter& w, ChunkType type, const InitFields& f);

/// "<name> tag=... a_rwnd=... os=... mis=... itsn=... params=[...]".
std::string to_string(std::string_view name, const InitFields& f);

}  // namespace init_detail
}  // namespace dpsctp::wire
