// The configurations shipped in config/ all load, and say what their comments say.
#include <gtest/gtest.h>

#include "config/config_loader.h"

namespace dpsctp::config {
namespace {

using namespace std::chrono_literals;

GatewayConfig load_shipped(const std::string& name) {
  const LoadResult r = load_gateway_config_file(std::string(DPSCTP_CONFIG_DIR) + "/" + name);
  EXPECT_TRUE(r.ok) << r.error;
  return r.config;
}

IpAddress ip(const char* text) { return *IpAddress::parse(text); }

TEST(ShippedConfig, GatewayDemo) {
  const GatewayConfig c = load_shipped("gateway.yaml");
  EXPECT_EQ(c.eal.lcores, std::vector<unsigned>{0});
  EXPECT_FALSE(c.eal.hugepages);
  EXPECT_EQ(c.eal.file_prefix, "dpsctp-gw");
  ASSERT_EQ(c.eal.vdevs.size(), 1u);
  EXPECT_EQ(c.eal.vdevs[0],
            "net_memif0,role=server,socket=/tmp/dpsctp-demo/memif.sock,socket-abstract=no");
  EXPECT_EQ(c.port.device, "net_memif0");
  EXPECT_EQ(c.addresses, (std::vector<IpAddress>{ip("192.168.100.1"), ip("fd00:100::1")}));
  ASSERT_EQ(c.listeners.size(), 2u);
  EXPECT_EQ(c.listeners[0].name, "s1ap");
  EXPECT_EQ(c.listeners[0].port, 36412);
  EXPECT_EQ(c.listeners[0].ppids, std::vector<uint32_t>{18});
  EXPECT_EQ(c.listeners[0].route, Route::kEcho);
  EXPECT_EQ(c.listeners[1].name, "diameter");
  EXPECT_EQ(c.listeners[1].port, 3868);
  EXPECT_EQ(c.listeners[1].ppids, std::vector<uint32_t>{46});
  EXPECT_EQ(c.stats.interval, 1s);
  // No tunables: the RFC 9260 §16 defaults.
  EXPECT_EQ(c.options.rto_initial, AssociationOptions{}.rto_initial);
  EXPECT_EQ(c.options.sack_timeout, 200ms);
}

TEST(ShippedConfig, S1MmeDualHomedWithTunables) {
  const GatewayConfig c = load_shipped("s1-mme.yaml");
  EXPECT_EQ(c.addresses.size(), 2u);  // dual-homed (RFC 9260 §6.4)
  EXPECT_EQ(c.port.device, "0000:3b:00.0");
  EXPECT_EQ(c.port.vlan, uint16_t{310});
  EXPECT_EQ(c.options.rto_min, 500ms);
  EXPECT_EQ(c.options.rto_max, 5s);
  EXPECT_EQ(c.options.hb_interval, 5s);
  EXPECT_TRUE(c.options.heartbeat_enabled);
  EXPECT_EQ(c.options.path_max_retrans, 3);
  EXPECT_EQ(c.options.pf_max_retrans, 1);  // yaml key pf_retrans
  EXPECT_TRUE(c.options.nodelay);
  EXPECT_EQ(c.limits.max_associations, 4096u);
  ASSERT_EQ(c.listeners.size(), 1u);
  EXPECT_EQ(c.listeners[0].port, 36412);
  EXPECT_EQ(c.listeners[0].ppids, std::vector<uint32_t>{18});
  EXPECT_EQ(c.listeners[0].outbound_streams, 2);
  EXPECT_EQ(c.shutdown_timeout, 5s);
}

TEST(ShippedConfig, DiameterSink) {
  const GatewayConfig c = load_shipped("diameter.yaml");
  ASSERT_EQ(c.listeners.size(), 1u);
  EXPECT_EQ(c.listeners[0].port, 3868);
  EXPECT_EQ(c.listeners[0].ppids, std::vector<uint32_t>{46});
  EXPECT_EQ(c.listeners[0].route, Route::kSink);
  EXPECT_EQ(c.options.receive_window, 1048576u);
  EXPECT_EQ(c.options.rto_min, AssociationOptions{}.rto_min);
}

TEST(ShippedConfig, RelayToMmePool) {
  const GatewayConfig c = load_shipped("relay.yaml");
  ASSERT_EQ(c.listeners.size(), 1u);
  EXPECT_EQ(c.listeners[0].route, Route::kRelay);
  const Upstream* pool = c.find_upstream(c.listeners[0].upstream);
  ASSERT_NE(pool, nullptr);
  EXPECT_EQ(pool->name, "mme-pool");
  EXPECT_EQ(pool->selection, Selection::kRoundRobin);
  EXPECT_EQ(pool->local_port, 36412 + 1000);  // local_port 0: listener port + 1000
  ASSERT_EQ(pool->members.size(), 2u);
  EXPECT_EQ(pool->members[0].addresses, std::vector<IpAddress>{ip("192.168.100.10")});
  EXPECT_EQ(pool->members[1].addresses, std::vector<IpAddress>{ip("192.168.100.11")});
  EXPECT_EQ(pool->members[1].port, 36412);
}

}  // namespace
}  // namespace dpsctp::config
