// Association Aborted Due to Illegal ASCONF-ACK error cause (RFC 5061 §4.3.4).
#include "wire/cause/illegal_asconf_ack_cause.h"

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {

TEST(IllegalAsconfAckCause, Rfc5061_4_3_4_HeaderOnlyRoundTripAndMalformed) {
  // code 00a3, Cause Length 4: no Cause-Specific Information.
  testing::expect_empty_cause<IllegalAsconfAckCause>(testing::from_hex("00a3 0004"));
  EXPECT_EQ(IllegalAsconfAckCause{}.to_string(), "Association Aborted Due to Illegal ASCONF-ACK");
  EXPECT_EQ(testing::to_hex(testing::serialize(IllegalAsconfAckCause{})), "00a30004");
}

}  // namespace
}  // namespace dpsctp::wire
