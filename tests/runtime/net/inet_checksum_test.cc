// Internet checksum (RFC 1071) and incremental update (RFC 1624).
#include "runtime/net/inet_checksum.h"

#include <random>

#include "net_test_util.h"
#include "wire/byte_io.h"

namespace dpsctp::net {
namespace {
using testing::Bytes;
using testing::from_hex;

TEST(InetChecksum, Rfc1071_3_NumericalExample) {
  // RFC 1071 §3: bytes 00 01 f2 03 f4 f5 f6 f7 sum to 0xddf2 (after end-around carry).
  const Bytes b = from_hex("00 01 f2 03 f4 f5 f6 f7");
  InetChecksum c;
  c.add(b);
  EXPECT_EQ(c.sum(), 0xddf2);
  EXPECT_EQ(c.finish(), 0x220d);
  EXPECT_EQ(inet_checksum(b), 0x220d);
}

TEST(InetChecksum, Rfc1071_2_OddLengthPadsWithZeroOnTheRight) {
  // §2 (A): an odd trailing byte is the high half of a word whose low half is zero.
  EXPECT_EQ(inet_checksum(from_hex("ab")), static_cast<uint16_t>(~0xab00));
  EXPECT_EQ(inet_checksum(from_hex("0001 f2")), static_cast<uint16_t>(~(0x0001 + 0xf200)));
}

TEST(InetChecksum, Rfc1071_2_SplitAtOddOffsetsEqualsContiguous) {
  const Bytes b = from_hex("00 01 f2 03 f4 f5 f6 f7 ff 10 20");
  for (size_t cut1 = 0; cut1 <= b.size(); ++cut1) {
    for (size_t cut2 = cut1; cut2 <= b.size(); ++cut2) {
      InetChecksum c;
      const ByteSpan s(b);
      c.add(s.first(cut1));
      c.add(s.subspan(cut1, cut2 - cut1));
      c.add(s.subspan(cut2));
      EXPECT_EQ(c.finish(), inet_checksum(b)) << cut1 << "," << cut2;
    }
  }
}

TEST(InetChecksum, Rfc1071_2_WordAndAddressHelpersMatchBytes) {
  InetChecksum a;
  a.add_u16(0x0001);
  a.add_u32(0xf203f4f5);
  a.add(IpAddress::v4(0xf6f7f8f9));
  EXPECT_EQ(a.finish(), inet_checksum(from_hex("0001 f203f4f5 f6f7f8f9")));
}

TEST(InetChecksum, Rfc1071_4_ReceivedDataWithChecksumVerifies) {
  // The Wikipedia IPv4 header example: checksum 0xb861 in place.
  const Bytes hdr = from_hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7");
  EXPECT_TRUE(inet_checksum_ok(hdr));
  Bytes bad = hdr;
  bad[8] = std::byte{0x41};  // TTL changed, checksum not
  EXPECT_FALSE(inet_checksum_ok(bad));
}

TEST(InetChecksum, Rfc1071_AllZeroDataHasChecksumFfff) {
  EXPECT_EQ(inet_checksum(Bytes(20)), 0xffff);
  EXPECT_EQ(inet_checksum({}), 0xffff);
}

TEST(InetChecksum, Rfc1071_LargeBuffersDoNotOverflowTheAccumulator) {
  // 32767 words of 0xffff (each -0 in ones' complement) plus a last word 0xff00.
  const Bytes ones(65535, std::byte{0xff});
  EXPECT_EQ(inet_checksum(ones), 0x00ff);
}

TEST(InetChecksum, Rfc1624_4_ExampleGivesPlusZeroNotMinusZero) {
  // RFC 1624 §4: HC = 0xdd2f, m = 0x5555 -> m' = 0x3285; eqn. 3 gives 0x0000 (eqn. 2 of
  // RFC 1141 would give 0xffff).
  EXPECT_EQ(inet_checksum_update(0xdd2f, 0x5555, 0x3285), 0x0000);
}

TEST(InetChecksum, Rfc1624_3_IncrementalUpdateMatchesRecomputation) {
  std::mt19937 rng(1624);
  for (int iter = 0; iter < 2000; ++iter) {
    Bytes hdr(20);
    for (auto& x : hdr) x = static_cast<std::byte>(rng());
    wire::store_u16(hdr.data() + 10, 0);
    const uint16_t hc = inet_checksum(hdr);
    const size_t word = (rng() % 9) * 2;  // any word but the checksum itself (10)
    const size_t off = word >= 10 ? word + 2 : word;
    const uint16_t m = wire::load_u16(hdr.data() + off);
    const uint16_t m2 = static_cast<uint16_t>(rng());
    wire::store_u16(hdr.data() + off, m2);
    ASSERT_EQ(inet_checksum_update(hc, m, m2), inet_checksum(hdr)) << iter;
  }
}

}  // namespace
}  // namespace dpsctp::net
