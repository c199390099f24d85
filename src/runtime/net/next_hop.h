// Next-hop selection for the transmit path: which neighbour an IP packet goes to. A
// destination inside one of the interface's on-link prefixes is its own next hop (RFC 1122
// §3.3.1.1: "If the destination is on a connected network, the datagram is sent directly
// to the destination host"); any other destination goes to the default gateway of its
// family (§3.3.1.2 / RFC 4861 §5.2 "next-hop determination"). Without a gateway of that
// family the packet is sent as if on-link (the behaviour before next hops existed: a
// point-to-point link or a peer that answers ARP for everything).
//
// Pure and allocation-free after construction: the shard's TX hook calls next_hop() once
// per packet, which scans the handful of interface prefixes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dpsctp/address.h"

namespace dpsctp::net {

/// Default prefix lengths when the configuration gives none: a /24 IPv4 subnet and the
/// /64 every IPv6 unicast subnet uses (RFC 4291 §2.5.1).
inline constexpr uint8_t kDefaultPrefixV4 = 24;
inline constexpr uint8_t kDefaultPrefixV6 = 64;

/// The default length for `a`'s family.
[[nodiscard]] inline uint8_t default_prefix_len(const IpAddress& a) {
  return a.is_v4() ? kDefaultPrefixV4 : kDefaultPrefixV6;
}
/// The longest prefix `a`'s family allows: 32 or 128.
[[nodiscard]] inline uint8_t max_prefix_len(const IpAddress& a) { return a.is_v4() ? 32 : 128; }

/// An interface address and its on-link prefix length ("192.168.100.1/24").
struct OnLinkPrefix {
  IpAddress address;
  uint8_t length = 0;
};

/// True when `a` and `prefix.address` share family and the first prefix.length bits (a
/// length beyond the family's maximum counts as the maximum). Inline: the config loader
/// (src/config, which links no runtime library) checks gateways with it too.
[[nodiscard]] inline bool in_prefix(const IpAddress& a, const OnLinkPrefix& prefix) {
  if (a.family() != prefix.address.family()) return false;
  const unsigned len = std::min<unsigned>(prefix.length, max_prefix_len(a));
  const uint8_t* x = a.data();
  const uint8_t* y = prefix.address.data();
  const unsigned whole = len / 8;
  if (!std::equal(x, x + whole, y)) return false;
  const unsigned rest = len % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<uint8_t>(0xff00u >> rest);
  return (x[whole] & mask) == (y[whole] & mask);
}

class NextHopTable {
 public:
  NextHopTable() = default;
  /// `prefixes`: the interface's addresses with their lengths (a length beyond the
  /// family's maximum is clamped). `gateways`: the first of each family is used.
  NextHopTable(std::span<const OnLinkPrefix> prefixes, std::span<const IpAddress> gateways);
  /// The interface addresses with `lengths[i]` (missing entries: default_prefix_len).
  static NextHopTable from(std::span<const IpAddress> addresses, std::span<const uint8_t> lengths,
                           std::span<const IpAddress> gateways);

  /// Where a packet to `dst` goes on the link: `dst` itself when on-link (or when there is
  /// no gateway of its family), else the gateway.
  [[nodiscard]] const IpAddress& next_hop(const IpAddress& dst) const;
  [[nodiscard]] bool on_link(const IpAddress& dst) const;
  [[nodiscard]] const std::optional<IpAddress>& gateway(IpAddress::Family f) const {
    return f == IpAddress::Family::kV4 ? gateway_v4_ : gateway_v6_;
  }
  [[nodiscard]] const std::vector<OnLinkPrefix>& prefixes() const { return prefixes_; }

 private:
  std::vector<OnLinkPrefix> prefixes_;
  std::optional<IpAddress> gateway_v4_;
  std::optional<IpAddress> gateway_v6_;
};

}  // namespace dpsctp::net
