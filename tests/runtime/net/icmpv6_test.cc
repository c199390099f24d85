// ICMPv6 (RFC 4443): pseudo-header checksum (§2.3, RFC 8200 §8.1), Echo (§4.1, §4.2),
// Packet Too Big (§3.2, RFC 8201 §4).
#include "runtime/net/icmpv6.h"

#include "net_test_util.h"

namespace dpsctp::net {
namespace {
using testing::Bytes;
using testing::from_hex;
using testing::ip;
using testing::to_hex;

// Echo request 2001:db8::2 -> 2001:db8::1, identifier 0x0bad, sequence 7, data
// "dpsctp!!"; checksums cross-checked with an independent implementation (Python).
constexpr const char* kEchoRequest = "8000ab26 0bad0007 6470736374702121";
constexpr const char* kEchoReply = "8100aa26 0bad0007 6470736374702121";

Ipv6Header hdr(const char* src, const char* dst, uint8_t hop_limit = 64) {
  Ipv6Header h;
  h.src = ip(src);
  h.dst = ip(dst);
  h.hop_limit = hop_limit;
  h.next_header = ip_proto::kIcmpv6;
  return h;
}

TEST(Icmpv6, Rfc4443_2_3_ChecksumCoversThePseudoHeader) {
  const Bytes req = from_hex(kEchoRequest);
  EXPECT_TRUE(icmpv6_checksum_ok(ip("2001:db8::2"), ip("2001:db8::1"), req));
  // The same bytes between other addresses do not verify.
  EXPECT_FALSE(icmpv6_checksum_ok(ip("2001:db8::3"), ip("2001:db8::1"), req));
  Bytes zeroed = req;
  zeroed[2] = zeroed[3] = std::byte{0};
  EXPECT_EQ(icmpv6_checksum(ip("2001:db8::2"), ip("2001:db8::1"), zeroed), 0xab26);
}

TEST(Icmpv6, Rfc4443_4_2_EchoReplyReturnsIdentifierSequenceAndData) {
  const Bytes req = from_hex(kEchoRequest);
  const Ipv6Header req_ip = hdr("2001:db8::2", "2001:db8::1");
  Result<Icmpv6Echo> e = Icmpv6Echo::parse(req, req_ip);
  ASSERT_TRUE(e) << to_string(e.error());
  EXPECT_EQ(e->type, icmpv6_type::kEchoRequest);
  EXPECT_EQ(e->identifier, 0x0bad);
  EXPECT_EQ(e->sequence, 7);
  const Bytes out = testing::write_with(
      [&](BufferWriter& w) { write_icmpv6_echo_reply(req_ip, *e, req_ip.dst, w); });
  Result<Ipv6Packet> p = Ipv6Packet::parse(out);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->header.src, ip("2001:db8::1"));
  EXPECT_EQ(p->header.dst, ip("2001:db8::2"));
  EXPECT_EQ(p->upper_protocol, ip_proto::kIcmpv6);
  EXPECT_EQ(to_hex(p->payload), to_hex(from_hex(kEchoReply)));
  Result<Icmpv6Echo> r = Icmpv6Echo::parse(p->payload, p->header);
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(r->type, icmpv6_type::kEchoReply);
}

TEST(Icmpv6, Rfc4443_4_2_ReplyToMulticastRequestUsesOurUnicastSource) {
  const Bytes req = testing::write_with([](BufferWriter& w) {
    Icmpv6Echo{icmpv6_type::kEchoRequest, 1, 2, {}}.serialize_to(w, ip("fe80::9"), ip("ff02::1"));
  });
  const Ipv6Header req_ip = hdr("fe80::9", "ff02::1");
  Result<Icmpv6Echo> e = Icmpv6Echo::parse(req, req_ip);
  ASSERT_TRUE(e) << to_string(e.error());
  const Bytes out = testing::write_with(
      [&](BufferWriter& w) { write_icmpv6_echo_reply(req_ip, *e, ip("fe80::1"), w); });
  Result<Ipv6Packet> p = Ipv6Packet::parse(out);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->header.src, ip("fe80::1"));
  EXPECT_TRUE(Icmpv6Echo::parse(p->payload, p->header));
}

TEST(Icmpv6, Rfc4443_4_1_MalformedEchoGivesPreciseErrors) {
  const Ipv6Header h = hdr("2001:db8::2", "2001:db8::1");
  const Bytes req = from_hex(kEchoRequest);
  EXPECT_EQ(Icmpv6Echo::parse(ByteSpan(req).first(7), h).error(), NetError::kIcmpTruncated);
  Bytes bad = req;
  bad[9] ^= std::byte{1};
  EXPECT_EQ(Icmpv6Echo::parse(bad, h).error(), NetError::kIcmpBadChecksum);
  const Bytes code1 = testing::write_with([&](BufferWriter& w) {
    w.put_u32(0x80010000);
    w.put_u32(0);
    write_icmpv6_checksum(h.src, h.dst, w.written());
  });
  EXPECT_EQ(Icmpv6Echo::parse(code1, h).error(), NetError::kIcmpBadCode);
  EXPECT_EQ(Icmpv6Echo::parse(from_hex("02000000 00000500"), h).error(), NetError::kIcmpWrongType);
}

// The invoking packet: 2001:db8::1 -> 2001:db8::2, SCTP 40000 -> 3868 (Diameter), tag
// 0xa0b0c0d0, 1452 bytes of payload of which only the start was quoted.
Bytes invoking_packet() {
  Ipv6Header h = Ipv6Header::for_sctp(ip("2001:db8::1"), ip("2001:db8::2"), 1452);
  return testing::write_with([&](BufferWriter& w) {
    h.serialize_to(w);
    w.put_u16(40000);
    w.put_u16(3868);
    w.put_u32(0xa0b0c0d0);
    w.put_u32(0);  // checksum of the quoted packet (not ours to check)
  });
}

Bytes too_big(uint32_t mtu, const Bytes& invoking) {
  return testing::write_with([&](BufferWriter& w) {
    Icmpv6PacketTooBig::write(w, ip("2001:db8:ffff::1"), ip("2001:db8::1"), mtu, invoking);
  });
}

TEST(Icmpv6, Rfc4443_3_2_PacketTooBigGivesMtuAndQuotedSctpHeader) {
  const Bytes msg = too_big(1400, invoking_packet());
  EXPECT_EQ(to_hex(ByteSpan(msg).subspan(4, 4)), "00000578");
  Result<Icmpv6PacketTooBig> p =
      Icmpv6PacketTooBig::parse(msg, hdr("2001:db8:ffff::1", "2001:db8::1"));
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->mtu, 1400u);
  EXPECT_EQ(p->quoted.header.src, ip("2001:db8::1"));
  EXPECT_EQ(p->quoted.header.dst, ip("2001:db8::2"));
  EXPECT_EQ(p->quoted.header.payload_length, 1452);
  ASSERT_TRUE(p->sctp());
  EXPECT_EQ(*p->sctp(), (QuotedSctpHeader{40000, 3868, 0xa0b0c0d0}));
}

TEST(Icmpv6, Rfc4443_3_2_CodeIsIgnored) {
  Bytes msg = too_big(1280, invoking_packet());
  msg[1] = std::byte{9};
  const Ipv6Header h = hdr("2001:db8:ffff::1", "2001:db8::1");
  write_icmpv6_checksum(h.src, h.dst, msg);
  Result<Icmpv6PacketTooBig> p = Icmpv6PacketTooBig::parse(msg, h);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_EQ(p->mtu, kIpv6MinimumMtu);
}

TEST(Icmpv6, Rfc8201_4_MtuBelow1280IsDiscarded) {
  const Ipv6Header h = hdr("2001:db8:ffff::1", "2001:db8::1");
  EXPECT_EQ(Icmpv6PacketTooBig::parse(too_big(1279, invoking_packet()), h).error(),
            NetError::kIcmpMtuBelowMinimum);
}

TEST(Icmpv6, Rfc4443_3_2_MalformedPacketTooBigGivesPreciseErrors) {
  const Ipv6Header h = hdr("2001:db8:ffff::1", "2001:db8::1");
  const Bytes inv = invoking_packet();
  EXPECT_EQ(
      Icmpv6PacketTooBig::parse(too_big(1400, Bytes(inv.begin(), inv.begin() + 39)), h).error(),
      NetError::kIcmpEmbeddedTruncated);
  Bytes v4 = inv;
  v4[0] = std::byte{0x45};
  EXPECT_EQ(Icmpv6PacketTooBig::parse(too_big(1400, v4), h).error(),
            NetError::kIcmpEmbeddedMalformed);
  Bytes corrupt = too_big(1400, inv);
  corrupt.back() ^= std::byte{0x80};
  EXPECT_EQ(Icmpv6PacketTooBig::parse(corrupt, h).error(), NetError::kIcmpBadChecksum);
  EXPECT_EQ(
      Icmpv6PacketTooBig::parse(from_hex(kEchoRequest), hdr("2001:db8::2", "2001:db8::1")).error(),
      NetError::kIcmpWrongType);
  EXPECT_EQ(Icmpv6PacketTooBig::parse(from_hex("0200"), h).error(), NetError::kIcmpTruncated);
  // Only 4 bytes of SCTP quoted: parses, but there is no SCTP header to report.
  Result<Icmpv6PacketTooBig> p =
      Icmpv6PacketTooBig::parse(too_big(1400, Bytes(inv.begin(), inv.begin() + 44)), h);
  ASSERT_TRUE(p) << to_string(p.error());
  EXPECT_FALSE(p->sctp());
}

}  // namespace
}  // namespace dpsctp::net
