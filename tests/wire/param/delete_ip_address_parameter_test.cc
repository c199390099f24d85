// Delete IP Address parameter (RFC 5061 §4.2.2).
#include "wire/param/delete_ip_address_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::build;
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(DeleteIpAddressParameter, Rfc5061_4_2_2_ParsesAnnotatedIpv4) {
  // type 0xc002, length 16, correlation id 7, IPv4 Address parameter 10.0.0.1.
  const Bytes b = from_hex("c002 0010 00000007  0005 0008 0a000001");
  Result<DeleteIpAddressParameter> p = DeleteIpAddressParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->correlation_id, 7u);
  EXPECT_EQ(p->address.type, Ipv4AddressParameter::kType);
  EXPECT_EQ(p->address.length, 8);
  Result<Ipv4AddressParameter> a = Ipv4AddressParameter::parse(p->address);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->address, (std::array<uint8_t, 4>{10, 0, 0, 1}));
  EXPECT_EQ(p->to_string(), "Delete IP Address id=7 IPv4 10.0.0.1");
  EXPECT_EQ(reserialized_hex<DeleteIpAddressParameter>(b), testing::to_hex(b));
}

TEST(DeleteIpAddressParameter, Rfc5061_4_2_2_BuilderRoundTripIpv6) {
  Ipv6AddressParameter v6;
  v6.address = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
  const Bytes b =
      build([&](BufferWriter& w) { DeleteIpAddressParameter::write(w, 0x01020304, v6); });
  EXPECT_EQ(testing::to_hex(b),
            "c002001c"
            "01020304"
            "00060014"
            "20010db8000000000000000000000002");
  Result<DeleteIpAddressParameter> p = DeleteIpAddressParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->correlation_id, 0x01020304u);
  EXPECT_EQ(p->address.type, Ipv6AddressParameter::kType);
  EXPECT_EQ(p->serialized_size(), 28u);
  EXPECT_EQ(p->to_string(), "Delete IP Address id=16909060 IPv6 2001:db8::2");
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), testing::to_hex(b));
}

TEST(DeleteIpAddressParameter, Rfc5061_4_2_2_WildcardAddressIsWellFormed) {
  // 0.0.0.0 has a meaning of its own (the source address); it is not a framing error.
  const Bytes b = from_hex("c002 0010 00000001  0005 0008 00000000");
  Result<DeleteIpAddressParameter> p = DeleteIpAddressParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->to_string(), "Delete IP Address id=1 IPv4 0.0.0.0");
}

TEST(DeleteIpAddressParameter, Rfc5061_4_2_2_MalformedNestedAddress) {
  // Not an IPv4 / IPv6 Address parameter (a Host Name Address).
  EXPECT_EQ(
      parse_error_of<DeleteIpAddressParameter>(from_hex("c002 0010 00000007  000b 0008 61620000")),
      ParseError::kParamInvalidField);
  // IPv4 Address parameter of the wrong length (its own rule, RFC 9260 §3.3.2.1).
  EXPECT_EQ(parse_error_of<DeleteIpAddressParameter>(
                from_hex("c002 0014 00000007  0005 000c 0a000001 00000000")),
            ParseError::kParamLengthMismatch);
  // Nested length past the end of the outer value, or below 4.
  EXPECT_EQ(
      parse_error_of<DeleteIpAddressParameter>(from_hex("c002 0010 00000007  0006 0014 0a000001")),
      ParseError::kParamLengthExceedsChunk);
  EXPECT_EQ(
      parse_error_of<DeleteIpAddressParameter>(from_hex("c002 0010 00000007  0005 0002 0a000001")),
      ParseError::kParamLengthTooSmall);
  // Bytes after the address.
  EXPECT_EQ(parse_error_of<DeleteIpAddressParameter>(
                from_hex("c002 0014 00000007  0005 0008 0a000001 00000000")),
            ParseError::kParamLengthMismatch);
}

TEST(DeleteIpAddressParameter, Rfc5061_4_2_2_TooShortForAnAddress) {
  Bytes b = from_hex("c002 0010 00000007  0005 0008 0a000001");
  for (uint16_t len : std::initializer_list<uint16_t>{4, 8, 12, 15}) {
    testing::set_length(b, len);
    EXPECT_EQ(parse_error_of<DeleteIpAddressParameter>(b), ParseError::kParamTooShortForType)
        << len;
  }
}

TEST(DeleteIpAddressParameter, WrongTypeRejected) {
  EXPECT_EQ(
      parse_error_of<DeleteIpAddressParameter>(from_hex("c004 0010 00000007  0005 0008 0a000001")),
      ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
