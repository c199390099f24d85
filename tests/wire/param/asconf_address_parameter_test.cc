// Add IP Address, Delete IP Address and Set Primary Address parameters (RFC 5061 §4.2.1,
// §4.2.2, §4.2.4): one typed test, as the three share one codec
// (wire/param/asconf_address_parameter.h). Each type's name carries its RFC section.
#include <string>

#include "param/param_test_util.h"
#include "wire/param/add_ip_address_parameter.h"
#include "wire/param/delete_ip_address_parameter.h"
#include "wire/param/set_primary_address_parameter.h"

namespace dpsctp::wire {
namespace {
using param_testing::build;
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

template <class P>
struct Traits;
template <>
struct Traits<AddIpAddressParameter> {
  static constexpr const char* kType = "c001";   // RFC 5061 §4.2.1
  static constexpr const char* kOther = "c002";  // a type the parser must refuse
  static constexpr const char* kName = "Add IP Address";
  static constexpr const char* kTestName = "AddIp_Rfc5061_4_2_1";
};
template <>
struct Traits<DeleteIpAddressParameter> {
  static constexpr const char* kType = "c002";  // RFC 5061 §4.2.2
  static constexpr const char* kOther = "c004";
  static constexpr const char* kName = "Delete IP Address";
  static constexpr const char* kTestName = "DeleteIp_Rfc5061_4_2_2";
};
template <>
struct Traits<SetPrimaryAddressParameter> {
  static constexpr const char* kType = "c004";  // RFC 5061 §4.2.4
  static constexpr const char* kOther = "c001";
  static constexpr const char* kName = "Set Primary Address";
  static constexpr const char* kTestName = "SetPrimary_Rfc5061_4_2_4";
};

struct Names {
  template <class P>
  static std::string GetName(int) {
    return Traits<P>::kTestName;
  }
};

template <class P>
class AsconfAddressParameterTest : public ::testing::Test {
 protected:
  static Bytes bytes(const std::string& after_type) {
    return from_hex(std::string(Traits<P>::kType) + after_type);
  }
  static std::string name() { return Traits<P>::kName; }
};
using AsconfAddressTypes =
    ::testing::Types<AddIpAddressParameter, DeleteIpAddressParameter, SetPrimaryAddressParameter>;
TYPED_TEST_SUITE(AsconfAddressParameterTest, AsconfAddressTypes, Names);

TYPED_TEST(AsconfAddressParameterTest, ParsesAnnotatedIpv4) {
  // type, length 16, correlation id 7, IPv4 Address parameter 10.0.0.1.
  const Bytes b = this->bytes(" 0010 00000007  0005 0008 0a000001");
  Result<TypeParam> p = TypeParam::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->correlation_id, 7u);
  EXPECT_EQ(p->address.type, Ipv4AddressParameter::kType);
  EXPECT_EQ(p->address.length, 8);
  Result<Ipv4AddressParameter> a = Ipv4AddressParameter::parse(p->address);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->address, (std::array<uint8_t, 4>{10, 0, 0, 1}));
  EXPECT_EQ(p->to_string(), this->name() + " id=7 IPv4 10.0.0.1");
  EXPECT_EQ(reserialized_hex<TypeParam>(b), testing::to_hex(b));
}

TYPED_TEST(AsconfAddressParameterTest, BuilderRoundTripIpv6) {
  Ipv6AddressParameter v6;
  v6.address = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
  const Bytes b = build([&](BufferWriter& w) { TypeParam::write(w, 0x01020304, v6); });
  EXPECT_EQ(testing::to_hex(b), std::string(Traits<TypeParam>::kType) +
                                    "001c"
                                    "01020304"
                                    "00060014"
                                    "20010db8000000000000000000000002");
  Result<TypeParam> p = TypeParam::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->correlation_id, 0x01020304u);
  EXPECT_EQ(p->address.type, Ipv6AddressParameter::kType);
  EXPECT_EQ(p->serialized_size(), 28u);
  EXPECT_EQ(p->to_string(), this->name() + " id=16909060 IPv6 2001:db8::2");
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), testing::to_hex(b));
}

TYPED_TEST(AsconfAddressParameterTest, WildcardAddressIsWellFormed) {
  // 0.0.0.0 has a meaning of its own (the source address); it is not a framing error.
  const Bytes b = this->bytes(" 0010 00000001  0005 0008 00000000");
  Result<TypeParam> p = TypeParam::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->to_string(), this->name() + " id=1 IPv4 0.0.0.0");
}

TYPED_TEST(AsconfAddressParameterTest, MalformedNestedAddress) {
  // Not an IPv4 / IPv6 Address parameter (a Host Name Address).
  EXPECT_EQ(parse_error_of<TypeParam>(this->bytes(" 0010 00000007  000b 0008 61620000")),
            ParseError::kParamInvalidField);
  // IPv4 Address parameter of the wrong length (its own rule, RFC 9260 §3.3.2.1).
  EXPECT_EQ(parse_error_of<TypeParam>(this->bytes(" 0014 00000007  0005 000c 0a000001 00000000")),
            ParseError::kParamLengthMismatch);
  // Nested length past the end of the outer value, or below 4.
  EXPECT_EQ(parse_error_of<TypeParam>(this->bytes(" 0010 00000007  0006 0014 0a000001")),
            ParseError::kParamLengthExceedsChunk);
  EXPECT_EQ(parse_error_of<TypeParam>(this->bytes(" 0010 00000007  0005 0002 0a000001")),
            ParseError::kParamLengthTooSmall);
  // Bytes after the address.
  EXPECT_EQ(parse_error_of<TypeParam>(this->bytes(" 0014 00000007  0005 0008 0a000001 00000000")),
            ParseError::kParamLengthMismatch);
}

TYPED_TEST(AsconfAddressParameterTest, TooShortForAnAddress) {
  Bytes b = this->bytes(" 0010 00000007  0005 0008 0a000001");
  for (uint16_t len : std::initializer_list<uint16_t>{4, 8, 12, 15}) {
    testing::set_length(b, len);
    EXPECT_EQ(parse_error_of<TypeParam>(b), ParseError::kParamTooShortForType) << len;
  }
}

TYPED_TEST(AsconfAddressParameterTest, WrongTypeRejected) {
  const Bytes b =
      from_hex(std::string(Traits<TypeParam>::kOther) + " 0010 00000007  0005 0008 0a000001");
  EXPECT_EQ(parse_error_of<TypeParam>(b), ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
