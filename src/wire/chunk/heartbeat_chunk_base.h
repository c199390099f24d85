// The layout HEARTBEAT (RFC 9260 §3.3.5) and HEARTBEAT ACK (§3.3.6) share: one Heartbeat
// Information parameter (type 1) whose value is opaque to everyone but its sender, which
// the receiver of the HEARTBEAT echoes back unchanged in the HEARTBEAT ACK.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  Type = 4 / 5 |  Chunk Flags  |       Heartbeat Length        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Heartbeat Info Type = 1    |      HB Info Length           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                 Sender-Specific Heartbeat Info                /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire::heartbeat_detail {

/// Chunk header + parameter header.
inline constexpr size_t kFixedSize = 8;

/// The value of the single Heartbeat Info parameter. Errors: kParamWrongType when the
/// parameter is missing or is not Heartbeat Info; the TLV structure errors (kParam*) when
/// it is malformed; kChunkTrailingBytes when anything follows it.
Result<ByteSpan> parse_info(const ChunkView& c, ChunkType type);

/// Writes the chunk: header (flags 0), Heartbeat Info parameter around `info`.
void write(BufferWriter& w, ChunkType type, ByteSpan info);

}  // namespace dpsctp::wire::heartbeat_detail
