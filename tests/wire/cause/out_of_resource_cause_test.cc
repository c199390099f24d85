// Out of Resource error cause (RFC 9260 §3.3.10.4).
#include "wire/cause/out_of_resource_cause.h"

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {

TEST(OutOfResourceCause, Rfc9260_3_3_10_4_HeaderOnlyRoundTripAndMalformed) {
  // code 0004, Cause Length 4: no Cause-Specific Information.
  testing::expect_empty_cause<OutOfResourceCause>(testing::from_hex("0004 0004"));
  EXPECT_EQ(OutOfResourceCause{}.to_string(), "Out of Resource");
  EXPECT_EQ(testing::to_hex(testing::serialize(OutOfResourceCause{})), "00040004");
}

}  // namespace
}  // namespace dpsctp::wire
