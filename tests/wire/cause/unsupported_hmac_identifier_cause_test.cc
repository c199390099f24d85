// Unsupported HMAC Identifier error cause (RFC 4895 §4.1).
#include "wire/cause/unsupported_hmac_identifier_cause.h"

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;
using Cause = UnsupportedHmacIdentifierCause;

TEST(UnsupportedHmacIdentifierCause, Rfc4895_4_1_ParsesAnnotatedBytes) {
  // code 0x0105, length 6, HMAC Identifier 2 (reserved), 2 bytes of padding not counted.
  const Bytes b = from_hex("0105 0006 0002 0000");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(c.hmac_id, 2);
  EXPECT_EQ(c.to_string(), "Unsupported HMAC Identifier hmac_id=2");
}

TEST(UnsupportedHmacIdentifierCause, Rfc4895_4_1_RoundTrip) {
  Cause c;
  c.hmac_id = 0xabcd;
  const Bytes b = testing::serialize(c);
  EXPECT_EQ(testing::to_hex(b), "01050006abcd0000");
  EXPECT_EQ(testing::expect_reserializes<Cause>(b).hmac_id, 0xabcd);
}

TEST(UnsupportedHmacIdentifierCause, Rfc4895_4_1_WrongLengthIsRejected) {
  // Padding counted in the length (8) is not the RFC's 6.
  EXPECT_EQ(cause_error<Cause>(from_hex("0105 0008 0002 0000")), ParseError::kCauseLengthMismatch);
  testing::expect_too_short_below<Cause>(from_hex("0105 0006 0002 0000"), Cause::kSize);
}

TEST(UnsupportedHmacIdentifierCause, WrongCodeIsRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("0104 0006 0002 0000")), ParseError::kCauseWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
