// Ethernet II framing (RFC 894 for IPv4, RFC 2464 for IPv6) with at most one IEEE 802.1Q
// VLAN tag.
//
//   +-----------------+-----------------+-------------+-----------+-----------+-------
//   | destination (6) |   source (6)    | TPID 0x8100 |  TCI (2)  | EtherType | payload
//   +-----------------+-----------------+-------------+-----------+-----------+-------
//                                       \_ optional 802.1Q tag ___/
//   TCI: PCP (3 bits) | DEI (1 bit) | VID (12 bits)
//
// The FCS is not part of what the NIC hands over. A received payload may carry padding up
// to the 60-byte minimum frame: the IP layer trims it with its own length field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "runtime/net/mac_address.h"
#include "runtime/net/net_error.h"
#include "wire/buffer_writer.h"

namespace dpsctp::net {

using wire::BufferWriter;
using ByteSpan = std::span<const std::byte>;

/// EtherType values (IEEE registry) the runtime dispatches on.
namespace ether_type {
inline constexpr uint16_t kIpv4 = 0x0800;
inline constexpr uint16_t kArp = 0x0806;
inline constexpr uint16_t kVlan = 0x8100;  ///< IEEE 802.1Q C-tag TPID
inline constexpr uint16_t kQinQ = 0x88a8;  ///< IEEE 802.1ad S-tag TPID (not supported)
inline constexpr uint16_t kIpv6 = 0x86dd;
/// Smallest value that is an EtherType; below it the field is an IEEE 802.3 length.
inline constexpr uint16_t kMinEtherType = 0x0600;
}  // namespace ether_type

/// The 802.1Q Tag Control Information.
struct VlanTag {
  uint8_t pcp = 0;   ///< priority code point, 0..7
  bool dei = false;  ///< drop eligible indicator
  uint16_t vid = 0;  ///< VLAN identifier, 0..4095 (0: priority tag only)

  [[nodiscard]] uint16_t tci() const {
    return static_cast<uint16_t>(((pcp & 7u) << 13) | (dei ? 0x1000u : 0u) | (vid & 0x0fffu));
  }
  static VlanTag from_tci(uint16_t tci) {
    return {static_cast<uint8_t>(tci >> 13), (tci & 0x1000) != 0,
            static_cast<uint16_t>(tci & 0x0fff)};
  }
  friend bool operator==(const VlanTag&, const VlanTag&) = default;
};

struct EthernetHeader {
  static constexpr size_t kSize = 14;     ///< untagged header
  static constexpr size_t kVlanSize = 4;  ///< one 802.1Q tag

  MacAddress dst;
  MacAddress src;
  std::optional<VlanTag> vlan;
  uint16_t ether_type = 0;  ///< of the payload (the inner one when tagged)

  [[nodiscard]] size_t size() const { return vlan ? kSize + kVlanSize : kSize; }
  /// Writes the 14 or 18 header bytes; the payload follows in the same writer.
  void serialize_to(BufferWriter& w) const;
  /// "aa:..:ff > 11:..:66 vlan 100 pcp 0 type 0x0800"
  [[nodiscard]] std::string to_string() const;
};

/// RFC 894: the data field is at least 46 octets, so a frame without its FCS is at least
/// 60; NICs do not all pad short frames themselves.
inline constexpr size_t kMinFrameSize = 60;

/// Pads the frame written since `frame_start` with zeros up to kMinFrameSize (RFC 894:
/// "the data field should be padded (with octets of zero) to meet the Ethernet minimum
/// frame size"). Receivers trim the padding with the IP / ARP lengths.
void pad_ethernet_frame(BufferWriter& w, size_t frame_start);

/// A received Ethernet II frame: the header values and a view of the payload.
struct EthernetFrame {
  EthernetHeader header;
  ByteSpan payload;  ///< everything after the header (may include trailing padding)

  /// Parses `frame` (as the NIC delivered it, no FCS). Errors: kEthernetTruncated,
  /// kEthernetVlanTruncated, kEthernetNotEthernetII, kEthernetStackedVlan.
  static Result<EthernetFrame> parse(ByteSpan frame);
};

}  // namespace dpsctp::net
