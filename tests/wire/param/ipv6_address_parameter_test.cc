// IPv6 Address parameter (RFC 9260 §3.3.2.1).
#include "wire/param/ipv6_address_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(Ipv6AddressParameter, Rfc9260_3_3_2_1_ParsesAnnotatedBytes) {
  // type 6, length 20, 2001:db8::1
  const Bytes b = from_hex("0006 0014 20010db8 00000000 00000000 00000001");
  Result<Ipv6AddressParameter> p = Ipv6AddressParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  const std::array<uint8_t, 16> want{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  EXPECT_EQ(p->address, want);
  EXPECT_EQ(p->to_string(), "IPv6 2001:db8::1");
  EXPECT_EQ(reserialized_hex<Ipv6AddressParameter>(b), testing::to_hex(b));
}

TEST(Ipv6AddressParameter, Rfc9260_3_3_2_1_RoundTrip) {
  Ipv6AddressParameter p;
  p.address = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55};
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b),
            "00060014fe800000000000000211"
            "22fffe334455");
  EXPECT_EQ(p.serialized_size(), 20u);
  Result<Ipv6AddressParameter> back = Ipv6AddressParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->address, p.address);
  EXPECT_EQ(back->to_string(), "IPv6 fe80::211:22ff:fe33:4455");
}

TEST(Ipv6AddressParameter, Rfc5952_4_CanonicalTextForm) {
  Ipv6AddressParameter p;
  // RFC 5952 §4.2.3: the first of two equal longest zero runs is the one compressed.
  p.address = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1};
  EXPECT_EQ(p.to_string(), "IPv6 2001:db8::1:0:0:1");
  // RFC 5952 §4.2.2: a single 16-bit zero field is not shortened with "::".
  p.address = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
  EXPECT_EQ(p.to_string(), "IPv6 2001:db8:0:1:1:1:1:1");
  // RFC 5952 §5: IPv4-mapped addresses end in dotted decimal.
  p.address = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1};
  EXPECT_EQ(p.to_string(), "IPv6 ::ffff:10.0.0.1");
}

TEST(Ipv6AddressParameter, Rfc9260_3_3_2_1_MalformedLengths) {
  Bytes b = from_hex("0006 0018 20010db8 00000000 00000000 00000001 00000000");
  EXPECT_EQ(parse_error_of<Ipv6AddressParameter>(b), ParseError::kParamLengthMismatch);
  testing::set_length(b, 19);
  EXPECT_EQ(parse_error_of<Ipv6AddressParameter>(b), ParseError::kParamTooShortForType);
  testing::set_length(b, 8);
  EXPECT_EQ(parse_error_of<Ipv6AddressParameter>(b), ParseError::kParamTooShortForType);
}

TEST(Ipv6AddressParameter, WrongTypeRejected) {
  const Bytes b = from_hex("0005 0014 20010db8 00000000 00000000 00000001");
  EXPECT_EQ(parse_error_of<Ipv6AddressParameter>(b), ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
