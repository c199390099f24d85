// Multi-homing (RFC 9260 §6.4, §5.1.2, §5.4, §8.2): the peer's transport addresses as
// paths, their confirmation and reachability, the primary path and failover, and the
// address parameters of INIT / INIT ACK.
#include <algorithm>
#include <bit>

#include "core/association.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::core {
namespace {

// Bits shared by two addresses of one family, from the top: a stand-in for "same subnet"
// when choosing a source address (RFC 6724 rule 8 in spirit).
size_t common_prefix_bits(const IpAddress& a, const IpAddress& b) {
  size_t bits = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<uint8_t>(a.data()[i] ^ b.data()[i]);
    if (x != 0) return bits + static_cast<size_t>(std::countl_zero(x));
    bits += 8;
  }
  return bits;
}

}  // namespace

std::optional<IpAddress> address_from_param(const wire::TlvView& t) {
  // RFC 9260 §3.3.2.1: IPv4 (type 5, length 8) and IPv6 (type 6, length 20) addresses.
  if (t.type == wire::param_type::kIpv4Address && t.length == 8) {
    const wire::ByteSpan v = t.value();
    return IpAddress::v4(wire::load_u8(v.data()), wire::load_u8(v.data() + 1),
                         wire::load_u8(v.data() + 2), wire::load_u8(v.data() + 3));
  }
  if (t.type == wire::param_type::kIpv6Address && t.length == 20) {
    std::array<uint8_t, 16> b{};
    for (size_t i = 0; i < 16; ++i) b[i] = wire::load_u8(t.value().data() + i);
    return IpAddress::v6(b);
  }
  return std::nullopt;
}

void write_address_param(wire::BufferWriter& w, const IpAddress& ip) {
  const auto m = w.begin_tlv(ip.is_v4() ? wire::param_type::kIpv4Address
                                        : wire::param_type::kIpv6Address);
  w.put_bytes(wire::ByteSpan(reinterpret_cast<const std::byte*>(ip.data()), ip.size()));
  w.end_tlv(m);
}

std::optional<IpAddress> Association::choose_local(const IpAddress& peer) const {
  const IpAddress* best = nullptr;
  size_t best_bits = 0;
  for (const IpAddress& l : ctx_.local_addresses) {
    if (l.family() != peer.family()) continue;
    const size_t bits = common_prefix_bits(l, peer);
    if (best == nullptr || bits > best_bits) {
      best = &l;
      best_bits = bits;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

std::optional<size_t> Association::find_path(const IpAddress& peer) const {
  for (size_t i = 0; i < paths_.size(); ++i) {
    if (paths_[i].peer == peer) return i;
  }
  return std::nullopt;
}

std::optional<size_t> Association::add_path(const IpAddress& peer, bool confirmed) {
  if (std::optional<size_t> i = find_path(peer)) return i;
  // §6.4: only addresses we can reach (a local address of the same family), bounded.
  const std::optional<IpAddress> local = choose_local(peer);
  if (!local || paths_.size() >= kMaxPaths) return std::nullopt;
  paths_.emplace_back(*local, peer, ctx_.options);
  Path& p = paths_.back();
  p.confirmed = confirmed;
  if (rtx_) p.cc.set_initial_ssthresh(tcb_.peer_a_rwnd);
  paths_changed_ = true;
  if (state_ != AssocState::kClosed && state_ != AssocState::kCookieWait) {
    ctx_.listener.on_peer_addr_change({.assoc = id_, .address = peer,
                                       .state = PeerAddrState::kAdded, .error = 0});
  }
  return paths_.size() - 1;
}

void Association::learn_peer_addresses(wire::TlvRange params) {
  // §5.1.2: the addresses listed in INIT / INIT ACK, plus the packet's source (added by
  // the caller, confirmed). §5.4: listed addresses start UNCONFIRMED.
  for (const wire::TlvView& t : params) {
    if (std::optional<IpAddress> ip = address_from_param(t)) (void)add_path(*ip, false);
  }
}

void Association::write_local_addresses(wire::BufferWriter& w) const {
  // §5.1.2: a single-homed endpoint may omit its address (the packet's source is used);
  // a multi-homed one lists every address the peer can use.
  if (ctx_.local_addresses.size() < 2) return;
  for (const IpAddress& ip : ctx_.local_addresses) write_address_param(w, ip);
}

size_t Association::data_path(std::optional<size_t> avoid) const {
  // §6.4: new data goes to the primary path while it is active; §6.4.1: otherwise (and
  // for retransmissions after a timeout on `avoid`) to another active, confirmed path.
  // RFC 7829 §5.2: Potentially Failed paths are used only when nothing better exists.
  auto usable = [&](size_t i) {
    const Path& p = paths_[i];
    return i != avoid && p.active && p.confirmed && !p.potentially_failed;
  };
  if (usable(primary_) && (ctx_.options.return_to_primary || !failover_path_)) return primary_;
  if (failover_path_ && usable(*failover_path_)) return *failover_path_;
  for (size_t i = 0; i < paths_.size(); ++i) {
    if (usable(i)) return i;
  }
  // Nothing fully usable: the active path with the fewest errors (RFC 7829 §5.2), else
  // keep trying the primary.
  size_t best = primary_;
  for (size_t i = 0; i < paths_.size(); ++i) {
    const Path& p = paths_[i];
    if (p.active && p.confirmed && p.error_count < paths_[best].error_count) best = i;
  }
  return best;
}

bool Association::set_primary(const IpAddress& peer) {
  // RFC 6458 §8.3 SCTP_PRIMARY_ADDR: the user chooses the primary destination.
  const std::optional<size_t> i = find_path(peer);
  if (!i) return false;
  primary_ = *i;
  failover_path_.reset();
  ctx_.listener.on_peer_addr_change({.assoc = id_, .address = peer,
                                     .state = PeerAddrState::kMadePrimary, .error = 0});
  return true;
}

void Association::path_unreachable(Path& p) {
  // §8.2: past Path.Max.Retrans the destination is INACTIVE; data moves elsewhere.
  if (!p.active) return;
  p.active = false;
  const size_t idx = static_cast<size_t>(&p - paths_.data());
  if (idx == primary_ || (failover_path_ && *failover_path_ == idx)) {
    failover_path_.reset();
    const size_t alt = data_path(idx);
    if (alt != idx) failover_path_ = alt;  // §6.4.1: stay on the alternate until recovery
  }
  ctx_.listener.on_peer_addr_change({.assoc = id_, .address = p.peer,
                                     .state = PeerAddrState::kUnreachable, .error = 0});
}

void Association::path_reachable(Path& p) {
  // §8.2 / §8.3: a HEARTBEAT ACK makes the destination ACTIVE again; §5.4 confirms it;
  // RFC 7829 §5.1: it leaves the Potentially Failed state.
  p.potentially_failed = false;
  if (!p.confirmed) {
    p.confirmed = true;
    ctx_.listener.on_peer_addr_change({.assoc = id_, .address = p.peer,
                                       .state = PeerAddrState::kConfirmed, .error = 0});
  }
  if (!p.active) {
    p.active = true;
    const size_t idx = static_cast<size_t>(&p - paths_.data());
    if (idx == primary_ && ctx_.options.return_to_primary) failover_path_.reset();
    ctx_.listener.on_peer_addr_change({.assoc = id_, .address = p.peer,
                                       .state = PeerAddrState::kAvailable, .error = 0});
  }
}

bool Association::lower_path_mtu(const IpAddress& peer, uint32_t ip_mtu) {
  const std::optional<size_t> i = find_path(peer);
  if (!i) return false;
  Path& p = paths_[*i];
  // RFC 791 / RFC 8200: 576 and 1280 are the smallest MTUs a path may claim; a smaller
  // figure is a forgery or a broken router, clamp it rather than shrink to nothing.
  const uint32_t floor = peer.is_v4() ? 576u : 1280u;
  const uint32_t header = peer.is_v4() ? 20u : 40u;
  const uint32_t mtu = std::max(ip_mtu, floor) - header;
  if (mtu >= p.mtu) return false;
  p.mtu = mtu;
  p.cc.set_mtu(mtu);
  return true;
}

void Association::note_received_from(const IpAddress& from) {
  // §6.4: replies (SACK, HEARTBEAT ACK) go back to where the packet came from.
  if (paths_[last_rx_path_].peer == from) return;
  if (std::optional<size_t> i = find_path(from)) last_rx_path_ = *i;
}

}  // namespace dpsctp::core
