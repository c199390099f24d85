// COOKIE ECHO chunk (RFC 9260 §3.3.11).
#include "wire/chunk/cookie_echo_chunk.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

TEST(CookieEchoChunk, Rfc9260_3_3_11_ParsesAnnotatedBytes) {
  // type 10, flags 0, length 7: a 3-byte cookie, then 1 padding byte.
  const Bytes b = from_hex("0a 00 0007 aabbcc 00");
  Result<CookieEchoChunk> c = CookieEchoChunk::parse(chunk_of(b));
  ASSERT_TRUE(c.ok()) << to_string(c.error());
  EXPECT_EQ(to_hex(c->cookie), "aabbcc");
  EXPECT_EQ(c->to_string(), "COOKIE_ECHO cookie_len=3");
}

TEST(CookieEchoChunk, Rfc9260_3_3_11_RoundTripIsByteIdentical) {
  const Bytes cookie = from_hex("00112233445566778899");
  const CookieEchoChunk c{cookie};
  EXPECT_EQ(c.serialized_size(), 14u);
  const Bytes b = serialize(c);
  EXPECT_EQ(to_hex(b), "0a00000e001122334455667788990000");
  Result<CookieEchoChunk> back = CookieEchoChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(to_hex(back->cookie), to_hex(cookie));
  EXPECT_EQ(to_hex(serialize(*back)), to_hex(b));
}

TEST(CookieEchoChunk, Rfc9260_3_3_11_EmptyCookieIsInvalid) {
  const Bytes b = from_hex("0a 00 0004");
  EXPECT_EQ(CookieEchoChunk::parse(chunk_of(b)).error(), ParseError::kChunkInvalidField);
}

TEST(CookieEchoChunk, Rfc9260_3_3_11_FlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("0a ff 0005 aa 000000");
  Result<CookieEchoChunk> c = CookieEchoChunk::parse(chunk_of(b));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(to_hex(serialize(*c)), "0a000005aa000000");
}

TEST(CookieEchoChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("0b 00 0007 aabbcc 00");
  EXPECT_EQ(CookieEchoChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
