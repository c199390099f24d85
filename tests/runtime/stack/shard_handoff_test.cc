// Two Shards of one process over a net_ring port (one RX queue: software distribution),
// polled in turn on one lcore: the design.md §3 paths through the real rings — owner by
// tag, T-bit ABORT and INIT through the cross-shard index, INIT spreading, ARP copies for
// every neighbour cache, and a full ring freeing and counting what it refuses.
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
#include "runtime/net/arp.h"
#include "runtime/net/ethernet.h"
#include "runtime/net/icmp.h"
#include "runtime/net/ipv4.h"
#include "runtime/stack/cross_shard_index.h"
#include "runtime/stack/l2l3_encap.h"
#include "runtime/stack/shard.h"
#include "runtime/stack/shard_mesh.h"
#include "runtime/stack/shard_route.h"
#include "wire/buffer_writer.h"
#include "wire/crc32c.h"

namespace dpsctp::runtime {
namespace {

const IpAddress kUs = IpAddress::v4(10, 0, 0, 2);
const IpAddress kPeer = IpAddress::v4(10, 0, 0, 1);
const net::MacAddress kPeerMac({0x02, 0, 0, 0, 0, 0x01});
constexpr uint16_t kPeerPort = 5000, kOurPort = 36412;
constexpr uint8_t kData = 0, kInit = 1, kAbort = 6;

struct Silent final : Listener {
  void on_message(const ReceivedMessage&) override {}
};

class ShardHandoff : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto id = dpdktest::make_ring_port("shard");
    ASSERT_TRUE(id.has_value());
    PortConfig pc;
    pc.port_id = *id;
    pc.rx_desc = pc.tx_desc = 256;
    pc.extra_mbufs = 1024;
    std::string error;
    std::optional<Port> port = Port::open(pc, &error);
    ASSERT_TRUE(port) << error;
    port_.emplace(std::move(*port));
    std::optional<ShardMesh> mesh = ShardMesh::create(2, 1, 64, port_->socket(), &error);
    ASSERT_TRUE(mesh) << error;
    mesh_.emplace(std::move(*mesh));
    rte_ether_addr mac{};
    ASSERT_EQ(rte_eth_macaddr_get(*id, &mac), 0);
    mac_ = net::MacAddress(std::to_array(mac.addr_bytes));
    for (uint16_t i = 0; i < 2; ++i) {
      ShardConfig sc;
      sc.poll_rx = i == 0;  // one RX queue: shard 0 reads, shard 1 gets handoffs
      sc.link.mac = mac_;
      sc.endpoint.local_addresses = {kUs};
      sc.endpoint.port = kOurPort;
      sc.endpoint.shard = i;
      sc.endpoint.shards = 2;
      sc.links = mesh_->links_for(i, &index_, /*spread_inits=*/true);
      shards_.push_back(std::make_unique<Shard>(*port_, std::move(sc), listener_));
    }
  }
  void TearDown() override {
    for (int i = 0; i < 4; ++i) poll_both();  // drain whatever is in flight
    shards_.clear();
    mesh_.reset();
    if (port_) {
      EXPECT_EQ(rte_mempool_in_use_count(port_->pool()), 0u);  // nothing leaked
    }
    port_.reset();
  }

  /// Puts a frame on the wire toward us (the ring port loops TX back to RX queue 0).
  void inject(const std::vector<std::byte>& frame) {
    rte_mbuf* m = rte_pktmbuf_alloc(port_->pool());
    ASSERT_NE(m, nullptr);
    char* d = rte_pktmbuf_append(m, static_cast<uint16_t>(frame.size()));
    ASSERT_NE(d, nullptr);
    std::memcpy(d, frame.data(), frame.size());
    ASSERT_EQ(rte_eth_tx_burst(port_->id(), 0, &m, 1), 1);
  }
  /// Ethernet + IPv4 + SCTP (common header, one chunk of `type` / `flags`, 4 bytes of
  /// value), CRC32c filled.
  std::vector<std::byte> sctp_frame(uint32_t vtag, uint8_t type, uint8_t flags) const {
    std::vector<std::byte> sctp(20, std::byte{0});
    const auto be16 = [&](size_t at, uint16_t v) {
      sctp[at] = std::byte(v >> 8);
      sctp[at + 1] = std::byte(v & 0xff);
    };
    be16(0, kPeerPort);
    be16(2, kOurPort);
    for (size_t i = 0; i < 4; ++i) sctp[4 + i] = std::byte(vtag >> (24 - 8 * i));
    sctp[12] = std::byte{type};
    sctp[13] = std::byte{flags};
    be16(14, 8);
    wire::write_sctp_checksum(sctp);
    const LinkIdentity peer{.mac = kPeerMac, .vlan = std::nullopt};
    std::vector<std::byte> f(14 + 20 + sctp.size());
    EXPECT_TRUE(write_l2_header(std::span(f).first(14), peer, mac_, ether_type_for(kUs)));
    EXPECT_TRUE(write_sctp_l3_header(std::span(f).subspan(14, 20), kPeer, kUs, sctp.size(), false));
    std::copy(sctp.begin(), sctp.end(), f.begin() + 34);
    return f;
  }
  void poll_both() {
    shards_[0]->poll_once();
    shards_[1]->poll_once();
  }
  uint64_t packets_at(size_t shard) const {
    return shards_[shard]->endpoint().counters().SctpInSCTPPacks;
  }

  std::optional<Port> port_;
  std::optional<ShardMesh> mesh_;
  CrossShardIndex index_;
  Silent listener_;
  net::MacAddress mac_;
  std::vector<std::unique_ptr<Shard>> shards_;
};

// RFC 9260 §8.5 + design.md §3: our tag names the owner; shard 0 hands the packet over.
TEST_F(ShardHandoff, PacketGoesToTheShardItsTagNames) {
  inject(sctp_frame(0x10000001, kData, 0));  // odd: shard 1's tag
  inject(sctp_frame(0x10000002, kData, 0));  // even: shard 0's
  shards_[0]->poll_once();
  EXPECT_EQ(shards_[0]->counters().handoff_tx, 1u);
  EXPECT_EQ(packets_at(0), 1u);
  EXPECT_EQ(packets_at(1), 0u);
  shards_[1]->poll_once();
  EXPECT_EQ(shards_[1]->counters().handoff_rx, 1u);
  EXPECT_EQ(packets_at(1), 1u);
  EXPECT_EQ(shards_[0]->counters().handoff_drop, 0u);
}

// RFC 9260 §8.5.1 B: a T-bit ABORT carries the peer's tag; the index names the owner.
TEST_F(ShardHandoff, TBitAbortFollowsTheIndex) {
  inject(sctp_frame(0x20000002, kAbort, 1));  // even tag, but it is the peer's
  shards_[0]->poll_once();
  EXPECT_EQ(shards_[0]->counters().index_lookups, 1u);
  EXPECT_EQ(shards_[0]->counters().handoff_tx, 0u);  // unknown: handled here (OOTB)
  EXPECT_EQ(packets_at(0), 1u);
  index_.insert({kPeer, kPeerPort, kOurPort}, {1, AssocId(3)});
  inject(sctp_frame(0x20000002, kAbort, 1));
  poll_both();
  EXPECT_EQ(shards_[0]->counters().index_hits, 1u);
  EXPECT_EQ(shards_[0]->counters().handoff_tx, 1u);
  EXPECT_EQ(packets_at(1), 1u);
}

// RFC 9260 §5.2: an INIT for an existing association goes to its owner; a new one to
// init_shard() of its flow (software distribution spreads the associations).
TEST_F(ShardHandoff, InitGoesToTheOwnerOrItsFlowsShard) {
  const uint16_t spread = init_shard(kPeer, kPeerPort, kOurPort, 2);
  inject(sctp_frame(0, kInit, 0));
  poll_both();
  EXPECT_EQ(shards_[0]->counters().inits_spread, 1u);
  EXPECT_EQ(packets_at(spread), 1u);
  EXPECT_EQ(packets_at(1 - spread), 0u);
  const auto owner = static_cast<uint16_t>(1 - spread);
  index_.insert({kPeer, kPeerPort, kOurPort}, {owner, AssocId(9)});
  inject(sctp_frame(0, kInit, 0));
  poll_both();
  EXPECT_EQ(shards_[0]->counters().index_hits, 1u);
  EXPECT_EQ(packets_at(owner), 1u);
}

// Each shard has its own neighbour cache: the one that receives an ARP request answers
// it (RFC 826), every other one learns the sender from a reference to the same mbuf.
TEST_F(ShardHandoff, ArpIsAnsweredOnceAndLearntByEveryShard) {
  std::vector<std::byte> f(60);
  wire::BufferWriter w(f);
  net::write_arp_frame(w, net::ArpPacket::request(kPeerMac, kPeer, kUs),
                       net::MacAddress::broadcast());
  inject(f);
  poll_both();
  EXPECT_EQ(shards_[0]->counters().arp_requests_answered, 1u);
  EXPECT_EQ(shards_[1]->counters().arp_requests_answered, 0u);
  EXPECT_EQ(shards_[1]->counters().handoff_rx, 1u);
  EXPECT_EQ(shards_[0]->neighbours().peek(kPeer), kPeerMac);
  EXPECT_EQ(shards_[1]->neighbours().peek(kPeer), kPeerMac);
}

// RFC 9260 §7.3 / RFC 1191 §4: a frag-needed quotes a packet we sent with the PEER's tag;
// the index sends it to the shard owning that association.
TEST_F(ShardHandoff, FragNeededFollowsTheIndex) {
  // The invoking datagram: our IPv4 header to the peer and 8 bytes of SCTP header.
  std::vector<std::byte> invoking(28);
  wire::BufferWriter iw(invoking);
  net::Ipv4Header::for_sctp(kUs, kPeer, 1480).serialize_to(iw);
  const std::array<uint8_t, 8> sctp{0x8e, 0x3c, 0x13, 0x88, 0xca, 0xfe, 0xba, 0xbe};
  for (size_t i = 0; i < 8; ++i) invoking[20 + i] = std::byte{sctp[i]};
  std::vector<std::byte> icmp(8 + invoking.size());
  wire::BufferWriter cw(icmp);
  net::IcmpDestUnreachable::write(cw, net::icmp_unreachable::kFragmentationNeeded, 1280, invoking);
  std::vector<std::byte> f(14 + 20 + icmp.size());
  wire::BufferWriter fw(f);
  net::EthernetHeader{.dst = mac_, .src = kPeerMac, .vlan = std::nullopt,
                      .ether_type = net::ether_type::kIpv4}
      .serialize_to(fw);
  net::Ipv4Header::for_icmp(kPeer, kUs, icmp.size()).serialize_to(fw);
  std::copy(icmp.begin(), icmp.end(), f.begin() + 34);

  index_.insert({kPeer, kPeerPort, kOurPort}, {1, AssocId(2)});
  inject(f);
  poll_both();
  EXPECT_EQ(shards_[0]->counters().index_hits, 1u);
  EXPECT_EQ(shards_[0]->counters().icmp_frag_needed, 0u);
  EXPECT_EQ(shards_[1]->counters().handoff_rx, 1u);
  EXPECT_EQ(shards_[1]->counters().icmp_frag_needed, 1u);
}

// Ownership rule: a full ring refuses; the producer frees and counts (no leak, TearDown).
TEST_F(ShardHandoff, FullRingDropsAreFreedAndCounted) {
  for (int i = 0; i < 100; ++i) inject(sctp_frame(0x30000001, kData, 0));
  for (int i = 0; i < 8; ++i) shards_[0]->poll_once();  // shard 1 does not poll
  EXPECT_EQ(shards_[0]->counters().handoff_tx, 63u);  // a 64-slot ring holds 63
  EXPECT_EQ(shards_[0]->counters().handoff_drop, 37u);
  shards_[1]->poll_once();
  shards_[1]->poll_once();
  EXPECT_EQ(shards_[1]->counters().handoff_rx, 63u);
  EXPECT_EQ(packets_at(1), 63u);
}

}  // namespace
}  // namespace dpsctp::runtime
