// IPv6 Neighbour Discovery (RFC 4861 §4.3, §4.4, §4.6.1, §7.1, §7.2), solicited-node
// multicast (RFC 4291 §2.7.1) and its Ethernet mapping (RFC 2464 §7).
#include "runtime/net/ndp.h"

#include "net_test_util.h"
#include "runtime/net/ethernet.h"
#include "runtime/net/icmpv6.h"

namespace dpsctp::net {
namespace {
using testing::Bytes;
using testing::from_hex;
using testing::ip;
using testing::mac;
using testing::to_hex;

// NS from fe80::1 (02:00:00:00:00:01) for fe80::2, to ff02::1:ff00:2, with an SLLA
// option; NA answering it (S and O set, TLLA 02:00:00:00:00:02). Checksums
// cross-checked with an independent implementation (Python).
constexpr const char* kNs = "8700 7a97 00000000 fe800000000000000000000000000002 0101 020000000001";
constexpr const char* kNa = "8800 181a 60000000 fe800000000000000000000000000002 0201 020000000002";

Ipv6Header hdr(const char* src, const char* dst, uint8_t hop_limit = kNdpHopLimit) {
  return Ipv6Header::for_icmpv6(ip(src), ip(dst), 0, hop_limit);
}

// Builds an NS/NA-shaped message with arbitrary bytes and a valid checksum.
Bytes signed_msg(const char* hex, const Ipv6Header& h) {
  Bytes b = from_hex(hex);
  write_icmpv6_checksum(h.src, h.dst, b);
  return b;
}

TEST(Ndp, Rfc4291_2_7_1_SolicitedNodeAddressAndRfc2464_7_Mac) {
  const IpAddress sn = solicited_node_multicast(ip("2001:db8::abcd:1234:5678"));
  EXPECT_EQ(sn, ip("ff02::1:ff34:5678"));
  EXPECT_TRUE(is_solicited_node_multicast(sn));
  EXPECT_FALSE(is_solicited_node_multicast(ip("ff02::1")));
  EXPECT_FALSE(is_solicited_node_multicast(ip("10.0.0.1")));
  EXPECT_EQ(ipv6_multicast_mac(sn), mac("33:33:ff:34:56:78"));
  EXPECT_EQ(ipv6_multicast_mac(ipv6_all_nodes()), mac("33:33:00:00:00:01"));
  EXPECT_TRUE(is_ipv6_multicast(ip("ff02::1")));
  EXPECT_FALSE(is_ipv6_multicast(ip("fe80::1")));
  EXPECT_TRUE(is_ipv6_unspecified(ip("::")));
  EXPECT_FALSE(is_ipv6_unspecified(ip("::1")));
}

TEST(Ndp, Rfc4861_4_3_ParsesSolicitationWithSourceLla) {
  Result<NeighbourSolicitation> ns =
      NeighbourSolicitation::parse(from_hex(kNs), hdr("fe80::1", "ff02::1:ff00:2"));
  ASSERT_TRUE(ns) << to_string(ns.error());
  EXPECT_EQ(ns->target, ip("fe80::2"));
  ASSERT_TRUE(ns->source_lla);
  EXPECT_EQ(*ns->source_lla, mac("02:00:00:00:00:01"));
}

TEST(Ndp, Rfc4861_7_2_2_SolicitationFrameMatchesAnnotatedBytes) {
  const Bytes f = testing::write_with([](BufferWriter& w) {
    write_neighbour_solicitation_frame(w, mac("02:00:00:00:00:01"), ip("fe80::1"), ip("fe80::2"));
  });
  Result<EthernetFrame> e = EthernetFrame::parse(f);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->header.dst, mac("33:33:ff:00:00:02"));
  EXPECT_EQ(e->header.ether_type, ether_type::kIpv6);
  Result<Ipv6Packet> p = Ipv6Packet::parse(e->payload);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->header.hop_limit, 255);
  EXPECT_EQ(p->header.dst, ip("ff02::1:ff00:2"));
  EXPECT_EQ(to_hex(p->payload), to_hex(from_hex(kNs)));
}

TEST(Ndp, Rfc4861_7_3_3_ProbeIsUnicastToTheCachedMac) {
  const Bytes f = testing::write_with([](BufferWriter& w) {
    write_neighbour_solicitation_frame(w, mac("02:00:00:00:00:01"), ip("fe80::1"), ip("fe80::2"),
                                       mac("02:00:00:00:00:02"));
  });
  Result<EthernetFrame> e = EthernetFrame::parse(f);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->header.dst, mac("02:00:00:00:00:02"));
  Result<Ipv6Packet> p = Ipv6Packet::parse(e->payload);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->header.dst, ip("fe80::2"));
  Result<NeighbourSolicitation> ns = NeighbourSolicitation::parse(p->payload, p->header);
  ASSERT_TRUE(ns) << to_string(ns.error());
  EXPECT_EQ(ns->target, ip("fe80::2"));
}

TEST(Ndp, Rfc4861_7_2_4_AnswerToSolicitationIsSolicitedOverrideUnicast) {
  const Ipv6Header ns_ip = hdr("fe80::1", "ff02::1:ff00:2");
  Result<NeighbourSolicitation> ns = NeighbourSolicitation::parse(from_hex(kNs), ns_ip);
  ASSERT_TRUE(ns);
  const std::optional<NdpAnswer> a =
      ndp_answer_for(*ns, ns_ip, mac("02:00:00:00:00:02"), ip("fe80::2"));
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->na.solicited);
  EXPECT_TRUE(a->na.override_);
  EXPECT_FALSE(a->na.router);
  EXPECT_EQ(a->dst, ip("fe80::1"));
  EXPECT_EQ(a->dst_mac, mac("02:00:00:00:00:01"));
  const Bytes f = testing::write_with([&](BufferWriter& w) {
    write_neighbour_advertisement_frame(w, mac("02:00:00:00:00:02"), ip("fe80::2"), *a,
                                        *a->dst_mac);
  });
  Result<EthernetFrame> e = EthernetFrame::parse(f);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->header.dst, mac("02:00:00:00:00:01"));
  Result<Ipv6Packet> p = Ipv6Packet::parse(e->payload);
  ASSERT_TRUE(p);
  EXPECT_EQ(to_hex(p->payload), to_hex(from_hex(kNa)));
  // No answer for someone else's address.
  EXPECT_FALSE(ndp_answer_for(*ns, ns_ip, mac("02:00:00:00:00:03"), ip("fe80::3")));
}

TEST(Ndp, Rfc4861_7_2_4_DadSolicitationIsAnsweredToAllNodes) {
  const Ipv6Header dad_ip = hdr("::", "ff02::1:ff00:2");
  const Bytes dad = signed_msg("8700 0000 00000000 fe800000000000000000000000000002", dad_ip);
  Result<NeighbourSolicitation> ns = NeighbourSolicitation::parse(dad, dad_ip);
  ASSERT_TRUE(ns) << to_string(ns.error());
  const std::optional<NdpAnswer> a =
      ndp_answer_for(*ns, dad_ip, mac("02:00:00:00:00:02"), ip("fe80::2"));
  ASSERT_TRUE(a);
  EXPECT_FALSE(a->na.solicited);
  EXPECT_EQ(a->dst, ip("ff02::1"));
  EXPECT_EQ(a->dst_mac, mac("33:33:00:00:00:01"));
}

TEST(Ndp, Rfc4861_4_4_ParsesAdvertisementFlagsAndTargetLla) {
  Result<NeighbourAdvertisement> na =
      NeighbourAdvertisement::parse(from_hex(kNa), hdr("fe80::2", "fe80::1"));
  ASSERT_TRUE(na) << to_string(na.error());
  EXPECT_FALSE(na->router);
  EXPECT_TRUE(na->solicited);
  EXPECT_TRUE(na->override_);
  EXPECT_EQ(na->target, ip("fe80::2"));
  EXPECT_EQ(na->target_lla, mac("02:00:00:00:00:02"));
  NeighbourAdvertisement unsolicited{ip("fe80::2"), true, false, true, std::nullopt};
  const Bytes b = testing::write_with(
      [&](BufferWriter& w) { unsolicited.serialize_to(w, ip("fe80::2"), ipv6_all_nodes()); });
  EXPECT_EQ(b.size(), NeighbourAdvertisement::kFixedSize);
  Result<NeighbourAdvertisement> back = NeighbourAdvertisement::parse(b, hdr("fe80::2", "ff02::1"));
  ASSERT_TRUE(back) << to_string(back.error());
  EXPECT_TRUE(back->router);
  EXPECT_FALSE(back->target_lla);
}

TEST(Ndp, Rfc4861_4_6_UnknownOptionsAreIgnored) {
  const Ipv6Header h = hdr("fe80::1", "ff02::1:ff00:2");
  // A Nonce option (RFC 3971 type 14, 8 bytes) before the SLLA.
  const Bytes b = signed_msg(
      "8700 0000 00000000 fe800000000000000000000000000002 0e01 aabbccddeeff 0101 020000000001", h);
  Result<NeighbourSolicitation> ns = NeighbourSolicitation::parse(b, h);
  ASSERT_TRUE(ns) << to_string(ns.error());
  EXPECT_EQ(ns->source_lla, mac("02:00:00:00:00:01"));
}

TEST(Ndp, Rfc4861_7_1_1_SolicitationValidation) {
  const Ipv6Header h = hdr("fe80::1", "ff02::1:ff00:2");
  const char* target = "fe800000000000000000000000000002";
  auto parse = [&](const std::string& hex, const Ipv6Header& ip_hdr) {
    return NeighbourSolicitation::parse(signed_msg(hex.c_str(), ip_hdr), ip_hdr).error();
  };
  const std::string head = std::string("8700 0000 00000000 ") + target;
  // "The IP Hop Limit field has a value of 255".
  EXPECT_EQ(parse(head, hdr("fe80::1", "ff02::1:ff00:2", 254)), NetError::kNdpBadHopLimit);
  EXPECT_EQ(parse("8700 0000 00000000 fe80", h), NetError::kIcmpTruncated);  // < 24 bytes
  EXPECT_EQ(parse("8701 0000 00000000 " + std::string(target), h), NetError::kIcmpBadCode);
  EXPECT_EQ(parse("8700 0000 00000000 ff020000000000000000000000000001", h),
            NetError::kNdpTargetMulticast);
  EXPECT_EQ(parse(head + " 0100 020000000001", h), NetError::kNdpBadOptionLength);  // length 0
  EXPECT_EQ(parse(head + " 0102 020000000001", h), NetError::kNdpBadOptionLength);  // past end
  EXPECT_EQ(parse(head + " 01", h), NetError::kNdpBadOptionLength);  // half an option header
  EXPECT_EQ(parse(head + " 0102 020000000001 0000000000000000", h),
            NetError::kNdpBadLinkLayerOption);  // 16-byte LLA on Ethernet
  // From the unspecified address: only to a solicited-node address, and without SLLA.
  EXPECT_EQ(parse(head, hdr("::", "fe80::2")), NetError::kNdpUnspecifiedSource);
  EXPECT_EQ(parse(head + " 0101 020000000001", hdr("::", "ff02::1:ff00:2")),
            NetError::kNdpUnspecifiedSource);
  Bytes bad = from_hex(kNs);
  bad[30] ^= std::byte{1};
  EXPECT_EQ(NeighbourSolicitation::parse(bad, h).error(), NetError::kIcmpBadChecksum);
  EXPECT_EQ(NeighbourSolicitation::parse(from_hex(kNa), hdr("fe80::2", "fe80::1")).error(),
            NetError::kIcmpWrongType);
}

TEST(Ndp, Rfc4861_7_1_2_AdvertisementValidation) {
  const char* target = "fe800000000000000000000000000002";
  // "If the IP Destination Address is a multicast address the Solicited flag is zero."
  const Ipv6Header mc = hdr("fe80::2", "ff02::1");
  const Bytes solicited_mc = signed_msg((std::string("8800 0000 40000000 ") + target).c_str(), mc);
  EXPECT_EQ(NeighbourAdvertisement::parse(solicited_mc, mc).error(),
            NetError::kNdpSolicitedToMulticast);
  const Ipv6Header uc = hdr("fe80::2", "fe80::1");
  const Bytes zero_opt =
      signed_msg((std::string("8800 0000 60000000 ") + target + " 0200 0000").c_str(), uc);
  EXPECT_EQ(NeighbourAdvertisement::parse(zero_opt, uc).error(), NetError::kNdpBadOptionLength);
  EXPECT_EQ(NeighbourAdvertisement::parse(from_hex(kNa), hdr("fe80::2", "fe80::1", 64)).error(),
            NetError::kNdpBadHopLimit);
  const Bytes mc_target = signed_msg("8800 0000 60000000 ff020000000000000000000000000001", uc);
  EXPECT_EQ(NeighbourAdvertisement::parse(mc_target, uc).error(), NetError::kNdpTargetMulticast);
}

}  // namespace
}  // namespace dpsctp::net
