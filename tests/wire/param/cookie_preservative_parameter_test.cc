// Cookie Preservative parameter (RFC 9260 §3.3.2.1).
#include "wire/param/cookie_preservative_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(CookiePreservativeParameter, Rfc9260_3_3_2_1_ParsesAnnotatedBytes) {
  // type 9, length 8, increment 60000 ms.
  const Bytes b = from_hex("0009 0008 0000ea60");
  Result<CookiePreservativeParameter> p = CookiePreservativeParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->life_span_increment_ms, 60000u);
  EXPECT_EQ(p->to_string(), "Cookie Preservative +60000 ms");
  EXPECT_EQ(reserialized_hex<CookiePreservativeParameter>(b),
            "00090008"
            "0000ea60");
}

TEST(CookiePreservativeParameter, Rfc9260_3_3_2_1_RoundTrip) {
  CookiePreservativeParameter p;
  p.life_span_increment_ms = 0xfedcba98;
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b), "00090008fedcba98");
  Result<CookiePreservativeParameter> back = CookiePreservativeParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->life_span_increment_ms, p.life_span_increment_ms);
}

TEST(CookiePreservativeParameter, Rfc9260_3_3_2_1_MalformedLengths) {
  Bytes b = from_hex("0009 000c 0000ea60 00000000");
  EXPECT_EQ(parse_error_of<CookiePreservativeParameter>(b), ParseError::kParamLengthMismatch);
  testing::set_length(b, 7);
  EXPECT_EQ(parse_error_of<CookiePreservativeParameter>(b), ParseError::kParamTooShortForType);
  testing::set_length(b, 4);
  EXPECT_EQ(parse_error_of<CookiePreservativeParameter>(b), ParseError::kParamTooShortForType);
}

TEST(CookiePreservativeParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<CookiePreservativeParameter>(from_hex("0005 0008 0000ea60")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
