// HEARTBEAT ACK chunk (RFC 9260 §3.3.6).
#include "wire/chunk/heartbeat_ack_chunk.h"

#include "wire/chunk/heartbeat_chunk.h"
#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

// type 5, flags 0, length 16; Heartbeat Info (type 1, length 12) carrying 8 opaque bytes.
constexpr const char* kHeartbeatAckHex = "05 00 0010 0001 000c 0011223344556677";

TEST(HeartbeatAckChunk, Rfc9260_3_3_6_ParsesAnnotatedBytes) {
  const Bytes b = from_hex(kHeartbeatAckHex);
  Result<HeartbeatAckChunk> h = HeartbeatAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(h.ok()) << to_string(h.error());
  EXPECT_EQ(to_hex(h->info), "0011223344556677");
  EXPECT_EQ(h->to_string(), "HEARTBEAT_ACK info_len=8");
}

TEST(HeartbeatAckChunk, Rfc9260_3_3_6_EchoesTheHeartbeatInfoVerbatim) {
  const Bytes hb = from_hex("04 00 000d 0001 0009 deadbeef01 000000");
  Result<HeartbeatChunk> h = HeartbeatChunk::parse(chunk_of(hb));
  ASSERT_TRUE(h.ok());
  const Bytes ack = serialize(HeartbeatAckChunk{h->info});
  EXPECT_EQ(to_hex(ack), "0500000d00010009deadbeef01000000");
}

TEST(HeartbeatAckChunk, Rfc9260_3_3_6_RoundTripIsByteIdentical) {
  const Bytes b = from_hex(kHeartbeatAckHex);
  Result<HeartbeatAckChunk> h = HeartbeatAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->serialized_size(), 16u);
  EXPECT_EQ(to_hex(serialize(*h)), to_hex(b));
}

TEST(HeartbeatAckChunk, Rfc9260_3_3_6_MissingOrOtherParameterIsWrongType) {
  Bytes b = from_hex("05 00 0004");
  EXPECT_EQ(HeartbeatAckChunk::parse(chunk_of(b)).error(), ParseError::kParamWrongType);
  b = from_hex("05 00 0008 0007 0004");
  EXPECT_EQ(HeartbeatAckChunk::parse(chunk_of(b)).error(), ParseError::kParamWrongType);
}

TEST(HeartbeatAckChunk, Rfc9260_3_2_1_MalformedParameterIsRejected) {
  Bytes b = from_hex("05 00 0007 0001 00");
  EXPECT_EQ(HeartbeatAckChunk::parse(chunk_of(b)).error(), ParseError::kParamHeaderTruncated);
  b = from_hex("05 00 0008 0001 0000");
  EXPECT_EQ(HeartbeatAckChunk::parse(chunk_of(b)).error(), ParseError::kParamLengthTooSmall);
  b = from_hex("05 00 0010 0001 000d 0011223344556677");
  EXPECT_EQ(HeartbeatAckChunk::parse(chunk_of(b)).error(), ParseError::kParamLengthExceedsChunk);
}

TEST(HeartbeatAckChunk, Rfc9260_3_3_6_BytesAfterTheInfoParameterAreTrailing) {
  const Bytes b = from_hex("05 00 000c 0001 0004 00000000");
  EXPECT_EQ(HeartbeatAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkTrailingBytes);
}

TEST(HeartbeatAckChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("04 00 0010 0001 000c 0011223344556677");
  EXPECT_EQ(HeartbeatAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
