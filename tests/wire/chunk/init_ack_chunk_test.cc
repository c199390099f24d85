// INIT ACK chunk (RFC 9260 §3.3.3).
#include "wire/chunk/init_ack_chunk.h"

#include "wire/param/parameter_type.h"
#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

// type 2, flags 0, length 29, Initiate Tag 0xcafef00d, a_rwnd 131072, OS 5, MIS 7,
// Initial TSN 0xfffffffe, State Cookie of 5 bytes (length 9) + 3 padding bytes.
constexpr const char* kInitAckHex =
    "02 00 001d cafef00d 00020000 0005 0007 fffffffe"
    " 0007 0009 0102030405 000000";

TEST(InitAckChunk, Rfc9260_3_3_3_ParsesAnnotatedBytes) {
  const Bytes b = from_hex(kInitAckHex);
  Result<InitAckChunk> i = InitAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(i.ok()) << to_string(i.error());
  EXPECT_EQ(i->initiate_tag, VerificationTag(0xcafef00d));
  EXPECT_EQ(i->a_rwnd, 131072u);
  EXPECT_EQ(i->outbound_streams, 5u);
  EXPECT_EQ(i->inbound_streams, 7u);
  EXPECT_EQ(i->initial_tsn, Tsn(0xfffffffe));
  ASSERT_FALSE(i->parameters().empty());
  const TlvView cookie = *i->parameters().begin();
  EXPECT_EQ(cookie.type, param_type::kStateCookie);
  EXPECT_EQ(to_hex(cookie.value()), "0102030405");
  EXPECT_EQ(i->to_string(),
            "INIT_ACK tag=0xcafef00d a_rwnd=131072 os=5 mis=7 itsn=4294967294 "
            "params=[State Cookie]");
}

TEST(InitAckChunk, Rfc9260_3_3_3_RoundTripIsByteIdentical) {
  const Bytes b = from_hex(kInitAckHex);
  Result<InitAckChunk> i = InitAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->serialized_size(), 29u);
  const Bytes out = serialize(*i);
  EXPECT_EQ(to_hex(out), to_hex(b));
  Result<InitAckChunk> back = InitAckChunk::parse(chunk_of(out));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->initiate_tag, i->initiate_tag);
  EXPECT_EQ(back->initial_tsn, i->initial_tsn);
}

TEST(InitAckChunk, Rfc9260_3_3_3_BeginLetsCallersWriteParameters) {
  const Bytes cookie = from_hex("0102030405");
  Bytes buf(64);
  BufferWriter w(buf);
  const BufferWriter::Mark m =
      InitAckChunk::begin(w, VerificationTag(0xcafef00d), 131072, 5, 7, Tsn(0xfffffffe));
  const BufferWriter::Mark p = w.begin_tlv(param_type::kStateCookie);
  w.put_bytes(cookie);
  w.end_tlv(p);
  w.end_tlv(m);
  ASSERT_TRUE(w.ok());
  buf.resize(w.size());
  EXPECT_EQ(to_hex(buf), to_hex(from_hex(kInitAckHex)));
}

TEST(InitAckChunk, Rfc9260_3_3_3_ZeroInitiateTagOrStreamsIsInvalid) {
  Bytes b = from_hex("02 00 0014 00000000 00001000 0001 0001 00000000");
  EXPECT_EQ(InitAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkInvalidField);
  b = from_hex("02 00 0014 00000001 00001000 0000 0001 00000000");
  EXPECT_EQ(InitAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkInvalidField);
  b = from_hex("02 00 0014 00000001 00001000 0001 0000 00000000");
  EXPECT_EQ(InitAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkInvalidField);
}

TEST(InitAckChunk, Rfc9260_3_3_3_ShorterThanFixedPartIsRejected) {
  for (uint16_t len = 4; len < InitAckChunk::kFixedSize; ++len) {
    Bytes b = from_hex("02 00 0014 00000001 00001000 0001 0001 00000000");
    testing::set_length(b, len);
    EXPECT_EQ(InitAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkTooShortForType) << len;
  }
}

TEST(InitAckChunk, Rfc9260_3_2_1_MalformedParametersAreRejected) {
  Bytes b = from_hex("02 00 0018 00000001 00001000 0001 0001 00000000 0007 0000");
  EXPECT_EQ(InitAckChunk::parse(chunk_of(b)).error(), ParseError::kParamLengthTooSmall);
  b = from_hex("02 00 0018 00000001 00001000 0001 0001 00000000 0007 0009");
  EXPECT_EQ(InitAckChunk::parse(chunk_of(b)).error(), ParseError::kParamLengthExceedsChunk);
  b = from_hex("02 00 0016 00000001 00001000 0001 0001 00000000 0007");
  EXPECT_EQ(InitAckChunk::parse(chunk_of(b)).error(), ParseError::kParamHeaderTruncated);
}

TEST(InitAckChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("01 00 0014 00000001 00001000 0001 0001 00000000");
  EXPECT_EQ(InitAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
