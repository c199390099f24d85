// SHUTDOWN ACK chunk (RFC 9260 §3.3.9).
#include "wire/chunk/shutdown_ack_chunk.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

TEST(ShutdownAckChunk, Rfc9260_3_3_9_ParsesAndRoundTrips) {
  // type 8, flags 0, length 4.
  const Bytes b = from_hex("08 00 0004");
  Result<ShutdownAckChunk> s = ShutdownAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok()) << to_string(s.error());
  EXPECT_EQ(s->serialized_size(), 4u);
  EXPECT_EQ(to_hex(serialize(*s)), "08000004");
  EXPECT_EQ(s->to_string(), "SHUTDOWN_ACK");
}

TEST(ShutdownAckChunk, Rfc9260_3_3_9_FlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("08 ff 0004");
  Result<ShutdownAckChunk> s = ShutdownAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(to_hex(serialize(*s)), "08000004");
}

TEST(ShutdownAckChunk, Rfc9260_3_3_9_LengthMustBeFour) {
  Bytes b = from_hex("08 00 0008 00000000");
  EXPECT_EQ(ShutdownAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkLengthMismatch);
  b = from_hex("08 00 0005 00 000000");
  EXPECT_EQ(ShutdownAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkLengthMismatch);
}

TEST(ShutdownAckChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("0b 00 0004");
  EXPECT_EQ(ShutdownAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
