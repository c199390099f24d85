// plan_offloads() against fake capability sets. No vdev on our machines offers SCTP
// checksum offload, so these tests are the proof that the hardware path is selected when a
// NIC (i40e, ice, ixgbe, mlx5 ...) advertises it, and that the fallbacks are right.
#include <gtest/gtest.h>
#include <rte_ethdev.h>

#include "runtime/dpdk/port.h"

namespace dpsctp::runtime {
namespace {

rte_eth_dev_info has_everything() {
  rte_eth_dev_info info{};
  info.max_rx_queues = 64;
  info.max_tx_queues = 64;
  info.rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCTP_CKSUM | RTE_ETH_RX_OFFLOAD_IPV4_CKSUM |
                         RTE_ETH_RX_OFFLOAD_UDP_CKSUM | RTE_ETH_RX_OFFLOAD_TCP_CKSUM;
  info.tx_offload_capa = RTE_ETH_TX_OFFLOAD_SCTP_CKSUM | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |
                         RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
  info.flow_type_rss_offloads = RTE_ETH_RSS_IP | RTE_ETH_RSS_NONFRAG_IPV4_TCP |
                                RTE_ETH_RSS_NONFRAG_IPV4_SCTP | RTE_ETH_RSS_NONFRAG_IPV6_SCTP;
  return info;
}

rte_eth_dev_info has_nothing() {  // what net_ring, net_null, memif ... look like
  rte_eth_dev_info info{};
  info.max_rx_queues = 16;
  info.max_tx_queues = 16;
  return info;
}

PortConfig four_queues() {
  PortConfig c;
  c.rx_queues = 4;
  c.tx_queues = 4;
  return c;
}

TEST(PlanOffloads, Rfc9260_6_8_HasEverythingSelectsHardwareCrcBothWays) {
  const OffloadPlan p = plan_offloads(has_everything(), four_queues());
  EXPECT_EQ(p.rx_crc, CrcPath::kHardware);
  EXPECT_EQ(p.tx_crc, CrcPath::kHardware);
  EXPECT_EQ(p.rx_offloads, RTE_ETH_RX_OFFLOAD_SCTP_CKSUM | RTE_ETH_RX_OFFLOAD_IPV4_CKSUM);
  EXPECT_EQ(p.tx_offloads, RTE_ETH_TX_OFFLOAD_SCTP_CKSUM | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM);
  EXPECT_TRUE(p.rx_ipv4_cksum);
  EXPECT_TRUE(p.tx_ipv4_cksum);
  EXPECT_TRUE(p.rss);
  // IP hashing plus the SCTP ports, never the TCP bit we did not ask for.
  EXPECT_EQ(p.rss_hf,
            RTE_ETH_RSS_IP | RTE_ETH_RSS_NONFRAG_IPV4_SCTP | RTE_ETH_RSS_NONFRAG_IPV6_SCTP);
  EXPECT_TRUE(p.rss_sctp_ports);
  EXPECT_EQ(p.rx_queues, 4);
  EXPECT_EQ(p.tx_queues, 4);
  EXPECT_FALSE(p.software_distribution);
  EXPECT_EQ(p.describe(), "rx_crc=hw tx_crc=hw ipv4_cksum=rx,tx rss=ip+sctp rxq=4 txq=4");
}

TEST(PlanOffloads, Rfc9260_6_8_HasNothingSelectsSoftwareCrcAndOneQueue) {
  const OffloadPlan p = plan_offloads(has_nothing(), four_queues());
  EXPECT_EQ(p.rx_crc, CrcPath::kSoftware);
  EXPECT_EQ(p.tx_crc, CrcPath::kSoftware);
  EXPECT_EQ(p.rx_offloads, 0u);
  EXPECT_EQ(p.tx_offloads, 0u);
  EXPECT_FALSE(p.rx_ipv4_cksum);
  EXPECT_FALSE(p.tx_ipv4_cksum);
  EXPECT_FALSE(p.rss);
  EXPECT_EQ(p.rss_hf, 0u);
  EXPECT_EQ(p.rx_queues, 1);  // nothing spreads packets over 4: software does
  EXPECT_TRUE(p.software_distribution);
  EXPECT_EQ(p.tx_queues, 4);  // one TX queue per lcore still works
  EXPECT_EQ(p.describe(),
            "rx_crc=sw tx_crc=sw ipv4_cksum=none rss=off (software distribution) rxq=1 txq=4");
}

TEST(PlanOffloads, Rfc9260_6_8_OneDirectionOnly) {
  rte_eth_dev_info info = has_nothing();
  info.tx_offload_capa = RTE_ETH_TX_OFFLOAD_SCTP_CKSUM;  // e.g. TX only
  const OffloadPlan p = plan_offloads(info, PortConfig{});
  EXPECT_EQ(p.tx_crc, CrcPath::kHardware);
  EXPECT_EQ(p.rx_crc, CrcPath::kSoftware);
  EXPECT_EQ(p.tx_offloads, RTE_ETH_TX_OFFLOAD_SCTP_CKSUM);
  EXPECT_EQ(p.rx_offloads, 0u);
}

TEST(PlanOffloads, WishesOffKeepSoftwareEvenWhenCapable) {
  PortConfig c = four_queues();
  c.want_sctp_cksum_offload = false;
  c.want_ip_cksum_offload = false;
  c.want_rss = false;
  const OffloadPlan p = plan_offloads(has_everything(), c);
  EXPECT_EQ(p.rx_crc, CrcPath::kSoftware);
  EXPECT_EQ(p.tx_crc, CrcPath::kSoftware);
  EXPECT_EQ(p.rx_offloads, 0u);
  EXPECT_EQ(p.tx_offloads, 0u);
  EXPECT_FALSE(p.rss);
  EXPECT_EQ(p.rx_queues, 1);
  EXPECT_TRUE(p.software_distribution);
}

TEST(PlanOffloads, RssOnIpOnlyWhenTheNicCannotHashSctpPorts) {
  rte_eth_dev_info info = has_everything();
  info.flow_type_rss_offloads = RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_IPV6 | RTE_ETH_RSS_NONFRAG_IPV4_UDP;
  const OffloadPlan p = plan_offloads(info, four_queues());
  EXPECT_TRUE(p.rss);
  EXPECT_EQ(p.rss_hf, RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_IPV6);
  EXPECT_FALSE(p.rss_sctp_ports);
  EXPECT_EQ(p.rx_queues, 4);
}

TEST(PlanOffloads, RssOnSctpPortsForOneFamily) {
  rte_eth_dev_info info = has_everything();
  info.flow_type_rss_offloads = RTE_ETH_RSS_IP | RTE_ETH_RSS_NONFRAG_IPV4_SCTP;
  const OffloadPlan p = plan_offloads(info, four_queues());
  EXPECT_EQ(p.rss_hf, RTE_ETH_RSS_IP | RTE_ETH_RSS_NONFRAG_IPV4_SCTP);
  EXPECT_TRUE(p.rss_sctp_ports);
}

TEST(PlanOffloads, SctpHashWithoutIpHashIsNoRss) {
  // Hashing SCTP ports only would put non-SCTP (ARP, ICMP) on queue 0 anyway, and IP
  // fragments nowhere sensible: require the IP bits.
  rte_eth_dev_info info = has_nothing();
  info.flow_type_rss_offloads = RTE_ETH_RSS_NONFRAG_IPV4_SCTP;
  const OffloadPlan p = plan_offloads(info, four_queues());
  EXPECT_FALSE(p.rss);
  EXPECT_TRUE(p.software_distribution);
  EXPECT_EQ(p.rx_queues, 1);
}

TEST(PlanOffloads, SingleQueueNeedsNoRss) {
  const OffloadPlan p = plan_offloads(has_everything(), PortConfig{});
  EXPECT_FALSE(p.rss);
  EXPECT_EQ(p.rss_hf, 0u);
  EXPECT_FALSE(p.software_distribution);
  EXPECT_EQ(p.rx_queues, 1);
  EXPECT_EQ(p.tx_queues, 1);
}

TEST(PlanOffloads, QueueCountsClampedToTheDevice) {
  rte_eth_dev_info info = has_everything();
  info.max_rx_queues = 2;
  info.max_tx_queues = 3;
  PortConfig c;
  c.rx_queues = 8;
  c.tx_queues = 8;
  const OffloadPlan p = plan_offloads(info, c);
  EXPECT_TRUE(p.rss);
  EXPECT_EQ(p.rx_queues, 2);
  EXPECT_EQ(p.tx_queues, 3);
}

TEST(PlanOffloads, DeviceWithOneRxQueueFallsBackToSoftwareDistribution) {
  rte_eth_dev_info info = has_everything();
  info.max_rx_queues = 1;  // af_packet, pcap
  const OffloadPlan p = plan_offloads(info, four_queues());
  EXPECT_FALSE(p.rss);
  EXPECT_EQ(p.rx_queues, 1);
  EXPECT_TRUE(p.software_distribution);
}

TEST(PlanOffloads, ZeroQueuesAskedMeansOne) {
  PortConfig c;
  c.rx_queues = 0;
  c.tx_queues = 0;
  const OffloadPlan p = plan_offloads(has_nothing(), c);
  EXPECT_EQ(p.rx_queues, 1);
  EXPECT_EQ(p.tx_queues, 1);
  EXPECT_FALSE(p.software_distribution);
}

TEST(MbufPoolSize, RingsCachesBurstsAndExtraRoundedToPow2Minus1) {
  PortConfig c;  // 1 rx x 1024 + 1 tx x 1024, 1 lcore, 4096 extra
  // 2048 + 256 cache + 32 x 2 bursts + 4096 = 6464 -> 8191
  EXPECT_EQ(mbuf_pool_size(c, 256), 8191u);
  c.extra_mbufs = 0;
  c.rx_desc = 512;
  c.tx_desc = 512;
  // 1024 + 256 + 64 = 1344 -> 2047
  EXPECT_EQ(mbuf_pool_size(c, 256), 2047u);
  c.rx_desc = 1023 - 256 - 64 - 512;  // exactly 1023 needed -> stays 1023
  EXPECT_EQ(mbuf_pool_size(c, 256), 1023u);
}

TEST(MbufDataRoom, FitsOneFrameOfTheMtu) {
  EXPECT_EQ(mbuf_data_room(1500), RTE_MBUF_DEFAULT_BUF_SIZE);  // 2048 + 128
  EXPECT_EQ(mbuf_data_room(9000), 9000 + 14 + 8 + 4 + RTE_PKTMBUF_HEADROOM);
}

}  // namespace
}  // namespace dpsctp::runtime
