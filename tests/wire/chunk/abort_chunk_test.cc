// ABORT chunk (RFC 9260 §3.3.7).
#include "wire/chunk/abort_chunk.h"

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

// type 6, flags T, length 16: Invalid Stream Identifier (sid 5, length 8) and
// User-Initiated Abort without upper-layer reason (length 4).
constexpr const char* kAbortHex = "06 01 0010 0001 0008 0005 0000 000c 0004";

TEST(AbortChunk, Rfc9260_3_3_7_ParsesAnnotatedBytes) {
  const Bytes b = from_hex(kAbortHex);
  Result<AbortChunk> a = AbortChunk::parse(chunk_of(b));
  ASSERT_TRUE(a.ok()) << to_string(a.error());
  EXPECT_TRUE(a->tag_reflected);
  std::vector<uint16_t> codes;
  for (const TlvView& c : a->causes()) codes.push_back(c.type);
  EXPECT_EQ(codes, (std::vector<uint16_t>{cause_code::kInvalidStreamIdentifier,
                                          cause_code::kUserInitiatedAbort}));
  EXPECT_EQ(a->to_string(), "ABORT T=1 causes=[Invalid Stream Identifier, User-Initiated Abort]");
}

TEST(AbortChunk, Rfc9260_3_3_7_RoundTripIsByteIdentical) {
  const Bytes b = from_hex(kAbortHex);
  Result<AbortChunk> a = AbortChunk::parse(chunk_of(b));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->serialized_size(), 16u);
  EXPECT_EQ(to_hex(serialize(*a)), to_hex(b));
}

TEST(AbortChunk, Rfc9260_3_3_7_BeginLetsCallersWriteCauses) {
  Bytes buf(32);
  BufferWriter w(buf);
  const BufferWriter::Mark m = AbortChunk::begin(w, /*tag_reflected=*/false);
  InvalidStreamIdentifierCause c;
  c.stream = StreamId(5);
  c.serialize_to(w);
  w.end_tlv(m);
  ASSERT_TRUE(w.ok());
  buf.resize(w.size());
  EXPECT_EQ(to_hex(buf), "0600000c0001000800050000");
  Result<AbortChunk> back = AbortChunk::parse(chunk_of(buf));
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->tag_reflected);
  EXPECT_EQ(back->causes().begin()->type, cause_code::kInvalidStreamIdentifier);
}

TEST(AbortChunk, Rfc9260_3_3_7_NoCausesIsValid) {
  const Bytes b = from_hex("06 00 0004");
  Result<AbortChunk> a = AbortChunk::parse(chunk_of(b));
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->causes().empty());
  EXPECT_EQ(a->to_string(), "ABORT T=0 causes=[]");
  EXPECT_EQ(to_hex(serialize(*a)), "06000004");
}

TEST(AbortChunk, Rfc9260_3_3_7_ReservedFlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("06 fe 0004");
  Result<AbortChunk> a = AbortChunk::parse(chunk_of(b));
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->tag_reflected);
  EXPECT_EQ(to_hex(serialize(*a)), "06000004");
}

TEST(AbortChunk, Rfc9260_3_3_10_MalformedCausesAreRejected) {
  Bytes b = from_hex("06 00 0006 0001");
  EXPECT_EQ(AbortChunk::parse(chunk_of(b)).error(), ParseError::kCauseHeaderTruncated);
  b = from_hex("06 00 0008 000c 0002");
  EXPECT_EQ(AbortChunk::parse(chunk_of(b)).error(), ParseError::kCauseLengthTooSmall);
  b = from_hex("06 00 000c 0001 000c 0005 0000");
  EXPECT_EQ(AbortChunk::parse(chunk_of(b)).error(), ParseError::kCauseLengthExceedsChunk);
}

TEST(AbortChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("09 00 0004");
  EXPECT_EQ(AbortChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
