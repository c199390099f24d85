// The RFC 5061 §4.3 error causes that carry a copy of the refused ASCONF request
// (0x00A0, 0x00A1, 0x00A2, 0x00A4).
#include "wire/cause/asconf_refusal_cause.h"

#include "cause_test_util.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;

// Delete IP Address (0xC002, length 16): correlation ID 1, IPv4 Address 192.0.2.1.
constexpr char kDeleteRequest[] = "c002 0010 00000001 0005 0008 c0000201";

TEST(AsconfRefusalCause, Rfc5061_4_3_1_DeleteLastRemainingAddressCarriesTheRequest) {
  const Bytes b = from_hex(std::string("00a0 0014 ") + kDeleteRequest);
  const auto c = testing::expect_reserializes<DeleteLastRemainingAddressCause>(b);
  EXPECT_EQ(testing::to_hex(c.tlv), testing::to_hex(from_hex(kDeleteRequest)));
  EXPECT_EQ(c.parameter().type, param_type::kDeleteIpAddress);
  EXPECT_EQ(c.parameter().length, 16);
  EXPECT_EQ(c.to_string(),
            "Request to Delete Last Remaining IP Address: Delete IP Address (type 0xc002, len 16)");
}

TEST(AsconfRefusalCause, Rfc5061_4_3_2_ResourceShortageRoundTrip) {
  // Add IP Address (0xC001): correlation ID 7, IPv4 Address 10.0.0.9.
  const Bytes request = from_hex("c001 0010 00000007 0005 0008 0a000009");
  OperationRefusedResourceShortageCause c;
  c.tlv = request;
  const Bytes b = testing::serialize(c);
  EXPECT_EQ(testing::to_hex(b),
            "00a10014c00100100000000700050008"
            "0a000009");
  const auto back = testing::expect_reserializes<OperationRefusedResourceShortageCause>(b);
  EXPECT_EQ(back.parameter().type, param_type::kAddIpAddress);
}

TEST(AsconfRefusalCause, Rfc5061_4_3_3_DeleteSourceAddressCarriesTheRequest) {
  const Bytes b = from_hex(std::string("00a2 0014 ") + kDeleteRequest);
  const auto c = testing::expect_reserializes<DeleteSourceAddressCause>(b);
  EXPECT_EQ(c.parameter().type, param_type::kDeleteIpAddress);
}

TEST(AsconfRefusalCause, Rfc5061_4_3_5_NoAuthorizationCarriesTheRequest) {
  // Set Primary Address (0xC004, length 16).
  const Bytes b = from_hex("00a4 0014 c004 0010 00000002 0005 0008 c0000202");
  const auto c = testing::expect_reserializes<RequestRefusedNoAuthorizationCause>(b);
  EXPECT_EQ(c.parameter().type, param_type::kSetPrimaryAddress);
  EXPECT_EQ(c.to_string(),
            "Request Refused - No Authorization: Set Primary Address (type 0xc004, len 16)");
}

TEST(AsconfRefusalCause, Rfc5061_4_3_EachCodeParsesOnlyAsItself) {
  const Bytes b = from_hex(std::string("00a0 0014 ") + kDeleteRequest);
  EXPECT_TRUE(testing::parse_cause<DeleteLastRemainingAddressCause>(b).ok());
  EXPECT_EQ(cause_error<OperationRefusedResourceShortageCause>(b), ParseError::kCauseWrongType);
  EXPECT_EQ(cause_error<DeleteSourceAddressCause>(b), ParseError::kCauseWrongType);
  EXPECT_EQ(cause_error<RequestRefusedNoAuthorizationCause>(b), ParseError::kCauseWrongType);
}

TEST(AsconfRefusalCause, Rfc5061_4_3_MalformedCopyIsRejected) {
  testing::expect_too_short_below<DeleteSourceAddressCause>(
      from_hex(std::string("00a2 0014 ") + kDeleteRequest), DeleteSourceAddressCause::kFixedSize);
  // The copied request claims 32 bytes but the cause holds 16.
  EXPECT_EQ(cause_error<DeleteSourceAddressCause>(
                from_hex("00a2 0014 c002 0020 00000001 0005 0008 c0000201")),
            ParseError::kParamLengthExceedsChunk);
  EXPECT_EQ(cause_error<DeleteSourceAddressCause>(from_hex("00a2 0008 c002 0001")),
            ParseError::kParamLengthTooSmall);
  // Two requests where the RFC allows one copy.
  EXPECT_EQ(cause_error<RequestRefusedNoAuthorizationCause>(
                from_hex("00a4 0010 c004 0008 00000002 c004 0004")),
            ParseError::kCauseLengthMismatch);
}

}  // namespace
}  // namespace dpsctp::wire
