// ERROR chunk (RFC 9260 §3.3.10).
#include "wire/chunk/error_chunk.h"

#include <vector>

#include "wire/cause/cause_code.h"
#include "wire/cause/invalid_stream_identifier_cause.h"
#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

// type 9, flags 0, length 17: Out of Resource (length 4), then Unrecognized Chunk Type
// (length 9) quoting a 5-byte chunk of type 0xfa; its 3 padding bytes are not counted
// by either length (§3.2).
constexpr const char* kErrorHex = "09 00 0011 0004 0004 0006 0009 fa000005 ee 000000";

TEST(ErrorChunk, Rfc9260_3_3_10_ParsesAnnotatedBytes) {
  const Bytes b = from_hex(kErrorHex);
  Result<ErrorChunk> e = ErrorChunk::parse(chunk_of(b));
  ASSERT_TRUE(e.ok()) << to_string(e.error());
  std::vector<uint16_t> codes;
  std::vector<size_t> lengths;
  for (const TlvView& c : e->causes()) {
    codes.push_back(c.type);
    lengths.push_back(c.length);
  }
  EXPECT_EQ(codes, (std::vector<uint16_t>{cause_code::kOutOfResource,
                                          cause_code::kUnrecognizedChunkType}));
  EXPECT_EQ(lengths, (std::vector<size_t>{4, 9}));
  EXPECT_EQ(e->to_string(), "ERROR causes=[Out of Resource, Unrecognized Chunk Type]");
}

TEST(ErrorChunk, Rfc9260_3_3_10_RoundTripIsByteIdentical) {
  const Bytes b = from_hex(kErrorHex);
  Result<ErrorChunk> e = ErrorChunk::parse(chunk_of(b));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->serialized_size(), 17u);
  EXPECT_EQ(to_hex(serialize(*e)), to_hex(b));
}

TEST(ErrorChunk, Rfc9260_3_3_10_BeginLetsCallersWriteCauses) {
  Bytes buf(32);
  BufferWriter w(buf);
  const BufferWriter::Mark m = ErrorChunk::begin(w);
  InvalidStreamIdentifierCause c;
  c.stream = StreamId(0x1234);
  c.serialize_to(w);
  w.end_tlv(m);
  ASSERT_TRUE(w.ok());
  buf.resize(w.size());
  EXPECT_EQ(to_hex(buf), "0900000c0001000812340000");
  Result<ErrorChunk> back = ErrorChunk::parse(chunk_of(buf));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->causes().begin()->type, cause_code::kInvalidStreamIdentifier);
}

TEST(ErrorChunk, Rfc9260_3_3_10_NoCausesIsAcceptedStructurally) {
  // "one or more Error Causes": our documented choice is to accept an empty ERROR.
  const Bytes b = from_hex("09 00 0004");
  Result<ErrorChunk> e = ErrorChunk::parse(chunk_of(b));
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->causes().empty());
  EXPECT_EQ(to_hex(serialize(*e)), "09000004");
}

TEST(ErrorChunk, Rfc9260_3_3_10_FlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("09 ff 0008 0004 0004");
  Result<ErrorChunk> e = ErrorChunk::parse(chunk_of(b));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(to_hex(serialize(*e)), "0900000800040004");
}

TEST(ErrorChunk, Rfc9260_3_3_10_MalformedCausesAreRejected) {
  Bytes b = from_hex("09 00 0007 000400");
  EXPECT_EQ(ErrorChunk::parse(chunk_of(b)).error(), ParseError::kCauseHeaderTruncated);
  b = from_hex("09 00 0008 0004 0000");
  EXPECT_EQ(ErrorChunk::parse(chunk_of(b)).error(), ParseError::kCauseLengthTooSmall);
  b = from_hex("09 00 0008 0004 0005");
  EXPECT_EQ(ErrorChunk::parse(chunk_of(b)).error(), ParseError::kCauseLengthExceedsChunk);
}

TEST(ErrorChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("06 00 0008 0004 0004");
  EXPECT_EQ(ErrorChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
