// IPv6 Neighbour Discovery for address resolution (RFC 4861); layouts in ndp.h.
#include "runtime/net/ndp.h"

#include <array>
#include <cstring>

#include "runtime/net/ethernet.h"
#include "runtime/net/icmpv6.h"
#include "wire/byte_io.h"

namespace dpsctp::net {
namespace {

constexpr uint8_t kOptSourceLla = 1;  // RFC 4861 §4.6.1
constexpr uint8_t kOptTargetLla = 2;
constexpr size_t kOptUnit = 8;  // option lengths count 8-octet units
constexpr uint32_t kFlagRouter = 0x80000000u;
constexpr uint32_t kFlagSolicited = 0x40000000u;
constexpr uint32_t kFlagOverride = 0x20000000u;

IpAddress load_v6(const std::byte* p) {
  std::array<uint8_t, 16> a{};
  std::memcpy(a.data(), p, a.size());
  return IpAddress::v6(a);
}

// The checks §7.1.1 and §7.1.2 share, in the order the RFC lists them.
NetError check_ndp(ByteSpan icmp, const Ipv6Header& ip, uint8_t type) {
  // §7.1: "The IP Hop Limit field has a value of 255, i.e., the packet could not possibly
  // have been forwarded by a router."
  if (ip.hop_limit != kNdpHopLimit) return NetError::kNdpBadHopLimit;
  if (icmp.size() < NeighbourSolicitation::kFixedSize) return NetError::kIcmpTruncated;
  if (!icmpv6_checksum_ok(ip.src, ip.dst, icmp)) return NetError::kIcmpBadChecksum;
  if (wire::load_u8(icmp.data()) != type) return NetError::kIcmpWrongType;
  if (wire::load_u8(icmp.data() + 1) != 0) return NetError::kIcmpBadCode;
  // "Target Address is not a multicast address."
  if (wire::load_u8(icmp.data() + 8) == 0xff) return NetError::kNdpTargetMulticast;
  return NetError::kOk;
}

// Walks the options (§4.6) and returns the first link-layer option of `wanted` type.
// §4.6: "Nodes MUST silently discard an ND packet that contains an option with length
// zero"; §7.1: unknown options are ignored.
NetError find_lla(ByteSpan opts, uint8_t wanted, std::optional<MacAddress>& out) {
  while (!opts.empty()) {
    if (opts.size() < 2) return NetError::kNdpBadOptionLength;
    const size_t len = size_t{wire::load_u8(opts.data() + 1)} * kOptUnit;
    if (len == 0 || len > opts.size()) return NetError::kNdpBadOptionLength;
    if (wire::load_u8(opts.data()) == wanted) {
      // RFC 2464 §6: on Ethernet the option is 8 octets (length 1).
      if (len != kOptUnit) return NetError::kNdpBadLinkLayerOption;
      if (!out) out = MacAddress::load(opts.data() + 2);
    }
    opts = opts.subspan(len);
  }
  return NetError::kOk;
}

void write_lla(BufferWriter& w, uint8_t type, const std::optional<MacAddress>& mac) {
  if (!mac) return;
  std::array<std::byte, kOptUnit> b{};
  wire::store_u8(b.data(), type);
  wire::store_u8(b.data() + 1, 1);
  mac->store(b.data() + 2);
  w.put_bytes(b);
}

void write_message(BufferWriter& w, uint8_t type, uint32_t flags, const IpAddress& target,
                   uint8_t opt_type, const std::optional<MacAddress>& lla, const IpAddress& src,
                   const IpAddress& dst) {
  const size_t start = w.size();
  w.put_u8(type);
  w.put_u8(0);
  w.put_u16(0);  // checksum, written below
  w.put_u32(flags);
  w.put_bytes(ByteSpan(reinterpret_cast<const std::byte*>(target.data()), 16));
  write_lla(w, opt_type, lla);
  if (w.ok()) write_icmpv6_checksum(src, dst, w.span_at(start, w.size() - start));
}

}  // namespace

IpAddress solicited_node_multicast(const IpAddress& ip) {
  std::array<uint8_t, 16> a{0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0xff};
  a[13] = ip.data()[13];
  a[14] = ip.data()[14];
  a[15] = ip.data()[15];
  return IpAddress::v6(a);
}

bool is_solicited_node_multicast(const IpAddress& ip) {
  return ip.is_v6() && solicited_node_multicast(ip) == ip;
}

MacAddress ipv6_multicast_mac(const IpAddress& group) {
  const uint8_t* g = group.data();
  return MacAddress({0x33, 0x33, g[12], g[13], g[14], g[15]});
}

bool is_ipv6_multicast(const IpAddress& ip) { return ip.is_v6() && ip.data()[0] == 0xff; }

bool is_ipv6_unspecified(const IpAddress& ip) { return ip == IpAddress::v6({}); }

IpAddress ipv6_all_nodes() {
  return IpAddress::v6({0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01});
}

Result<NeighbourSolicitation> NeighbourSolicitation::parse(ByteSpan icmp, const Ipv6Header& ip) {
  const NetError e = check_ndp(icmp, ip, icmpv6_type::kNeighbourSolicitation);
  if (e != NetError::kOk) return e;
  NeighbourSolicitation ns;
  ns.target = load_v6(icmp.data() + 8);
  const NetError oe = find_lla(icmp.subspan(kFixedSize), kOptSourceLla, ns.source_lla);
  if (oe != NetError::kOk) return oe;
  // §7.1.1: from the unspecified address (DAD), the destination must be a solicited-node
  // address and "there is no source link-layer address option in the message".
  if (is_ipv6_unspecified(ip.src) && (!is_solicited_node_multicast(ip.dst) || ns.source_lla)) {
    return NetError::kNdpUnspecifiedSource;
  }
  return ns;
}

void NeighbourSolicitation::serialize_to(BufferWriter& w, const IpAddress& src,
                                         const IpAddress& dst) const {
  write_message(w, icmpv6_type::kNeighbourSolicitation, 0, target, kOptSourceLla, source_lla, src,
                dst);
}

Result<NeighbourAdvertisement> NeighbourAdvertisement::parse(ByteSpan icmp, const Ipv6Header& ip) {
  const NetError e = check_ndp(icmp, ip, icmpv6_type::kNeighbourAdvertisement);
  if (e != NetError::kOk) return e;
  NeighbourAdvertisement na;
  const uint32_t flags = wire::load_u32(icmp.data() + 4);
  na.router = (flags & kFlagRouter) != 0;
  na.solicited = (flags & kFlagSolicited) != 0;
  na.override_ = (flags & kFlagOverride) != 0;
  na.target = load_v6(icmp.data() + 8);
  // §7.1.2: "If the IP Destination Address is a multicast address the Solicited flag is zero."
  if (na.solicited && is_ipv6_multicast(ip.dst)) return NetError::kNdpSolicitedToMulticast;
  const NetError oe = find_lla(icmp.subspan(kFixedSize), kOptTargetLla, na.target_lla);
  if (oe != NetError::kOk) return oe;
  return na;
}

void NeighbourAdvertisement::serialize_to(BufferWriter& w, const IpAddress& src,
                                          const IpAddress& dst) const {
  const uint32_t flags = (router ? kFlagRouter : 0) | (solicited ? kFlagSolicited : 0) |
                         (override_ ? kFlagOverride : 0);
  write_message(w, icmpv6_type::kNeighbourAdvertisement, flags, target, kOptTargetLla, target_lla,
                src, dst);
}

std::optional<NdpAnswer> ndp_answer_for(const NeighbourSolicitation& ns, const Ipv6Header& ip,
                                        const MacAddress& our_mac, const IpAddress& our_ip) {
  if (ns.target != our_ip) return std::nullopt;
  NdpAnswer a;
  a.na.target = our_ip;
  a.na.override_ = true;  // §7.2.4: O=1 for our own unicast address with a TLLA
  a.na.target_lla = our_mac;
  if (is_ipv6_unspecified(ip.src)) {
    // §7.2.4: "the node MUST set the Solicited flag to zero and multicast the
    // advertisement to the all-nodes address".
    a.dst = ipv6_all_nodes();
    a.dst_mac = ipv6_multicast_mac(a.dst);
  } else {
    // "Otherwise, the node MUST set the Solicited flag to one and unicast the
    // advertisement to the Source Address of the solicitation."
    a.na.solicited = true;
    a.dst = ip.src;
    a.dst_mac = ns.source_lla;
  }
  return a;
}

void write_neighbour_solicitation_frame(BufferWriter& w, const MacAddress& our_mac,
                                        const IpAddress& our_ip, const IpAddress& target,
                                        std::optional<MacAddress> unicast_to) {
  // §7.2.2: multicast to the solicited-node address of the target; §7.3.3 probes unicast.
  const IpAddress dst = unicast_to ? target : solicited_node_multicast(target);
  const MacAddress dst_mac = unicast_to ? *unicast_to : ipv6_multicast_mac(dst);
  const NeighbourSolicitation ns{target, our_mac};
  EthernetHeader{dst_mac, our_mac, std::nullopt, ether_type::kIpv6}.serialize_to(w);
  Ipv6Header::for_icmpv6(our_ip, dst, ns.serialized_size(), kNdpHopLimit).serialize_to(w);
  ns.serialize_to(w, our_ip, dst);
}

void write_neighbour_advertisement_frame(BufferWriter& w, const MacAddress& our_mac,
                                         const IpAddress& our_ip, const NdpAnswer& answer,
                                         const MacAddress& dst_mac) {
  EthernetHeader{dst_mac, our_mac, std::nullopt, ether_type::kIpv6}.serialize_to(w);
  Ipv6Header::for_icmpv6(our_ip, answer.dst, answer.na.serialized_size(), kNdpHopLimit)
      .serialize_to(w);
  answer.na.serialize_to(w, our_ip, answer.dst);
}

}  // namespace dpsctp::net
