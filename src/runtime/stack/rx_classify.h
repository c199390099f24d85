// First look at a received frame: Ethernet (RFC 894 / RFC 2464, one 802.1Q tag accepted),
// then ARP (RFC 826), IPv4 (RFC 791; header checksum per RFC 1071; fragments, RFC 791
// §3.2, dropped) or IPv6 (RFC 8200; extension headers walked, real fragments dropped,
// RFC 6946 atomic fragments accepted), filtered on our addresses, and sorted by upper
// protocol: SCTP (132), ICMP (1), ICMPv6 (58), and UDP (17) to our RFC 6951 encapsulation
// port (its payload is an SCTP packet). Everything else is a counted drop.
//
// Pure (no DPDK, no allocation): the shard calls it on each mbuf's bytes and acts on the
// result; tests call it on byte arrays.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "dpsctp/address.h"
#include "runtime/net/arp.h"
#include "runtime/net/ethernet.h"
#include "runtime/net/ipv4.h"
#include "runtime/net/ipv6.h"
#include "runtime/net/mac_address.h"

namespace dpsctp::runtime {

enum class RxKind : uint8_t { kDrop, kArp, kSctp, kIcmp, kIcmpv6 };

/// Why a frame was dropped; indexes ShardCounters::rx_drop.
enum class RxDrop : uint8_t {
  kNone,
  kBadEthernet,    ///< truncated, 802.3 length frame, stacked VLAN tags
  kNotOurMac,      ///< unicast to another MAC (promiscuous port)
  kEtherType,      ///< neither ARP, IPv4 nor IPv6
  kBadArp,         ///< unsupported or truncated ARP
  kBadIpv4,        ///< malformed IPv4 header or lengths
  kIpv4Checksum,   ///< RFC 791 §3.1 header checksum does not verify
  kBadIpv6,        ///< malformed IPv6 header or extension chain
  kFragment,       ///< IPv4 or IPv6 fragment: SCTP sets DF and fragments itself
  kNotOurAddress,  ///< IP destination is not one of ours (nor our NDP multicast)
  kProtocol,       ///< upper protocol other than SCTP / ICMP / ICMPv6
  kBadUdp,         ///< RFC 6951 datagram to our encapsulation port: truncated, bad length,
                   ///< source port 0
  kUdpChecksum,    ///< ... whose UDP checksum does not verify (or is 0 over IPv6)
  kCount,
};

/// A short stable name ("not_our_mac", ...), for JSON counters.
std::string_view to_string(RxDrop d);

/// What classify_frame() found. Spans point into the frame.
struct RxPacket {
  RxKind kind = RxKind::kDrop;
  RxDrop drop = RxDrop::kNone;
  net::EthernetHeader eth;
  net::ArpPacket arp;             ///< kArp
  net::Ipv4Header ip4;            ///< kSctp / kIcmp over IPv4
  net::Ipv6Header ip6;            ///< kSctp / kIcmpv6 over IPv6
  IpAddress src;                  ///< IP source (kSctp, kIcmp, kIcmpv6)
  IpAddress dst;                  ///< IP destination
  std::span<const std::byte> l4;  ///< the SCTP / ICMP / ICMPv6 message
  /// kSctp that came in a UDP datagram to RxFilter::udp_encaps_port (RFC 6951 §5.4): the
  /// datagram's source port (never 0); 0 for plain SCTP. `l4` is then the UDP payload.
  uint16_t udp_src_port = 0;
};

/// Which frames are ours.
struct RxFilter {
  net::MacAddress mac;                   ///< our unicast MAC (multicast/broadcast also pass)
  std::span<const IpAddress> addresses;  ///< our unicast IPv4 / IPv6 addresses
  /// The NIC verified the IPv4 header checksum (RTE_MBUF_F_RX_IP_CKSUM_GOOD).
  bool ipv4_checksum_verified = false;
  /// RFC 6951: our UDP encapsulation port; UDP datagrams to it carry one SCTP packet each
  /// (RxKind::kSctp with udp_src_port set). 0: UDP is a kProtocol drop.
  uint16_t udp_encaps_port = 0;
};

/// Classifies one frame (as received, no FCS). An IPv6 destination that is the
/// solicited-node multicast group of one of our addresses or all-nodes (ff02::1) is
/// accepted for ICMPv6 only (NDP, RFC 4861 §7.2.3); SCTP needs a unicast address of ours.
/// The fast-path form writes into a caller-owned RxPacket (reused across a burst).
void classify_frame(std::span<const std::byte> frame, const RxFilter& filter, RxPacket& out);
/// Convenience form for tests.
RxPacket classify_frame(std::span<const std::byte> frame, const RxFilter& filter);

}  // namespace dpsctp::runtime
