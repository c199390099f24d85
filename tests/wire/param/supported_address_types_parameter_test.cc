// Supported Address Types parameter (RFC 9260 §3.3.2.1).
#include "wire/param/supported_address_types_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::build;
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(SupportedAddressTypesParameter, Rfc9260_3_3_2_1_LinuxCaptureOneTypeWithPadding) {
  // As Linux sends it: type 12, length 6, IPv4 (5), then 2 bytes of padding.
  const Bytes b = from_hex("000c 0006 0005 0000");
  Result<SupportedAddressTypesParameter> p = SupportedAddressTypesParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->count(), 1u);
  EXPECT_EQ(p->type_at(0), SupportedAddressTypesParameter::kIpv4);
  EXPECT_TRUE(p->has(SupportedAddressTypesParameter::kIpv4));
  EXPECT_FALSE(p->has(SupportedAddressTypesParameter::kIpv6));
  EXPECT_FALSE(p->has(0));  // the padding is not a type
  EXPECT_EQ(p->to_string(), "Supported Address Types 5");
  EXPECT_EQ(reserialized_hex<SupportedAddressTypesParameter>(b), "000c000600050000");
}

TEST(SupportedAddressTypesParameter, Rfc9260_3_3_2_1_ParsesSeveralTypes) {
  const Bytes b = from_hex("000c 000a 0005 0006 000b 0000");
  Result<SupportedAddressTypesParameter> p = SupportedAddressTypesParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  ASSERT_EQ(p->count(), 3u);
  EXPECT_EQ(p->type_at(1), 6);
  EXPECT_EQ(p->type_at(2), SupportedAddressTypesParameter::kHostName);
  EXPECT_EQ(p->to_string(), "Supported Address Types 5,6,11");
}

TEST(SupportedAddressTypesParameter, Rfc9260_3_3_2_1_BuilderRoundTrip) {
  const uint16_t types[] = {SupportedAddressTypesParameter::kIpv4,
                            SupportedAddressTypesParameter::kIpv6};
  const Bytes b = build([&](BufferWriter& w) { SupportedAddressTypesParameter::write(w, types); });
  EXPECT_EQ(testing::to_hex(b),
            "000c0008"
            "00050006");
  Result<SupportedAddressTypesParameter> p = SupportedAddressTypesParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->count(), 2u);
  EXPECT_EQ(p->serialized_size(), 8u);
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), testing::to_hex(b));
  // One type: the padding is added after the length.
  const uint16_t one[] = {6};
  EXPECT_EQ(testing::to_hex(
                build([&](BufferWriter& w) { SupportedAddressTypesParameter::write(w, one); })),
            "000c0006"
            "00060000");
}

TEST(SupportedAddressTypesParameter, Rfc9260_3_3_2_1_MalformedLengths) {
  // Half a type: odd value length.
  EXPECT_EQ(parse_error_of<SupportedAddressTypesParameter>(from_hex("000c 0007 000500 00")),
            ParseError::kParamInvalidField);
  EXPECT_EQ(parse_error_of<SupportedAddressTypesParameter>(from_hex("000c 0005 00 000000")),
            ParseError::kParamTooShortForType);
  // No type at all.
  EXPECT_EQ(parse_error_of<SupportedAddressTypesParameter>(from_hex("000c 0004")),
            ParseError::kParamTooShortForType);
}

TEST(SupportedAddressTypesParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<SupportedAddressTypesParameter>(from_hex("000b 0006 0005 0000")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
