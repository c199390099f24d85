#include "dpsctp/address.h"

#include <gtest/gtest.h>

namespace dpsctp {
namespace {

TEST(IpAddress, ParsesAndPrintsBothFamilies) {
  auto v4 = IpAddress::parse("192.168.10.4");
  ASSERT_TRUE(v4.has_value());
  EXPECT_TRUE(v4->is_v4());
  EXPECT_EQ(*v4, IpAddress::v4(192, 168, 10, 4));
  EXPECT_EQ(v4->v4_host_order(), 0xc0a80a04u);
  EXPECT_EQ(IpAddress::v4(0x7f000001).to_string(), "127.0.0.1");
  auto v6 = IpAddress::parse("2001:db8::1");
  ASSERT_TRUE(v6.has_value());
  EXPECT_TRUE(v6->is_v6());
  EXPECT_EQ(v6->size(), 16u);
  EXPECT_EQ(v6->to_string(), "2001:db8::1");
  EXPECT_FALSE(IpAddress::parse("300.1.1.1").has_value());
  EXPECT_FALSE(IpAddress::parse("").has_value());
  EXPECT_NE(*IpAddress::parse("::"), IpAddress::v4(0, 0, 0, 0));  // family distinguishes
}

TEST(TransportAddress, Formats) {
  EXPECT_EQ((TransportAddress{IpAddress::v4(10, 0, 0, 1), 36412}).to_string(), "10.0.0.1:36412");
  EXPECT_EQ((TransportAddress{*IpAddress::parse("::1"), 3868}).to_string(), "[::1]:3868");
}

}  // namespace
}  // namespace dpsctp
