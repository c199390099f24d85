// Error Cause Indication parameter (RFC 5061 §4.2.3).
#include "wire/param/error_cause_indication_parameter.h"

#include <vector>

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(ErrorCauseIndicationParameter, Rfc5061_4_2_3_ParsesAnnotatedBytes) {
  // type 0xC003, length 18, correlation id 7, then two causes:
  //   0x00A1 "Operation Refused Due to Resource Shortage", length 4;
  //   13 "Protocol Violation", length 6, info abcd (+ 2 padding bytes, not counted).
  const Bytes b = from_hex("c003 0012 00000007  00a1 0004  000d 0006 abcd 0000");
  Result<ErrorCauseIndicationParameter> p = ErrorCauseIndicationParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->correlation_id, 7u);
  EXPECT_EQ(p->cause_count, 2u);
  std::vector<uint16_t> codes;
  for (const TlvView& c : p->causes()) codes.push_back(c.type);
  EXPECT_EQ(codes, (std::vector<uint16_t>{0x00a1, 0x000d}));
  EXPECT_EQ(p->to_string(), "Error Cause Indication id=7 causes=2");
  EXPECT_EQ(reserialized_hex<ErrorCauseIndicationParameter>(b), testing::to_hex(b));
}

TEST(ErrorCauseIndicationParameter, Rfc5061_4_2_3_RoundTrip) {
  const Bytes causes = from_hex("00a4 0008 c0010010");  // Refused - No Authorization
  ErrorCauseIndicationParameter p;
  p.correlation_id = 0xfffffffe;
  p.cause_area = causes;
  p.cause_count = 1;
  EXPECT_EQ(p.serialized_size(), 16u);
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b),
            "c0030010"
            "fffffffe"
            "00a40008c0010010");
  Result<ErrorCauseIndicationParameter> back = ErrorCauseIndicationParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->correlation_id, p.correlation_id);
  EXPECT_EQ(back->cause_count, 1u);
  EXPECT_EQ(back->causes().begin()->type, 0x00a4);
}

TEST(ErrorCauseIndicationParameter, Rfc5061_4_2_3_NoCauseIsWellFormed) {
  const Bytes b = from_hex("c003 0008 00000007");
  Result<ErrorCauseIndicationParameter> p = ErrorCauseIndicationParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->cause_count, 0u);
  EXPECT_TRUE(p->causes().empty());
}

TEST(ErrorCauseIndicationParameter, Rfc9260_3_3_10_MalformedCausesRejected) {
  // Cause length below 4.
  EXPECT_EQ(parse_error_of<ErrorCauseIndicationParameter>(from_hex("c003 000c 00000007 00a1 0002")),
            ParseError::kCauseLengthTooSmall);
  // Cause length past the end of the parameter.
  EXPECT_EQ(parse_error_of<ErrorCauseIndicationParameter>(from_hex("c003 000c 00000007 00a1 0010")),
            ParseError::kCauseLengthExceedsChunk);
  // Two bytes left: not even a cause header.
  EXPECT_EQ(parse_error_of<ErrorCauseIndicationParameter>(
                from_hex("c003 000e 00000007 00a1 0004 000d 0000")),
            ParseError::kCauseHeaderTruncated);
}

TEST(ErrorCauseIndicationParameter, Rfc5061_4_2_3_TooShortForCorrelationId) {
  Bytes b = from_hex("c003 0008 00000007");
  testing::set_length(b, 6);
  EXPECT_EQ(parse_error_of<ErrorCauseIndicationParameter>(b), ParseError::kParamTooShortForType);
}

TEST(ErrorCauseIndicationParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<ErrorCauseIndicationParameter>(from_hex("c005 0008 00000007")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
