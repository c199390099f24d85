// Heartbeat Info parameter (RFC 9260 §3.3.5).
#include "wire/param/heartbeat_info_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(HeartbeatInfoParameter, Rfc9260_3_3_5_ParsesAnnotatedBytes) {
  // type 1, length 9, 5 bytes of info, 3 bytes of padding (not counted).
  const Bytes b = from_hex("0001 0009 0102030405 000000");
  Result<HeartbeatInfoParameter> p = HeartbeatInfoParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  ASSERT_EQ(p->info.size(), 5u);
  EXPECT_EQ(p->info[0], std::byte{0x01});
  EXPECT_EQ(p->info[4], std::byte{0x05});
  EXPECT_EQ(p->to_string(), "Heartbeat Info len=5");
  EXPECT_EQ(reserialized_hex<HeartbeatInfoParameter>(b), testing::to_hex(b));
}

TEST(HeartbeatInfoParameter, Rfc9260_3_3_5_RoundTrip) {
  const Bytes info = from_hex("00112233445566778899aabbccddeeff");
  HeartbeatInfoParameter p;
  p.info = info;
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b),
            "00010014"
            "00112233445566778899aabbccddeeff");
  EXPECT_EQ(p.serialized_size(), 20u);
  Result<HeartbeatInfoParameter> back = HeartbeatInfoParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(std::equal(back->info.begin(), back->info.end(), info.begin(), info.end()));
}

TEST(HeartbeatInfoParameter, Rfc9260_3_3_5_EmptyInfoIsWellFormed) {
  // The info is the sender's business: even none is a valid frame.
  const Bytes b = from_hex("0001 0004");
  Result<HeartbeatInfoParameter> p = HeartbeatInfoParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->info.empty());
  EXPECT_EQ(reserialized_hex<HeartbeatInfoParameter>(b), "00010004");
}

TEST(HeartbeatInfoParameter, WrongTypeRejected) {
  const Bytes b = from_hex("0007 0008 01020304");
  EXPECT_EQ(parse_error_of<HeartbeatInfoParameter>(b), ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
