// Next-hop selection: on-link prefixes and default gateways (see next_hop.h).
#include "runtime/net/next_hop.h"

#include <algorithm>

namespace dpsctp::net {

NextHopTable::NextHopTable(std::span<const OnLinkPrefix> prefixes,
                           std::span<const IpAddress> gateways)
    : prefixes_(prefixes.begin(), prefixes.end()) {
  for (OnLinkPrefix& p : prefixes_) {
    p.length = std::min(p.length, max_prefix_len(p.address));
  }
  for (const IpAddress& g : gateways) {
    std::optional<IpAddress>& slot = g.is_v4() ? gateway_v4_ : gateway_v6_;
    if (!slot) slot = g;
  }
}

NextHopTable NextHopTable::from(std::span<const IpAddress> addresses,
                                std::span<const uint8_t> lengths,
                                std::span<const IpAddress> gateways) {
  std::vector<OnLinkPrefix> p;
  p.reserve(addresses.size());
  for (size_t i = 0; i < addresses.size(); ++i) {
    p.push_back({addresses[i], i < lengths.size() ? lengths[i] : default_prefix_len(addresses[i])});
  }
  return NextHopTable(p, gateways);
}

bool NextHopTable::on_link(const IpAddress& dst) const {
  return std::any_of(prefixes_.begin(), prefixes_.end(),
                     [&](const OnLinkPrefix& p) { return in_prefix(dst, p); });
}

const IpAddress& NextHopTable::next_hop(const IpAddress& dst) const {
  const std::optional<IpAddress>& gw = gateway(dst.family());
  // RFC 1122 §3.3.1.1: on-link destinations are sent to directly; §3.3.1.2: the others
  // to a gateway. No gateway of the family: treat the destination as on-link.
  if (!gw || on_link(dst)) return dst;
  return *gw;
}

}  // namespace dpsctp::net
