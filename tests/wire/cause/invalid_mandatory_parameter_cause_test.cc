// Invalid Mandatory Parameter error cause (RFC 9260 §3.3.10.7).
#include "wire/cause/invalid_mandatory_parameter_cause.h"

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {

TEST(InvalidMandatoryParameterCause, Rfc9260_3_3_10_7_HeaderOnlyRoundTripAndMalformed) {
  // code 0007, Cause Length 4: no Cause-Specific Information.
  testing::expect_empty_cause<InvalidMandatoryParameterCause>(testing::from_hex("0007 0004"));
  EXPECT_EQ(InvalidMandatoryParameterCause{}.to_string(), "Invalid Mandatory Parameter");
  EXPECT_EQ(testing::to_hex(testing::serialize(InvalidMandatoryParameterCause{})), "00070004");
}

}  // namespace
}  // namespace dpsctp::wire
