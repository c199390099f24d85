// I-FORWARD-TSN chunk (RFC 8260 §2.3).
#include "wire/ext/i_forward_tsn_chunk.h"

#include <array>

#include "ext/ext_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;

TEST(IForwardTsnChunk, Rfc8260_2_3_ParsesAnnotatedBytes) {
  // type 194, flags 0, length 24, new cumulative TSN 100,
  // (sid 1, U, MID 5), (sid 2, ordered, MID 0x01020304).
  const Bytes b = from_hex("c2 00 0018 00000064 0001 0001 00000005 0002 0000 01020304");
  Result<IForwardTsnChunk> f = IForwardTsnChunk::parse(chunk_of(b));
  ASSERT_TRUE(f.ok()) << to_string(f.error());
  EXPECT_EQ(f->new_cumulative_tsn, Tsn(100));
  ASSERT_EQ(f->count, 2u);
  EXPECT_EQ(f->skipped(0).stream, StreamId(1));
  EXPECT_TRUE(f->skipped(0).unordered);
  EXPECT_EQ(f->skipped(0).mid, Mid(5));
  EXPECT_EQ(f->skipped(1).stream, StreamId(2));
  EXPECT_FALSE(f->skipped(1).unordered);
  EXPECT_EQ(f->skipped(1).mid, Mid(0x01020304));
}

TEST(IForwardTsnChunk, Rfc8260_2_3_ReservedBitsAreIgnored) {
  const Bytes b = from_hex("c2 00 0018 00000064 0001 fffe 00000005 0002 8001 00000006");
  Result<IForwardTsnChunk> f = IForwardTsnChunk::parse(chunk_of(b));
  ASSERT_TRUE(f.ok());
  EXPECT_FALSE(f->skipped(0).unordered);
  EXPECT_TRUE(f->skipped(1).unordered);
  // A parsed view re-serialises its entries untouched.
  testing::expect_reserializes_identically<IForwardTsnChunk>(b);
}

TEST(IForwardTsnChunk, Rfc8260_2_3_RoundTripFromTypedEntries) {
  const std::array<IForwardTsnChunk::SkippedMessage, 2> entries{
      {{StreamId(9), true, Mid(0xffffffff)}, {StreamId(0x1234), false, Mid(0)}}};
  const Bytes b =
      testing::build([&](BufferWriter& w) { IForwardTsnChunk::write(w, Tsn(7), entries); });
  EXPECT_EQ(testing::to_hex(b),
            testing::canonical_hex("c2000018 00000007 00090001 ffffffff 12340000 00000000"));
  EXPECT_EQ(b.size(), IForwardTsnChunk::size_for(2));
  Result<IForwardTsnChunk> back = IForwardTsnChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->new_cumulative_tsn, Tsn(7));
  ASSERT_EQ(back->count, entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(back->skipped(i).stream, entries[i].stream) << i;
    EXPECT_EQ(back->skipped(i).unordered, entries[i].unordered) << i;
    EXPECT_EQ(back->skipped(i).mid, entries[i].mid) << i;
  }
  testing::expect_reserializes_identically<IForwardTsnChunk>(b);
}

TEST(IForwardTsnChunk, Rfc8260_2_3_PartialEntryIsTrailingBytes) {
  const Bytes b = from_hex("c2 00 0018 00000064 0001 0001 00000005 0002 0000 01020304");
  testing::expect_error_for_lengths<IForwardTsnChunk>(b, 9, 16, ParseError::kChunkTrailingBytes);
  testing::expect_error_for_lengths<IForwardTsnChunk>(b, 17, 24, ParseError::kChunkTrailingBytes);
}

TEST(IForwardTsnChunk, Rfc8260_2_3_ShorterThanNewCumulativeTsnIsRejected) {
  const Bytes b = from_hex("c2 00 0008 00000064");
  testing::expect_error_for_lengths<IForwardTsnChunk>(b, 4, 8, ParseError::kChunkTooShortForType);
  EXPECT_TRUE(IForwardTsnChunk::parse(chunk_of(b)).ok());
}

TEST(IForwardTsnChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("c0 00 0008 00000064");  // FORWARD TSN
  EXPECT_EQ(IForwardTsnChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

TEST(IForwardTsnChunk, ToStringNamesFields) {
  const Bytes b = from_hex("c2 00 0018 00000064 0001 0001 00000005 0002 0000 00000007");
  EXPECT_EQ(IForwardTsnChunk::parse(chunk_of(b))->to_string(),
            "I-FORWARD-TSN cum_tsn=100 skipped=2 [1:U5 2:7]");
}

}  // namespace
}  // namespace dpsctp::wire
