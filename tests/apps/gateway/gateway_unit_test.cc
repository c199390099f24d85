// Unit tests of dpsctp-gateway's pure parts: the bounded echo backlog, the GatewayConfig
// -> StackConfig mapping (apps/common) and the summary line.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "apps/common/stack_config.h"
#include "apps/gateway/echo_backlog.h"
#include "apps/gateway/snmp_fields.h"
#include "apps/gateway/stats_report.h"

namespace dpsctp::gateway {
namespace {

std::vector<std::byte> bytes(size_t n, uint8_t v) { return std::vector<std::byte>(n, std::byte{v}); }

TEST(EchoBacklog, KeepsOrderAndCountsBytes) {
  EchoBacklog b(10, 1000);
  for (uint8_t i = 0; i < 3; ++i) ASSERT_TRUE(b.push(StreamId(i), Ppid(18), bytes(10 + i, i)));
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(b.bytes(), 33u);
  for (uint8_t i = 0; i < 3; ++i) {
    EXPECT_EQ(b.front().stream, StreamId(i));
    EXPECT_EQ(b.front().data, bytes(10 + i, i));
    b.pop();
  }
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(b.bytes(), 0u);
}

TEST(EchoBacklog, RefusesPastEitherBound) {
  EchoBacklog by_count(2, 1000);
  EXPECT_TRUE(by_count.push(StreamId(0), Ppid(0), bytes(1, 0)));
  EXPECT_TRUE(by_count.push(StreamId(0), Ppid(0), bytes(1, 0)));
  EXPECT_FALSE(by_count.push(StreamId(0), Ppid(0), bytes(1, 0)));
  EchoBacklog by_bytes(100, 20);
  EXPECT_TRUE(by_bytes.push(StreamId(0), Ppid(0), bytes(15, 0)));
  EXPECT_FALSE(by_bytes.push(StreamId(0), Ppid(0), bytes(6, 0)));  // 21 > 20: nothing queued
  EXPECT_EQ(by_bytes.size(), 1u);
  EXPECT_TRUE(by_bytes.push(StreamId(0), Ppid(0), bytes(5, 0)));   // exactly 20
}

// RFC 9260 §6.2: what the backlog reports against the receive window.
TEST(EchoBacklog, Rfc9260_6_2_HeldBytesCountPayloadPlusDataChunkHeader) {
  EchoBacklog b(10, 1000);
  EXPECT_EQ(b.held_bytes(), 0u);
  ASSERT_TRUE(b.push(StreamId(0), Ppid(0), bytes(100, 0)));
  ASSERT_TRUE(b.push(StreamId(0), Ppid(0), bytes(1, 0)));
  EXPECT_EQ(b.held_bytes(), 101u + 2 * EchoBacklog::kPerMessageOverhead);
  b.pop();
  EXPECT_EQ(b.held_bytes(), 1u + EchoBacklog::kPerMessageOverhead);
}

// The bounds admit everything a window-respecting client can send: a full receive window
// of 1-byte messages, and its bytes plus slack; never below the old fixed bounds.
TEST(EchoBacklog, BoundsCoverTheReceiveWindow) {
  const auto [m, b] = backlog_bounds(256 * 1024, 1024 * 1024);
  EXPECT_GE(m, 256u * 1024u);
  EXPECT_GE(b, 256u * 1024u + 1500u);
  EXPECT_GE(b, 1024u * 1024u);
  const auto [m2, b2] = backlog_bounds(1500, 1500);
  EXPECT_EQ(m2, 4096u);
  EXPECT_EQ(b2, 64u * 1024u + 1500u);
}

config::GatewayConfig sample() {
  config::GatewayConfig c;
  c.eal.lcores = {1};
  c.eal.hugepages = true;
  c.eal.memory_mb = 512;
  c.eal.file_prefix = "p";
  c.eal.vdevs = {"net_memif0,role=server"};
  c.eal.extra_args = {"--log-level=8"};
  c.port.device = "net_memif0";
  c.port.mtu = 9000;
  c.port.vlan = 310;
  c.addresses = {*IpAddress::parse("10.0.0.1"), *IpAddress::parse("fd00::1")};
  c.options.rto_min = std::chrono::milliseconds(300);
  config::Listener a;
  a.name = "a";
  a.port = 36412;
  a.outbound_streams = 2;
  a.max_inbound_streams = 3;
  config::Listener b = a;
  b.name = "b";
  b.port = 3868;
  c.listeners = {a, b};
  c.stats.telemetry = true;
  return c;
}

TEST(StackConfigMapping, EalPortAddressesAndPrimaryListener) {
  const auto s = apps::make_stack_config(sample(), "gw");
  EXPECT_EQ(s.eal.program, "gw");
  EXPECT_EQ(s.eal.lcores, std::vector<unsigned>{1});
  EXPECT_FALSE(s.eal.no_huge);
  EXPECT_EQ(s.eal.memory_mb, 512u);
  EXPECT_EQ(s.eal.file_prefix, "p");
  EXPECT_TRUE(s.eal.no_pci);  // no PCI devices listed
  EXPECT_FALSE(s.eal.no_telemetry);
  EXPECT_EQ(s.eal.extra_args, std::vector<std::string>{"--log-level=8"});
  EXPECT_EQ(s.port_name, "net_memif0");
  EXPECT_EQ(s.mtu, 9000u);
  ASSERT_TRUE(s.vlan.has_value());
  EXPECT_EQ(s.vlan->vid, 310);
  EXPECT_EQ(s.local_addresses.size(), 2u);
  EXPECT_EQ(s.sctp_port, 36412);
  EXPECT_EQ(s.options.outbound_streams, 2);
  EXPECT_EQ(s.options.max_inbound_streams, 3);
  EXPECT_EQ(s.options.rto_min, std::chrono::milliseconds(300));
}

// RFC 1122 §3.3.1: the on-link prefixes and the next hop reach the runtime.
TEST(StackConfigMapping, PrefixLengthsAndGateways) {
  auto c = sample();
  c.prefix_lengths = {16, 64};
  c.gateways = {*IpAddress::parse("10.0.255.254")};
  const auto s = apps::make_stack_config(c, "gw");
  EXPECT_EQ(s.prefix_lengths, (std::vector<uint8_t>{16, 64}));
  EXPECT_EQ(s.gateways, c.gateways);
}

TEST(StackConfigMapping, PciDevicesAreAllowedExplicitly) {
  auto c = sample();
  c.eal.pci = {"0000:3b:00.0"};
  c.stats.telemetry = false;
  const auto s = apps::make_stack_config(c, "gw");
  EXPECT_FALSE(s.eal.no_pci);
  EXPECT_TRUE(s.eal.no_telemetry);
  EXPECT_EQ(s.eal.extra_args, (std::vector<std::string>{"--allow=0000:3b:00.0", "--log-level=8"}));
}

TEST(SnmpFields, SumEveryCounter) {
  SnmpCounters a, b;
  for (const auto& f : kSnmpFields) {
    a.*f.member = 1;
    b.*f.member = 2;
  }
  add(a, b);
  for (const auto& f : kSnmpFields) EXPECT_EQ(a.*f.member, 3u) << f.name;
}

TEST(SummaryLine, RatesOverTheInterval) {
  GatewayTotals prev, cur;
  cur.associations = 3;
  cur.routes.msgs_in = 2000;
  cur.routes.bytes_in = 2'000'000;
  cur.routes.msgs_out = 1000;
  cur.routes.ppid_drops = 7;
  cur.snmp.DpsctpRetransmittedChunks = 5;
  const std::string s = summary_line(prev, cur, 2.0);
  EXPECT_NE(s.find("assocs 3 |"), std::string::npos) << s;
  EXPECT_NE(s.find("in 1000 msg/s 1.00 MB/s"), std::string::npos) << s;
  EXPECT_NE(s.find("out 500 msg/s"), std::string::npos) << s;
  EXPECT_NE(s.find("rtx 5"), std::string::npos) << s;
  EXPECT_NE(s.find("drops ppid 7"), std::string::npos) << s;
}

}  // namespace
}  // namespace dpsctp::gateway
