// Unresolvable Address error cause (RFC 9260 §3.3.10.5).
#include "wire/cause/unresolvable_address_cause.h"

#include "cause_test_util.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;
using Cause = UnresolvableAddressCause;

TEST(UnresolvableAddressCause, Rfc9260_3_3_10_5_ParsesIpv4AddressCopy) {
  // code 5, length 12; the copied IPv4 Address parameter: type 5, length 8, 192.0.2.1.
  const Bytes b = from_hex("0005 000c 0005 0008 c0000201");
  const Cause c = testing::expect_reserializes<Cause>(b);
  ASSERT_EQ(c.tlv.size(), 8u);
  const TlvView p = c.parameter();
  EXPECT_EQ(p.type, param_type::kIpv4Address);
  EXPECT_EQ(p.length, 8);
  EXPECT_EQ(testing::to_hex(p.value()), "c0000201");
  EXPECT_EQ(c.to_string(), "Unresolvable Address: IPv4 Address 192.0.2.1");
}

TEST(UnresolvableAddressCause, Rfc9260_3_3_10_5_ParsesIpv6AddressCopy) {
  const Bytes b = from_hex("0005 0018 0006 0014 20010db8 00000000 00000000 00000001");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(c.parameter().type, param_type::kIpv6Address);
  EXPECT_EQ(c.to_string(), "Unresolvable Address: IPv6 Address 2001:db8::1");
}

TEST(UnresolvableAddressCause, Rfc9260_3_3_10_5_HostNameCopyWithAndWithoutItsPadding) {
  // Host Name Address "ab\0" (length 7). Cause length 11 (copy unpadded) + 1 padding byte.
  const Bytes unpadded_bytes = from_hex("0005 000b 000b 0007 616200 00");
  const Cause unpadded = testing::expect_reserializes<Cause>(unpadded_bytes);
  EXPECT_EQ(unpadded.tlv.size(), 7u);
  EXPECT_EQ(unpadded.to_string(), "Unresolvable Address: Host Name Address \"ab\"");
  // Cause length 12: the sender counted the copy's padding; still one parameter.
  const Bytes padded_bytes = from_hex("0005 000c 000b 0007 616200 00");
  const Cause padded = testing::expect_reserializes<Cause>(padded_bytes);
  EXPECT_EQ(padded.tlv.size(), 8u);
  EXPECT_EQ(padded.parameter().length, 7);
}

TEST(UnresolvableAddressCause, Rfc9260_3_3_10_5_RoundTripFromParameterBytes) {
  const Bytes param = from_hex("0005 0008 0a000001");
  Cause c;
  c.tlv = param;
  const Bytes b = testing::serialize(c);
  EXPECT_EQ(testing::to_hex(b), "0005000c000500080a000001");
  EXPECT_EQ(testing::to_hex(testing::expect_reserializes<Cause>(b).tlv), "000500080a000001");
}

TEST(UnresolvableAddressCause, Rfc9260_3_3_10_5_MalformedCopyIsRejected) {
  // The copy's length is below a TLV header, or runs past the cause.
  EXPECT_EQ(cause_error<Cause>(from_hex("0005 0008 0005 0003")), ParseError::kParamLengthTooSmall);
  EXPECT_EQ(cause_error<Cause>(from_hex("0005 000c 0005 000c c0000201")),
            ParseError::kParamLengthExceedsChunk);
  // Four bytes after the copy: a second TLV or garbage, not "the" address.
  EXPECT_EQ(cause_error<Cause>(from_hex("0005 0010 0005 0008 c0000201 00050004")),
            ParseError::kCauseLengthMismatch);
}

TEST(UnresolvableAddressCause, ShorterThanTwoHeadersIsRejected) {
  testing::expect_too_short_below<Cause>(from_hex("0005 000c 0005 0008 c0000201"),
                                         Cause::kFixedSize);
}

TEST(UnresolvableAddressCause, WrongCodeIsRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("0008 000c 0005 0008 c0000201")),
            ParseError::kCauseWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
