// ECN Capable parameter (RFC 9260 Appendix A).
#include "wire/param/ecn_capable_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::from_hex;

TEST(EcnCapableParameter, Rfc9260_AppendixA_ParsesAndRoundTrips) {
  // type 0x8000, length 4, no value.
  const testing::Bytes b = from_hex("8000 0004");
  Result<EcnCapableParameter> p = EcnCapableParameter::parse(testing::tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->to_string(), "ECN Capable");
  EXPECT_EQ(reserialized_hex<EcnCapableParameter>(b), "80000004");
  EXPECT_EQ(testing::to_hex(testing::serialize(EcnCapableParameter{})), "80000004");
  EXPECT_EQ(EcnCapableParameter{}.serialized_size(), 4u);
}

TEST(EcnCapableParameter, Rfc9260_AppendixA_ValueRejected) {
  // Anything longer than the header: kParamLengthMismatch (nothing can be shorter:
  // the TLV frame itself guarantees 4 bytes).
  EXPECT_EQ(parse_error_of<EcnCapableParameter>(from_hex("8000 0008 00000000")),
            ParseError::kParamLengthMismatch);
  EXPECT_EQ(parse_error_of<EcnCapableParameter>(from_hex("8000 0005 00 000000")),
            ParseError::kParamLengthMismatch);
}

TEST(EcnCapableParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<EcnCapableParameter>(from_hex("c000 0004")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
