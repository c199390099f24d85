// AUTH chunk (RFC 4895 §4.1).
#include "wire/ext/auth_chunk.h"

#include <algorithm>

#include "ext/ext_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;

TEST(AuthChunk, Rfc4895_4_1_ParsesAnnotatedBytes) {
  // type 0x0F, flags 0, length 28, shared key 1, HMAC-SHA-1 (1), 20-byte HMAC 00..13.
  const Bytes b = from_hex("0f 00 001c 0001 0001 00010203 04050607 08090a0b 0c0d0e0f 10111213");
  Result<AuthChunk> a = AuthChunk::parse(chunk_of(b));
  ASSERT_TRUE(a.ok()) << to_string(a.error());
  EXPECT_EQ(a->shared_key_id, 1u);
  EXPECT_EQ(a->hmac_id, AuthChunk::kHmacSha1);
  ASSERT_EQ(a->hmac.size(), AuthChunk::hmac_size(AuthChunk::kHmacSha1));
  EXPECT_EQ(a->hmac[0], std::byte{0x00});
  EXPECT_EQ(a->hmac[19], std::byte{0x13});
  EXPECT_EQ(a->hmac.data(), b.data() + AuthChunk::kHmacOffset);
  EXPECT_EQ(a->to_string(), "AUTH key=1 hmac_id=1 hmac_len=20");
  testing::expect_reserializes_identically<AuthChunk>(b);
}

TEST(AuthChunk, Rfc4895_6_2_WritesZeroedHmacAndReportsItsOffset) {
  Bytes buf(128);
  BufferWriter w(buf);
  w.put_zeros(12);  // stands for the common header before the AUTH chunk
  const size_t offset = AuthChunk::write_with_zero_hmac(
      w, 0xbeef, AuthChunk::kHmacSha256, AuthChunk::hmac_size(AuthChunk::kHmacSha256));
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(offset, 12 + AuthChunk::kHmacOffset);
  EXPECT_EQ(w.size(), 12u + 8u + 32u);
  EXPECT_EQ(testing::to_hex(ByteSpan(buf).subspan(12, 8)), "0f000028beef0003");
  EXPECT_TRUE(std::all_of(buf.begin() + 20, buf.begin() + 52,
                          [](std::byte x) { return x == std::byte{0}; }));
  // The core fills in the digest once everything after the AUTH chunk is written.
  for (std::byte& x : w.span_at(offset, 32)) x = std::byte{0xaa};
  const Bytes chunk(buf.begin() + 12, buf.begin() + 52);
  Result<AuthChunk> a = AuthChunk::parse(chunk_of(chunk));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->shared_key_id, 0xbeef);
  EXPECT_EQ(a->hmac_id, AuthChunk::kHmacSha256);
  ASSERT_EQ(a->hmac.size(), 32u);
  EXPECT_TRUE(std::all_of(a->hmac.begin(), a->hmac.end(),
                          [](std::byte x) { return x == std::byte{0xaa}; }));
}

TEST(AuthChunk, Rfc4895_4_1_RoundTripWithUnpaddedHmac) {
  const Bytes hmac = from_hex("010203");
  AuthChunk a;
  a.shared_key_id = 65535;
  a.hmac_id = 7;  // unknown identifiers are the core's business
  a.hmac = hmac;
  const Bytes b = testing::serialize(a);
  EXPECT_EQ(testing::to_hex(b), testing::canonical_hex("0f00000b ffff0007 01020300"));
  EXPECT_EQ(a.serialized_size(), 11u);
  Result<AuthChunk> back = AuthChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->shared_key_id, a.shared_key_id);
  EXPECT_EQ(back->hmac_id, a.hmac_id);
  EXPECT_EQ(testing::to_hex(back->hmac), "010203");
  testing::expect_reserializes_identically<AuthChunk>(b);
}

TEST(AuthChunk, Rfc4895_3_3_HmacSizes) {
  EXPECT_EQ(AuthChunk::hmac_size(AuthChunk::kHmacSha1), 20u);
  EXPECT_EQ(AuthChunk::hmac_size(AuthChunk::kHmacSha256), 32u);
  EXPECT_EQ(AuthChunk::hmac_size(0), 0u);
  EXPECT_EQ(AuthChunk::hmac_size(2), 0u);
}

TEST(AuthChunk, Rfc4895_4_1_ShorterThanIdentifiersIsRejected) {
  const Bytes b = from_hex("0f 00 0008 0001 0001");
  testing::expect_error_for_lengths<AuthChunk>(b, 4, AuthChunk::kHeaderSize,
                                               ParseError::kChunkTooShortForType);
}

TEST(AuthChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("0e 00 0008 0001 0001");  // SHUTDOWN COMPLETE
  EXPECT_EQ(AuthChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
