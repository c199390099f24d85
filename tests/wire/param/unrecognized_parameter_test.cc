// Unrecognized Parameter (RFC 9260 §3.3.3.1).
#include "wire/param/unrecognized_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(UnrecognizedParameter, Rfc9260_3_3_3_1_ParsesAnnotatedBytes) {
  // type 8, length 10: the reported parameter type 0xc0ff (skip and report), length 6,
  // value abcd; then the 2 padding bytes of the whole.
  const Bytes b = from_hex("0008 000a  c0ff 0006 abcd  0000");
  Result<UnrecognizedParameter> p = UnrecognizedParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->unrecognized.size(), 6u);
  const TlvView inner = p->parameter();
  EXPECT_EQ(inner.type, 0xc0ff);
  EXPECT_EQ(inner.length, 6);
  ASSERT_EQ(inner.value().size(), 2u);
  EXPECT_EQ(inner.value()[0], std::byte{0xab});
  EXPECT_EQ(p->to_string(), "Unrecognized Parameter type=0xc0ff len=6");
  EXPECT_EQ(reserialized_hex<UnrecognizedParameter>(b), testing::to_hex(b));
}

TEST(UnrecognizedParameter, Rfc9260_3_3_3_1_WrapRoundTrip) {
  // Builder: the INIT parameter we did not recognise, copied with its header.
  const Bytes init_param = from_hex("4001 0007 010203 00");
  const UnrecognizedParameter p = UnrecognizedParameter::wrap(tlv_of(init_param));
  EXPECT_EQ(p.serialized_size(), 11u);
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b),
            "0008000b"
            "40010007010203"
            "00");
  Result<UnrecognizedParameter> back = UnrecognizedParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->parameter().type, 0x4001);
  EXPECT_EQ(back->parameter().length, 7);
}

TEST(UnrecognizedParameter, Rfc9260_3_3_3_1_InnerPaddingCountedIsAccepted) {
  // Some senders count the copied parameter's padding in the outer length.
  const Bytes b = from_hex("0008 000c  c0ff 0006 abcd 0000");
  Result<UnrecognizedParameter> p = UnrecognizedParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->parameter().length, 6);
  EXPECT_EQ(reserialized_hex<UnrecognizedParameter>(b), testing::to_hex(b));
}

TEST(UnrecognizedParameter, Rfc9260_3_3_10_8_SeveralReportedParametersIterate) {
  const Bytes b = from_hex("0008 0010  c0ff 0006 abcd 0000  4001 0004");
  Result<UnrecognizedParameter> p = UnrecognizedParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  std::vector<uint16_t> types;
  for (const TlvView& t : p->parameters()) types.push_back(t.type);
  EXPECT_EQ(types, (std::vector<uint16_t>{0xc0ff, 0x4001}));
  EXPECT_EQ(p->to_string(), "Unrecognized Parameter type=0xc0ff len=6 type=0x4001 len=4");
}

TEST(UnrecognizedParameter, Rfc9260_3_3_3_1_MalformedReportedParameter) {
  // No room for the reported parameter's header.
  EXPECT_EQ(parse_error_of<UnrecognizedParameter>(from_hex("0008 0004")),
            ParseError::kParamTooShortForType);
  EXPECT_EQ(parse_error_of<UnrecognizedParameter>(from_hex("0008 0006 c0ff 0000")),
            ParseError::kParamTooShortForType);
  // Reported length below 4, or past the end of the outer value.
  EXPECT_EQ(parse_error_of<UnrecognizedParameter>(from_hex("0008 0008 c0ff 0003")),
            ParseError::kParamLengthTooSmall);
  EXPECT_EQ(parse_error_of<UnrecognizedParameter>(from_hex("0008 000a c0ff 0010 abcd 0000")),
            ParseError::kParamLengthExceedsChunk);
  // A second TLV whose header is cut short.
  EXPECT_EQ(parse_error_of<UnrecognizedParameter>(from_hex("0008 000a c0ff 0004 4001 0000")),
            ParseError::kParamHeaderTruncated);
}

TEST(UnrecognizedParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<UnrecognizedParameter>(from_hex("0009 0008 c0ff 0004")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
