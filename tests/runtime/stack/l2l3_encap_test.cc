// L2/L3 headers written in front of SCTP packets (RFC 791, RFC 8200, RFC 894, 802.1Q).
#include "runtime/stack/l2l3_encap.h"

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/net/inet_checksum.h"
#include "runtime/net/ipv4.h"
#include "runtime/net/ipv6.h"

namespace dpsctp::runtime {
namespace {

const IpAddress kA = IpAddress::v4(10, 99, 0, 1);
const IpAddress kB = IpAddress::v4(10, 99, 0, 2);
const IpAddress kA6 = IpAddress::v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
const IpAddress kB6 = IpAddress::v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2});
const net::MacAddress kMacA({0x02, 0, 0, 0x99, 0, 0x01});
const net::MacAddress kMacB({0x02, 0, 0, 0x99, 0, 0x02});

uint8_t at(const std::vector<std::byte>& b, size_t i) { return static_cast<uint8_t>(b[i]); }
uint16_t u16(const std::vector<std::byte>& b, size_t i) {
  return static_cast<uint16_t>(at(b, i) << 8 | at(b, i + 1));
}

TEST(L2L3Encap, Rfc791_3_1_Ipv4HeaderForSctp) {
  std::vector<std::byte> h(20);
  ASSERT_TRUE(write_sctp_l3_header(h, kA, kB, 100, false));
  EXPECT_EQ(at(h, 0), 0x45);              // version 4, IHL 5
  EXPECT_EQ(u16(h, 2), 120);              // total length: header + SCTP
  EXPECT_EQ(u16(h, 4), 0);                // RFC 6864 §4.1: ID of an atomic datagram
  EXPECT_EQ(u16(h, 6), 0x4000);           // RFC 9260 §7.3 / RFC 1191 §3: DF, offset 0
  EXPECT_EQ(at(h, 8), 64);                // TTL
  EXPECT_EQ(at(h, 9), 132);               // SCTP
  EXPECT_TRUE(net::inet_checksum_ok(h));  // RFC 791 §3.1 header checksum
  EXPECT_EQ(at(h, 12), 10);
  EXPECT_EQ(at(h, 15), 1);
  EXPECT_EQ(at(h, 19), 2);
}

TEST(L2L3Encap, Rfc791_3_1_ChecksumOffloadLeavesFieldZero) {
  std::vector<std::byte> h(20);
  ASSERT_TRUE(write_sctp_l3_header(h, kA, kB, 100, true));
  EXPECT_EQ(u16(h, 10), 0);
  EXPECT_EQ(at(h, 9), 132);
}

TEST(L2L3Encap, Rfc791_3_1_TotalLengthLimit) {
  std::vector<std::byte> h(20);
  EXPECT_TRUE(write_sctp_l3_header(h, kA, kB, 65535 - 20, false));
  EXPECT_EQ(u16(h, 2), 65535);
  EXPECT_FALSE(write_sctp_l3_header(h, kA, kB, 65535 - 19, false));
}

TEST(L2L3Encap, Rfc8200_3_Ipv6HeaderForSctp) {
  std::vector<std::byte> h(40);
  ASSERT_TRUE(write_sctp_l3_header(h, kA6, kB6, 48, false));
  EXPECT_EQ(at(h, 0) >> 4, 6);
  EXPECT_EQ(u16(h, 4), 48);  // payload length: SCTP only, no extension headers
  EXPECT_EQ(at(h, 6), 132);  // next header
  EXPECT_EQ(at(h, 7), 64);   // hop limit
  EXPECT_EQ(at(h, 8), 0x20);
  EXPECT_EQ(at(h, 23), 1);
  EXPECT_EQ(at(h, 39), 2);
  EXPECT_FALSE(write_sctp_l3_header(h, kA6, kB6, 65536, false));
}

TEST(L2L3Encap, RejectsMixedFamiliesAndWrongSizes) {
  std::vector<std::byte> h4(20), h6(40), h19(19);
  EXPECT_FALSE(write_sctp_l3_header(h4, kA, kB6, 10, false));
  EXPECT_FALSE(write_sctp_l3_header(h6, kA6, kB, 10, false));
  EXPECT_FALSE(write_sctp_l3_header(h6, kA, kB, 10, false));  // IPv4 needs 20 bytes
  EXPECT_FALSE(write_sctp_l3_header(h19, kA, kB, 10, false));
  EXPECT_EQ(l3_header_size(kB), 20u);
  EXPECT_EQ(l3_header_size(kB6), 40u);
}

TEST(L2L3Encap, Rfc894_EthernetHeader) {
  const LinkIdentity link{.mac = kMacA, .vlan = std::nullopt};
  ASSERT_EQ(l2_header_size(link), 14u);
  std::vector<std::byte> h(14);
  ASSERT_TRUE(write_l2_header(h, link, kMacB, ether_type_for(kB)));
  EXPECT_EQ(at(h, 0), 0x02);
  EXPECT_EQ(at(h, 5), 0x02);   // destination: the peer
  EXPECT_EQ(at(h, 11), 0x01);  // source: us
  EXPECT_EQ(u16(h, 12), 0x0800);
  EXPECT_EQ(ether_type_for(kB6), 0x86dd);
  std::vector<std::byte> h18(18);
  EXPECT_FALSE(write_l2_header(h18, link, kMacB, 0x0800));
}

TEST(L2L3Encap, Ieee8021Q_VlanTagInserted) {
  const LinkIdentity link{.mac = kMacA, .vlan = net::VlanTag{.pcp = 5, .dei = false, .vid = 100}};
  ASSERT_EQ(l2_header_size(link), 18u);
  std::vector<std::byte> h(18);
  ASSERT_TRUE(write_l2_header(h, link, kMacB, 0x86dd));
  EXPECT_EQ(u16(h, 12), 0x8100);
  EXPECT_EQ(u16(h, 14), (5 << 13) | 100);
  EXPECT_EQ(u16(h, 16), 0x86dd);
  std::vector<std::byte> h14(14);
  EXPECT_FALSE(write_l2_header(h14, link, kMacB, 0x0800));
}

TEST(L2L3Encap, Rfc791_HeaderParsesBackWithPayload) {
  std::vector<std::byte> pkt(20 + 32, std::byte{0xab});
  ASSERT_TRUE(write_sctp_l3_header(std::span(pkt).first(20), kB, kA, 32, false));
  const net::Result<net::Ipv4Packet> ip = net::Ipv4Packet::parse(pkt);
  ASSERT_TRUE(ip.ok()) << static_cast<int>(ip.error());
  EXPECT_EQ(ip->header.src, kB);
  EXPECT_EQ(ip->header.dst, kA);
  EXPECT_TRUE(ip->header.dont_fragment);
  EXPECT_FALSE(ip->header.is_fragment());
  EXPECT_EQ(ip->payload.size(), 32u);
}

}  // namespace
}  // namespace dpsctp::runtime
