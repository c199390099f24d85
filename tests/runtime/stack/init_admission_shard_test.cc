// The INIT admission budget in a real Shard (issue #10): a lone shard over a net_ring port
// drops INITs beyond its bucket before the core (ShardCounters::init_drop), and never
// touches other packets. The bucket itself: init_admission_test.cc.
#include <gtest/gtest.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../dpdk/dpdk_env.h"
#include "runtime/stack/l2l3_encap.h"
#include "runtime/stack/shard.h"
#include "wire/crc32c.h"

namespace dpsctp::runtime {
namespace {

const IpAddress kUs = IpAddress::v4(10, 0, 0, 2);
const IpAddress kPeer = IpAddress::v4(10, 0, 0, 1);
const net::MacAddress kPeerMac({0x02, 0, 0, 0, 0, 0x01});
constexpr uint16_t kPeerPort = 5000, kOurPort = 36412;
constexpr uint8_t kData = 0, kInit = 1;

struct Silent final : Listener {
  void on_message(const ReceivedMessage&) override {}
};

class InitAdmissionShard : public ::testing::Test {
 protected:
  void start(const std::string& tag, InitAdmissionConfig budget) {
    const auto id = dpdktest::make_ring_port(tag);
    ASSERT_TRUE(id.has_value());
    PortConfig pc;
    pc.port_id = *id;
    pc.rx_desc = pc.tx_desc = 256;
    pc.extra_mbufs = 1024;
    std::string error;
    std::optional<Port> port = Port::open(pc, &error);
    ASSERT_TRUE(port) << error;
    port_.emplace(std::move(*port));
    rte_ether_addr mac{};
    ASSERT_EQ(rte_eth_macaddr_get(*id, &mac), 0);
    mac_ = net::MacAddress(std::to_array(mac.addr_bytes));
    ShardConfig sc;
    sc.link.mac = mac_;
    sc.endpoint.local_addresses = {kUs};
    sc.endpoint.port = kOurPort;
    sc.init_admission = budget;
    shard_ = std::make_unique<Shard>(*port_, std::move(sc), listener_);
  }
  void TearDown() override {
    if (shard_) shard_->poll_once();
    shard_.reset();
    if (port_) {
      EXPECT_EQ(rte_mempool_in_use_count(port_->pool()), 0u);  // nothing leaked
    }
    port_.reset();
  }
  /// Puts a frame on the wire toward us (the ring port loops TX back to RX queue 0).
  void inject(uint32_t vtag, uint8_t type) {
    const std::vector<std::byte> frame = sctp_frame(vtag, type);
    rte_mbuf* m = rte_pktmbuf_alloc(port_->pool());
    ASSERT_NE(m, nullptr);
    char* d = rte_pktmbuf_append(m, static_cast<uint16_t>(frame.size()));
    ASSERT_NE(d, nullptr);
    std::memcpy(d, frame.data(), frame.size());
    ASSERT_EQ(rte_eth_tx_burst(port_->id(), 0, &m, 1), 1);
  }
  /// Ethernet + IPv4 + SCTP: common header and one chunk of `type` with 4 bytes of value.
  [[nodiscard]] std::vector<std::byte> sctp_frame(uint32_t vtag, uint8_t type) const {
    std::vector<std::byte> sctp(20, std::byte{0});
    sctp[0] = std::byte(kPeerPort >> 8);
    sctp[1] = std::byte(kPeerPort & 0xff);
    sctp[2] = std::byte(kOurPort >> 8);
    sctp[3] = std::byte(kOurPort & 0xff);
    for (size_t i = 0; i < 4; ++i) sctp[4 + i] = std::byte((vtag >> (24 - 8 * i)) & 0xff);
    sctp[12] = std::byte{type};
    sctp[15] = std::byte{8};
    wire::write_sctp_checksum(sctp);
    const LinkIdentity peer{.mac = kPeerMac, .vlan = std::nullopt};
    std::vector<std::byte> f(14 + 20 + sctp.size());
    EXPECT_TRUE(write_l2_header(std::span(f).first(14), peer, mac_, ether_type_for(kUs)));
    EXPECT_TRUE(write_sctp_l3_header(std::span(f).subspan(14, 20), kPeer, kUs, sctp.size(), false));
    std::copy(sctp.begin(), sctp.end(), f.begin() + 34);
    return f;
  }

  std::optional<Port> port_;
  Silent listener_;
  net::MacAddress mac_;
  std::unique_ptr<Shard> shard_;
};

// 10 INITs against a bucket of 3 at 1/s: 3 (a 4th if the test took over a second) reach
// the core, the rest are counted in init_drop; the DATA packets are never subject to it.
TEST_F(InitAdmissionShard, InitsBeyondTheBurstAreDroppedAndCounted) {
  start("ia", {.rate = 1, .burst = 3});
  for (int i = 0; i < 10; ++i) inject(0, kInit);
  for (int i = 0; i < 5; ++i) inject(0x10000002, kData);
  shard_->poll_once();
  const ShardCounters& c = shard_->counters();
  EXPECT_EQ(c.rx_packets, 15u);
  EXPECT_GE(c.init_drop, 6u);
  EXPECT_LE(c.init_drop, 7u);
  EXPECT_EQ(c.rx_sctp + c.init_drop, 15u);  // every DATA reached the core
  EXPECT_EQ(shard_->endpoint().counters().SctpInSCTPPacks, c.rx_sctp);
}

TEST_F(InitAdmissionShard, UnlimitedByDefault) {
  start("iu", {});
  for (int i = 0; i < 20; ++i) inject(0, kInit);
  shard_->poll_once();
  EXPECT_EQ(shard_->counters().init_drop, 0u);
  EXPECT_EQ(shard_->counters().rx_sctp, 20u);
}

}  // namespace
}  // namespace dpsctp::runtime
