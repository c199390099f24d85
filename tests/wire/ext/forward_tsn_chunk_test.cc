// FORWARD TSN chunk (RFC 3758 §3.2).
#include "wire/ext/forward_tsn_chunk.h"

#include <array>

#include "ext/ext_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;

TEST(ForwardTsnChunk, Rfc3758_3_2_ParsesAnnotatedBytes) {
  // type 192, flags 0, length 16, new cumulative TSN 100, (sid 1, ssn 5), (sid 2, ssn 0xfffe).
  const Bytes b = from_hex("c0 00 0010 00000064 0001 0005 0002 fffe");
  Result<ForwardTsnChunk> f = ForwardTsnChunk::parse(chunk_of(b));
  ASSERT_TRUE(f.ok()) << to_string(f.error());
  EXPECT_EQ(f->new_cumulative_tsn, Tsn(100));
  ASSERT_EQ(f->count, 2u);
  EXPECT_EQ(f->skipped(0).stream, StreamId(1));
  EXPECT_EQ(f->skipped(0).ssn, Ssn(5));
  EXPECT_EQ(f->skipped(1).stream, StreamId(2));
  EXPECT_EQ(f->skipped(1).ssn, Ssn(0xfffe));
  EXPECT_EQ(f->serialized_size(), 16u);
}

TEST(ForwardTsnChunk, Rfc3758_3_2_NoStreamsIsValid) {
  // Only unordered data was abandoned: no (stream, ssn) pairs.
  const Bytes b = from_hex("c0 00 0008 fffffffe");
  Result<ForwardTsnChunk> f = ForwardTsnChunk::parse(chunk_of(b));
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->new_cumulative_tsn, Tsn(0xfffffffe));
  EXPECT_EQ(f->count, 0u);
}

TEST(ForwardTsnChunk, Rfc3758_3_2_RoundTripFromTypedPairs) {
  const std::array<ForwardTsnChunk::SkippedStream, 3> pairs{
      {{StreamId(0), Ssn(0)}, {StreamId(7), Ssn(300)}, {StreamId(65535), Ssn(65535)}}};
  const Bytes b =
      testing::build([&](BufferWriter& w) { ForwardTsnChunk::write(w, Tsn(0x01020304), pairs); });
  EXPECT_EQ(testing::to_hex(b),
            testing::canonical_hex("c0000014 01020304 00000000 0007012c ffffffff"));
  EXPECT_EQ(b.size(), ForwardTsnChunk::size_for(3));
  Result<ForwardTsnChunk> back = ForwardTsnChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->new_cumulative_tsn, Tsn(0x01020304));
  ASSERT_EQ(back->count, pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    EXPECT_EQ(back->skipped(i).stream, pairs[i].stream) << i;
    EXPECT_EQ(back->skipped(i).ssn, pairs[i].ssn) << i;
  }
  testing::expect_reserializes_identically<ForwardTsnChunk>(b);
}

TEST(ForwardTsnChunk, Rfc3758_3_2_PartialPairIsTrailingBytes) {
  const Bytes b = from_hex("c0 00 0010 00000064 0001 0005 0002 0007");
  testing::expect_error_for_lengths<ForwardTsnChunk>(b, 9, 12, ParseError::kChunkTrailingBytes);
  testing::expect_error_for_lengths<ForwardTsnChunk>(b, 13, 16, ParseError::kChunkTrailingBytes);
}

TEST(ForwardTsnChunk, Rfc3758_3_2_ShorterThanNewCumulativeTsnIsRejected) {
  const Bytes b = from_hex("c0 00 0008 00000064");
  testing::expect_error_for_lengths<ForwardTsnChunk>(b, 4, 8, ParseError::kChunkTooShortForType);
}

TEST(ForwardTsnChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("c2 00 0008 00000064");  // I-FORWARD-TSN
  EXPECT_EQ(ForwardTsnChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

TEST(ForwardTsnChunk, ToStringNamesFields) {
  const Bytes b = from_hex("c0 00 0010 00000064 0001 0005 0002 0007");
  EXPECT_EQ(ForwardTsnChunk::parse(chunk_of(b))->to_string(),
            "FORWARD-TSN cum_tsn=100 skipped=2 [1:5 2:7]");
}

}  // namespace
}  // namespace dpsctp::wire
