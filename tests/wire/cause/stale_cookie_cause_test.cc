// Stale Cookie error cause (RFC 9260 §3.3.10.3).
#include "wire/cause/stale_cookie_cause.h"

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;

TEST(StaleCookieCause, Rfc9260_3_3_10_3_ParsesAnnotatedBytes) {
  // code 3, length 8, Measure of Staleness 0x000005dc = 1500 microseconds.
  const Bytes b = from_hex("0003 0008 000005dc");
  const auto c = testing::expect_reserializes<StaleCookieCause>(b);
  EXPECT_EQ(c.staleness_us, 1500u);
  EXPECT_EQ(c.to_string(), "Stale Cookie Error staleness=1500us");
}

TEST(StaleCookieCause, Rfc9260_3_3_10_3_RoundTrip) {
  StaleCookieCause c;
  c.staleness_us = 0xfedcba98;
  const Bytes b = testing::serialize(c);
  EXPECT_EQ(testing::to_hex(b), "00030008fedcba98");
  EXPECT_EQ(testing::expect_reserializes<StaleCookieCause>(b).staleness_us, c.staleness_us);
}

TEST(StaleCookieCause, Rfc9260_3_3_10_3_WrongLengthIsRejected) {
  EXPECT_EQ(cause_error<StaleCookieCause>(from_hex("0003 000c 00000001 00000000")),
            ParseError::kCauseLengthMismatch);
  testing::expect_too_short_below<StaleCookieCause>(from_hex("0003 0008 00000001"),
                                                    StaleCookieCause::kSize);
}

TEST(StaleCookieCause, WrongCodeIsRejected) {
  EXPECT_EQ(cause_error<StaleCookieCause>(from_hex("0009 0008 00000001")),
            ParseError::kCauseWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
