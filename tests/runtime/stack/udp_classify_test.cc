// classify_frame for SCTP-over-UDP (RFC 6951 §5.4): datagrams to our encapsulation port
// become SCTP packets with the UDP source port recorded; malformed ones are counted drops.
#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <vector>

#include "runtime/net/udp_encap.h"
#include "runtime/stack/l2l3_encap.h"
#include "runtime/stack/rx_classify.h"
#include "wire/crc32c.h"

namespace dpsctp::runtime {
namespace {

const IpAddress kUs = IpAddress::v4(10, 98, 0, 1);
const IpAddress kPeer = IpAddress::v4(10, 98, 0, 2);
const IpAddress kUs6 = IpAddress::v6({0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x98, 1});
const IpAddress kPeer6 = IpAddress::v6({0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x98, 2});
const net::MacAddress kUsMac({0x02, 0, 0, 0x98, 0, 0x01});
const net::MacAddress kPeerMac({0x02, 0, 0, 0x98, 0, 0x02});
const std::array<IpAddress, 2> kOurs{kUs, kUs6};
constexpr uint16_t kPort = net::kSctpTunnelingPort;

RxFilter filter(uint16_t encaps_port = kPort) {
  RxFilter f{.mac = kUsMac, .addresses = kOurs, .ipv4_checksum_verified = false};
  f.udp_encaps_port = encaps_port;
  return f;
}

/// Ethernet + IP + UDP (src_port -> dst_port) around a 16-byte SCTP packet with its CRC32c.
std::vector<std::byte> udp_frame(const IpAddress& src, const IpAddress& dst, uint16_t src_port,
                                 uint16_t dst_port = kPort) {
  const LinkIdentity link{.mac = kPeerMac, .vlan = std::nullopt};
  const size_t l2 = l2_header_size(link), l3 = l3_header_size(dst);
  std::vector<std::byte> f(l2 + l3 + 8 + 16, std::byte{0});
  std::byte* sctp = f.data() + l2 + l3 + 8;
  wire::store_u16(sctp, 5000);
  wire::store_u16(sctp + 2, 5001);
  wire::store_u32(sctp + 4, 0x11223344);
  wire::store_u32(sctp + 12, 0x0e000004);  // ABORT, no causes
  wire::write_sctp_checksum({sctp, 16});
  EXPECT_TRUE(write_l2_header(std::span(f).first(l2), link, kUsMac, ether_type_for(dst)));
  EXPECT_TRUE(net::write_udp_encap_headers(std::span(f).subspan(l2), l3, src, dst, src_port,
                                           dst_port, false));
  return f;
}

TEST(UdpClassify, Rfc6951Sec5_4EncapsulatedIpv4IsSctpWithSourcePort) {
  const auto f = udp_frame(kPeer, kUs, 40000);
  const RxPacket p = classify_frame(f, filter());
  ASSERT_EQ(p.kind, RxKind::kSctp) << to_string(p.drop);
  EXPECT_EQ(p.udp_src_port, 40000);
  EXPECT_EQ(p.src, kPeer);
  ASSERT_EQ(p.l4.size(), 16u);
  EXPECT_EQ(p.l4.data(), f.data() + 14 + 20 + 8);  // the SCTP packet, in place
  EXPECT_TRUE(wire::verify_sctp_checksum(p.l4));   // the core still checks it (RFC 9260 §6.8)
}

TEST(UdpClassify, Rfc6951Sec5_4EncapsulatedIpv6IsSctpWithSourcePort) {
  const auto f = udp_frame(kPeer6, kUs6, 9899);
  const RxPacket p = classify_frame(f, filter());
  ASSERT_EQ(p.kind, RxKind::kSctp) << to_string(p.drop);
  EXPECT_EQ(p.udp_src_port, 9899);
  EXPECT_EQ(p.l4.size(), 16u);
}

TEST(UdpClassify, PlainSctpHasNoSourcePortAfterAnEncapsulatedOne) {
  RxPacket p;  // reused across a burst, like the shard does
  classify_frame(udp_frame(kPeer, kUs, 40000), filter(), p);
  ASSERT_EQ(p.udp_src_port, 40000);
  const LinkIdentity link{.mac = kPeerMac, .vlan = std::nullopt};
  std::vector<std::byte> plain(14 + 20 + 16, std::byte{0x5c});
  ASSERT_TRUE(write_l2_header(std::span(plain).first(14), link, kUsMac, ether_type_for(kUs)));
  ASSERT_TRUE(write_sctp_l3_header(std::span(plain).subspan(14, 20), kPeer, kUs, 16, false));
  classify_frame(plain, filter(), p);
  ASSERT_EQ(p.kind, RxKind::kSctp);
  EXPECT_EQ(p.udp_src_port, 0);
}

TEST(UdpClassify, Rfc768BadChecksumBothFamiliesCounted) {
  auto f = udp_frame(kPeer, kUs, 40000);
  f.back() ^= std::byte{0x40};  // corrupt the SCTP bytes: the UDP checksum catches it
  EXPECT_EQ(classify_frame(f, filter()).drop, RxDrop::kUdpChecksum);
  auto f6 = udp_frame(kPeer6, kUs6, 40000);
  f6[14 + 40 + 8] ^= std::byte{0x01};
  EXPECT_EQ(classify_frame(f6, filter()).drop, RxDrop::kUdpChecksum);
  // RFC 8200 §8.1: no zero checksum over IPv6.
  auto z6 = udp_frame(kPeer6, kUs6, 40000);
  wire::store_u16(z6.data() + 14 + 40 + 6, 0);
  EXPECT_EQ(classify_frame(z6, filter()).drop, RxDrop::kUdpChecksum);
  // RFC 768: zero over IPv4 = no checksum: accepted (the SCTP CRC32c still guards it).
  auto z4 = udp_frame(kPeer, kUs, 40000);
  wire::store_u16(z4.data() + 14 + 20 + 6, 0);
  EXPECT_EQ(classify_frame(z4, filter()).kind, RxKind::kSctp);
}

TEST(UdpClassify, TruncatedDatagramsDropped) {
  const auto f = udp_frame(kPeer, kUs, 40000);
  // UDP Length claims more than the IP datagram holds: cut IP total length by 4 (and fix
  // the IPv4 header checksum by rebuilding the header for the shorter payload).
  auto cut = f;
  cut.resize(cut.size() - 4);
  ASSERT_TRUE(write_sctp_l3_header(std::span(cut).subspan(14, 20), kPeer, kUs, 8 + 12, false));
  cut[14 + 9] = std::byte{17};  // protocol UDP; header checksum now stale:
  RxFilter trusted = filter();
  trusted.ipv4_checksum_verified = true;
  EXPECT_EQ(classify_frame(cut, trusted).drop, RxDrop::kBadUdp);
  // UDP Length below its own header.
  auto shortlen = f;
  wire::store_u16(shortlen.data() + 14 + 20 + 4, 7);
  EXPECT_EQ(classify_frame(shortlen, trusted).drop, RxDrop::kBadUdp);
  // Source port 0: nowhere to send the answers (RFC 768: "optional ... zero if unused").
  EXPECT_EQ(classify_frame(udp_frame(kPeer, kUs, 0), filter()).drop, RxDrop::kBadUdp);
}

TEST(UdpClassify, OtherPortsAndDisabledEncapsulationAreProtocolDrops) {
  EXPECT_EQ(classify_frame(udp_frame(kPeer, kUs, 40000, 53), filter()).drop, RxDrop::kProtocol);
  EXPECT_EQ(classify_frame(udp_frame(kPeer, kUs, 40000), filter(0)).drop, RxDrop::kProtocol);
  // Encapsulation on another port of ours.
  EXPECT_EQ(classify_frame(udp_frame(kPeer, kUs, 40000, 9900), filter(9900)).kind, RxKind::kSctp);
}

TEST(UdpClassify, DropNamesAreStable) {
  EXPECT_EQ(to_string(RxDrop::kBadUdp), "bad_udp");
  EXPECT_EQ(to_string(RxDrop::kUdpChecksum), "udp_checksum");
}

}  // namespace
}  // namespace dpsctp::runtime
