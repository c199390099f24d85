// The extension chunk types one end announces in the Supported Extensions parameter
// (RFC 5061 §4.2.7) of its INIT / INIT ACK, as a bitmask: what we offer (from our
// options), what the peer listed, and the intersection the association uses.
//
// One place for every extension negotiated this way: RFC 8260 I-DATA / I-FORWARD-TSN
// (§2.2.1: used only when both ends list I-DATA), RFC 6525 RE-CONFIG (§4.1), and the
// chunk types we merely recognise (ASCONF, AUTH, PAD) so a peer's list parses fully.
#pragma once

#include <cstdint>

#include "dpsctp/options.h"
#include "wire/buffer_writer.h"
#include "wire/tlv.h"

namespace dpsctp::core {

/// Bits of an extension set; one per chunk type of the Supported Extensions list.
using ExtensionSet = uint16_t;
inline constexpr ExtensionSet kExtIData = 1u << 0;        ///< 0x40 (RFC 8260 §2.1)
inline constexpr ExtensionSet kExtIForwardTsn = 1u << 1;  ///< 0xC2 (RFC 8260 §2.3)
inline constexpr ExtensionSet kExtReconfig = 1u << 2;     ///< 0x82 (RFC 6525 §3.1)
inline constexpr ExtensionSet kExtForwardTsn = 1u << 3;   ///< 0xC0 (RFC 3758 §3.2)
inline constexpr ExtensionSet kExtAsconf = 1u << 4;       ///< 0xC1 (RFC 5061 §4.1.1)
inline constexpr ExtensionSet kExtAsconfAck = 1u << 5;    ///< 0x80 (RFC 5061 §4.1.2)
inline constexpr ExtensionSet kExtAuth = 1u << 6;         ///< 0x0F (RFC 4895 §4.1)
inline constexpr ExtensionSet kExtPad = 1u << 7;          ///< 0x84 (RFC 4820 §3)

/// The extensions our options make us announce (RFC 5061 §4.2.7): I-DATA if
/// interleaving_enable, I-FORWARD-TSN with it if prsctp_enable too (RFC 8260 §2.3).
[[nodiscard]] ExtensionSet offered_extensions(const AssociationOptions& o);

/// The set listed by the Supported Extensions parameter among `params` (an INIT's or
/// INIT ACK's); 0 if there is none. Unknown chunk types in the list are ignored; a
/// malformed parameter lists nothing.
[[nodiscard]] ExtensionSet peer_extensions(wire::TlvRange params);

/// Writes a Supported Extensions parameter listing `set`; nothing if `set` is empty.
void write_supported_extensions(wire::BufferWriter& w, ExtensionSet set);

}  // namespace dpsctp::core
