// SHUTDOWN COMPLETE chunk (RFC 9260 §3.3.13).
#include "wire/chunk/shutdown_complete_chunk.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

TEST(ShutdownCompleteChunk, Rfc9260_3_3_13_ParsesAnnotatedBytes) {
  // type 14, flags T (tag reflected), length 4.
  Bytes b = from_hex("0e 01 0004");
  Result<ShutdownCompleteChunk> s = ShutdownCompleteChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok()) << to_string(s.error());
  EXPECT_TRUE(s->tag_reflected);
  EXPECT_EQ(s->to_string(), "SHUTDOWN_COMPLETE T=1");
  b = from_hex("0e 00 0004");
  s = ShutdownCompleteChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->tag_reflected);
  EXPECT_EQ(s->to_string(), "SHUTDOWN_COMPLETE T=0");
}

TEST(ShutdownCompleteChunk, Rfc9260_3_3_13_RoundTrip) {
  for (bool t : {false, true}) {
    ShutdownCompleteChunk s;
    s.tag_reflected = t;
    EXPECT_EQ(s.serialized_size(), 4u);
    const Bytes b = serialize(s);
    EXPECT_EQ(to_hex(b), t ? "0e010004" : "0e000004");
    Result<ShutdownCompleteChunk> back = ShutdownCompleteChunk::parse(chunk_of(b));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->tag_reflected, t);
  }
}

TEST(ShutdownCompleteChunk, Rfc9260_3_3_13_ReservedFlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("0e ff 0004");
  Result<ShutdownCompleteChunk> s = ShutdownCompleteChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->tag_reflected);
  EXPECT_EQ(to_hex(serialize(*s)), "0e010004");
}

TEST(ShutdownCompleteChunk, Rfc9260_3_3_13_LengthMustBeFour) {
  const Bytes b = from_hex("0e 00 0008 00000000");
  EXPECT_EQ(ShutdownCompleteChunk::parse(chunk_of(b)).error(), ParseError::kChunkLengthMismatch);
}

TEST(ShutdownCompleteChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("08 00 0004");
  EXPECT_EQ(ShutdownCompleteChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
