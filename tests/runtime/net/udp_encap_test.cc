// RFC 6951 encapsulation headers and the (peer IP) -> remote UDP port table.
#include "runtime/net/udp_encap.h"

#include <gtest/gtest.h>

#include "net_test_util.h"
#include "runtime/net/ipv4.h"
#include "runtime/net/ipv6.h"

namespace dpsctp::net {
namespace {

using testing::Bytes;
using testing::from_hex;

const IpAddress kSrc4 = IpAddress::v4(10, 0, 0, 1);
const IpAddress kDst4 = IpAddress::v4(10, 0, 0, 2);
const IpAddress kSrc6 = testing::ip("fd00::1");
const IpAddress kDst6 = testing::ip("fd00::2");

Bytes encapsulated(size_t ip_len, const IpAddress& src, const IpAddress& dst, uint16_t sport,
                   uint16_t dport) {
  const Bytes sctp = from_hex("1f90 0050 01020304 a1b2c3d4 0e000004");  // ABORT-ish
  Bytes d(ip_len + 8);
  d.insert(d.end(), sctp.begin(), sctp.end());
  EXPECT_TRUE(write_udp_encap_headers(d, ip_len, src, dst, sport, dport, false));
  return d;
}

TEST(UdpEncap, Rfc6951Sec5_3Ipv4HeadersRoundTrip) {
  const Bytes d = encapsulated(20, kSrc4, kDst4, kSctpTunnelingPort, 40000);
  const Result<Ipv4Packet> ip = Ipv4Packet::parse(d);
  ASSERT_TRUE(ip) << to_string(ip.error());
  EXPECT_EQ(ip->header.protocol, ip_proto::kUdp);
  EXPECT_TRUE(ip->header.dont_fragment);  // RFC 9260 §7.3: still DF
  EXPECT_EQ(ip->header.total_length, d.size());
  const Result<UdpDatagram> udp = UdpDatagram::parse(ip->payload, kSrc4, kDst4);
  ASSERT_TRUE(udp) << to_string(udp.error());
  EXPECT_EQ(udp->header.src_port, kSctpTunnelingPort);
  EXPECT_EQ(udp->header.dst_port, 40000);
  EXPECT_NE(udp->header.checksum, 0);  // RFC 6951 §5.3: computed on IPv4 too
  EXPECT_EQ(udp->payload.size(), 16u);
  EXPECT_EQ(wire::load_u16(udp->payload.data()), 0x1f90);
}

TEST(UdpEncap, Rfc6951Sec5_3Ipv6HeadersRoundTrip) {
  const Bytes d = encapsulated(40, kSrc6, kDst6, 9899, 9899);
  const Result<Ipv6Packet> ip = Ipv6Packet::parse(d);
  ASSERT_TRUE(ip);
  EXPECT_EQ(ip->upper_protocol, ip_proto::kUdp);
  const Result<UdpDatagram> udp = UdpDatagram::parse(ip->payload, kSrc6, kDst6);
  ASSERT_TRUE(udp) << to_string(udp.error());
  EXPECT_EQ(udp->payload.size(), 16u);
}

TEST(UdpEncap, Ipv4ChecksumOffloadLeavesHeaderChecksumZero) {
  const Bytes sctp(12);
  Bytes d(28);
  d.insert(d.end(), sctp.begin(), sctp.end());
  ASSERT_TRUE(write_udp_encap_headers(d, 20, kSrc4, kDst4, 1, 2, true));
  EXPECT_EQ(wire::load_u16(d.data() + 10), 0);
  // The UDP checksum does not cover the IP header: still valid.
  EXPECT_TRUE(UdpDatagram::parse(ByteSpan(d).subspan(20), kSrc4, kDst4));
}

TEST(UdpEncap, RefusesBadSizesAndFamilies) {
  Bytes d(60);
  EXPECT_FALSE(write_udp_encap_headers(d, 40, kSrc4, kDst4, 1, 2, false));  // v4 is 20
  EXPECT_FALSE(write_udp_encap_headers(d, 20, kSrc4, kDst6, 1, 2, false));
  Bytes tiny(27);
  EXPECT_FALSE(write_udp_encap_headers(tiny, 20, kSrc4, kDst4, 1, 2, false));
}

TEST(UdpEncapPeers, Rfc6951Sec5_4LearnUpdateForget) {
  UdpEncapPeers t(16);
  EXPECT_EQ(t.port_of(kDst4), 0);
  t.learn(kDst4, 40000);
  t.learn(kDst6, 9899);
  EXPECT_EQ(t.port_of(kDst4), 40000);
  EXPECT_EQ(t.port_of(kDst6), 9899);
  EXPECT_EQ(t.size(), 2u);
  t.learn(kDst4, 40001);  // §5.4: the latest source port (a NAT re-mapped it) wins
  EXPECT_EQ(t.port_of(kDst4), 40001);
  EXPECT_EQ(t.size(), 2u);
  t.forget(kDst4);  // §5.4: a plain SCTP packet from it disables encapsulation
  EXPECT_EQ(t.port_of(kDst4), 0);
  EXPECT_EQ(t.port_of(kDst6), 9899);
  EXPECT_EQ(t.size(), 1u);
  t.learn(kSrc4, 0);  // nothing can be sent to port 0
  EXPECT_EQ(t.port_of(kSrc4), 0);
}

TEST(UdpEncapPeers, FullTableEvictsLeastRecentlyUsedAndStaysBounded) {
  UdpEncapPeers t(4);  // one 4-way set: every address collides
  ASSERT_EQ(t.capacity(), 4u);
  for (uint8_t i = 1; i <= 4; ++i) t.learn(IpAddress::v4(10, 0, 1, i), i);
  EXPECT_EQ(t.port_of(IpAddress::v4(10, 0, 1, 1)), 1);  // 10.0.1.2 is now the oldest
  t.learn(IpAddress::v4(10, 0, 1, 5), 5);
  EXPECT_EQ(t.evictions(), 1u);
  EXPECT_EQ(t.size(), 4u);
  EXPECT_EQ(t.port_of(IpAddress::v4(10, 0, 1, 2)), 0);
  EXPECT_EQ(t.port_of(IpAddress::v4(10, 0, 1, 1)), 1);
  EXPECT_EQ(t.port_of(IpAddress::v4(10, 0, 1, 5)), 5);
  // A flood of sources only churns the table.
  for (uint32_t i = 0; i < 1000; ++i) t.learn(IpAddress::v4(0x0b000000u + i), 7);
  EXPECT_EQ(t.size(), 4u);
}

TEST(UdpEncapPeers, SameBytesOtherFamilyIsAnotherPeer) {
  UdpEncapPeers t(64);
  t.learn(IpAddress::v4(0, 0, 0, 0), 100);
  EXPECT_EQ(t.port_of(IpAddress::v6({})), 0);
}

TEST(UdpEncap, Rfc6951Sec5_5QuotedSctpAfterUdpHeader) {
  const Bytes d = encapsulated(20, kSrc4, kDst4, 9899, 40000);
  const ByteSpan udp = ByteSpan(d).subspan(20);
  const auto q = quoted_encapsulated_sctp(ip_proto::kUdp, udp, 9899);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->src_port, 0x1f90);
  EXPECT_EQ(q->dst_port, 0x0050);
  EXPECT_EQ(q->verification_tag, 0x01020304u);
  // From another UDP port of ours, or not UDP: not our encapsulation.
  EXPECT_FALSE(quoted_encapsulated_sctp(ip_proto::kUdp, udp, 9900));
  EXPECT_FALSE(quoted_encapsulated_sctp(ip_proto::kSctp, udp, 9899));
  // RFC 792's 8 quoted bytes end with the UDP header: no tag to verify, discarded.
  EXPECT_FALSE(quoted_encapsulated_sctp(ip_proto::kUdp, udp.first(8), 9899));
  EXPECT_FALSE(quoted_encapsulated_sctp(ip_proto::kUdp, udp.first(15), 9899));
  EXPECT_TRUE(quoted_encapsulated_sctp(ip_proto::kUdp, udp.first(16), 9899));
}

}  // namespace
}  // namespace dpsctp::net
