// Port on net_ring vdevs: configure, pool, start, link, MTU, stop/close.
#include "runtime/dpdk/port.h"

#include <gtest/gtest.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include <string>

#include "dpdk_env.h"

namespace dpsctp::runtime {
namespace {

using dpdktest::make_ring_port;

TEST(PortOnRing, Ring0StartsWithLinkUpMtuAndSoftwareCrc) {
  PortConfig c;
  c.port_id = dpdktest::ring0_port();
  std::string error;
  std::optional<Port> port = Port::open(c, &error);
  ASSERT_TRUE(port.has_value()) << error;
  EXPECT_EQ(port->id(), c.port_id);
  EXPECT_TRUE(port->link_up());
  EXPECT_EQ(port->mtu(), 1500u);
  // No vdev offers SCTP checksum offload: the software CRC32c runs (RFC 9260 §6.8).
  EXPECT_EQ(port->plan().rx_crc, CrcPath::kSoftware);
  EXPECT_EQ(port->plan().tx_crc, CrcPath::kSoftware);
  EXPECT_EQ(port->plan().rx_queues, 1);
  EXPECT_EQ(port->plan().tx_queues, 1);
  ASSERT_NE(port->pool(), nullptr);
  EXPECT_EQ(rte_mempool_avail_count(port->pool()) + rte_mempool_in_use_count(port->pool()),
            mbuf_pool_size(c, kMbufCacheSize));
  EXPECT_EQ(rte_pktmbuf_data_room_size(port->pool()), RTE_MBUF_DEFAULT_BUF_SIZE);
  EXPECT_EQ(port->rx_desc(), 1024);
  EXPECT_EQ(port->tx_desc(), 1024);
}

TEST(PortOnRing, JumboMtuSizesTheMbufsForOneSegmentFrames) {
  const auto id = make_ring_port("jumbo");
  ASSERT_TRUE(id.has_value());
  PortConfig c;
  c.port_id = *id;
  c.mtu = 9000;
  c.rx_desc = 128;
  c.tx_desc = 128;
  c.extra_mbufs = 256;
  std::string error;
  std::optional<Port> port = Port::open(c, &error);
  ASSERT_TRUE(port.has_value()) << error;
  EXPECT_EQ(port->mtu(), 9000u);
  EXPECT_EQ(rte_pktmbuf_data_room_size(port->pool()), mbuf_data_room(9000));
}

TEST(PortOnRing, MoreQueuesThanRssCanFeedFallsBackToSoftwareDistribution) {
  const auto id = make_ring_port("rss");
  ASSERT_TRUE(id.has_value());
  PortConfig c;
  c.port_id = *id;
  c.rx_queues = 4;
  c.tx_queues = 4;
  c.rx_desc = 256;
  c.tx_desc = 256;
  std::string error;
  std::optional<Port> port = Port::open(c, &error);
  ASSERT_TRUE(port.has_value()) << error;
  EXPECT_FALSE(port->plan().rss);
  EXPECT_TRUE(port->plan().software_distribution);
  EXPECT_EQ(port->plan().rx_queues, 1);
  EXPECT_EQ(port->plan().tx_queues, 4);
  rte_eth_dev_info info{};
  ASSERT_EQ(rte_eth_dev_info_get(*id, &info), 0);
  EXPECT_EQ(info.nb_rx_queues, 1);
  EXPECT_EQ(info.nb_tx_queues, 4);
}

TEST(PortOnRing, UsesAGivenPoolWithoutFreeingIt) {
  rte_mempool* pool = rte_pktmbuf_pool_create("t_shared_pool", 4095, 0, 0,
                                              RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
  ASSERT_NE(pool, nullptr);
  const auto id = make_ring_port("shared");
  ASSERT_TRUE(id.has_value());
  {
    PortConfig c;
    c.port_id = *id;
    c.pool = pool;
    std::string error;
    std::optional<Port> port = Port::open(c, &error);
    ASSERT_TRUE(port.has_value()) << error;
    EXPECT_EQ(port->pool(), pool);
  }
  EXPECT_EQ(rte_mempool_lookup("t_shared_pool"), pool);  // still alive
  rte_mempool_free(pool);
}

TEST(PortOnRing, CloseReleasesTheVdevPortAndMoveKeepsOneOwner) {
  const auto id = make_ring_port("close");
  ASSERT_TRUE(id.has_value());
  PortConfig c;
  c.port_id = *id;
  std::string error;
  {
    std::optional<Port> port = Port::open(c, &error);
    ASSERT_TRUE(port.has_value()) << error;
    Port moved = std::move(*port);
    port.reset();  // the moved-from Port does nothing
    EXPECT_TRUE(rte_eth_dev_is_valid_port(*id));
    EXPECT_TRUE(moved.link_up());
    moved.stop();
    moved.stop();  // idempotent
  }
  EXPECT_FALSE(rte_eth_dev_is_valid_port(*id));
  EXPECT_EQ(rte_mempool_lookup(("dpsctp_p" + std::to_string(*id)).c_str()), nullptr);
}

TEST(PortOnRing, MissingPortIsAClearError) {
  PortConfig c;
  c.port_id = RTE_MAX_ETHPORTS - 1;
  std::string error;
  EXPECT_FALSE(Port::open(c, &error).has_value());
  EXPECT_NE(error.find("does not exist"), std::string::npos) << error;
}

TEST(PortOnRing, MtuOutsideTheDeviceRangeIsAClearError) {
  const auto id = make_ring_port("mtu");
  ASSERT_TRUE(id.has_value());
  PortConfig c;
  c.port_id = *id;
  c.mtu = 10;  // below RTE_ETHER_MIN_MTU (68)
  std::string error;
  EXPECT_FALSE(Port::open(c, &error).has_value());
  EXPECT_NE(error.find("mtu 10 outside"), std::string::npos) << error;
  EXPECT_TRUE(rte_eth_dev_is_valid_port(*id));  // nothing was configured: not closed
}

}  // namespace
}  // namespace dpsctp::runtime
