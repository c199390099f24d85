#include "core/handshake/state_cookie.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <vector>

namespace dpsctp::core {
namespace {

using Secret = std::array<std::byte, 32>;

Secret secret(uint8_t seed) {
  Secret s;
  for (size_t i = 0; i < s.size(); ++i) s[i] = std::byte(static_cast<uint8_t>(seed * 31 + i));
  return s;
}

// Two IPv4 Address parameters (RFC 9260 §3.3.2.1.1) as copied from an INIT.
const std::vector<std::byte> kAddresses = {
    std::byte{0x00}, std::byte{0x05}, std::byte{0x00}, std::byte{0x08},
    std::byte{10},   std::byte{0},    std::byte{0},    std::byte{1},
    std::byte{0x00}, std::byte{0x05}, std::byte{0x00}, std::byte{0x08},
    std::byte{10},   std::byte{0},    std::byte{1},    std::byte{1},
};

CookieContents sample() {
  CookieContents c;
  c.local_tag = VerificationTag(0x11223344);
  c.peer_tag = VerificationTag(0xA1B2C3D4);
  c.local_tie_tag = VerificationTag(0x01020304);
  c.peer_tie_tag = VerificationTag(0xFFFFFFFF);
  c.local_initial_tsn = Tsn(0xFFFFFFF0);
  c.peer_initial_tsn = Tsn(7);
  c.peer_a_rwnd = 131072;
  c.outbound_streams = 10;
  c.inbound_streams = 65535;
  c.local_port = 36412;
  c.peer_port = 40000;
  c.shard = 3;
  c.peer_features = kFeatureForwardTsn | kFeatureReconfig;
  c.created = Instant(123456789us);
  c.lifetime = 60s;
  c.peer_addresses = kAddresses;
  return c;
}

std::vector<std::byte> sign(const CookieSigner& s, const CookieContents& c) {
  std::vector<std::byte> buf(CookieSigner::serialized_size(c));
  EXPECT_EQ(s.write(c, buf), buf.size());
  return buf;
}

void expect_equal(const CookieContents& a, const CookieContents& b) {
  EXPECT_EQ(a.local_tag, b.local_tag);
  EXPECT_EQ(a.peer_tag, b.peer_tag);
  EXPECT_EQ(a.local_tie_tag, b.local_tie_tag);
  EXPECT_EQ(a.peer_tie_tag, b.peer_tie_tag);
  EXPECT_EQ(a.local_initial_tsn, b.local_initial_tsn);
  EXPECT_EQ(a.peer_initial_tsn, b.peer_initial_tsn);
  EXPECT_EQ(a.peer_a_rwnd, b.peer_a_rwnd);
  EXPECT_EQ(a.outbound_streams, b.outbound_streams);
  EXPECT_EQ(a.inbound_streams, b.inbound_streams);
  EXPECT_EQ(a.local_port, b.local_port);
  EXPECT_EQ(a.peer_port, b.peer_port);
  EXPECT_EQ(a.shard, b.shard);
  EXPECT_EQ(a.peer_features, b.peer_features);
  EXPECT_EQ(a.created, b.created);
  EXPECT_EQ(a.lifetime, b.lifetime);
  ASSERT_EQ(a.peer_addresses.size(), b.peer_addresses.size());
  for (size_t i = 0; i < a.peer_addresses.size(); ++i) {
    EXPECT_EQ(a.peer_addresses[i], b.peer_addresses[i]);
  }
}

TEST(StateCookie, Rfc9260_5_1_3_RoundTrip) {
  CookieSigner s(secret(1));
  ASSERT_TRUE(s.ok());
  const CookieContents c = sample();
  const auto cookie = sign(s, c);
  EXPECT_EQ(cookie.size(), 60u + 16u + 32u);
  EXPECT_EQ(cookie[0], std::byte{CookieSigner::kVersion});
  CookieContents out;
  ASSERT_EQ(s.verify(cookie, out), CookieError::kOk);
  expect_equal(out, c);
  EXPECT_EQ(out.peer_addresses.data(), cookie.data() + 60);  // points into the cookie
}

TEST(StateCookie, Rfc9260_5_1_3_RoundTripExtremeValuesAndNoAddresses) {
  CookieSigner s(secret(2));
  CookieContents c;
  c.local_tag = VerificationTag(0xFFFFFFFF);
  c.peer_initial_tsn = Tsn(0xFFFFFFFF);
  c.peer_a_rwnd = 0xFFFFFFFF;
  c.outbound_streams = 0xFFFF;
  c.shard = 0xFFFF;
  c.peer_features = 0xFF;
  c.created = Instant(Duration(-5));  // negative epoch offsets survive the u64 encoding
  c.lifetime = Duration::max();
  const auto cookie = sign(s, c);
  EXPECT_EQ(cookie.size(), CookieSigner::kFixedSize + CookieSigner::kMacSize);
  CookieContents out;
  ASSERT_EQ(s.verify(cookie, out), CookieError::kOk);
  expect_equal(out, c);
  EXPECT_TRUE(out.peer_addresses.empty());
}

TEST(StateCookie, Rfc9260_5_1_3_DeterministicForSameSecret) {
  CookieSigner a(secret(1));
  CookieSigner b(secret(1));
  CookieSigner other(secret(9));
  EXPECT_EQ(sign(a, sample()), sign(b, sample()));
  EXPECT_NE(sign(a, sample()), sign(other, sample()));
}

TEST(StateCookie, Rfc9260_5_1_5_EverySingleBitFlipIsRejected) {
  CookieSigner s(secret(3));
  const auto cookie = sign(s, sample());
  for (size_t bit = 0; bit < cookie.size() * 8; ++bit) {
    auto bad = cookie;
    bad[bit / 8] ^= std::byte(static_cast<uint8_t>(1u << (bit % 8)));
    CookieContents out;
    out.shard = 0xBEEF;
    ASSERT_EQ(s.verify(bad, out), CookieError::kBadMac) << "bit " << bit;
    EXPECT_EQ(out.shard, 0xBEEF);  // untouched on failure
  }
}

TEST(StateCookie, Rfc9260_5_1_5_TruncatedCookiesNeverReadOutOfBounds) {
  CookieSigner s(secret(4));
  const auto cookie = sign(s, sample());
  for (size_t len = 0; len < cookie.size(); ++len) {
    // An exact-size heap copy: ASan flags any read past `len`.
    const std::vector<std::byte> truncated(cookie.begin(), cookie.begin() + static_cast<long>(len));
    CookieContents out;
    const CookieError e = s.verify(truncated, out);
    if (len < CookieSigner::kFixedSize + CookieSigner::kMacSize) {
      EXPECT_EQ(e, CookieError::kMalformed) << len;
    } else {
      EXPECT_EQ(e, CookieError::kBadMac) << len;
    }
  }
}

TEST(StateCookie, Rfc9260_5_1_5_ExtendedCookieIsRejected) {
  CookieSigner s(secret(4));
  auto cookie = sign(s, sample());
  cookie.push_back(std::byte{0});
  CookieContents out;
  EXPECT_EQ(s.verify(cookie, out), CookieError::kBadMac);
}

TEST(StateCookie, Rfc9260_5_1_3_RotatedSecretStillVerifiesOldCookies) {
  CookieSigner s(secret(5));
  const auto old_cookie = sign(s, sample());
  s.rotate(secret(6));
  const auto new_cookie = sign(s, sample());
  EXPECT_NE(old_cookie, new_cookie);
  CookieContents out;
  EXPECT_EQ(s.verify(old_cookie, out), CookieError::kOk);
  EXPECT_EQ(s.verify(new_cookie, out), CookieError::kOk);
  s.rotate(secret(7));  // a third secret: the first one is forgotten
  EXPECT_EQ(s.verify(old_cookie, out), CookieError::kBadMac);
  EXPECT_EQ(s.verify(new_cookie, out), CookieError::kOk);
  EXPECT_EQ(s.verify(sign(s, sample()), out), CookieError::kOk);
}

TEST(StateCookie, Rfc9260_5_1_3_CookieFromAnotherEndpointSecretIsRejected) {
  CookieSigner s(secret(5));
  CookieSigner attacker(secret(66));
  CookieContents out;
  EXPECT_EQ(s.verify(sign(attacker, sample()), out), CookieError::kBadMac);
  s.rotate(secret(6));
  EXPECT_EQ(s.verify(sign(attacker, sample()), out), CookieError::kBadMac);
}

TEST(StateCookie, Rfc9260_5_1_5_StalenessBoundaryIsExact) {
  CookieContents c = sample();
  c.created = Instant(10s);
  c.lifetime = 60s;
  Duration staleness{-1};
  EXPECT_FALSE(CookieSigner::is_stale(c, Instant(70s), &staleness));  // now == created + life
  EXPECT_EQ(staleness, Duration{-1});                                 // untouched
  EXPECT_FALSE(CookieSigner::is_stale(c, Instant(10s), &staleness));
  ASSERT_TRUE(CookieSigner::is_stale(c, Instant(70s) + 1us, &staleness));
  EXPECT_EQ(staleness, 1us);  // §3.3.10.3 Measure of Staleness in microseconds
  ASSERT_TRUE(CookieSigner::is_stale(c, Instant(75s), &staleness));
  EXPECT_EQ(staleness, 5s);
  EXPECT_TRUE(CookieSigner::is_stale(c, Instant(75s), nullptr));
}

TEST(StateCookie, Rfc9260_5_1_5_StalenessDoesNotOverflow) {
  CookieContents c = sample();
  c.created = Instant(10s);
  c.lifetime = Duration::max();  // expiry saturates: never stale
  EXPECT_FALSE(CookieSigner::is_stale(c, kNever, nullptr));
  c.created = Instant::min();
  c.lifetime = 0s;
  Duration staleness{};
  ASSERT_TRUE(CookieSigner::is_stale(c, kNever, &staleness));
  EXPECT_EQ(staleness, Duration::max());  // saturated
}

TEST(StateCookie, Rfc9260_5_1_3_LargePeerAddressesRefused) {
  CookieSigner s(secret(8));
  CookieContents c = sample();
  std::vector<std::byte> addrs(CookieSigner::kMaxPeerAddressBytes + 4, std::byte{0x42});
  c.peer_addresses = addrs;
  std::vector<std::byte> buf(CookieSigner::serialized_size(c));
  EXPECT_EQ(s.write(c, buf), 0u);
  // Exactly the maximum fits and round-trips.
  c.peer_addresses = wire::ByteSpan(addrs).first(CookieSigner::kMaxPeerAddressBytes);
  ASSERT_EQ(CookieSigner::serialized_size(c), CookieSigner::kMaxSize);
  buf.resize(CookieSigner::kMaxSize);
  ASSERT_EQ(s.write(c, buf), CookieSigner::kMaxSize);
  CookieContents out;
  ASSERT_EQ(s.verify(buf, out), CookieError::kOk);
  EXPECT_EQ(out.peer_addresses.size(), CookieSigner::kMaxPeerAddressBytes);
  EXPECT_EQ(out.peer_addresses[511], std::byte{0x42});
}

TEST(StateCookie, Rfc9260_5_1_3_WriteIntoTooSmallBufferReturnsZero) {
  CookieSigner s(secret(8));
  const CookieContents c = sample();
  std::vector<std::byte> buf(CookieSigner::serialized_size(c) - 1, std::byte{0x5A});
  EXPECT_EQ(s.write(c, buf), 0u);
  for (std::byte b : buf) ASSERT_EQ(b, std::byte{0x5A});  // nothing written
  buf.resize(buf.size() + 10);
  EXPECT_EQ(s.write(c, buf), CookieSigner::serialized_size(c));  // larger buffers are fine
}

// Re-signs a doctored cookie body with the raw secret, through OpenSSL's one-shot HMAC.
void resign(std::vector<std::byte>& cookie, const Secret& key) {
  const size_t body = cookie.size() - CookieSigner::kMacSize;
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(cookie.data()), body,
       reinterpret_cast<unsigned char*>(cookie.data() + body), &len);
  ASSERT_EQ(len, CookieSigner::kMacSize);
}

TEST(StateCookie, Rfc9260_5_1_3_MacIsHmacSha256OverTheBody) {
  const Secret key = secret(9);
  CookieSigner s(key);
  const auto cookie = sign(s, sample());
  auto expected = cookie;
  resign(expected, key);
  EXPECT_EQ(cookie, expected);
}

TEST(StateCookie, Rfc9260_5_1_5_AuthenticButUndecodableIsMalformed) {
  // Signed with our secret but not decodable (e.g. a future format version during a
  // rolling upgrade): kMalformed, and `out` is left untouched.
  const Secret key = secret(9);
  CookieSigner s(key);
  const auto good = sign(s, sample());
  CookieContents out;
  out.shard = 0xBEEF;

  auto future = good;
  future[0] = std::byte{2};  // version
  resign(future, key);
  EXPECT_EQ(s.verify(future, out), CookieError::kMalformed);

  auto reserved = good;
  reserved[3] = std::byte{1};
  resign(reserved, key);
  EXPECT_EQ(s.verify(reserved, out), CookieError::kMalformed);

  for (uint16_t addr_len : {uint16_t{15}, uint16_t{17}, uint16_t{0xFFFF}}) {
    auto lying = good;  // address length disagrees with the cookie length
    wire::store_u16(lying.data() + 6, addr_len);
    resign(lying, key);
    EXPECT_EQ(s.verify(lying, out), CookieError::kMalformed) << addr_len;
  }
  EXPECT_EQ(out.shard, 0xBEEF);
}

}  // namespace
}  // namespace dpsctp::core
