// PAD chunk (RFC 4820 §3).
#include "wire/ext/pad_chunk.h"

#include "ext/ext_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;

TEST(PadChunk, Rfc4820_3_ParsesAnnotatedBytes) {
  // type 0x84, flags 0, length 8, 4 bytes of Padding Data (any value).
  const Bytes b = from_hex("84 00 0008 deadbeef");
  Result<PadChunk> p = PadChunk::parse(chunk_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  ASSERT_EQ(p->padding.size(), 4u);
  EXPECT_EQ(p->padding[0], std::byte{0xde});
  EXPECT_EQ(p->serialized_size(), 8u);
  EXPECT_EQ(p->to_string(), "PAD len=4");
  testing::expect_reserializes_identically<PadChunk>(b);
}

TEST(PadChunk, Rfc4820_3_EmptyPaddingIsValid) {
  const Bytes b = from_hex("84 00 0004");
  Result<PadChunk> p = PadChunk::parse(chunk_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->padding.empty());
}

TEST(PadChunk, Rfc4820_3_UnpaddedLengthRoundTrip) {
  // 3 bytes of Padding Data: length 7, one byte of chunk padding (RFC 9260 §3.2).
  const Bytes b = from_hex("84 00 0007 aabbcc 00");
  Result<PadChunk> p = PadChunk::parse(chunk_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->padding.size(), 3u);
  testing::expect_reserializes_identically<PadChunk>(b);
}

TEST(PadChunk, Rfc4820_3_FlagsAreIgnoredAndWrittenAsZero) {
  const Bytes b = from_hex("84 ff 0008 01020304");
  Result<PadChunk> p = PadChunk::parse(chunk_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), "8400000801020304");
}

TEST(PadChunk, Rfc4820_3_BuildsFromSize) {
  const Bytes b = testing::build([](BufferWriter& w) { PadChunk::write(w, 5); });
  EXPECT_EQ(testing::to_hex(b), testing::canonical_hex("84000009 00000000 00000000"));
  Result<PadChunk> p = PadChunk::parse(chunk_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->padding.size(), 5u);
  EXPECT_EQ(testing::to_hex(testing::build([](BufferWriter& w) { PadChunk::write(w, 0); })),
            "84000004");
}

TEST(PadChunk, Rfc9260_3_2_LargestPadFitsTheLengthField) {
  Bytes buf(70000);
  BufferWriter ok(buf);
  PadChunk::write(ok, 65535 - PadChunk::kHeaderSize);
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.size(), 65536u);  // length 65535, one byte of padding
  BufferWriter too_big(buf);
  PadChunk::write(too_big, 65536 - PadChunk::kHeaderSize);
  EXPECT_FALSE(too_big.ok());
}

TEST(PadChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("82 00 0008 00000000");  // RE-CONFIG
  EXPECT_EQ(PadChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
