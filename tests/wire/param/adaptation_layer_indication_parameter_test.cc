// Adaptation Layer Indication parameter (RFC 5061 §4.2.6).
#include "wire/param/adaptation_layer_indication_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(AdaptationLayerIndicationParameter, Rfc5061_4_2_6_ParsesAnnotatedBytes) {
  // type 0xC006, length 8, code point 1.
  const Bytes b = from_hex("c006 0008 00000001");
  Result<AdaptationLayerIndicationParameter> p =
      AdaptationLayerIndicationParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->code_point, 1u);
  EXPECT_EQ(p->to_string(), "Adaptation Layer Indication 0x00000001");
  EXPECT_EQ(reserialized_hex<AdaptationLayerIndicationParameter>(b), "c006000800000001");
}

TEST(AdaptationLayerIndicationParameter, Rfc5061_4_2_6_RoundTrip) {
  AdaptationLayerIndicationParameter p;
  p.code_point = 0xa1b2c3d4;
  EXPECT_EQ(p.serialized_size(), 8u);
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b), "c0060008a1b2c3d4");
  Result<AdaptationLayerIndicationParameter> back =
      AdaptationLayerIndicationParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->code_point, p.code_point);
}

TEST(AdaptationLayerIndicationParameter, Rfc5061_4_2_6_MalformedLengths) {
  Bytes b = from_hex("c006 000c 00000001 00000000");
  EXPECT_EQ(parse_error_of<AdaptationLayerIndicationParameter>(b),
            ParseError::kParamLengthMismatch);
  testing::set_length(b, 5);
  EXPECT_EQ(parse_error_of<AdaptationLayerIndicationParameter>(b),
            ParseError::kParamTooShortForType);
}

TEST(AdaptationLayerIndicationParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<AdaptationLayerIndicationParameter>(from_hex("c005 0008 00000001")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
