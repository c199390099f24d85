// ASCONF-ACK chunk (RFC 5061 §4.1.2).
#include "wire/ext/asconf_ack_chunk.h"

#include "ext/ext_test_util.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::RawParameter;

TEST(AsconfAckChunk, Rfc5061_4_1_2_ParsesAnnotatedBytes) {
  // type 0x80, flags 0, length 28, serial 7, Success Indication (correlation 1),
  // Error Cause Indication (correlation 2, cause 0x00A1 "Operation Refused Due to Resource
  // Shortage").
  const Bytes b = from_hex("80 00 001c 00000007 c005 0008 00000001 c003 000c 00000002 00a1 0004");
  Result<AsconfAckChunk> a = AsconfAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(a.ok()) << to_string(a.error());
  EXPECT_EQ(a->serial_number, 7u);
  ASSERT_EQ(a->parameters.size(), 20u);
  auto it = a->params().begin();
  EXPECT_EQ(it->type, param_type::kSuccessIndication);
  ++it;
  EXPECT_EQ(it->type, param_type::kErrorCauseIndication);
  EXPECT_EQ(it->length, 12u);
  EXPECT_EQ(++it, a->params().end());
  EXPECT_EQ(a->serialized_size(), 28u);
  EXPECT_EQ(a->to_string(), "ASCONF-ACK serial=7 [Success Indication, Error Cause Indication]");
  testing::expect_reserializes_identically<AsconfAckChunk>(b);
}

TEST(AsconfAckChunk, Rfc5061_4_2_5_NoResponsesIsValid) {
  const Bytes b = from_hex("80 00 0008 12345678");
  Result<AsconfAckChunk> a = AsconfAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->serial_number, 0x12345678u);
  EXPECT_TRUE(a->params().empty());
  EXPECT_EQ(a->to_string(), "ASCONF-ACK serial=305419896 []");
}

TEST(AsconfAckChunk, Rfc5061_4_1_2_RoundTripFromTypedParameters) {
  const RawParameter success{param_type::kSuccessIndication, from_hex("00000009")};
  const Bytes b =
      testing::build([&](BufferWriter& w) { AsconfAckChunk::write(w, 0x80000001, success); });
  EXPECT_EQ(testing::to_hex(b), testing::canonical_hex("80000010 80000001 c0050008 00000009"));
  Result<AsconfAckChunk> back = AsconfAckChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->serial_number, 0x80000001u);
  EXPECT_EQ(back->params().begin()->type, param_type::kSuccessIndication);
  testing::expect_reserializes_identically<AsconfAckChunk>(b);
  EXPECT_EQ(testing::to_hex(testing::build([](BufferWriter& w) { AsconfAckChunk::write(w, 3); })),
            "8000000800000003");
}

TEST(AsconfAckChunk, Rfc5061_4_1_2_ShorterThanSerialNumberIsRejected) {
  const Bytes b = from_hex("80 00 0008 00000007");
  testing::expect_error_for_lengths<AsconfAckChunk>(b, 4, AsconfAckChunk::kHeaderSize,
                                                    ParseError::kChunkTooShortForType);
}

TEST(AsconfAckChunk, Rfc9260_3_2_1_MalformedResponsesAreRejected) {
  EXPECT_EQ(AsconfAckChunk::parse(chunk_of(from_hex("80 00 000a 00000007 c005 00"))).error(),
            ParseError::kParamHeaderTruncated);
  EXPECT_EQ(AsconfAckChunk::parse(chunk_of(from_hex("80 00 000c 00000007 c005 0003"))).error(),
            ParseError::kParamLengthTooSmall);
  EXPECT_EQ(AsconfAckChunk::parse(chunk_of(from_hex("80 00 000c 00000007 c005 0008"))).error(),
            ParseError::kParamLengthExceedsChunk);
}

TEST(AsconfAckChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("c1 00 0008 00000007");  // ASCONF
  EXPECT_EQ(AsconfAckChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
