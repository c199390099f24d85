// Human-readable descriptions of anything on the wire, decoded by the typed parsers:
// "INIT tag=... params=[IPv4 127.0.0.1, ...]". For logs, the pcap tooling and tests; and
// the fuzz target, which drives every typed parser through these functions. Slow path
// (allocates strings): never call it per packet on the fast path.
#pragma once

#include <string>

#include "wire/chunk_view.h"
#include "wire/packet_view.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

/// A parameter decoded by its typed parser; "<name> malformed: <error>" or "Unknown
/// parameter 0x.... (action)" otherwise.
std::string describe_parameter(const TlvView& p);
/// A chunk decoded by its typed parser, with nested parameters and error causes.
std::string describe_chunk(const ChunkView& c);
/// Common header and every chunk, one per line.
std::string describe_packet(const PacketView& p);

}  // namespace dpsctp::wire
