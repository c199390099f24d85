// CRC32c (RFC 9260 §6.8, Appendix B): every implementation against the standard check
// values, against each other on random data at every length and alignment, and chaining.
#include "wire/crc32c.h"

#include <random>
#include <string_view>
#include <vector>

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;

using CrcFn = uint32_t (*)(ByteSpan);

struct Impl {
  const char* name;
  CrcFn fn;
};

const Impl kImpls[] = {{"isal", &crc32c_isal},
                       {"sse42", &crc32c_sse42},
                       {"portable", &crc32c_portable},
                       {"dispatch", &crc32c}};

Bytes filled(size_t n, auto gen) {
  Bytes b(n);
  for (size_t i = 0; i < n; ++i) b[i] = static_cast<std::byte>(gen(i));
  return b;
}

TEST(Crc32c, Rfc9260_AppendixB_CheckValues) {
  const std::string_view digits = "123456789";
  const Bytes ascii = filled(9, [&](size_t i) { return digits[i]; });
  const Bytes zeros = filled(32, [](size_t) { return 0; });
  const Bytes ones = filled(32, [](size_t) { return 0xFF; });
  const Bytes up = filled(32, [](size_t i) { return i; });
  const Bytes down = filled(32, [](size_t i) { return 31 - i; });
  for (const Impl& impl : kImpls) {
    SCOPED_TRACE(impl.name);
    EXPECT_EQ(impl.fn(ascii), 0xe3069283u);
    EXPECT_EQ(impl.fn(zeros), 0x8a9136aau);
    EXPECT_EQ(impl.fn(ones), 0x62a8ab43u);
    EXPECT_EQ(impl.fn(up), 0x46dd794eu);
    EXPECT_EQ(impl.fn(down), 0x113fdb5cu);
    EXPECT_EQ(impl.fn({}), 0u);
  }
}

TEST(Crc32c, ImplementationsAgreeOnEveryLengthAndAlignment) {
  std::mt19937 rng(20261123);
  Bytes big(9000 + 16);
  for (auto& b : big) b = static_cast<std::byte>(rng());
  for (size_t len : {1u, 3u, 7u, 8u, 15u, 63u, 64u, 127u, 128u, 129u, 255u, 1500u, 4096u, 9000u}) {
    for (size_t off = 0; off < 8; ++off) {
      const ByteSpan s = ByteSpan(big).subspan(off, len);
      const uint32_t ref = crc32c_portable(s);
      EXPECT_EQ(crc32c_isal(s), ref) << len << "@" << off;
      EXPECT_EQ(crc32c_sse42(s), ref) << len << "@" << off;
      EXPECT_EQ(crc32c(s), ref) << len << "@" << off;
    }
  }
}

TEST(Crc32c, ChainingRawStateEqualsOneShot) {
  std::mt19937 rng(7);
  Bytes b(1000);
  for (auto& x : b) x = static_cast<std::byte>(rng());
  const ByteSpan s(b);
  for (size_t cut : {0u, 1u, 12u, 500u, 999u, 1000u}) {
    uint32_t st = crc32c_update(kCrc32cInit, s.first(cut));
    st = crc32c_update_portable(st, s.subspan(cut));
    EXPECT_EQ(~st, crc32c(s)) << cut;
  }
}

TEST(Crc32c, Rfc9260_6_8_WriteThenVerifyAndDetectCorruption) {
  Bytes pkt = testing::from_hex("115cdba7 08fe2132 00000000 0b000004");
  write_sctp_checksum(pkt);
  EXPECT_TRUE(verify_sctp_checksum(pkt));
  // The real Linux COOKIE ACK carries 9d23aa7b on the wire (little-endian CRC, App. B).
  EXPECT_EQ(testing::to_hex(ByteSpan(pkt).subspan(8, 4)), "9d23aa7b");
  for (size_t byte = 0; byte < pkt.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      Bytes bad = pkt;
      bad[byte] ^= static_cast<std::byte>(1 << bit);
      EXPECT_FALSE(verify_sctp_checksum(bad)) << "single-bit error not caught at " << byte;
    }
  }
  EXPECT_FALSE(verify_sctp_checksum(ByteSpan(pkt).first(11)));
}

}  // namespace
}  // namespace dpsctp::wire
