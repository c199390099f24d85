// IPv6 fixed header (RFC 8200 §3) and extension header walk (RFC 8200 §4, RFC 6946).
#include "runtime/net/ipv6.h"

#include "net_test_util.h"

namespace dpsctp::net {
namespace {
using testing::Bytes;
using testing::from_hex;
using testing::ip;
using testing::to_hex;

// 2001:db8::1 -> 2001:db8::2, traffic class 0xb8, flow label 0x12345, hop limit 64.
constexpr const char* kAddrs = "20010db8000000000000000000000001 20010db8000000000000000000000002";

Bytes packet(const char* next_and_len, const char* payload) {
  // next_and_len: "LLLL NN" = payload length, next header.
  return testing::concat(from_hex(std::string("6b812345 ") + next_and_len + " 40 " + kAddrs),
                         from_hex(payload));
}

TEST(Ipv6, Rfc8200_3_ParsesFixedHeader) {
  const Bytes b = packet("0008 84", "9c400b59 deadbeef");
  Result<Ipv6Packet> p = Ipv6Packet::parse(b);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->header.traffic_class, 0xb8);
  EXPECT_EQ(p->header.flow_label, 0x12345u);
  EXPECT_EQ(p->header.payload_length, 8);
  EXPECT_EQ(p->header.next_header, ip_proto::kSctp);
  EXPECT_EQ(p->header.hop_limit, 64);
  EXPECT_EQ(p->header.src, ip("2001:db8::1"));
  EXPECT_EQ(p->header.dst, ip("2001:db8::2"));
  EXPECT_EQ(p->upper_protocol, ip_proto::kSctp);
  EXPECT_EQ(to_hex(p->payload), "9c400b59deadbeef");
  EXPECT_FALSE(p->fragment);
  EXPECT_EQ(p->header.to_string(), "2001:db8::1 > 2001:db8::2 next 132 len 8 hlim 64");
}

TEST(Ipv6, Rfc8200_3_PayloadLengthTrimsPaddingAndIsBounded) {
  Bytes b = packet("0004 84", "9c400b59");
  b.resize(b.size() + 10);
  Result<Ipv6Packet> p = Ipv6Packet::parse(b);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->payload.size(), 4u);
  EXPECT_EQ(Ipv6Packet::parse(packet("0005 84", "9c400b59")).error(),
            NetError::kIpv6PayloadExceedsBuffer);
}

TEST(Ipv6, Rfc8200_4_WalksHopByHopRoutingAndDestinationOptions) {
  // HbH (next 43, len 0: PadN 4), Routing (next 60, len 0, type 4, segments left 0),
  // Destination Options (next 132, len 1: 16 bytes), then SCTP.
  const Bytes b = packet("0024 00",
                         "2b00 0104 00000000"
                         "3c00 0400 00000000"
                         "8401 010c 000000000000000000000000"
                         "9c400b59");
  Result<Ipv6Packet> p = Ipv6Packet::parse(b);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->upper_protocol, ip_proto::kSctp);
  EXPECT_EQ(to_hex(p->payload), "9c400b59");
}

TEST(Ipv6, Rfc8200_4_5_FragmentHeaderIsFlagged) {
  // Fragment: next 132, offset 0, M=1, id 0xcafef00d.
  Bytes b = packet("000c 2c", "8400 0001 cafef00d 9c400b59");
  Result<Ipv6Packet> p = Ipv6Packet::parse(b);
  ASSERT_TRUE(p) << to_string(p.error());
  ASSERT_TRUE(p->fragment);
  EXPECT_EQ(p->fragment->offset, 0);
  EXPECT_TRUE(p->fragment->more_fragments);
  EXPECT_EQ(p->fragment->identification, 0xcafef00du);
  EXPECT_TRUE(p->is_fragment());
  EXPECT_EQ(p->upper_protocol, ip_proto::kSctp);
  // A later fragment (offset 185 * 8, M=0): the rest is fragment data, not walked, even
  // if it looks like another extension header.
  b = packet("000c 2c", "0000 05c8 cafef00d 3c00 0000");
  p = Ipv6Packet::parse(b);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->fragment->offset, 185);
  EXPECT_FALSE(p->fragment->more_fragments);
  EXPECT_TRUE(p->is_fragment());
  EXPECT_EQ(p->upper_protocol, ip_proto::kHopByHop);
  EXPECT_EQ(to_hex(p->payload), "3c000000");
}

TEST(Ipv6, Rfc6946_4_AtomicFragmentIsProcessedInIsolation) {
  // Offset 0, M=0: walk on to the upper layer.
  const Bytes b = packet("0014 2c", "3c00 0000 00000001 8400 0104 00000000 9c400b59");
  Result<Ipv6Packet> p = Ipv6Packet::parse(b);
  ASSERT_TRUE(p) << to_string(p.error());
  ASSERT_TRUE(p->fragment);
  EXPECT_TRUE(p->fragment->is_atomic());
  EXPECT_FALSE(p->is_fragment());
  EXPECT_EQ(p->upper_protocol, ip_proto::kSctp);
  EXPECT_EQ(to_hex(p->payload), "9c400b59");
}

TEST(Ipv6, Rfc8200_4_1_HopByHopAfterAnotherHeaderIsRejected) {
  const Bytes b = packet("0010 3c", "0000 0104 00000000 8400 0104 00000000");
  EXPECT_EQ(Ipv6Packet::parse(b).error(), NetError::kIpv6HopByHopNotFirst);
}

TEST(Ipv6, Rfc8200_4_4_RoutingHeaderWithSegmentsLeftIsNotForUs) {
  const Bytes b = packet("0008 2b", "8400 0401 00000000");
  EXPECT_EQ(Ipv6Packet::parse(b).error(), NetError::kIpv6RoutingSegmentsLeft);
}

TEST(Ipv6, Rfc8200_4_ExtensionRunningPastPayloadIsTruncated) {
  // Destination Options claiming 16 bytes in an 8-byte payload.
  EXPECT_EQ(Ipv6Packet::parse(packet("0008 3c", "8401 0104 00000000")).error(),
            NetError::kIpv6ExtensionTruncated);
  // Fewer than 8 bytes left for an extension header.
  EXPECT_EQ(Ipv6Packet::parse(packet("0004 3c", "8400 0102")).error(),
            NetError::kIpv6ExtensionTruncated);
  EXPECT_EQ(Ipv6Packet::parse(packet("0004 2c", "8400 0000")).error(),
            NetError::kIpv6ExtensionTruncated);
  // Payload length 0 with a next header that needs bytes.
  EXPECT_EQ(Ipv6Packet::parse(packet("0000 3c", "")).error(), NetError::kIpv6ExtensionTruncated);
}

TEST(Ipv6, Rfc8200_4_LongExtensionChainIsBounded) {
  std::string chain;
  for (size_t i = 0; i < Ipv6Packet::kMaxExtensionHeaders + 1; ++i) chain += "3c00 0104 00000000";
  const uint16_t len = static_cast<uint16_t>(8 * (Ipv6Packet::kMaxExtensionHeaders + 1));
  char hdr[16];
  std::snprintf(hdr, sizeof hdr, "%04x 3c", len);
  EXPECT_EQ(Ipv6Packet::parse(packet(hdr, chain.c_str())).error(),
            NetError::kIpv6TooManyExtensions);
  // Exactly the limit, ending in No Next Header, is fine.
  chain.clear();
  for (size_t i = 0; i < Ipv6Packet::kMaxExtensionHeaders; ++i) {
    chain += i + 1 < Ipv6Packet::kMaxExtensionHeaders ? "3c00 0104 00000000" : "3b00 0104 00000000";
  }
  std::snprintf(hdr, sizeof hdr, "%04x 3c", len - 8);
  Result<Ipv6Packet> p = Ipv6Packet::parse(packet(hdr, chain.c_str()));
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->upper_protocol, ip_proto::kNoNextHeader);
  EXPECT_TRUE(p->payload.empty());
}

TEST(Ipv6, Rfc8200_3_MalformedFixedHeader) {
  const Bytes good = packet("0000 3b", "");
  for (size_t n = 0; n < 40; ++n) {
    EXPECT_EQ(Ipv6Packet::parse(ByteSpan(good).first(n)).error(), NetError::kIpv6Truncated);
  }
  Bytes v4 = good;
  v4[0] = std::byte{0x45};
  EXPECT_EQ(Ipv6Packet::parse(v4).error(), NetError::kIpv6BadVersion);
  EXPECT_TRUE(Ipv6Packet::parse(good));
}

TEST(Ipv6, Rfc8200_3_BuildRoundTrip) {
  Ipv6Header h = Ipv6Header::for_sctp(ip("2001:db8::1"), ip("2001:db8::2"), 4);
  h.traffic_class = 0xb8;
  h.flow_label = 0x12345;
  const Bytes b = testing::write_with([&](BufferWriter& w) {
    h.serialize_to(w);
    w.put_u32(0x9c400b59);
  });
  EXPECT_EQ(to_hex(b), to_hex(packet("0004 84", "9c400b59")));
  const Ipv6Header icmp = Ipv6Header::for_icmpv6(ip("fe80::1"), ip("ff02::1"), 32, 255);
  EXPECT_EQ(icmp.next_header, ip_proto::kIcmpv6);
  EXPECT_EQ(icmp.hop_limit, 255);
  EXPECT_EQ(icmp.payload_length, 32);
}

TEST(Ipv6, Rfc4443_2_4_QuotedPacketIsWalkedWithinTheQuote) {
  // Payload length 1452, but only the first 12 bytes (a Destination Options header and
  // the SCTP ports) were quoted.
  const Bytes q = packet("05ac 3c", "8400 0104 00000000 9c400b59");
  EXPECT_EQ(Ipv6Packet::parse(q).error(), NetError::kIpv6PayloadExceedsBuffer);
  Result<Ipv6Packet> p = Ipv6Packet::parse_quoted(q);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->upper_protocol, ip_proto::kSctp);
  EXPECT_EQ(to_hex(p->payload), "9c400b59");
}

}  // namespace
}  // namespace dpsctp::net
