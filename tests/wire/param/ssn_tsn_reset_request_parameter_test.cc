// SSN/TSN Reset Request parameter (RFC 6525 §4.3).
#include "wire/param/ssn_tsn_reset_request_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(SsnTsnResetRequestParameter, Rfc6525_4_3_ParsesAnnotatedBytes) {
  // type 15, length 8, request sn 42.
  const Bytes b = from_hex("000f 0008 0000002a");
  Result<SsnTsnResetRequestParameter> p = SsnTsnResetRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->request_sn, 42u);
  EXPECT_EQ(p->to_string(), "SSN/TSN Reset Request req=42");
  EXPECT_EQ(reserialized_hex<SsnTsnResetRequestParameter>(b), "000f00080000002a");
}

TEST(SsnTsnResetRequestParameter, Rfc6525_4_3_RoundTrip) {
  SsnTsnResetRequestParameter p;
  p.request_sn = 0xffffffff;
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b), "000f0008ffffffff");
  Result<SsnTsnResetRequestParameter> back = SsnTsnResetRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->request_sn, p.request_sn);
}

TEST(SsnTsnResetRequestParameter, Rfc6525_4_3_MalformedLengths) {
  Bytes b = from_hex("000f 000c 0000002a 00000000");
  EXPECT_EQ(parse_error_of<SsnTsnResetRequestParameter>(b), ParseError::kParamLengthMismatch);
  testing::set_length(b, 6);
  EXPECT_EQ(parse_error_of<SsnTsnResetRequestParameter>(b), ParseError::kParamTooShortForType);
}

TEST(SsnTsnResetRequestParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<SsnTsnResetRequestParameter>(from_hex("0010 0008 0000002a")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
