// Unrecognized Chunk Type error cause (RFC 9260 §3.3.10.6).
#include "wire/cause/unrecognized_chunk_type_cause.h"

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;
using Cause = UnrecognizedChunkTypeCause;

TEST(UnrecognizedChunkTypeCause, Rfc9260_3_3_10_6_ParsesAnnotatedBytes) {
  // code 6, length 12; the chunk: type 0x47 (upper bits 01: stop and report, §3.2),
  // flags 0x00, length 8, value 01020304.
  const Bytes b = from_hex("0006 000c 47 00 0008 01020304");
  const Cause c = testing::expect_reserializes<Cause>(b);
  const ChunkView chunk = c.unrecognized_chunk();
  EXPECT_EQ(chunk.type, 0x47);
  EXPECT_EQ(chunk.flags, 0x00);
  EXPECT_EQ(chunk.length, 8);
  EXPECT_EQ(testing::to_hex(chunk.value()), "01020304");
  EXPECT_EQ(c.to_string(), "Unrecognized Chunk Type type=0x47 (UNKNOWN) flags=0x00 len=8");
}

TEST(UnrecognizedChunkTypeCause, Rfc9260_3_3_10_6_OddChunkWithAndWithoutItsPadding) {
  // A 6-byte chunk (type 0xcf, flags 0x01): cause length 10, then 2 bytes of padding.
  const Bytes unpadded_bytes = from_hex("0006 000a cf01 0006 abcd 0000");
  const Cause unpadded = testing::expect_reserializes<Cause>(unpadded_bytes);
  EXPECT_EQ(unpadded.chunk.size(), 6u);
  // The sender counted the chunk's padding in the cause length (12): still one chunk.
  const Bytes padded_bytes = from_hex("0006 000c cf01 0006 abcd 0000");
  const Cause padded = testing::expect_reserializes<Cause>(padded_bytes);
  EXPECT_EQ(padded.chunk.size(), 8u);
  EXPECT_EQ(padded.unrecognized_chunk().length, 6);
  EXPECT_EQ(padded.unrecognized_chunk().flags, 0x01);
}

TEST(UnrecognizedChunkTypeCause, Rfc9260_3_3_10_6_RoundTripFromChunkBytes) {
  // FORWARD TSN (192) from a peer that does not support PR-SCTP, new cumulative TSN 5.
  const Bytes fwd = from_hex("c0 00 0008 00000005");
  Cause c;
  c.chunk = fwd;
  const Bytes b = testing::serialize(c);
  EXPECT_EQ(testing::to_hex(b), "0006000cc000000800000005");
  const Cause back = testing::expect_reserializes<Cause>(b);
  EXPECT_TRUE(back.unrecognized_chunk().is(ChunkType::kForwardTsn));
  EXPECT_EQ(back.to_string(), "Unrecognized Chunk Type type=0xc0 (FORWARD_TSN) flags=0x00 len=8");
}

TEST(UnrecognizedChunkTypeCause, Rfc9260_3_3_10_6_MalformedChunkCopyIsRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("0006 0008 47 00 0002")), ParseError::kChunkLengthTooSmall);
  EXPECT_EQ(cause_error<Cause>(from_hex("0006 000c 47 00 0010 01020304")),
            ParseError::kChunkLengthExceedsPacket);
  EXPECT_EQ(cause_error<Cause>(from_hex("0006 0010 47 00 0008 01020304 00000000")),
            ParseError::kCauseLengthMismatch);
}

TEST(UnrecognizedChunkTypeCause, ShorterThanTwoHeadersIsRejected) {
  testing::expect_too_short_below<Cause>(from_hex("0006 000c 47 00 0008 01020304"),
                                         Cause::kFixedSize);
}

TEST(UnrecognizedChunkTypeCause, WrongCodeIsRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("0008 000c 47 00 0008 01020304")),
            ParseError::kCauseWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
