// SACK chunk (RFC 9260 §3.3.4).
#include "wire/chunk/sack_chunk.h"

#include <vector>

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

// type 3, flags 0, length 28, Cumulative TSN Ack 100, a_rwnd 65535, 2 gap blocks, 1 dup:
// blocks 2-3 and 5-7 (TSNs 102-103 and 105-107 received), duplicate TSN 101.
constexpr const char* kSackHex =
    "03 00 001c 00000064 0000ffff 0002 0001"
    " 0002 0003 0005 0007"
    " 00000065";

TEST(SackChunk, Rfc9260_3_3_4_ParsesLinuxCapture) {
  // Bytes of a SACK captured from the Linux kernel SCTP stack: no gaps, no duplicates.
  const Bytes b = from_hex("03000010 d330d3ad 00019ffa 00000000");
  Result<SackChunk> s = SackChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok()) << to_string(s.error());
  EXPECT_EQ(s->cum_tsn_ack, Tsn(3543192493u));
  EXPECT_EQ(s->a_rwnd, 106490u);
  EXPECT_EQ(s->num_gap_blocks, 0u);
  EXPECT_EQ(s->num_dup_tsns, 0u);
  EXPECT_TRUE(s->gap_blocks.empty());
  EXPECT_TRUE(s->dup_tsns.empty());
  EXPECT_EQ(to_hex(serialize(*s)), to_hex(b));
  EXPECT_EQ(s->to_string(), "SACK cum_tsn=3543192493 a_rwnd=106490 gaps=[] dups=[]");
}

TEST(SackChunk, Rfc9260_3_3_4_ParsesAnnotatedBytesWithGapsAndDups) {
  const Bytes b = from_hex(kSackHex);
  Result<SackChunk> s = SackChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok()) << to_string(s.error());
  EXPECT_EQ(s->cum_tsn_ack, Tsn(100));
  EXPECT_EQ(s->a_rwnd, 65535u);
  ASSERT_EQ(s->num_gap_blocks, 2u);
  ASSERT_EQ(s->num_dup_tsns, 1u);
  EXPECT_EQ(s->gap_block(0), (GapAckBlock{2, 3}));
  EXPECT_EQ(s->gap_block(1), (GapAckBlock{5, 7}));
  EXPECT_EQ(s->dup_tsn(0), Tsn(101));
  EXPECT_EQ(s->to_string(), "SACK cum_tsn=100 a_rwnd=65535 gaps=[2-3,5-7] dups=[101]");
}

TEST(SackChunk, Rfc9260_3_3_4_RoundTripWithGapsAndDups) {
  const std::vector<GapAckBlock> gaps = {{2, 3}, {5, 7}};
  const std::vector<Tsn> dups = {Tsn(101)};
  Bytes buf(64);
  BufferWriter w(buf);
  SackChunk::write(w, Tsn(100), 65535, gaps, dups);
  ASSERT_TRUE(w.ok());
  buf.resize(w.size());
  EXPECT_EQ(to_hex(buf), to_hex(from_hex(kSackHex)));
  EXPECT_EQ(SackChunk::size_for(gaps.size(), dups.size()), buf.size());
  Result<SackChunk> s = SackChunk::parse(chunk_of(buf));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->serialized_size(), 28u);
  for (size_t i = 0; i < gaps.size(); ++i) EXPECT_EQ(s->gap_block(i), gaps[i]);
  EXPECT_EQ(s->dup_tsn(0), dups[0]);
  EXPECT_EQ(to_hex(serialize(*s)), to_hex(buf));  // a parsed view re-serialises verbatim
}

TEST(SackChunk, Rfc9260_3_3_4_WriteFailsWhenTheChunkLengthOverflows) {
  const std::vector<Tsn> dups(16380, Tsn(1));  // 16 + 4 * 16380 = 65536 > 65535
  Bytes buf(70000);
  BufferWriter w(buf);
  SackChunk::write(w, Tsn(1), 0, {}, dups);
  EXPECT_FALSE(w.ok());
}

TEST(SackChunk, Rfc9260_3_3_4_CountsMustMatchLength) {
  // One gap block announced, none present.
  Bytes b = from_hex("03 00 0010 00000064 0000ffff 0001 0000");
  EXPECT_EQ(SackChunk::parse(chunk_of(b)).error(), ParseError::kChunkCountMismatch);
  // No duplicates announced, one present.
  b = from_hex("03 00 0014 00000064 0000ffff 0000 0000 00000065");
  EXPECT_EQ(SackChunk::parse(chunk_of(b)).error(), ParseError::kChunkCountMismatch);
  // Two duplicates announced, one present.
  b = from_hex("03 00 0014 00000064 0000ffff 0000 0002 00000065");
  EXPECT_EQ(SackChunk::parse(chunk_of(b)).error(), ParseError::kChunkCountMismatch);
  // One gap block plus 2 stray bytes (length not a multiple of 4).
  b = from_hex("03 00 0016 00000064 0000ffff 0001 0000 0001 0002 abcd");
  EXPECT_EQ(SackChunk::parse(chunk_of(b)).error(), ParseError::kChunkCountMismatch);
}

TEST(SackChunk, Rfc9260_3_3_4_ShorterThanFixedPartIsRejected) {
  for (uint16_t len = 4; len < SackChunk::kFixedSize; ++len) {
    Bytes b = from_hex("03 00 0010 00000064 0000ffff 0000 0000");
    testing::set_length(b, len);
    EXPECT_EQ(SackChunk::parse(chunk_of(b)).error(), ParseError::kChunkTooShortForType) << len;
  }
}

TEST(SackChunk, Rfc9260_3_3_4_FlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("03 ff 0010 00000064 0000ffff 0000 0000");
  Result<SackChunk> s = SackChunk::parse(chunk_of(b));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(serialize(*s)[1], std::byte{0});
}

TEST(SackChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("07 00 0010 00000064 0000ffff 0000 0000");
  EXPECT_EQ(SackChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
