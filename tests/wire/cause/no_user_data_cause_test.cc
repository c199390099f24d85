// No User Data error cause (RFC 9260 §3.3.10.9).
#include "wire/cause/no_user_data_cause.h"

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;

TEST(NoUserDataCause, Rfc9260_3_3_10_9_ParsesAnnotatedBytes) {
  // code 9, length 8, TSN 42 of the empty DATA chunk.
  const Bytes b = from_hex("0009 0008 0000002a");
  const auto c = testing::expect_reserializes<NoUserDataCause>(b);
  EXPECT_EQ(c.tsn, Tsn(42));
  EXPECT_EQ(c.to_string(), "No User Data tsn=42");
}

TEST(NoUserDataCause, Rfc9260_3_3_10_9_RoundTrip) {
  NoUserDataCause c;
  c.tsn = Tsn(0xffffffff);
  const Bytes b = testing::serialize(c);
  EXPECT_EQ(testing::to_hex(b), "00090008ffffffff");
  EXPECT_EQ(testing::expect_reserializes<NoUserDataCause>(b).tsn, c.tsn);
}

TEST(NoUserDataCause, Rfc9260_3_3_10_9_WrongLengthIsRejected) {
  EXPECT_EQ(cause_error<NoUserDataCause>(from_hex("0009 000c 00000001 00000000")),
            ParseError::kCauseLengthMismatch);
  testing::expect_too_short_below<NoUserDataCause>(from_hex("0009 0008 00000001"),
                                                   NoUserDataCause::kSize);
}

TEST(NoUserDataCause, WrongCodeIsRejected) {
  EXPECT_EQ(cause_error<NoUserDataCause>(from_hex("0003 0008 00000001")),
            ParseError::kCauseWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
