// IPv4 header (RFC 791 §3.1), checksum (RFC 1071), fragments (RFC 791 §2.3), DF for
// PMTU discovery (RFC 1191 §3).
#include "runtime/net/ipv4.h"

#include "net_test_util.h"
#include "runtime/net/inet_checksum.h"

namespace dpsctp::net {
namespace {
using testing::Bytes;
using testing::from_hex;
using testing::ip;
using testing::to_hex;

// The Wikipedia "IPv4 header checksum" example: UDP, total length 0x73 = 115, DF,
// TTL 64, 192.168.0.1 -> 192.168.0.199, checksum 0xb861.
constexpr const char* kWikiHeader = "4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7";

Bytes wiki_datagram() {
  Bytes b = from_hex(kWikiHeader);
  b.resize(115, std::byte{0x5a});
  return b;
}

Bytes with_checksum(Bytes hdr, size_t hlen = 20) {
  hdr[10] = hdr[11] = std::byte{0};
  const uint16_t c = inet_checksum(ByteSpan(hdr).first(hlen));
  hdr[10] = static_cast<std::byte>(c >> 8);
  hdr[11] = static_cast<std::byte>(c);
  return hdr;
}

TEST(Ipv4, Rfc791_3_1_ParsesTextbookHeader) {
  const Bytes b = wiki_datagram();
  Result<Ipv4Packet> p = Ipv4Packet::parse(b);
  ASSERT_TRUE(p) << to_string(p.error());
  const Ipv4Header& h = p->header;
  EXPECT_EQ(h.total_length, 115);
  EXPECT_TRUE(h.dont_fragment);
  EXPECT_FALSE(h.more_fragments);
  EXPECT_EQ(h.fragment_offset, 0);
  EXPECT_FALSE(h.is_fragment());
  EXPECT_EQ(h.ttl, 64);
  EXPECT_EQ(h.protocol, ip_proto::kUdp);
  EXPECT_EQ(h.src, IpAddress::v4(192, 168, 0, 1));
  EXPECT_EQ(h.dst, IpAddress::v4(192, 168, 0, 199));
  EXPECT_EQ(p->header_size(), 20u);
  EXPECT_TRUE(p->options.empty());
  EXPECT_EQ(p->payload.size(), 95u);
  EXPECT_EQ(h.to_string(), "192.168.0.1 > 192.168.0.199 proto 17 len 115 ttl 64 DF");
}

TEST(Ipv4, Rfc791_3_1_TotalLengthTrimsEthernetPadding) {
  // A 28-byte datagram padded to the 46-byte Ethernet minimum payload (RFC 894).
  Bytes b = with_checksum(from_hex("4500 001c 0001 0000 4001 0000 0a000001 0a000002"));
  b.resize(28, std::byte{0x11});
  b.resize(46, std::byte{0});
  Result<Ipv4Packet> p = Ipv4Packet::parse(b);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->payload.size(), 8u);
  EXPECT_EQ(to_hex(p->payload), "1111111111111111");
}

TEST(Ipv4, Rfc1071_BadChecksumIsRejectedUnlessOffloaded) {
  Bytes b = wiki_datagram();
  b[11] = std::byte{0x62};
  EXPECT_EQ(Ipv4Packet::parse(b).error(), NetError::kIpv4BadChecksum);
  // The NIC verified it (RTE_MBUF_F_RX_IP_CKSUM_GOOD): not checked again.
  EXPECT_TRUE(Ipv4Packet::parse(b, ChecksumCheck::kSkip));
}

TEST(Ipv4, Rfc791_3_1_OptionsAreSkippedAndCoveredByTheChecksum) {
  // IHL 6: one option word (NOP NOP NOP EOL).
  Bytes b = from_hex("4600 0020 0000 4000 4084 0000 0a000001 0a000002 01010100 cafebabe 00000000");
  b = with_checksum(b, 24);
  Result<Ipv4Packet> p = Ipv4Packet::parse(b);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->header_size(), 24u);
  EXPECT_EQ(to_hex(p->options), "01010100");
  EXPECT_EQ(to_hex(p->payload), "cafebabe00000000");
  EXPECT_EQ(p->header.protocol, ip_proto::kSctp);
}

TEST(Ipv4, Rfc791_2_3_FragmentsAreFlagged) {
  // MF set, offset 0: the first fragment.
  Bytes first = with_checksum(from_hex("4500 001c 1234 2000 4084 0000 0a000001 0a000002"));
  first.resize(28);
  Result<Ipv4Packet> p = Ipv4Packet::parse(first);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->header.more_fragments);
  EXPECT_TRUE(p->header.is_fragment());
  // MF clear, offset 185 (1480 bytes): the last fragment.
  Bytes last = with_checksum(from_hex("4500 001c 1234 00b9 4084 0000 0a000001 0a000002"));
  last.resize(28);
  p = Ipv4Packet::parse(last);
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->header.more_fragments);
  EXPECT_EQ(p->header.fragment_offset, 185);
  EXPECT_TRUE(p->header.is_fragment());
  EXPECT_EQ(p->header.to_string(), "10.0.0.1 > 10.0.0.2 proto 132 len 28 ttl 64 off 1480");
}

TEST(Ipv4, Rfc791_3_1_MalformedHeadersGivePreciseErrors) {
  const Bytes good = wiki_datagram();
  for (size_t n = 0; n < 20; ++n) {
    EXPECT_EQ(Ipv4Packet::parse(ByteSpan(good).first(n)).error(), NetError::kIpv4Truncated);
  }
  Bytes v6 = good;
  v6[0] = std::byte{0x65};
  EXPECT_EQ(Ipv4Packet::parse(v6).error(), NetError::kIpv4BadVersion);
  Bytes ihl4 = good;
  ihl4[0] = std::byte{0x44};  // RFC 791: minimum IHL is 5
  EXPECT_EQ(Ipv4Packet::parse(ihl4).error(), NetError::kIpv4BadIhl);
  Bytes ihl15 = good;
  ihl15[0] = std::byte{0x4f};  // 60-byte header in a 20-byte buffer
  EXPECT_EQ(Ipv4Packet::parse(ByteSpan(ihl15).first(40)).error(),
            NetError::kIpv4HeaderExceedsBuffer);
  Bytes short_total = with_checksum(from_hex("4500 0013 0000 4000 4011 0000 c0a80001 c0a800c7"));
  EXPECT_EQ(Ipv4Packet::parse(short_total).error(), NetError::kIpv4TotalLengthTooSmall);
  EXPECT_EQ(Ipv4Packet::parse(ByteSpan(good).first(114)).error(),
            NetError::kIpv4TotalLengthExceedsBuffer);
}

TEST(Ipv4, Rfc1191_3_SctpHeaderSetsDfAndProtocol132) {
  const Ipv4Header h = Ipv4Header::for_sctp(ip("10.0.0.1"), ip("10.0.0.2"), 48);
  const Bytes b = testing::write_with([&](BufferWriter& w) { h.serialize_to(w); });
  // Cross-checked with an independent RFC 1071 implementation (Python).
  EXPECT_EQ(to_hex(b), "4500004400004000408426340a0000010a000002");
  EXPECT_TRUE(inet_checksum_ok(b));
}

TEST(Ipv4, Rfc791_BuildParseRoundTrip) {
  Ipv4Header h = Ipv4Header::for_icmp(ip("192.0.2.7"), ip("198.51.100.9"), 12);
  h.tos = 0xb8;  // DSCP EF
  h.identification = 0xbeef;
  h.ttl = 1;
  Bytes b = testing::write_with([&](BufferWriter& w) {
    h.serialize_to(w);
    w.put_zeros(12);
  });
  Result<Ipv4Packet> p = Ipv4Packet::parse(b);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->header.tos, 0xb8);
  EXPECT_EQ(p->header.identification, 0xbeef);
  EXPECT_EQ(p->header.ttl, 1);
  EXPECT_FALSE(p->header.dont_fragment);
  EXPECT_EQ(p->header.protocol, ip_proto::kIcmp);
  EXPECT_EQ(p->header.src, ip("192.0.2.7"));
  EXPECT_EQ(p->header.dst, ip("198.51.100.9"));
  EXPECT_EQ(p->payload.size(), 12u);
}

TEST(Ipv4, Rfc792_QuotedHeaderIgnoresTotalLengthAndChecksum) {
  // An ICMP error quotes the header of a 1500-byte datagram and only 8 bytes after it.
  Bytes q = from_hex("4500 05dc 0000 4000 3f84 0000 0a000001 0a000002 9c40 0b59 01020304");
  Result<Ipv4Packet> p = Ipv4Packet::parse_quoted(q);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->header.total_length, 1500);
  EXPECT_EQ(to_hex(p->payload), "9c400b5901020304");
  EXPECT_EQ(Ipv4Packet::parse(q).error(), NetError::kIpv4TotalLengthExceedsBuffer);
}

}  // namespace
}  // namespace dpsctp::net
