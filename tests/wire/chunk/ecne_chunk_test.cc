// ECNE chunk (RFC 9260 Appendix A).
#include "wire/chunk/ecne_chunk.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

TEST(EcneChunk, Rfc9260_AppendixA_ParsesAnnotatedBytes) {
  // type 12, flags 0, length 8, Lowest TSN Number 0x01020304.
  const Bytes b = from_hex("0c 00 0008 01020304");
  Result<EcneChunk> e = EcneChunk::parse(chunk_of(b));
  ASSERT_TRUE(e.ok()) << to_string(e.error());
  EXPECT_EQ(e->lowest_tsn, Tsn(0x01020304));
  EXPECT_EQ(e->to_string(), "ECNE lowest_tsn=16909060");
}

TEST(EcneChunk, Rfc9260_AppendixA_RoundTrip) {
  EcneChunk e;
  e.lowest_tsn = Tsn(7);
  EXPECT_EQ(e.serialized_size(), 8u);
  const Bytes b = serialize(e);
  EXPECT_EQ(to_hex(b), "0c00000800000007");
  Result<EcneChunk> back = EcneChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->lowest_tsn, e.lowest_tsn);
}

TEST(EcneChunk, Rfc9260_AppendixA_FlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("0c 80 0008 00000007");
  Result<EcneChunk> e = EcneChunk::parse(chunk_of(b));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(to_hex(serialize(*e)), "0c00000800000007");
}

TEST(EcneChunk, Rfc9260_AppendixA_LengthMustBeEight) {
  for (uint16_t len = 4; len < EcneChunk::kSize; ++len) {
    Bytes b = from_hex("0c 00 0008 00000007");
    testing::set_length(b, len);
    EXPECT_EQ(EcneChunk::parse(chunk_of(b)).error(), ParseError::kChunkTooShortForType) << len;
  }
  const Bytes b = from_hex("0c 00 0009 00000007 00");
  EXPECT_EQ(EcneChunk::parse(chunk_of(b)).error(), ParseError::kChunkLengthMismatch);
}

TEST(EcneChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("0d 00 0008 00000007");
  EXPECT_EQ(EcneChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
