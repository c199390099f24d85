// Forward-TSN-Supported parameter (RFC 3758 §3.1).
#include "wire/param/forward_tsn_supported_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::from_hex;

TEST(ForwardTsnSupportedParameter, Rfc3758_3_1_ParsesAndRoundTrips) {
  // type 0xC000, length 4, no value.
  const testing::Bytes b = from_hex("c000 0004");
  Result<ForwardTsnSupportedParameter> p = ForwardTsnSupportedParameter::parse(testing::tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->to_string(), "Forward-TSN Supported");
  EXPECT_EQ(reserialized_hex<ForwardTsnSupportedParameter>(b), "c0000004");
  EXPECT_EQ(testing::to_hex(testing::serialize(ForwardTsnSupportedParameter{})), "c0000004");
}

TEST(ForwardTsnSupportedParameter, Rfc3758_3_1_ValueRejected) {
  EXPECT_EQ(parse_error_of<ForwardTsnSupportedParameter>(from_hex("c000 0008 00000000")),
            ParseError::kParamLengthMismatch);
}

TEST(ForwardTsnSupportedParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<ForwardTsnSupportedParameter>(from_hex("8000 0004")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
