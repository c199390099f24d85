// ARP for IPv4 over Ethernet (RFC 826), probes and announcements (RFC 5227).
#include "runtime/net/arp.h"

#include "net_test_util.h"
#include "runtime/net/ethernet.h"

namespace dpsctp::net {
namespace {
using testing::Bytes;
using testing::from_hex;
using testing::ip;
using testing::mac;
using testing::to_hex;

// "who-has 10.0.0.2 tell 10.0.0.1" from 02:00:00:00:00:01, annotated.
constexpr const char* kRequest =
    "0001 0800 06 04 0001"    // Ethernet, IPv4, hlen 6, plen 4, request
    "020000000001 0a000001"   // sender MAC / IP
    "000000000000 0a000002";  // target MAC (unknown) / IP
constexpr const char* kReply =
    "0001 0800 06 04 0002"
    "020000000002 0a000002"
    "020000000001 0a000001";

TEST(Arp, Rfc826_ParsesRequest) {
  Result<ArpPacket> a = ArpPacket::parse(from_hex(kRequest));
  ASSERT_TRUE(a) << to_string(a.error());
  EXPECT_EQ(a->operation, ArpPacket::kRequest);
  EXPECT_EQ(a->sender_mac, mac("02:00:00:00:00:01"));
  EXPECT_EQ(a->sender_ip, ip("10.0.0.1"));
  EXPECT_TRUE(a->target_mac.is_zero());
  EXPECT_EQ(a->target_ip, ip("10.0.0.2"));
  EXPECT_FALSE(a->is_probe());
  EXPECT_FALSE(a->is_announcement());
  EXPECT_EQ(a->to_string(), "request who-has 10.0.0.2 tell 10.0.0.1 (02:00:00:00:00:01)");
}

TEST(Arp, Rfc826_RequestBuilderMatchesAnnotatedBytes) {
  const ArpPacket r = ArpPacket::request(mac("02:00:00:00:00:01"), ip("10.0.0.1"), ip("10.0.0.2"));
  const Bytes b = testing::write_with([&](BufferWriter& w) { r.serialize_to(w); });
  EXPECT_EQ(to_hex(b), to_hex(from_hex(kRequest)));
}

TEST(Arp, Rfc826_PacketReceptionAnswersRequestForOurAddress) {
  Result<ArpPacket> req = ArpPacket::parse(from_hex(kRequest));
  ASSERT_TRUE(req);
  const std::optional<ArpPacket> reply =
      arp_reply_for(*req, mac("02:00:00:00:00:02"), ip("10.0.0.2"));
  ASSERT_TRUE(reply);
  const Bytes b = testing::write_with([&](BufferWriter& w) { reply->serialize_to(w); });
  EXPECT_EQ(to_hex(b), to_hex(from_hex(kReply)));
  EXPECT_EQ(reply->to_string(), "reply 10.0.0.2 is-at 02:00:00:00:00:02");
}

TEST(Arp, Rfc826_NoReplyForOtherAddressesOrToReplies) {
  Result<ArpPacket> req = ArpPacket::parse(from_hex(kRequest));
  ASSERT_TRUE(req);
  EXPECT_FALSE(arp_reply_for(*req, mac("02:00:00:00:00:03"), ip("10.0.0.3")));
  Result<ArpPacket> rep = ArpPacket::parse(from_hex(kReply));
  ASSERT_TRUE(rep);
  EXPECT_FALSE(arp_reply_for(*rep, mac("02:00:00:00:00:01"), ip("10.0.0.1")));
}

TEST(Arp, Rfc5227_2_1_1_ProbeIsRecognisedAndDefended) {
  // Probe: sender IP 0.0.0.0, target the address being claimed.
  const Bytes probe = from_hex("0001 0800 06 04 0001 020000000009 00000000 000000000000 0a000002");
  Result<ArpPacket> p = ArpPacket::parse(probe);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->is_probe());
  const std::optional<ArpPacket> reply =
      arp_reply_for(*p, mac("02:00:00:00:00:02"), ip("10.0.0.2"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->target_ip, IpAddress::v4(0u));
  EXPECT_EQ(reply->target_mac, mac("02:00:00:00:00:09"));
}

TEST(Arp, Rfc5227_2_3_AnnouncementHasSenderEqualToTarget) {
  const Bytes ann = from_hex("0001 0800 06 04 0001 020000000009 0a000009 000000000000 0a000009");
  Result<ArpPacket> p = ArpPacket::parse(ann);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->is_announcement());
  EXPECT_FALSE(p->is_probe());
}

TEST(Arp, Rfc826_TrailingEthernetPaddingIsIgnored) {
  Bytes b = from_hex(kReply);
  b.resize(46, std::byte{0});
  Result<ArpPacket> a = ArpPacket::parse(b);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->operation, ArpPacket::kReply);
}

TEST(Arp, Rfc826_UnsupportedOrMalformedPacketsGivePreciseErrors) {
  const Bytes good = from_hex(kRequest);
  for (size_t n = 0; n < ArpPacket::kSize; ++n) {
    EXPECT_EQ(ArpPacket::parse(ByteSpan(good).first(n)).error(), NetError::kArpTruncated) << n;
  }
  auto with = [&](size_t at, uint8_t v) {
    Bytes b = good;
    b[at] = std::byte{v};
    return ArpPacket::parse(b).error();
  };
  EXPECT_EQ(with(1, 6), NetError::kArpUnsupportedHardware);     // IEEE 802 networks
  EXPECT_EQ(with(4, 8), NetError::kArpUnsupportedHardware);     // hlen 8
  EXPECT_EQ(with(2, 0x86), NetError::kArpUnsupportedProtocol);  // ptype 0x86dd-ish
  EXPECT_EQ(with(5, 16), NetError::kArpUnsupportedProtocol);    // plen 16
  EXPECT_EQ(with(7, 3), NetError::kArpBadOperation);            // RARP request (RFC 903)
  EXPECT_EQ(with(7, 0), NetError::kArpBadOperation);
}

TEST(Arp, Rfc894_FrameIsBroadcastAndPaddedTo60Bytes) {
  const ArpPacket r = ArpPacket::request(mac("02:00:00:00:00:01"), ip("10.0.0.1"), ip("10.0.0.2"));
  const Bytes f =
      testing::write_with([&](BufferWriter& w) { write_arp_frame(w, r, MacAddress::broadcast()); });
  ASSERT_EQ(f.size(), kMinFrameSize);
  Result<EthernetFrame> e = EthernetFrame::parse(f);
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->header.dst.is_broadcast());
  EXPECT_EQ(e->header.src, mac("02:00:00:00:00:01"));
  EXPECT_EQ(e->header.ether_type, ether_type::kArp);
  Result<ArpPacket> a = ArpPacket::parse(e->payload);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->target_ip, ip("10.0.0.2"));
}

}  // namespace
}  // namespace dpsctp::net
