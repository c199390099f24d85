// Random parameter (RFC 4895 §3.1).
#include "wire/param/random_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

constexpr char kRandomHex[] =
    "000102030405060708090a0b0c0d0e0f"
    "101112131415161718191a1b1c1d1e1f";

TEST(RandomParameter, Rfc4895_3_1_ParsesAnnotatedBytes) {
  // type 0x8002, length 36, 32 random bytes.
  const Bytes b = from_hex(std::string("8002 0024") + kRandomHex);
  Result<RandomParameter> p = RandomParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  ASSERT_EQ(p->random.size(), 32u);
  EXPECT_EQ(p->random[0], std::byte{0x00});
  EXPECT_EQ(p->random[31], std::byte{0x1f});
  EXPECT_EQ(p->to_string(), "Random len=32");
  EXPECT_EQ(reserialized_hex<RandomParameter>(b), testing::to_hex(b));
}

TEST(RandomParameter, Rfc4895_3_1_RoundTrip) {
  const Bytes random = from_hex(kRandomHex);
  RandomParameter p;
  p.random = random;
  EXPECT_EQ(p.serialized_size(), RandomParameter::kSize);
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b), std::string("80020024") + kRandomHex);
  Result<RandomParameter> back = RandomParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(std::equal(back->random.begin(), back->random.end(), random.begin(), random.end()));
}

TEST(RandomParameter, Rfc4895_6_1_RandomNotThirtyTwoBytesRejected) {
  // 16 bytes, none, and 36 bytes: the association must be aborted (Protocol Violation).
  EXPECT_EQ(parse_error_of<RandomParameter>(from_hex("8002 0014 000102030405060708090a0b0c0d0e0f")),
            ParseError::kParamInvalidField);
  EXPECT_EQ(parse_error_of<RandomParameter>(from_hex("8002 0004")), ParseError::kParamInvalidField);
  EXPECT_EQ(
      parse_error_of<RandomParameter>(from_hex(std::string("8002 0028") + kRandomHex + "20212223")),
      ParseError::kParamInvalidField);
}

TEST(RandomParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<RandomParameter>(from_hex(std::string("8003 0024") + kRandomHex)),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
