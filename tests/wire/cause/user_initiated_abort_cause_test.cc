// User-Initiated Abort error cause (RFC 9260 §3.3.10.12).
#include "wire/cause/user_initiated_abort_cause.h"

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;
using Cause = UserInitiatedAbortCause;

TEST(UserInitiatedAbortCause, Rfc9260_3_3_10_12_ParsesAnnotatedBytes) {
  // code 12, length 8, Upper Layer Abort Reason "bye!".
  const Bytes b = from_hex("000c 0008 62796521");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(testing::to_hex(c.info), "62796521");
  EXPECT_EQ(c.to_string(), "User-Initiated Abort \"bye!\"");
}

TEST(UserInitiatedAbortCause, Rfc9260_3_3_10_12_ReasonMayBeEmpty) {
  const Bytes b = from_hex("000c 0004");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_TRUE(c.info.empty());
  EXPECT_EQ(c.to_string(), "User-Initiated Abort");
}

TEST(UserInitiatedAbortCause, Rfc9260_3_3_10_12_RoundTripOddLengthIsPadded) {
  const Bytes reason = from_hex("010203");
  Cause c;
  c.info = reason;
  EXPECT_EQ(c.serialized_size(), 7u);
  const Bytes b = testing::serialize(c);
  EXPECT_EQ(testing::to_hex(b), "000c000701020300");
  EXPECT_EQ(testing::to_hex(testing::expect_reserializes<Cause>(b).info), "010203");
}

TEST(UserInitiatedAbortCause, WrongCodeIsRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("000d 0004")), ParseError::kCauseWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
