// SHUTDOWN chunk (RFC 9260 §3.3.8).
#include "wire/chunk/shutdown_chunk.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

TEST(ShutdownChunk, Rfc9260_3_3_8_ParsesAnnotatedBytes) {
  // type 7, flags 0, length 8, Cumulative TSN Ack 3543192493.
  const Bytes b = from_hex("07 00 0008 d330d3ad");
  Result<ShutdownChunk> s = ShutdownChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok()) << to_string(s.error());
  EXPECT_EQ(s->cum_tsn_ack, Tsn(3543192493u));
  EXPECT_EQ(s->to_string(), "SHUTDOWN cum_tsn=3543192493");
}

TEST(ShutdownChunk, Rfc9260_3_3_8_RoundTrip) {
  ShutdownChunk s;
  s.cum_tsn_ack = Tsn(0xFFFFFFFF);
  EXPECT_EQ(s.serialized_size(), 8u);
  const Bytes b = serialize(s);
  EXPECT_EQ(to_hex(b), "07000008ffffffff");
  Result<ShutdownChunk> back = ShutdownChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->cum_tsn_ack, s.cum_tsn_ack);
  EXPECT_EQ(to_hex(serialize(*back)), to_hex(b));
}

TEST(ShutdownChunk, Rfc9260_3_3_8_FlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("07 ff 0008 00000001");
  Result<ShutdownChunk> s = ShutdownChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(to_hex(serialize(*s)), "0700000800000001");
}

TEST(ShutdownChunk, Rfc9260_3_3_8_LengthMustBeEight) {
  for (uint16_t len = 4; len < ShutdownChunk::kSize; ++len) {
    Bytes b = from_hex("07 00 0008 00000001");
    testing::set_length(b, len);
    EXPECT_EQ(ShutdownChunk::parse(chunk_of(b)).error(), ParseError::kChunkTooShortForType) << len;
  }
  const Bytes b = from_hex("07 00 000c 00000001 00000000");
  EXPECT_EQ(ShutdownChunk::parse(chunk_of(b)).error(), ParseError::kChunkLengthMismatch);
}

TEST(ShutdownChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("0c 00 0008 00000001");
  EXPECT_EQ(ShutdownChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
