// Protocol Violation error cause (RFC 9260 §3.3.10.13).
#include "wire/cause/protocol_violation_cause.h"

#include <string>

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;
using Cause = ProtocolViolationCause;

TEST(ProtocolViolationCause, Rfc9260_3_3_10_13_ParsesAnnotatedBytes) {
  // code 13, length 11, Additional Information "bad TSN" (7 bytes), 1 byte of padding.
  const Bytes b = from_hex("000d 000b 6261642054534e 00");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(c.info.size(), 7u);
  EXPECT_EQ(c.to_string(), "Protocol Violation \"bad TSN\"");
}

TEST(ProtocolViolationCause, Rfc9260_3_3_10_13_InformationMayBeEmpty) {
  const Bytes b = from_hex("000d 0004");
  EXPECT_EQ(testing::expect_reserializes<Cause>(b).to_string(), "Protocol Violation");
}

TEST(ProtocolViolationCause, Rfc9260_3_3_10_13_ToStringEscapesNonPrintableBytes) {
  // 'a' '"' '\' NUL 0x7f 0xff.
  const Bytes b = from_hex("000d 000a 61225c007fff 0000");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(c.to_string(), R"(Protocol Violation "a\x22\x5c\x00\x7f\xff")");
}

TEST(ProtocolViolationCause, Rfc9260_3_3_10_13_ToStringCutsLongInformation) {
  const Bytes text(100, std::byte{'x'});
  Cause c;
  c.info = text;
  const Bytes b = testing::serialize(c);
  const Cause back = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(back.info.size(), 100u);
  EXPECT_EQ(back.to_string(), "Protocol Violation \"" + std::string(64, 'x') + "\"...(100 bytes)");
}

TEST(ProtocolViolationCause, WrongCodeIsRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("000c 0004")), ParseError::kCauseWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
