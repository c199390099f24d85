// classify_frame: Ethernet / ARP / IPv4 / IPv6 demultiplexing and drop reasons.
#include "runtime/stack/rx_classify.h"

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/net/arp.h"
#include "runtime/net/inet_checksum.h"
#include "runtime/net/ndp.h"
#include "runtime/stack/l2l3_encap.h"
#include "wire/buffer_writer.h"

namespace dpsctp::runtime {
namespace {

const IpAddress kUs = IpAddress::v4(10, 99, 0, 1);
const IpAddress kPeer = IpAddress::v4(10, 99, 0, 2);
const IpAddress kOther = IpAddress::v4(10, 99, 0, 3);
const IpAddress kUs6 = IpAddress::v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
const IpAddress kPeer6 =
    IpAddress::v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2});
const net::MacAddress kUsMac({0x02, 0, 0, 0x99, 0, 0x01});
const net::MacAddress kPeerMac({0x02, 0, 0, 0x99, 0, 0x02});
const std::array<IpAddress, 2> kOurs{kUs, kUs6};

RxFilter filter() { return {.mac = kUsMac, .addresses = kOurs, .ipv4_checksum_verified = false}; }

/// Ethernet + IP (SCTP protocol) + `l4_len` bytes of 0x5c, then `padding` zero bytes.
std::vector<std::byte> sctp_frame(const IpAddress& src, const IpAddress& dst, size_t l4_len,
                                  std::optional<net::VlanTag> vlan = std::nullopt,
                                  const net::MacAddress& dst_mac = kUsMac, size_t padding = 0) {
  const LinkIdentity link{.mac = kPeerMac, .vlan = vlan};
  const size_t l2 = l2_header_size(link), l3 = l3_header_size(dst);
  std::vector<std::byte> f(l2 + l3 + l4_len + padding, std::byte{0x5c});
  std::fill(f.end() - static_cast<ptrdiff_t>(padding), f.end(), std::byte{0});
  EXPECT_TRUE(write_l2_header(std::span(f).first(l2), link, dst_mac, ether_type_for(dst)));
  EXPECT_TRUE(write_sctp_l3_header(std::span(f).subspan(l2, l3), src, dst, l4_len, false));
  return f;
}

TEST(RxClassify, Rfc9260_SctpOverIpv4ToUs) {
  const auto f = sctp_frame(kPeer, kUs, 48);
  const RxPacket p = classify_frame(f, filter());
  ASSERT_EQ(p.kind, RxKind::kSctp);
  EXPECT_EQ(p.src, kPeer);
  EXPECT_EQ(p.dst, kUs);
  EXPECT_EQ(p.l4.size(), 48u);
  EXPECT_EQ(p.l4.data(), f.data() + 34);  // a view into the frame, not a copy
  EXPECT_EQ(p.eth.src, kPeerMac);
}

TEST(RxClassify, Rfc894_PaddingTrimmedByIpLength) {
  const auto f = sctp_frame(kPeer, kUs, 16, std::nullopt, kUsMac, 10);
  const RxPacket p = classify_frame(f, filter());
  ASSERT_EQ(p.kind, RxKind::kSctp);
  EXPECT_EQ(p.l4.size(), 16u);
}

TEST(RxClassify, Ieee8021Q_TaggedFrameAccepted) {
  const auto f = sctp_frame(kPeer, kUs, 32, net::VlanTag{.pcp = 0, .dei = false, .vid = 7});
  const RxPacket p = classify_frame(f, filter());
  ASSERT_EQ(p.kind, RxKind::kSctp);
  ASSERT_TRUE(p.eth.vlan.has_value());
  EXPECT_EQ(p.eth.vlan->vid, 7);
  EXPECT_EQ(p.l4.size(), 32u);
}

TEST(RxClassify, Rfc791_3_1_BadHeaderChecksumDropped) {
  auto f = sctp_frame(kPeer, kUs, 32);
  f[14 + 8] = std::byte{63};  // TTL changed, checksum not updated
  EXPECT_EQ(classify_frame(f, filter()).drop, RxDrop::kIpv4Checksum);
  RxFilter nic_checked = filter();
  nic_checked.ipv4_checksum_verified = true;  // RTE_MBUF_F_RX_IP_CKSUM_GOOD: trusted
  EXPECT_EQ(classify_frame(f, nic_checked).kind, RxKind::kSctp);
}

void set_fragment_field(std::vector<std::byte>& f, uint16_t flags_offset) {
  f[14 + 6] = static_cast<std::byte>(flags_offset >> 8);
  f[14 + 7] = static_cast<std::byte>(flags_offset);
  f[14 + 10] = f[14 + 11] = std::byte{0};
  const uint16_t c = net::inet_checksum(std::span(f).subspan(14, 20));
  f[14 + 10] = static_cast<std::byte>(c >> 8);
  f[14 + 11] = static_cast<std::byte>(c);
}

TEST(RxClassify, Rfc791_3_2_FragmentsDropped) {
  auto first = sctp_frame(kPeer, kUs, 32);
  set_fragment_field(first, 0x2000);  // MF, offset 0
  EXPECT_EQ(classify_frame(first, filter()).drop, RxDrop::kFragment);
  auto later = sctp_frame(kPeer, kUs, 32);
  set_fragment_field(later, 0x0004);  // offset 32 bytes, last fragment
  EXPECT_EQ(classify_frame(later, filter()).drop, RxDrop::kFragment);
  auto df = sctp_frame(kPeer, kUs, 32);
  set_fragment_field(df, 0x4000);  // DF only: a whole datagram
  EXPECT_EQ(classify_frame(df, filter()).kind, RxKind::kSctp);
}

TEST(RxClassify, Rfc1122_3_2_1_3_OtherDestinationsDropped) {
  EXPECT_EQ(classify_frame(sctp_frame(kPeer, kOther, 32), filter()).drop, RxDrop::kNotOurAddress);
  const net::MacAddress other({0x02, 0, 0, 0, 0, 0x77});
  EXPECT_EQ(classify_frame(sctp_frame(kPeer, kUs, 32, std::nullopt, other), filter()).drop,
            RxDrop::kNotOurMac);
}

TEST(RxClassify, Rfc791_OtherProtocolsDropped) {
  auto f = sctp_frame(kPeer, kUs, 32);
  f[14 + 9] = std::byte{17};  // UDP; fix the checksum
  set_fragment_field(f, 0x4000);
  EXPECT_EQ(classify_frame(f, filter()).drop, RxDrop::kProtocol);
  f[14 + 9] = std::byte{1};  // ICMP
  set_fragment_field(f, 0x4000);
  EXPECT_EQ(classify_frame(f, filter()).kind, RxKind::kIcmp);
}

TEST(RxClassify, Rfc894_MalformedEthernetAndUnknownEtherType) {
  std::vector<std::byte> tiny(10);
  EXPECT_EQ(classify_frame(tiny, filter()).drop, RxDrop::kBadEthernet);
  auto f = sctp_frame(kPeer, kUs, 32);
  f[12] = std::byte{0x88};
  f[13] = std::byte{0xcc};  // LLDP
  EXPECT_EQ(classify_frame(f, filter()).drop, RxDrop::kEtherType);
  auto broken_ip = sctp_frame(kPeer, kUs, 32);
  broken_ip[14] = std::byte{0x55};  // version 5
  EXPECT_EQ(classify_frame(broken_ip, filter()).drop, RxDrop::kBadIpv4);
}

TEST(RxClassify, Rfc826_BroadcastRequestIsArp) {
  std::array<std::byte, 64> buf{};
  wire::BufferWriter w(buf);
  net::write_arp_frame(w, net::ArpPacket::request(kPeerMac, kPeer, kUs),
                       net::MacAddress::broadcast());
  const RxPacket p = classify_frame(w.written(), filter());
  ASSERT_EQ(p.kind, RxKind::kArp);
  EXPECT_EQ(p.arp.operation, net::ArpPacket::kRequest);
  EXPECT_EQ(p.arp.sender_ip, kPeer);
  EXPECT_EQ(p.arp.target_ip, kUs);
  EXPECT_EQ(p.arp.sender_mac, kPeerMac);
  buf[14 + 7] = std::byte{9};  // opcode 9
  EXPECT_EQ(classify_frame(w.written(), filter()).drop, RxDrop::kBadArp);
}

TEST(RxClassify, Rfc8200_SctpOverIpv6ToUs) {
  const auto f = sctp_frame(kPeer6, kUs6, 64);
  const RxPacket p = classify_frame(f, filter());
  ASSERT_EQ(p.kind, RxKind::kSctp);
  EXPECT_EQ(p.src, kPeer6);
  EXPECT_EQ(p.l4.size(), 64u);
  const IpAddress other6 =
      IpAddress::v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9});
  EXPECT_EQ(classify_frame(sctp_frame(kPeer6, other6, 64), filter()).drop, RxDrop::kNotOurAddress);
}

TEST(RxClassify, Rfc4861_7_2_3_SolicitationToOurSolicitedNodeGroup) {
  std::array<std::byte, 128> buf{};
  wire::BufferWriter w(buf);
  net::write_neighbour_solicitation_frame(w, kPeerMac, kPeer6, kUs6);
  const RxPacket p = classify_frame(w.written(), filter());
  ASSERT_EQ(p.kind, RxKind::kIcmpv6);
  EXPECT_EQ(p.dst, net::solicited_node_multicast(kUs6));
  EXPECT_EQ(static_cast<uint8_t>(p.l4[0]), 135);
  // SCTP to the group is not for us: only a unicast address of ours carries SCTP.
  const auto g = sctp_frame(kPeer6, net::solicited_node_multicast(kUs6), 32, std::nullopt,
                            net::ipv6_multicast_mac(net::solicited_node_multicast(kUs6)));
  EXPECT_EQ(classify_frame(g, filter()).drop, RxDrop::kNotOurAddress);
  // Another node's group: not ours.
  std::array<std::byte, 128> buf2{};
  wire::BufferWriter w2(buf2);
  net::write_neighbour_solicitation_frame(w2, kPeerMac, kUs6, kPeer6);
  EXPECT_EQ(classify_frame(w2.written(), filter()).drop, RxDrop::kNotOurAddress);
}

TEST(RxClassify, DropReasonNamesAreStable) {
  EXPECT_EQ(to_string(RxDrop::kFragment), "fragment");
  EXPECT_EQ(to_string(RxDrop::kIpv4Checksum), "ipv4_checksum");
  EXPECT_EQ(to_string(RxDrop::kNotOurAddress), "not_our_address");
}

}  // namespace
}  // namespace dpsctp::runtime
