// ICMP for IPv4: Echo (RFC 792), Destination Unreachable / fragmentation needed
// (RFC 792, RFC 1191 §4) and the quoted SCTP header (RFC 9260 Appendix C).
#include "runtime/net/icmp.h"

#include "net_test_util.h"
#include "runtime/net/inet_checksum.h"

namespace dpsctp::net {
namespace {
using testing::Bytes;
using testing::from_hex;
using testing::ip;
using testing::to_hex;

// An echo request shaped like iputils ping's (identifier 0x1c46, sequence 1, 8 bytes of
// timestamp then 0x10..0x37); checksum 0xb75e cross-checked with an independent RFC 1071
// implementation (Python).
constexpr const char* kEchoData =
    "a1b2c3d400000000 101112131415161718191a1b1c1d1e1f"
    "202122232425262728292a2b2c2d2e2f3031323334353637";
const Bytes kEchoRequest = testing::concat(from_hex("0800 b75e 1c46 0001"), from_hex(kEchoData));
// The IPv4 header it came in: 192.168.1.10 -> 192.168.1.1, ID 0x1234, DF.
constexpr const char* kRequestIp = "4500004c123440004001a521c0a8010ac0a80101";

TEST(Icmp, Rfc792_ParsesEchoRequest) {
  Result<IcmpEcho> e = IcmpEcho::parse(kEchoRequest);
  ASSERT_TRUE(e) << to_string(e.error());
  EXPECT_EQ(e->type, icmp_type::kEchoRequest);
  EXPECT_EQ(e->identifier, 0x1c46);
  EXPECT_EQ(e->sequence, 1);
  EXPECT_EQ(to_hex(e->data), to_hex(from_hex(kEchoData)));
}

TEST(Icmp, Rfc792_EchoReplySwapsAddressesKeepsDataAndRecomputesChecksum) {
  const Bytes frame = testing::concat(from_hex(kRequestIp), kEchoRequest);
  Result<Ipv4Packet> req_ip = Ipv4Packet::parse(frame);
  ASSERT_TRUE(req_ip) << to_string(req_ip.error());
  Result<IcmpEcho> req = IcmpEcho::parse(req_ip->payload);
  ASSERT_TRUE(req);
  const Bytes reply =
      testing::write_with([&](BufferWriter& w) { write_icmp_echo_reply(req_ip->header, *req, w); });
  // IPv4 192.168.1.1 -> 192.168.1.10, ID 0, then type 0 with checksum 0xbf5e (= 0xb75e +
  // 0x0800: only the type changed), both cross-checked in Python.
  EXPECT_EQ(to_hex(ByteSpan(reply).first(20)), "4500004c000000004001f755c0a80101c0a8010a");
  EXPECT_EQ(to_hex(ByteSpan(reply).subspan(20, 8)), "0000bf5e1c460001");
  EXPECT_EQ(to_hex(ByteSpan(reply).subspan(28)), to_hex(from_hex(kEchoData)));
  Result<Ipv4Packet> rep_ip = Ipv4Packet::parse(reply);
  ASSERT_TRUE(rep_ip);
  Result<IcmpEcho> rep = IcmpEcho::parse(rep_ip->payload);
  ASSERT_TRUE(rep) << to_string(rep.error());
  EXPECT_EQ(rep->type, icmp_type::kEchoReply);
}

TEST(Icmp, Rfc792_EchoWithOddLengthDataRoundTrips) {
  const Bytes data = from_hex("010203");
  const IcmpEcho e{icmp_type::kEchoRequest, 7, 65535, data};
  const Bytes b = testing::write_with([&](BufferWriter& w) { e.serialize_to(w); });
  EXPECT_EQ(b.size(), 11u);
  EXPECT_TRUE(inet_checksum_ok(b));
  Result<IcmpEcho> back = IcmpEcho::parse(b);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->sequence, 65535);
  EXPECT_EQ(to_hex(back->data), "010203");
}

TEST(Icmp, Rfc792_MalformedEchoGivesPreciseErrors) {
  for (size_t n = 0; n < 8; ++n) {
    EXPECT_EQ(IcmpEcho::parse(ByteSpan(kEchoRequest).first(n)).error(), NetError::kIcmpTruncated);
  }
  Bytes bad = kEchoRequest;
  bad[20] ^= std::byte{1};
  EXPECT_EQ(IcmpEcho::parse(bad).error(), NetError::kIcmpBadChecksum);
  // Valid checksums, wrong type / code.
  const Bytes ts = testing::write_with([](BufferWriter& w) {
    IcmpEcho{13, 1, 1, {}}.serialize_to(w);  // Timestamp
  });
  EXPECT_EQ(IcmpEcho::parse(ts).error(), NetError::kIcmpWrongType);
  Bytes code1 = from_hex("0801 0000 0000 0000");
  const uint16_t c = inet_checksum(code1);
  code1[2] = static_cast<std::byte>(c >> 8);
  code1[3] = static_cast<std::byte>(c);
  EXPECT_EQ(IcmpEcho::parse(code1).error(), NetError::kIcmpBadCode);
}

// The invoking SCTP datagram: 10.0.0.1 -> 10.0.0.2, 1500 bytes, DF; SCTP ports 40000 ->
// 2905 (M3UA) and verification tag 0x01020304.
constexpr const char* kInvoking = "4500 05dc 0000 4000 4084 0000 0a000001 0a000002";
constexpr const char* kSctpStart = "9c40 0b59 01020304";

Bytes frag_needed(uint16_t mtu, const Bytes& invoking) {
  return testing::write_with([&](BufferWriter& w) {
    IcmpDestUnreachable::write(w, icmp_unreachable::kFragmentationNeeded, mtu, invoking);
  });
}

TEST(Icmp, Rfc1191_4_FragmentationNeededGivesMtuAndQuotedSctpHeader) {
  const Bytes invoking = testing::concat(from_hex(kInvoking), from_hex(kSctpStart));
  const Bytes msg = frag_needed(1400, invoking);
  EXPECT_EQ(to_hex(ByteSpan(msg).first(8)).substr(0, 4), "0304");
  EXPECT_EQ(to_hex(ByteSpan(msg).subspan(4, 4)), "00000578");
  Result<IcmpDestUnreachable> u = IcmpDestUnreachable::parse(msg);
  ASSERT_TRUE(u) << to_string(u.error());
  EXPECT_TRUE(u->is_fragmentation_needed());
  EXPECT_EQ(u->next_hop_mtu, 1400);
  EXPECT_EQ(u->quoted.header.src, ip("10.0.0.1"));
  EXPECT_EQ(u->quoted.header.dst, ip("10.0.0.2"));
  EXPECT_EQ(u->quoted.header.total_length, 1500);  // RFC 1191 §5: for plateau guessing
  // RFC 9260 Appendix C: ports find the association, the tag validates the message.
  const std::optional<QuotedSctpHeader> s = u->sctp();
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, (QuotedSctpHeader{40000, 2905, 0x01020304}));
}

TEST(Icmp, Rfc1191_5_OldRouterReportsZeroMtu) {
  const Bytes invoking = testing::concat(from_hex(kInvoking), from_hex(kSctpStart));
  Result<IcmpDestUnreachable> u = IcmpDestUnreachable::parse(frag_needed(0, invoking));
  ASSERT_TRUE(u);
  EXPECT_EQ(u->next_hop_mtu, 0);
}

TEST(Icmp, Rfc792_OtherUnreachableCodesCarryNoMtu) {
  const Bytes invoking = testing::concat(from_hex(kInvoking), from_hex(kSctpStart));
  Bytes msg = testing::write_with([&](BufferWriter& w) {
    IcmpDestUnreachable::write(w, icmp_unreachable::kPort, 1400, invoking);
  });
  Result<IcmpDestUnreachable> u = IcmpDestUnreachable::parse(msg);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->code, icmp_unreachable::kPort);
  EXPECT_FALSE(u->is_fragmentation_needed());
  EXPECT_EQ(u->next_hop_mtu, 0);
}

TEST(Icmp, Rfc9260_AppendixC_QuotedNonSctpHasNoSctpHeader) {
  Bytes invoking = testing::concat(from_hex(kInvoking), from_hex(kSctpStart));
  invoking[9] = std::byte{ip_proto::kUdp};
  Result<IcmpDestUnreachable> u = IcmpDestUnreachable::parse(frag_needed(1400, invoking));
  ASSERT_TRUE(u);
  EXPECT_FALSE(u->sctp());
}

TEST(Icmp, Rfc792_MalformedDestUnreachableGivesPreciseErrors) {
  const Bytes invoking = testing::concat(from_hex(kInvoking), from_hex(kSctpStart));
  // Fewer than 64 bits of original data.
  EXPECT_EQ(
      IcmpDestUnreachable::parse(frag_needed(1400, Bytes(invoking.begin(), invoking.end() - 1)))
          .error(),
      NetError::kIcmpEmbeddedTruncated);
  // Not even a whole IPv4 header.
  EXPECT_EQ(IcmpDestUnreachable::parse(frag_needed(1400, from_hex("4500 05dc 0000"))).error(),
            NetError::kIcmpEmbeddedTruncated);
  // Quoted header with IHL 4.
  Bytes bad_ihl = invoking;
  bad_ihl[0] = std::byte{0x44};
  EXPECT_EQ(IcmpDestUnreachable::parse(frag_needed(1400, bad_ihl)).error(),
            NetError::kIcmpEmbeddedMalformed);
  // Wrong type (an echo request), bad code, bad checksum, truncated.
  EXPECT_EQ(IcmpDestUnreachable::parse(kEchoRequest).error(), NetError::kIcmpWrongType);
  const Bytes code16 =
      testing::write_with([&](BufferWriter& w) { IcmpDestUnreachable::write(w, 16, 0, invoking); });
  EXPECT_EQ(IcmpDestUnreachable::parse(code16).error(), NetError::kIcmpBadCode);
  Bytes corrupt = frag_needed(1400, invoking);
  corrupt[7] ^= std::byte{0x10};
  EXPECT_EQ(IcmpDestUnreachable::parse(corrupt).error(), NetError::kIcmpBadChecksum);
  EXPECT_EQ(IcmpDestUnreachable::parse(from_hex("0304 fb")).error(), NetError::kIcmpTruncated);
}

}  // namespace
}  // namespace dpsctp::net
