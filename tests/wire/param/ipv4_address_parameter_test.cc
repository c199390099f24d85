// IPv4 Address parameter (RFC 9260 §3.3.2.1).
#include "wire/param/ipv4_address_parameter.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(Ipv4AddressParameter, Rfc9260_3_3_2_1_RoundTrip) {
  Ipv4AddressParameter p;
  p.address = {192, 168, 10, 4};
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b), "00050008c0a80a04");
  Result<Ipv4AddressParameter> back = Ipv4AddressParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->address, p.address);
  EXPECT_EQ(back->to_string(), "IPv4 192.168.10.4");
}

TEST(Ipv4AddressParameter, Rfc9260_3_3_2_1_WrongLengthRejected) {
  Bytes b = from_hex("0005000c 7f000001 00000000");
  EXPECT_EQ(Ipv4AddressParameter::parse(tlv_of(b)).error(), ParseError::kParamLengthMismatch);
  testing::set_length(b, 6);
  EXPECT_EQ(Ipv4AddressParameter::parse(tlv_of(b)).error(), ParseError::kParamTooShortForType);
}

TEST(Ipv4AddressParameter, WrongTypeRejected) {
  const Bytes b = from_hex("00060008 7f000001");
  EXPECT_EQ(Ipv4AddressParameter::parse(tlv_of(b)).error(), ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
