// RFC 6951 encapsulation headers and the (peer IP) -> remote UDP port table.
#include "runtime/net/udp_encap.h"

#include <algorithm>
#include <bit>

#include "runtime/net/ipv4.h"
#include "runtime/net/ipv6.h"
#include "wire/buffer_writer.h"

namespace dpsctp::net {

bool write_udp_encap_headers(wire::MutableByteSpan datagram, size_t ip_header_size,
                             const IpAddress& src, const IpAddress& dst, uint16_t local_port,
                             uint16_t remote_port, bool ipv4_cksum_offload) {
  if (src.family() != dst.family()) return false;
  if (ip_header_size != (dst.is_v4() ? Ipv4Header::kMinSize : Ipv6Header::kSize)) return false;
  if (datagram.size() < ip_header_size + UdpHeader::kSize || datagram.size() > 0xffff) {
    return false;
  }
  const size_t udp_len = datagram.size() - ip_header_size;
  wire::BufferWriter w(datagram.first(ip_header_size));
  if (dst.is_v4()) {
    // RFC 9260 §7.3 / RFC 1191 §3: DF stays set, the UDP datagram carries SCTP's packet
    // sized to the path MTU (RFC 6951 §5.6).
    Ipv4Header h = Ipv4Header::for_sctp(src, dst, udp_len);
    h.protocol = ip_proto::kUdp;
    h.serialize_to(w);
    if (w.ok() && ipv4_cksum_offload) wire::store_u16(datagram.data() + 10, 0);
  } else {
    Ipv6Header h = Ipv6Header::for_sctp(src, dst, udp_len);
    h.next_header = ip_proto::kUdp;
    h.serialize_to(w);
  }
  if (!w.ok() || w.size() != ip_header_size) return false;
  // RFC 6951 §5.3: source = our encapsulation port, destination = the peer's.
  return write_udp_header(datagram.data() + ip_header_size, local_port, remote_port,
                          udp_len - UdpHeader::kSize, src, dst);
}

std::optional<QuotedSctpHeader> quoted_encapsulated_sctp(uint8_t protocol, ByteSpan transport,
                                                         uint16_t local_port) {
  if (protocol != ip_proto::kUdp || transport.size() < UdpHeader::kSize) return std::nullopt;
  if (local_port == 0 || wire::load_u16(transport.data()) != local_port) return std::nullopt;
  return QuotedSctpHeader::from(ip_proto::kSctp, transport.subspan(UdpHeader::kSize));
}

UdpEncapPeers::UdpEncapPeers(size_t capacity, uint64_t seed) : seed_(seed) {
  const size_t sets = std::bit_ceil(std::max<size_t>(1, (capacity + kWays - 1) / kWays));
  entries_.resize(sets * kWays);
  set_mask_ = sets - 1;
}

size_t UdpEncapPeers::set_of(const IpAddress& peer) const {
  // FNV-1a with a seeded offset basis: a sender cannot aim all its sources at one set
  // without knowing the seed.
  uint64_t h = (1469598103934665603ull ^ seed_) ^ static_cast<uint8_t>(peer.family());
  for (size_t i = 0; i < peer.size(); ++i) h = (h ^ peer.data()[i]) * 1099511628211ull;
  return static_cast<size_t>(h ^ (h >> 32)) & set_mask_;
}

UdpEncapPeers::Entry* UdpEncapPeers::find(const IpAddress& peer) {
  Entry* set = &entries_[set_of(peer) * kWays];
  for (size_t i = 0; i < kWays; ++i) {
    if (set[i].used != 0 && set[i].peer == peer) return &set[i];
  }
  return nullptr;
}

uint16_t UdpEncapPeers::port_of(const IpAddress& peer) {
  if (size_ == 0) return 0;  // the common unencapsulated case: no hashing
  Entry* e = find(peer);
  if (e == nullptr) return 0;
  e->used = ++tick_;
  return e->port;
}

void UdpEncapPeers::learn(const IpAddress& peer, uint16_t port) {
  if (port == 0) return;
  Entry* set = &entries_[set_of(peer) * kWays];
  Entry* victim = &set[0];
  for (size_t i = 0; i < kWays; ++i) {
    Entry& e = set[i];
    if (e.used != 0 && e.peer == peer) {
      e.port = port;  // §5.4: a NAT may have re-mapped the port: the newest one wins
      e.used = ++tick_;
      return;
    }
    if (victim->used != 0 && (e.used == 0 || e.used < victim->used)) victim = &e;
  }
  if (victim->used == 0) {
    ++size_;
  } else {
    ++evictions_;
  }
  *victim = Entry{.peer = peer, .used = ++tick_, .port = port};
}

void UdpEncapPeers::forget(const IpAddress& peer) {
  if (size_ == 0) return;
  if (Entry* e = find(peer)) {
    *e = Entry{};
    --size_;
  }
}

}  // namespace dpsctp::net
