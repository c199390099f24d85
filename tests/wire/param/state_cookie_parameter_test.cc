// State Cookie parameter (RFC 9260 §3.3.3.1).
#include "wire/param/state_cookie_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(StateCookieParameter, Rfc9260_3_3_3_1_ParsesAnnotatedBytes) {
  // type 7, length 11, 7-byte cookie, 1 byte of padding.
  const Bytes b = from_hex("0007 000b deadbeef cafe01 00");
  Result<StateCookieParameter> p = StateCookieParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  ASSERT_EQ(p->cookie.size(), 7u);
  EXPECT_EQ(p->cookie[0], std::byte{0xde});
  EXPECT_EQ(p->cookie[6], std::byte{0x01});
  EXPECT_EQ(p->to_string(), "State Cookie len=7");
  EXPECT_EQ(reserialized_hex<StateCookieParameter>(b), testing::to_hex(b));
}

TEST(StateCookieParameter, Rfc9260_3_3_3_1_RoundTrip) {
  const Bytes cookie = from_hex("0102030405060708");
  StateCookieParameter p;
  p.cookie = cookie;
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b), "0007000c0102030405060708");
  EXPECT_EQ(p.serialized_size(), 12u);
  Result<StateCookieParameter> back = StateCookieParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(std::equal(back->cookie.begin(), back->cookie.end(), cookie.begin(), cookie.end()));
}

TEST(StateCookieParameter, Rfc9260_5_1_3_EmptyCookieRejected) {
  EXPECT_EQ(parse_error_of<StateCookieParameter>(from_hex("0007 0004")),
            ParseError::kParamTooShortForType);
}

TEST(StateCookieParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<StateCookieParameter>(from_hex("0001 0008 01020304")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
