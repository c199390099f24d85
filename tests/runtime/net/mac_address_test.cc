// IEEE 802 MAC addresses: text form, broadcast / multicast bits.
#include "runtime/net/mac_address.h"

#include "net_test_util.h"

namespace dpsctp::net {
namespace {

TEST(MacAddress, ParsesColonAndDashFormsInEitherCase) {
  const std::optional<MacAddress> m = MacAddress::parse("02:1A:ff:00:9b:0c");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->bytes(), (std::array<uint8_t, 6>{0x02, 0x1a, 0xff, 0x00, 0x9b, 0x0c}));
  EXPECT_EQ(m->to_string(), "02:1a:ff:00:9b:0c");
  EXPECT_EQ(MacAddress::parse("02-1a-ff-00-9b-0c"), m);
}

TEST(MacAddress, RejectsMalformedText) {
  for (const char* bad :
       {"", "02:1a:ff:00:9b", "02:1a:ff:00:9b:0c:", "02:1a-ff:00:9b:0c", "02:1a:ff:00:9b:0g",
        "021a:ff:00:9b:0c0", "02.1a.ff.00.9b.0c", " 2:1a:ff:00:9b:0c"}) {
    EXPECT_FALSE(MacAddress::parse(bad)) << bad;
  }
}

TEST(MacAddress, Ieee802_8_2_GroupAndLocalBits) {
  const MacAddress bcast = MacAddress::broadcast();
  EXPECT_TRUE(bcast.is_broadcast());
  EXPECT_TRUE(bcast.is_multicast());
  EXPECT_EQ(bcast.to_string(), "ff:ff:ff:ff:ff:ff");
  const MacAddress v6mc = testing::mac("33:33:ff:00:00:02");  // RFC 2464 §7
  EXPECT_TRUE(v6mc.is_multicast());
  EXPECT_FALSE(v6mc.is_broadcast());
  const MacAddress v4mc = testing::mac("01:00:5e:00:00:01");  // RFC 1112 §6.4
  EXPECT_TRUE(v4mc.is_multicast());
  const MacAddress local = testing::mac("02:00:00:00:00:01");
  EXPECT_TRUE(local.is_unicast());
  EXPECT_TRUE(local.is_locally_administered());
  EXPECT_FALSE(testing::mac("00:1b:21:3a:4f:10").is_locally_administered());
  EXPECT_TRUE(MacAddress().is_zero());
  EXPECT_FALSE(local.is_zero());
}

TEST(MacAddress, LoadStoreRoundTrip) {
  const testing::Bytes b = testing::from_hex("001b213a4f10");
  const MacAddress m = MacAddress::load(b.data());
  EXPECT_EQ(m.to_string(), "00:1b:21:3a:4f:10");
  testing::Bytes out(6);
  m.store(out.data());
  EXPECT_EQ(out, b);
}

}  // namespace
}  // namespace dpsctp::net
