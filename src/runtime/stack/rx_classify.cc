// Received frame -> ARP / SCTP / ICMP / ICMPv6 / counted drop.
#include "runtime/stack/rx_classify.h"

#include <algorithm>

#include "runtime/net/ndp.h"
#include "runtime/net/udp.h"

namespace dpsctp::runtime {
namespace {

bool is_ours(std::span<const IpAddress> ours, const IpAddress& a) {
  return std::find(ours.begin(), ours.end(), a) != ours.end();
}

// RFC 4861 §7.2.3 / §7.1: NS arrive at the solicited-node group of the target; RFC 4291
// §2.7.1 all-nodes carries unsolicited NAs.
bool is_our_ndp_group(std::span<const IpAddress> ours, const IpAddress& a) {
  if (a == net::ipv6_all_nodes()) return true;
  if (!net::is_solicited_node_multicast(a)) return false;
  return std::any_of(ours.begin(), ours.end(), [&](const IpAddress& o) {
    return o.is_v6() && net::solicited_node_multicast(o) == a;
  });
}

void drop(RxPacket& p, RxDrop why) {
  p.kind = RxKind::kDrop;
  p.drop = why;
}

// RFC 6951 §5.4: a UDP datagram to our encapsulation port carries an SCTP packet; the UDP
// checksum is verified when present (RFC 768; mandatory over IPv6, RFC 8200 §8.1). The SCTP
// CRC32c is still the core's to verify (RFC 9260 §6.8).
void classify_udp(RxPacket& p, std::span<const std::byte> l4, const RxFilter& f) {
  if (f.udp_encaps_port == 0) return drop(p, RxDrop::kProtocol);
  const net::Result<net::UdpDatagram> udp = net::UdpDatagram::parse(l4, p.src, p.dst);
  if (!udp) {
    const bool sum = udp.error() == net::NetError::kUdpBadChecksum ||
                     udp.error() == net::NetError::kUdpZeroChecksumIpv6;
    // Only datagrams for our port count as encapsulation errors: the length check may
    // fail before the port is known, so those look at the raw header bytes.
    if (l4.size() < 4 || wire::load_u16(l4.data() + 2) != f.udp_encaps_port) {
      return drop(p, RxDrop::kProtocol);
    }
    return drop(p, sum ? RxDrop::kUdpChecksum : RxDrop::kBadUdp);
  }
  if (udp->header.dst_port != f.udp_encaps_port) return drop(p, RxDrop::kProtocol);
  if (udp->header.src_port == 0) return drop(p, RxDrop::kBadUdp);  // nowhere to answer
  p.l4 = udp->payload;
  p.udp_src_port = udp->header.src_port;
  p.kind = RxKind::kSctp;
}

void classify_ipv4(RxPacket& p, std::span<const std::byte> bytes, const RxFilter& f) {
  const auto check =
      f.ipv4_checksum_verified ? net::ChecksumCheck::kSkip : net::ChecksumCheck::kVerify;
  const net::Result<net::Ipv4Packet> ip = net::Ipv4Packet::parse(bytes, check);
  if (!ip) {
    return drop(p, ip.error() == net::NetError::kIpv4BadChecksum ? RxDrop::kIpv4Checksum
                                                                 : RxDrop::kBadIpv4);
  }
  // RFC 9260 §7.3: SCTP sets DF and never relies on IP fragmentation; no reassembly here.
  if (ip->header.is_fragment()) return drop(p, RxDrop::kFragment);
  if (!is_ours(f.addresses, ip->header.dst)) return drop(p, RxDrop::kNotOurAddress);
  p.ip4 = ip->header;
  p.src = ip->header.src;
  p.dst = ip->header.dst;
  p.l4 = ip->payload;
  switch (ip->header.protocol) {
    case net::ip_proto::kSctp:
      p.kind = RxKind::kSctp;
      return;
    case net::ip_proto::kIcmp:
      p.kind = RxKind::kIcmp;
      return;
    case net::ip_proto::kUdp:
      return classify_udp(p, ip->payload, f);
    default:
      return drop(p, RxDrop::kProtocol);
  }
}

void classify_ipv6(RxPacket& p, std::span<const std::byte> bytes, const RxFilter& f) {
  const net::Result<net::Ipv6Packet> ip = net::Ipv6Packet::parse(bytes);
  if (!ip) return drop(p, RxDrop::kBadIpv6);
  // RFC 6946 §4: an atomic fragment is processed as a whole packet; real ones dropped.
  if (ip->is_fragment()) return drop(p, RxDrop::kFragment);
  const bool unicast_ours = is_ours(f.addresses, ip->header.dst);
  const bool group = !unicast_ours && is_our_ndp_group(f.addresses, ip->header.dst);
  if (!unicast_ours && !group) return drop(p, RxDrop::kNotOurAddress);
  p.ip6 = ip->header;
  p.src = ip->header.src;
  p.dst = ip->header.dst;
  p.l4 = ip->payload;
  if (ip->upper_protocol == net::ip_proto::kIcmpv6) {
    p.kind = RxKind::kIcmpv6;
    return;
  }
  if (ip->upper_protocol == net::ip_proto::kSctp && unicast_ours) {
    p.kind = RxKind::kSctp;
    return;
  }
  if (ip->upper_protocol == net::ip_proto::kUdp && unicast_ours) {
    return classify_udp(p, ip->payload, f);
  }
  return drop(p, group ? RxDrop::kNotOurAddress : RxDrop::kProtocol);
}

}  // namespace

std::string_view to_string(RxDrop d) {
  switch (d) {
    case RxDrop::kNone:
      return "none";
    case RxDrop::kBadEthernet:
      return "bad_ethernet";
    case RxDrop::kNotOurMac:
      return "not_our_mac";
    case RxDrop::kEtherType:
      return "ether_type";
    case RxDrop::kBadArp:
      return "bad_arp";
    case RxDrop::kBadIpv4:
      return "bad_ipv4";
    case RxDrop::kIpv4Checksum:
      return "ipv4_checksum";
    case RxDrop::kBadIpv6:
      return "bad_ipv6";
    case RxDrop::kFragment:
      return "fragment";
    case RxDrop::kNotOurAddress:
      return "not_our_address";
    case RxDrop::kProtocol:
      return "protocol";
    case RxDrop::kBadUdp:
      return "bad_udp";
    case RxDrop::kUdpChecksum:
      return "udp_checksum";
    case RxDrop::kCount:
      break;
  }
  return "?";
}

void classify_frame(std::span<const std::byte> frame, const RxFilter& filter, RxPacket& p) {
  p.kind = RxKind::kDrop;
  p.drop = RxDrop::kNone;
  p.udp_src_port = 0;
  const net::Result<net::EthernetFrame> eth = net::EthernetFrame::parse(frame);
  if (!eth) return drop(p, RxDrop::kBadEthernet);
  p.eth = eth->header;
  // A promiscuous port (af_packet, tap) hands us other hosts' unicast frames too.
  if (p.eth.dst.is_unicast() && p.eth.dst != filter.mac) return drop(p, RxDrop::kNotOurMac);
  switch (p.eth.ether_type) {
    case net::ether_type::kIpv4:
      return classify_ipv4(p, eth->payload, filter);
    case net::ether_type::kIpv6:
      return classify_ipv6(p, eth->payload, filter);
    case net::ether_type::kArp: {
      const net::Result<net::ArpPacket> arp = net::ArpPacket::parse(eth->payload);
      if (!arp) return drop(p, RxDrop::kBadArp);
      p.arp = *arp;
      p.kind = RxKind::kArp;
      return;
    }
    default:
      return drop(p, RxDrop::kEtherType);
  }
}

RxPacket classify_frame(std::span<const std::byte> frame, const RxFilter& filter) {
  RxPacket p;
  classify_frame(frame, filter, p);
  return p;
}

}  // namespace dpsctp::runtime
