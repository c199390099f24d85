// Success Indication parameter (RFC 5061 §4.2.5).
#include "wire/param/success_indication_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(SuccessIndicationParameter, Rfc5061_4_2_5_ParsesAnnotatedBytes) {
  // type 0xC005, length 8, correlation id 7.
  const Bytes b = from_hex("c005 0008 00000007");
  Result<SuccessIndicationParameter> p = SuccessIndicationParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->correlation_id, 7u);
  EXPECT_EQ(p->to_string(), "Success Indication id=7");
  EXPECT_EQ(reserialized_hex<SuccessIndicationParameter>(b), "c005000800000007");
}

TEST(SuccessIndicationParameter, Rfc5061_4_2_5_RoundTrip) {
  SuccessIndicationParameter p;
  p.correlation_id = 0x89abcdef;
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b), "c005000889abcdef");
  Result<SuccessIndicationParameter> back = SuccessIndicationParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->correlation_id, p.correlation_id);
}

TEST(SuccessIndicationParameter, Rfc5061_4_2_5_MalformedLengths) {
  Bytes b = from_hex("c005 000c 00000007 00000000");
  EXPECT_EQ(parse_error_of<SuccessIndicationParameter>(b), ParseError::kParamLengthMismatch);
  testing::set_length(b, 7);
  EXPECT_EQ(parse_error_of<SuccessIndicationParameter>(b), ParseError::kParamTooShortForType);
}

TEST(SuccessIndicationParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<SuccessIndicationParameter>(from_hex("c003 0008 00000007")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
