// Tests for src/runtime/net/next_hop.cc: the on-link test (prefix match) and the next-hop
// decision of RFC 1122 §3.3.1 / RFC 4861 §5.2.
#include "runtime/net/next_hop.h"

#include <gtest/gtest.h>

#include <array>

#include "net_test_util.h"

namespace dpsctp::net {
namespace {

IpAddress v4(const char* s) { return testing::ip(s); }
IpAddress v6(const char* s) { return testing::ip(s); }

TEST(InPrefix, Ipv4WholeAndPartialBytes) {
  const OnLinkPrefix p24{v4("192.168.100.1"), 24};
  EXPECT_TRUE(in_prefix(v4("192.168.100.254"), p24));
  EXPECT_TRUE(in_prefix(v4("192.168.100.0"), p24));
  EXPECT_FALSE(in_prefix(v4("192.168.101.1"), p24));
  const OnLinkPrefix p20{v4("10.1.16.1"), 20};  // 10.1.16.0 - 10.1.31.255
  EXPECT_TRUE(in_prefix(v4("10.1.31.255"), p20));
  EXPECT_TRUE(in_prefix(v4("10.1.16.0"), p20));
  EXPECT_FALSE(in_prefix(v4("10.1.32.0"), p20));
  EXPECT_FALSE(in_prefix(v4("10.1.15.255"), p20));
}

TEST(InPrefix, ZeroAndFullLength) {
  EXPECT_TRUE(in_prefix(v4("8.8.8.8"), {v4("192.168.1.1"), 0}));  // default route shape
  EXPECT_TRUE(in_prefix(v4("192.168.1.1"), {v4("192.168.1.1"), 32}));
  EXPECT_FALSE(in_prefix(v4("192.168.1.2"), {v4("192.168.1.1"), 32}));
  EXPECT_TRUE(in_prefix(v4("192.168.1.0"), {v4("192.168.1.1"), 31}));
  // Beyond the family's maximum: clamped, the whole address must match.
  EXPECT_TRUE(in_prefix(v4("192.168.1.1"), {v4("192.168.1.1"), 200}));
  EXPECT_FALSE(in_prefix(v4("192.168.1.3"), {v4("192.168.1.1"), 200}));
}

TEST(InPrefix, Ipv6AndFamilyMismatch) {
  const OnLinkPrefix p64{v6("fd00:100::1"), 64};
  EXPECT_TRUE(in_prefix(v6("fd00:100::ffff:1"), p64));
  EXPECT_FALSE(in_prefix(v6("fd00:101::1"), p64));
  const OnLinkPrefix p57{v6("fd00:100:0:80::1"), 57};  // bit 57 splits the 8th byte
  EXPECT_TRUE(in_prefix(v6("fd00:100:0:ff::1"), p57));
  EXPECT_FALSE(in_prefix(v6("fd00:100:0:7f::1"), p57));
  // An IPv4 address is never inside an IPv6 prefix, even with equal leading bytes.
  EXPECT_FALSE(in_prefix(v4("253.0.1.0"), {v6("fd00:100::1"), 0}));
  EXPECT_FALSE(in_prefix(v6("::"), {v4("0.0.0.0"), 0}));
}

// RFC 1122 §3.3.1.1: on-link destinations are their own next hop; §3.3.1.2: the rest go
// to the gateway of their family.
TEST(NextHopTable, OnLinkDirectOffLinkToTheGateway) {
  const std::array<IpAddress, 2> addrs{v4("192.168.100.1"), v6("fd00:100::1")};
  const std::array<IpAddress, 2> gws{v4("192.168.100.254"), v6("fd00:100::fe")};
  const NextHopTable t = NextHopTable::from(addrs, {}, gws);  // defaults /24, /64
  EXPECT_EQ(t.next_hop(v4("192.168.100.2")), v4("192.168.100.2"));
  EXPECT_EQ(t.next_hop(v4("10.1.2.3")), v4("192.168.100.254"));
  EXPECT_EQ(t.next_hop(v6("fd00:100::2")), v6("fd00:100::2"));
  EXPECT_EQ(t.next_hop(v6("2001:db8::1")), v6("fd00:100::fe"));
  EXPECT_TRUE(t.on_link(v4("192.168.100.77")));
  EXPECT_FALSE(t.on_link(v4("192.168.101.77")));
}

TEST(NextHopTable, ExplicitPrefixLengthsWidenOrNarrowTheLink) {
  const std::array<IpAddress, 1> addrs{v4("10.0.0.1")};
  const std::array<IpAddress, 1> gws{v4("10.0.0.254")};
  const std::array<uint8_t, 1> wide{8};
  EXPECT_EQ(NextHopTable::from(addrs, wide, gws).next_hop(v4("10.200.1.1")), v4("10.200.1.1"));
  const std::array<uint8_t, 1> narrow{30};  // 10.0.0.0 - 10.0.0.3
  const NextHopTable t = NextHopTable::from(addrs, narrow, gws);
  EXPECT_EQ(t.next_hop(v4("10.0.0.3")), v4("10.0.0.3"));
  EXPECT_EQ(t.next_hop(v4("10.0.0.4")), v4("10.0.0.254"));
}

TEST(NextHopTable, NoGatewayOfTheFamilyMeansOnLink) {
  const std::array<IpAddress, 2> addrs{v4("192.168.100.1"), v6("fd00:100::1")};
  const std::array<IpAddress, 1> gw4{v4("192.168.100.254")};
  const NextHopTable t = NextHopTable::from(addrs, {}, gw4);
  EXPECT_EQ(t.next_hop(v6("2001:db8::1")), v6("2001:db8::1"));  // no IPv6 gateway
  EXPECT_EQ(t.next_hop(v4("172.16.0.1")), v4("192.168.100.254"));
  const NextHopTable none;
  EXPECT_EQ(none.next_hop(v4("172.16.0.1")), v4("172.16.0.1"));
  EXPECT_FALSE(none.gateway(IpAddress::Family::kV4).has_value());
}

TEST(NextHopTable, FirstGatewayOfEachFamilyWins) {
  const std::array<IpAddress, 1> addrs{v4("192.168.100.1")};
  const std::array<IpAddress, 3> gws{v6("fd00::fe"), v4("192.168.100.253"), v4("192.168.100.254")};
  const NextHopTable t = NextHopTable::from(addrs, {}, gws);
  EXPECT_EQ(t.gateway(IpAddress::Family::kV4), v4("192.168.100.253"));
  EXPECT_EQ(t.gateway(IpAddress::Family::kV6), v6("fd00::fe"));
}

// Several interface addresses (multi-homing on one port): each prefix is on-link.
TEST(NextHopTable, EveryInterfacePrefixIsOnLink) {
  const std::array<IpAddress, 2> addrs{v4("10.10.31.1"), v4("10.10.32.1")};
  const std::array<IpAddress, 1> gws{v4("10.10.31.254")};
  const NextHopTable t = NextHopTable::from(addrs, {}, gws);
  EXPECT_EQ(t.next_hop(v4("10.10.32.9")), v4("10.10.32.9"));
  EXPECT_EQ(t.next_hop(v4("10.10.33.9")), v4("10.10.31.254"));
}

}  // namespace
}  // namespace dpsctp::net
