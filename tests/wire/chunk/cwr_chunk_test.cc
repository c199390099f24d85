// CWR chunk (RFC 9260 Appendix A).
#include "wire/chunk/cwr_chunk.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

TEST(CwrChunk, Rfc9260_AppendixA_ParsesAnnotatedBytes) {
  // type 13, flags 0, length 8, Lowest TSN Number 0x01020304.
  const Bytes b = from_hex("0d 00 0008 01020304");
  Result<CwrChunk> c = CwrChunk::parse(chunk_of(b));
  ASSERT_TRUE(c.ok()) << to_string(c.error());
  EXPECT_EQ(c->lowest_tsn, Tsn(0x01020304));
  EXPECT_EQ(c->to_string(), "CWR lowest_tsn=16909060");
}

TEST(CwrChunk, Rfc9260_AppendixA_RoundTrip) {
  CwrChunk c;
  c.lowest_tsn = Tsn(7);
  EXPECT_EQ(c.serialized_size(), 8u);
  const Bytes b = serialize(c);
  EXPECT_EQ(to_hex(b), "0d00000800000007");
  Result<CwrChunk> back = CwrChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->lowest_tsn, c.lowest_tsn);
}

TEST(CwrChunk, Rfc9260_AppendixA_FlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("0d 80 0008 00000007");
  Result<CwrChunk> c = CwrChunk::parse(chunk_of(b));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(to_hex(serialize(*c)), "0d00000800000007");
}

TEST(CwrChunk, Rfc9260_AppendixA_LengthMustBeEight) {
  for (uint16_t len = 4; len < CwrChunk::kSize; ++len) {
    Bytes b = from_hex("0d 00 0008 00000007");
    testing::set_length(b, len);
    EXPECT_EQ(CwrChunk::parse(chunk_of(b)).error(), ParseError::kChunkTooShortForType) << len;
  }
  const Bytes b = from_hex("0d 00 0009 00000007 00");
  EXPECT_EQ(CwrChunk::parse(chunk_of(b)).error(), ParseError::kChunkLengthMismatch);
}

TEST(CwrChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("0c 00 0008 00000007");
  EXPECT_EQ(CwrChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
