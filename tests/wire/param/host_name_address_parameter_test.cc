// Host Name Address parameter (RFC 9260 §3.3.2.1, deprecated).
#include "wire/param/host_name_address_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(HostNameAddressParameter, Rfc9260_3_3_2_1_ParsesAnnotatedBytes) {
  // type 11, length 16: "example.com" and its NUL terminator (counted in the length).
  const Bytes b = from_hex("000b 0010 6578616d 706c652e 636f6d00");
  Result<HostNameAddressParameter> p = HostNameAddressParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->host_name, "example.com");
  EXPECT_EQ(p->terminator_length, 1u);
  EXPECT_EQ(p->to_string(), "Host Name Address example.com");
  EXPECT_EQ(reserialized_hex<HostNameAddressParameter>(b), testing::to_hex(b));
}

TEST(HostNameAddressParameter, Rfc9260_3_3_2_1_RoundTripAddsTerminator) {
  HostNameAddressParameter p;
  p.host_name = "a.b";
  EXPECT_EQ(p.serialized_size(), 8u);
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b),
            "000b0008"
            "612e6200");
  Result<HostNameAddressParameter> back = HostNameAddressParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->host_name, "a.b");
}

TEST(HostNameAddressParameter, Rfc9260_3_3_2_1_SeveralTerminatorsKept) {
  // "At least one null terminator": three here, all counted, then 3 bytes of padding.
  const Bytes b = from_hex("000b 0009 6162 000000 000000");
  Result<HostNameAddressParameter> p = HostNameAddressParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->host_name, "ab");
  EXPECT_EQ(p->terminator_length, 3u);
  EXPECT_EQ(reserialized_hex<HostNameAddressParameter>(b), testing::to_hex(b));
}

TEST(HostNameAddressParameter, Rfc9260_3_3_2_1_MalformedValues) {
  // No terminator inside the length (the padding byte does not count).
  EXPECT_EQ(parse_error_of<HostNameAddressParameter>(from_hex("000b 0007 616263 00")),
            ParseError::kParamInvalidField);
  // A non-NUL byte after the terminator.
  EXPECT_EQ(parse_error_of<HostNameAddressParameter>(from_hex("000b 0008 61006200")),
            ParseError::kParamInvalidField);
  // No value at all.
  EXPECT_EQ(parse_error_of<HostNameAddressParameter>(from_hex("000b 0004")),
            ParseError::kParamTooShortForType);
}

TEST(HostNameAddressParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<HostNameAddressParameter>(from_hex("000c 0008 612e6200")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
