// I-DATA chunk (RFC 8260 §2.1).
#include "wire/ext/i_data_chunk.h"

#include <algorithm>

#include "ext/ext_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;

TEST(IDataChunk, Rfc8260_2_1_ParsesFirstFragmentWithPpid) {
  // type 64, flags U|B, length 23, TSN 0x01020304, sid 7, reserved, MID 9, PPID 60 (NGAP),
  // "abc", one byte of padding.
  const Bytes b = from_hex("40 06 0017 01020304 0007 0000 00000009 0000003c 616263 00");
  Result<IDataChunk> d = IDataChunk::parse(chunk_of(b));
  ASSERT_TRUE(d.ok()) << to_string(d.error());
  EXPECT_EQ(d->tsn, Tsn(0x01020304));
  EXPECT_EQ(d->stream, StreamId(7));
  EXPECT_EQ(d->mid, Mid(9));
  EXPECT_EQ(d->ppid, ppid::kNgap);
  EXPECT_EQ(d->fsn, Fsn(0));  // B set: the first fragment, FSN 0
  EXPECT_TRUE(d->unordered);
  EXPECT_TRUE(d->beginning);
  EXPECT_FALSE(d->ending);
  EXPECT_FALSE(d->immediate);
  ASSERT_EQ(d->payload.size(), 3u);
  EXPECT_EQ(d->payload[0], std::byte{'a'});
  EXPECT_EQ(d->payload[2], std::byte{'c'});
}

TEST(IDataChunk, Rfc8260_2_1_ParsesLaterFragmentWithFsn) {
  // flags I|E (no B): the union field is the FSN, 0x10000 here.
  const Bytes b = from_hex("40 09 0015 00000010 0003 0000 ffffffff 00010000 ee");
  Result<IDataChunk> d = IDataChunk::parse(chunk_of(b));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->mid, Mid(0xffffffff));
  EXPECT_EQ(d->fsn, Fsn(0x10000));
  EXPECT_EQ(d->ppid, Ppid(0));
  EXPECT_FALSE(d->beginning);
  EXPECT_TRUE(d->ending);
  EXPECT_TRUE(d->immediate);
  EXPECT_FALSE(d->unordered);
  EXPECT_EQ(d->flags(), 0x09);
}

TEST(IDataChunk, Rfc8260_2_1_ReservedFieldIsIgnoredAndWrittenAsZero) {
  const Bytes b = from_hex("40 03 0015 00000001 0002 abcd 00000003 00000004 ff");
  Result<IDataChunk> d = IDataChunk::parse(chunk_of(b));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->stream, StreamId(2));
  EXPECT_EQ(d->mid, Mid(3));
  EXPECT_EQ(testing::to_hex(serialize(*d)),
            testing::canonical_hex("40030015 00000001 00020000 00000003 00000004 ff000000"));
}

TEST(IDataChunk, Rfc8260_2_1_RoundTripFirstAndLaterFragments) {
  const Bytes payload = from_hex("0102030405");
  IDataChunk d;
  d.tsn = Tsn(0xfffffffe);
  d.stream = StreamId(65535);
  d.mid = Mid(0x80000000);
  d.ppid = ppid::kDiameter;
  d.fsn = Fsn(77);  // not on the wire: B is set
  d.ending = false;
  d.payload = payload;
  Bytes b = serialize(d);
  EXPECT_EQ(d.serialized_size(), 25u);
  EXPECT_EQ(
      testing::to_hex(b),
      testing::canonical_hex("40020019 fffffffe ffff0000 80000000 0000002e 0102030405000000"));
  Result<IDataChunk> back = IDataChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->ppid, d.ppid);
  EXPECT_EQ(back->fsn, Fsn(0));
  EXPECT_EQ(back->flags(), d.flags());
  EXPECT_TRUE(
      std::equal(back->payload.begin(), back->payload.end(), payload.begin(), payload.end()));
  testing::expect_reserializes_identically<IDataChunk>(b);

  d.beginning = false;  // now the field carries the FSN
  b = serialize(d);
  EXPECT_EQ(testing::to_hex(b).substr(32, 8), "0000004d");
  back = IDataChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->fsn, Fsn(77));
  EXPECT_EQ(back->ppid, Ppid(0));
  EXPECT_EQ(back->mid, d.mid);
  EXPECT_EQ(back->tsn, d.tsn);
  EXPECT_EQ(back->stream, d.stream);
}

TEST(IDataChunk, Rfc8260_2_1_FlagsAreTheDataFlags) {
  EXPECT_EQ(IDataChunk::kFlagEnding, 0x01);
  EXPECT_EQ(IDataChunk::kFlagBeginning, 0x02);
  EXPECT_EQ(IDataChunk::kFlagUnordered, 0x04);
  EXPECT_EQ(IDataChunk::kFlagImmediate, 0x08);
  // Reserved flag bits are ignored on receipt.
  const Bytes b = from_hex("40 f3 0015 00000001 0002 0000 00000003 00000004 ff");
  EXPECT_EQ(IDataChunk::parse(chunk_of(b))->flags(), 0x03);
}

TEST(IDataChunk, Rfc9260_6_2_EmptyUserDataIsNoUserDataError) {
  const Bytes b = from_hex("40 03 0014 00000001 0000 0000 00000000 00000000");
  EXPECT_EQ(IDataChunk::parse(chunk_of(b)).error(), ParseError::kChunkNoUserData);
}

TEST(IDataChunk, Rfc8260_2_1_ShorterThanTwentyBytesIsRejected) {
  const Bytes b = from_hex("40 03 0014 00000001 0000 0000 00000000 00000000");
  testing::expect_error_for_lengths<IDataChunk>(b, 4, IDataChunk::kHeaderSize,
                                                ParseError::kChunkTooShortForType);
}

TEST(IDataChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("00 03 0015 00000001 0000 0000 00000000 00000000 aa");  // DATA
  EXPECT_EQ(IDataChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

TEST(IDataChunk, ToStringNamesPpidOrFsn) {
  const Bytes first = from_hex("40 03 0015 0000002a 0001 0000 00000002 0000003c ff");
  EXPECT_EQ(IDataChunk::parse(chunk_of(first))->to_string(),
            "I-DATA tsn=42 sid=1 mid=2 ppid=60 flags=BE len=1");
  const Bytes later = from_hex("40 04 0015 0000002b 0001 0000 00000002 00000001 ff");
  EXPECT_EQ(IDataChunk::parse(chunk_of(later))->to_string(),
            "I-DATA tsn=43 sid=1 mid=2 fsn=1 flags=U len=1");
}

}  // namespace
}  // namespace dpsctp::wire
