// Cookie Received While Shutting Down error cause (RFC 9260 §3.3.10.10).
#include "wire/cause/cookie_received_while_shutting_down_cause.h"

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {

TEST(CookieReceivedWhileShuttingDownCause, Rfc9260_3_3_10_10_HeaderOnlyRoundTripAndMalformed) {
  // code 000a, Cause Length 4: no Cause-Specific Information.
  testing::expect_empty_cause<CookieReceivedWhileShuttingDownCause>(testing::from_hex("000a 0004"));
  EXPECT_EQ(CookieReceivedWhileShuttingDownCause{}.to_string(),
            "Cookie Received While Shutting Down");
  EXPECT_EQ(testing::to_hex(testing::serialize(CookieReceivedWhileShuttingDownCause{})),
            "000a0004");
}

}  // namespace
}  // namespace dpsctp::wire
