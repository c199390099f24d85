// HEARTBEAT chunk (RFC 9260 §3.3.5).
#include "wire/chunk/heartbeat_chunk.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

// type 4, flags 0, length 13; Heartbeat Info (type 1, length 9) carrying 5 opaque bytes,
// then 3 padding bytes not counted by either length (§3.2).
constexpr const char* kHeartbeatHex = "04 00 000d 0001 0009 deadbeef01 000000";

TEST(HeartbeatChunk, Rfc9260_3_3_5_ParsesAnnotatedBytes) {
  const Bytes b = from_hex(kHeartbeatHex);
  Result<HeartbeatChunk> h = HeartbeatChunk::parse(chunk_of(b));
  ASSERT_TRUE(h.ok()) << to_string(h.error());
  EXPECT_EQ(to_hex(h->info), "deadbeef01");
  EXPECT_EQ(h->to_string(), "HEARTBEAT info_len=5");
}

TEST(HeartbeatChunk, Rfc9260_3_3_5_RoundTripIsByteIdentical) {
  const Bytes info = from_hex("deadbeef01");
  const HeartbeatChunk h{info};
  EXPECT_EQ(h.serialized_size(), 13u);
  const Bytes b = serialize(h);
  EXPECT_EQ(to_hex(b), to_hex(from_hex(kHeartbeatHex)));
  Result<HeartbeatChunk> back = HeartbeatChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(to_hex(back->info), to_hex(info));
  EXPECT_EQ(to_hex(serialize(*back)), to_hex(b));
}

TEST(HeartbeatChunk, Rfc9260_3_2_ChunkLengthCountingTheParameterPaddingIsAccepted) {
  const Bytes b = from_hex("04 00 0010 0001 0009 deadbeef01 000000");
  Result<HeartbeatChunk> h = HeartbeatChunk::parse(chunk_of(b));
  ASSERT_TRUE(h.ok()) << to_string(h.error());
  EXPECT_EQ(h->info.size(), 5u);
}

TEST(HeartbeatChunk, Rfc9260_3_3_5_EmptyInfoIsValid) {
  const Bytes b = from_hex("04 00 0008 0001 0004");
  Result<HeartbeatChunk> h = HeartbeatChunk::parse(chunk_of(b));
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(h->info.empty());
  EXPECT_EQ(to_hex(serialize(*h)), "0400000800010004");
}

TEST(HeartbeatChunk, Rfc9260_3_3_5_MissingOrOtherParameterIsWrongType) {
  Bytes b = from_hex("04 00 0004");
  EXPECT_EQ(HeartbeatChunk::parse(chunk_of(b)).error(), ParseError::kParamWrongType);
  b = from_hex("04 00 0008 0005 0004");
  EXPECT_EQ(HeartbeatChunk::parse(chunk_of(b)).error(), ParseError::kParamWrongType);
}

TEST(HeartbeatChunk, Rfc9260_3_2_1_MalformedParameterIsRejected) {
  Bytes b = from_hex("04 00 0006 0001");
  EXPECT_EQ(HeartbeatChunk::parse(chunk_of(b)).error(), ParseError::kParamHeaderTruncated);
  b = from_hex("04 00 0008 0001 0003");
  EXPECT_EQ(HeartbeatChunk::parse(chunk_of(b)).error(), ParseError::kParamLengthTooSmall);
  b = from_hex("04 00 000c 0001 0009 deadbeef");
  EXPECT_EQ(HeartbeatChunk::parse(chunk_of(b)).error(), ParseError::kParamLengthExceedsChunk);
}

TEST(HeartbeatChunk, Rfc9260_3_3_5_BytesAfterTheInfoParameterAreTrailing) {
  const Bytes b = from_hex("04 00 0010 0001 0008 deadbeef 0001 0004");
  EXPECT_EQ(HeartbeatChunk::parse(chunk_of(b)).error(), ParseError::kChunkTrailingBytes);
}

TEST(HeartbeatChunk, Rfc9260_3_3_5_FlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("04 ff 0008 0001 0004");
  Result<HeartbeatChunk> h = HeartbeatChunk::parse(chunk_of(b));
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(serialize(*h)[1], std::byte{0});
}

TEST(HeartbeatChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("05 00 000d 0001 0009 deadbeef01 000000");
  EXPECT_EQ(HeartbeatChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
