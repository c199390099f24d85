// DATA chunk (RFC 9260 §3.3.1).
#include "wire/chunk/data_chunk.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;

TEST(DataChunk, Rfc9260_3_3_1_ParsesAnnotatedBytes) {
  // type 0, flags U|B|E, length 19, TSN 0x01020304, sid 7, ssn 9, ppid 18 (S1AP), "abc".
  const Bytes b = from_hex("00 07 0013 01020304 0007 0009 00000012 616263 00");
  Result<DataChunk> d = DataChunk::parse(chunk_of(b));
  ASSERT_TRUE(d.ok()) << to_string(d.error());
  EXPECT_EQ(d->tsn, Tsn(0x01020304));
  EXPECT_EQ(d->stream, StreamId(7));
  EXPECT_EQ(d->ssn, Ssn(9));
  EXPECT_EQ(d->ppid, ppid::kS1ap);
  EXPECT_TRUE(d->unordered);
  EXPECT_TRUE(d->beginning);
  EXPECT_TRUE(d->ending);
  EXPECT_FALSE(d->immediate);
  ASSERT_EQ(d->payload.size(), 3u);
  EXPECT_EQ(d->payload[2], std::byte{'c'});
}

TEST(DataChunk, Rfc9260_3_3_1_RoundTripPadsToFourBytes) {
  const Bytes payload = from_hex("0102030405");
  DataChunk d;
  d.tsn = Tsn(0xFFFFFFFF);
  d.stream = StreamId(65535);
  d.ssn = Ssn(65535);
  d.ppid = ppid::kDiameter;
  d.beginning = false;
  d.ending = true;
  d.immediate = true;
  d.payload = payload;
  const Bytes b = serialize(d);
  ASSERT_EQ(b.size(), 24u);  // 16 + 5, padded to 24
  EXPECT_EQ(d.serialized_size(), 21u);
  EXPECT_EQ(b[3], std::byte{21});  // length excludes padding (§3.2)
  Result<DataChunk> back = DataChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->tsn, d.tsn);
  EXPECT_EQ(back->stream, d.stream);
  EXPECT_EQ(back->ssn, d.ssn);
  EXPECT_EQ(back->ppid, d.ppid);
  EXPECT_EQ(back->flags(), d.flags());
  EXPECT_TRUE(std::equal(back->payload.begin(), back->payload.end(), payload.begin()));
}

TEST(DataChunk, Rfc9260_6_2_EmptyUserDataIsNoUserDataError) {
  const Bytes b = from_hex("00 03 0010 00000001 0000 0000 00000000");
  EXPECT_EQ(DataChunk::parse(chunk_of(b)).error(), ParseError::kChunkNoUserData);
}

TEST(DataChunk, ShorterThanFixedPartIsRejected) {
  for (uint16_t len = 4; len < DataChunk::kHeaderSize; ++len) {
    Bytes b = from_hex("00 03 0010 00000001 0000 0000 00000000");
    testing::set_length(b, len);
    EXPECT_EQ(DataChunk::parse(chunk_of(b)).error(), ParseError::kChunkTooShortForType) << len;
  }
}

TEST(DataChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("01 03 0011 00000001 0000 0000 00000000 aa");
  EXPECT_EQ(DataChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

TEST(DataChunk, ToStringNamesFields) {
  const Bytes b = from_hex("00 03 0011 0000002a 0001 0002 0000003c ff");
  EXPECT_EQ(DataChunk::parse(chunk_of(b))->to_string(),
            "DATA tsn=42 sid=1 ssn=2 ppid=60 flags=BE len=1");
}

}  // namespace
}  // namespace dpsctp::wire
