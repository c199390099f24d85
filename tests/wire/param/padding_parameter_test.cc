// Padding parameter (RFC 4820 §4).
#include "wire/param/padding_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::build;
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(PaddingParameter, Rfc4820_4_ParsesAnnotatedBytes) {
  // type 0x8005, length 6: 2 bytes of Padding Data (any content), 2 bytes of TLV padding.
  const Bytes b = from_hex("8005 0006 abcd 0000");
  Result<PaddingParameter> p = PaddingParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->padding.size(), 2u);
  EXPECT_EQ(p->to_string(), "Padding len=2");
  EXPECT_EQ(reserialized_hex<PaddingParameter>(b), testing::to_hex(b));
}

TEST(PaddingParameter, Rfc4820_4_BuilderTakesASize) {
  const Bytes b = build([](BufferWriter& w) { PaddingParameter::write(w, 3); });
  EXPECT_EQ(testing::to_hex(b),
            "80050007"
            "000000"
            "00");
  Result<PaddingParameter> p = PaddingParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->padding.size(), 3u);
  EXPECT_EQ(p->serialized_size(), 7u);
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), testing::to_hex(b));
  // A large pad, as used to probe the path MTU.
  const Bytes big = build([](BufferWriter& w) { PaddingParameter::write(w, 1400); }, 2048);
  EXPECT_EQ(big.size(), 1404u);
  EXPECT_EQ(tlv_of(big).length, 1404);
}

TEST(PaddingParameter, Rfc4820_4_EmptyPaddingIsWellFormed) {
  const Bytes b = build([](BufferWriter& w) { PaddingParameter::write(w, 0); });
  EXPECT_EQ(testing::to_hex(b), "80050004");
  Result<PaddingParameter> p = PaddingParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->padding.empty());
}

TEST(PaddingParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<PaddingParameter>(from_hex("8004 0006 0001 0000")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
