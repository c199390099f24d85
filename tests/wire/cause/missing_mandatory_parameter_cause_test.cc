// Missing Mandatory Parameter error cause (RFC 9260 §3.3.10.2).
#include "wire/cause/missing_mandatory_parameter_cause.h"

#include <array>

#include "cause_test_util.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;
using Cause = MissingMandatoryParameterCause;

TEST(MissingMandatoryParameterCause, Rfc9260_3_3_10_2_ParsesAnnotatedBytes) {
  // code 2, length 12 = 8 + 2 * 2; N = 2; State Cookie (7), Cookie Preservative (9).
  const Bytes b = from_hex("0002 000c 00000002 0007 0009");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(c.count, 2u);
  EXPECT_EQ(c.missing_type(0), param_type::kStateCookie);
  EXPECT_EQ(c.missing_type(1), param_type::kCookiePreservative);
  EXPECT_EQ(c.to_string(), "Missing Mandatory Parameter [State Cookie, Cookie Preservative]");
}

TEST(MissingMandatoryParameterCause, Rfc9260_3_3_10_2_OddCountIsPaddedNotCounted) {
  // N = 1: length 10, then 2 bytes of padding that the length does not count.
  const Bytes b = from_hex("0002 000a 00000001 1234 0000");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(c.count, 1u);
  EXPECT_EQ(c.missing_type(0), 0x1234);
  EXPECT_EQ(c.to_string(), "Missing Mandatory Parameter [0x1234]");
}

TEST(MissingMandatoryParameterCause, Rfc9260_3_3_10_2_RoundTripFromTypes) {
  const std::array<uint16_t, 3> missing = {param_type::kStateCookie, param_type::kEcnCapable,
                                           param_type::kIpv4Address};
  Bytes buf(64);
  BufferWriter w(buf);
  Cause::write(w, missing);
  ASSERT_TRUE(w.ok());
  buf.resize(w.size());
  EXPECT_EQ(testing::to_hex(buf), "0002000e000000030007800000050000");
  const Cause c = testing::expect_reserializes<Cause>(buf);
  ASSERT_EQ(c.count, 3u);
  for (size_t i = 0; i < missing.size(); ++i) EXPECT_EQ(c.missing_type(i), missing[i]) << i;
}

TEST(MissingMandatoryParameterCause, Rfc9260_3_3_10_2_ZeroMissingIsWellFormed) {
  const Bytes b = from_hex("0002 0008 00000000");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(c.count, 0u);
  EXPECT_EQ(c.to_string(), "Missing Mandatory Parameter []");
}

TEST(MissingMandatoryParameterCause, Rfc9260_3_3_10_2_CountMustMatchLength) {
  // N says 3 but the length holds 2 types; N says 1 but it holds 2.
  EXPECT_EQ(cause_error<Cause>(from_hex("0002 000c 00000003 0007 0009")),
            ParseError::kCauseLengthMismatch);
  EXPECT_EQ(cause_error<Cause>(from_hex("0002 000c 00000001 0007 0009")),
            ParseError::kCauseLengthMismatch);
  // A huge N cannot be satisfied by any length.
  EXPECT_EQ(cause_error<Cause>(from_hex("0002 000c ffffffff 0007 0009")),
            ParseError::kCauseLengthMismatch);
  // Length 11: half a type left over.
  EXPECT_EQ(cause_error<Cause>(from_hex("0002 000b 00000001 0007 00 00")),
            ParseError::kCauseLengthMismatch);
}

TEST(MissingMandatoryParameterCause, ShorterThanFixedPartIsRejected) {
  testing::expect_too_short_below<Cause>(from_hex("0002 0008 00000000"), Cause::kFixedSize);
}

TEST(MissingMandatoryParameterCause, WrongCodeIsRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("0001 0008 00000000")), ParseError::kCauseWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
