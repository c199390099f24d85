// COOKIE ACK chunk (RFC 9260 §3.3.12).
#include "wire/chunk/cookie_ack_chunk.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

TEST(CookieAckChunk, Rfc9260_3_3_12_ParsesAndRoundTrips) {
  // type 11, flags 0, length 4.
  const Bytes b = from_hex("0b 00 0004");
  Result<CookieAckChunk> s = CookieAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok()) << to_string(s.error());
  EXPECT_EQ(s->serialized_size(), 4u);
  EXPECT_EQ(to_hex(serialize(*s)), "0b000004");
  EXPECT_EQ(s->to_string(), "COOKIE_ACK");
}

TEST(CookieAckChunk, Rfc9260_3_3_12_FlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("0b ff 0004");
  Result<CookieAckChunk> s = CookieAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(to_hex(serialize(*s)), "0b000004");
}

TEST(CookieAckChunk, Rfc9260_3_3_12_LengthMustBeFour) {
  Bytes b = from_hex("0b 00 0008 00000000");
  EXPECT_EQ(CookieAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkLengthMismatch);
  b = from_hex("0b 00 0005 00 000000");
  EXPECT_EQ(CookieAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkLengthMismatch);
}

TEST(CookieAckChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("08 00 0004");
  EXPECT_EQ(CookieAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
