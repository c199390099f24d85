// IPv6 Neighbour Discovery (RFC 4861) as address resolution needs it: Neighbour
// Solicitation (§4.3) and Advertisement (§4.4) with the Source / Target Link-Layer Address
// options (§4.6.1, RFC 2464 §6 for Ethernet), their validation (§7.1.1, §7.1.2), the
// answer to a solicitation for our address (§7.2.4), and the solicited-node multicast
// address (RFC 4291 §2.7.1) with its Ethernet mapping (RFC 2464 §7).
//
//   +--------+--------+----------------+   NS: Reserved (32 bits)
//   |135/136 | Code 0 |    Checksum    |   NA: R S O Reserved (R: router, S: solicited,
//   +--------+--------+----------------+                       O: override)
//   |   Reserved / R|S|O flags         |
//   +----------------------------------+   Link-layer address option (Ethernet):
//   |      Target Address (16)         |   +------+--------+-----------------+
//   +----------------------------------+   | 1/2  | Len 1  |  MAC (6 bytes)  |
//   |  Options ...                         +------+--------+-----------------+
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "dpsctp/address.h"
#include "runtime/net/ipv6.h"
#include "runtime/net/mac_address.h"
#include "runtime/net/net_error.h"
#include "wire/buffer_writer.h"

namespace dpsctp::net {

/// RFC 4861 §7.1: NDP messages are sent with, and must arrive with, Hop Limit 255.
inline constexpr uint8_t kNdpHopLimit = 255;

/// ff02::1:ffXX:XXXX from the low 24 bits of `ip` (RFC 4291 §2.7.1).
IpAddress solicited_node_multicast(const IpAddress& ip);
/// True for ff02::1:ff00:0/104.
bool is_solicited_node_multicast(const IpAddress& ip);
/// 33:33 followed by the low 32 bits of an IPv6 multicast address (RFC 2464 §7); for a
/// solicited-node address that is 33:33:ff:xx:xx:xx.
MacAddress ipv6_multicast_mac(const IpAddress& group);
/// ff00::/8 (RFC 4291 §2.7).
bool is_ipv6_multicast(const IpAddress& ip);
/// :: (RFC 4291 §2.5.2), the source of Duplicate Address Detection probes.
bool is_ipv6_unspecified(const IpAddress& ip);
/// ff02::1, all-nodes (RFC 4291 §2.7.1).
IpAddress ipv6_all_nodes();

/// Neighbour Solicitation (ICMPv6 type 135), RFC 4861 §4.3.
struct NeighbourSolicitation {
  static constexpr size_t kFixedSize = 24;

  IpAddress target = IpAddress::v6({});
  std::optional<MacAddress> source_lla;  ///< Source Link-Layer Address option

  /// Parses and validates (RFC 4861 §7.1.1) an ICMPv6 message received in `ip`.
  /// Errors: kNdpBadHopLimit, kIcmpTruncated, kIcmpBadChecksum, kIcmpWrongType,
  /// kIcmpBadCode, kNdpTargetMulticast, kNdpBadOptionLength, kNdpBadLinkLayerOption,
  /// kNdpUnspecifiedSource.
  static Result<NeighbourSolicitation> parse(ByteSpan icmp, const Ipv6Header& ip);
  [[nodiscard]] size_t serialized_size() const { return kFixedSize + (source_lla ? 8 : 0); }
  /// Writes the ICMPv6 message with its checksum for `src` -> `dst`.
  void serialize_to(BufferWriter& w, const IpAddress& src, const IpAddress& dst) const;
};

/// Neighbour Advertisement (ICMPv6 type 136), RFC 4861 §4.4.
struct NeighbourAdvertisement {
  static constexpr size_t kFixedSize = 24;

  IpAddress target = IpAddress::v6({});
  bool router = false;     ///< R: the sender is a router
  bool solicited = false;  ///< S: answers a solicitation (confirms reachability, §7.2.5)
  bool override_ = false;  ///< O: replace a cached link-layer address (§7.2.5)
  std::optional<MacAddress> target_lla;  ///< Target Link-Layer Address option

  /// Parses and validates (RFC 4861 §7.1.2) an ICMPv6 message received in `ip`.
  /// Errors: kNdpBadHopLimit, kIcmpTruncated, kIcmpBadChecksum, kIcmpWrongType,
  /// kIcmpBadCode, kNdpTargetMulticast, kNdpBadOptionLength, kNdpBadLinkLayerOption,
  /// kNdpSolicitedToMulticast.
  static Result<NeighbourAdvertisement> parse(ByteSpan icmp, const Ipv6Header& ip);
  [[nodiscard]] size_t serialized_size() const { return kFixedSize + (target_lla ? 8 : 0); }
  /// Writes the ICMPv6 message with its checksum for `src` -> `dst`.
  void serialize_to(BufferWriter& w, const IpAddress& src, const IpAddress& dst) const;
};

/// An advertisement to send and where to.
struct NdpAnswer {
  NeighbourAdvertisement na;
  IpAddress dst = IpAddress::v6({});  ///< IPv6 destination
  /// Ethernet destination: the solicitation's SLLA, all-nodes' MAC, or nullopt when the
  /// caller must resolve `dst` itself (unicast NS without SLLA, a NUD probe).
  std::optional<MacAddress> dst_mac;
};

/// RFC 4861 §7.2.4: the advertisement answering `ns` (received in `ip`) when its target is
/// `our_ip`; nullopt otherwise. S=1 and unicast to the solicitation's source, or, from the
/// unspecified address (DAD), S=0 to all-nodes; O=1 with our Target LLA; R=0 (a host). The
/// caller also updates its cache from a source LLA (§7.2.3: on_unsolicited()).
std::optional<NdpAnswer> ndp_answer_for(const NeighbourSolicitation& ns, const Ipv6Header& ip,
                                        const MacAddress& our_mac, const IpAddress& our_ip);

/// Writes a whole Ethernet + IPv6 + NS frame resolving `target` (RFC 4861 §7.2.2): to its
/// solicited-node multicast address, or, for a reachability probe (§7.3.3 PROBE), unicast
/// to `unicast_to`. Carries our SLLA (§4.3: "MUST be included in multicast solicitations
/// and SHOULD be included in unicast solicitations").
void write_neighbour_solicitation_frame(BufferWriter& w, const MacAddress& our_mac,
                                        const IpAddress& our_ip, const IpAddress& target,
                                        std::optional<MacAddress> unicast_to = std::nullopt);
/// Writes a whole Ethernet + IPv6 + NA frame for `answer` from `our_ip` / `our_mac` to
/// `dst_mac` (answer.dst_mac, or the caller's resolution of answer.dst).
void write_neighbour_advertisement_frame(BufferWriter& w, const MacAddress& our_mac,
                                         const IpAddress& our_ip, const NdpAnswer& answer,
                                         const MacAddress& dst_mac);

}  // namespace dpsctp::net
