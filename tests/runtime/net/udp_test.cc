// UDP header / checksum / validation (RFC 768, RFC 8200 §8.1) for RFC 6951.
#include "runtime/net/udp.h"

#include <gtest/gtest.h>

#include "net_test_util.h"

namespace dpsctp::net {
namespace {

using testing::Bytes;
using testing::from_hex;

const IpAddress kSrc4 = IpAddress::v4(192, 0, 2, 1);
const IpAddress kDst4 = IpAddress::v4(192, 0, 2, 2);
const IpAddress kSrc6 = testing::ip("2001:db8::1");
const IpAddress kDst6 = testing::ip("2001:db8::2");

// 12 bytes of SCTP common header plus "hello": the expected checksums were computed by
// an independent implementation (Python, RFC 768 / RFC 8200 §8.1 pseudo-headers).
Bytes datagram(const IpAddress& src, const IpAddress& dst) {
  Bytes d(8);
  const Bytes sctp = from_hex("26ab26ab 00000000 00000000 68656c6c6f");
  d.insert(d.end(), sctp.begin(), sctp.end());
  EXPECT_TRUE(write_udp_header(d.data(), 9899, 5000, sctp.size(), src, dst));
  return d;
}

TEST(Udp, Rfc768ChecksumIpv4MatchesIndependentValue) {
  const Bytes d = datagram(kSrc4, kDst4);
  EXPECT_EQ(wire::load_u16(d.data()), 9899);
  EXPECT_EQ(wire::load_u16(d.data() + 2), 5000);
  EXPECT_EQ(wire::load_u16(d.data() + 4), d.size());
  EXPECT_EQ(wire::load_u16(d.data() + 6), 0xb05c);
}

TEST(Udp, Rfc8200Sec8_1ChecksumIpv6MatchesIndependentValue) {
  const Bytes d = datagram(kSrc6, kDst6);
  EXPECT_EQ(wire::load_u16(d.data() + 6), 0xd8eb);
}

TEST(Udp, ParseVerifiesAndStripsHeaderBothFamilies) {
  for (const auto& [src, dst] : {std::pair{kSrc4, kDst4}, std::pair{kSrc6, kDst6}}) {
    const Bytes d = datagram(src, dst);
    const Result<UdpDatagram> r = UdpDatagram::parse(d, src, dst);
    ASSERT_TRUE(r) << to_string(r.error());
    EXPECT_EQ(r->header.src_port, 9899);
    EXPECT_EQ(r->header.dst_port, 5000);
    EXPECT_EQ(r->payload.size(), d.size() - 8);
    EXPECT_EQ(r->payload.data(), d.data() + 8);
  }
}

TEST(Udp, CorruptedPayloadOrWrongPseudoHeaderFailsChecksum) {
  Bytes d = datagram(kSrc4, kDst4);
  // The pseudo-header binds the addresses: another destination does not verify.
  EXPECT_EQ(UdpDatagram::parse(d, kSrc4, IpAddress::v4(192, 0, 2, 3)).error(),
            NetError::kUdpBadChecksum);
  d.back() ^= std::byte{0x01};
  EXPECT_EQ(UdpDatagram::parse(d, kSrc4, kDst4).error(), NetError::kUdpBadChecksum);
  Bytes d6 = datagram(kSrc6, kDst6);
  d6[12] ^= std::byte{0x80};
  EXPECT_EQ(UdpDatagram::parse(d6, kSrc6, kDst6).error(), NetError::kUdpBadChecksum);
}

TEST(Udp, Rfc768ZeroChecksumAcceptedOnIpv4RejectedOnIpv6) {
  Bytes d = datagram(kSrc4, kDst4);
  wire::store_u16(d.data() + 6, 0);
  d.back() ^= std::byte{0x01};  // nothing verifies it: RFC 768 "no checksum"
  EXPECT_TRUE(UdpDatagram::parse(d, kSrc4, kDst4));
  Bytes d6 = datagram(kSrc6, kDst6);
  wire::store_u16(d6.data() + 6, 0);
  EXPECT_EQ(UdpDatagram::parse(d6, kSrc6, kDst6).error(), NetError::kUdpZeroChecksumIpv6);
}

TEST(Udp, TruncatedAndBadLengthsRejected) {
  const Bytes d = datagram(kSrc4, kDst4);
  for (size_t n = 0; n < 8; ++n) {
    EXPECT_EQ(UdpDatagram::parse(ByteSpan(d).first(n), kSrc4, kDst4).error(),
              NetError::kUdpTruncated)
        << n;
  }
  // Length says more than the IP payload holds: the datagram was cut.
  EXPECT_EQ(UdpDatagram::parse(ByteSpan(d).first(d.size() - 1), kSrc4, kDst4).error(),
            NetError::kUdpTruncated);
  Bytes bad = d;
  wire::store_u16(bad.data() + 4, 7);
  EXPECT_EQ(UdpDatagram::parse(bad, kSrc4, kDst4).error(), NetError::kUdpBadLength);
}

TEST(Udp, TrailingIpPaddingIsCutByLength) {
  Bytes d = datagram(kSrc4, kDst4);
  const size_t len = d.size();
  d.resize(len + 3);  // link-layer / IP padding after the datagram
  const Result<UdpDatagram> r = UdpDatagram::parse(d, kSrc4, kDst4);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->payload.size(), len - 8);
}

TEST(Udp, WriteRefusesMixedFamiliesAndOversize) {
  Bytes d(16);
  EXPECT_FALSE(write_udp_header(d.data(), 1, 2, 8, kSrc4, kDst6));
  EXPECT_FALSE(write_udp_header(d.data(), 1, 2, 0xffff - 7, kSrc4, kDst4));
}

}  // namespace
}  // namespace dpsctp::net
