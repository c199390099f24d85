// Impairment (impairment.h): the pure part — the spec parser, the seeded per-packet
// decisions and the Impairer's hold / release / duplicate / drop bookkeeping, on integer
// packets and a fake clock — and the ethdev glue on a net_ring port (TX loops back to RX):
// cuts, drops and duplicates in both directions without leaking an mbuf. The interop
// suite (tests/interop, impaired and multihome scenarios) runs it against usrsctp.
#include "runtime/dpdk/impairment.h"

#include <gtest/gtest.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "dpdk_env.h"
#include "runtime/dpdk/port.h"

namespace dpsctp::runtime {
namespace {

struct IntOps {
  using Pkt = int;
  std::vector<int> out, dropped;
  int next_copy = 1000;
  bool can_take = true;
  void emit(int p) { out.push_back(p); }
  void drop(int p) { dropped.push_back(p); }
  std::optional<int> copy(const int& p) { return p + next_copy; }
  std::optional<int> take(int p) { return can_take ? std::optional<int>(p) : std::nullopt; }
};

ImpairmentConfig config(const char* spec) {
  ImpairmentConfig c;
  std::string error;
  EXPECT_TRUE(c.parse(spec, &error)) << error;
  return c;
}

TEST(ImpairmentConfig, ParsesEveryKey) {
  const ImpairmentConfig c = config("loss=2,reorder=2.5,dup=1,gap=4,seed=7");
  EXPECT_DOUBLE_EQ(c.loss_pct, 2);
  EXPECT_DOUBLE_EQ(c.reorder_pct, 2.5);
  EXPECT_DOUBLE_EQ(c.dup_pct, 1);
  EXPECT_EQ(c.gap, 4u);
  EXPECT_EQ(c.seed, 7u);
  EXPECT_TRUE(c.any());
  EXPECT_FALSE(config("").any());
}

TEST(ImpairmentConfig, RejectsBadInput) {
  for (const char* bad : {"loss", "loss=", "loss=x", "loss=-1", "loss=101", "gap=0", "gap=1.5",
                          "gap=65", "speed=3", "loss=60,dup=50", "seed=1.5", "loss=2,,dup=1"}) {
    ImpairmentConfig c;
    std::string error;
    EXPECT_FALSE(c.parse(bad, &error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

TEST(ImpairmentModel, SameSeedSameDecisionsAndRatesNearTheirPercentages) {
  const ImpairmentConfig c = config("loss=2,reorder=3,dup=1,seed=7");
  ImpairmentModel a(c), b(c);
  int counts[4] = {};
  constexpr int kDraws = 200000;
  for (int i = 0; i < kDraws; ++i) {
    const auto x = a.decide();
    ASSERT_EQ(x, b.decide());
    ++counts[static_cast<int>(x)];
  }
  // Binomial: 5 standard deviations around n*p.
  EXPECT_NEAR(counts[1], 0.02 * kDraws, 5 * 63);  // drop
  EXPECT_NEAR(counts[2], 0.01 * kDraws, 5 * 45);  // duplicate
  EXPECT_NEAR(counts[3], 0.03 * kDraws, 5 * 77);  // hold
  ImpairmentModel other(config("loss=2,reorder=3,dup=1,seed=8"));
  int same = 0;
  ImpairmentModel again(c);
  for (int i = 0; i < 1000; ++i) same += other.decide() == again.decide() ? 1 : 0;
  EXPECT_LT(same, 1000);  // another seed, another sequence
}

TEST(ImpairmentModel, ZeroPercentNeverImpairsHundredAlwaysDrops) {
  ImpairmentModel none(config("seed=3"));
  ImpairmentModel all(config("loss=100"));
  for (int i = 0; i < 10000; ++i) {
    ASSERT_EQ(none.decide(), ImpairmentModel::Action::kPass);
    ASSERT_EQ(all.decide(), ImpairmentModel::Action::kDrop);
  }
}

// A held packet goes out right after the gap-th later packet that passed (held ones do
// not count), predicted with a second model on the same seed.
TEST(Impairer, HeldPacketLeavesAfterGapLaterPassedPackets) {
  const ImpairmentConfig c = config("reorder=20,gap=3,seed=5");
  IntOps ops;
  Impairer<IntOps> imp(c, 1u << 30, ops);
  ImpairmentModel oracle(c);
  constexpr int kPackets = 2000;
  std::vector<bool> held(kPackets);
  for (int i = 0; i < kPackets; ++i) {
    held[static_cast<size_t>(i)] = oracle.decide() == ImpairmentModel::Action::kHold;
    imp.push(i, 0);
  }
  imp.flush();
  ASSERT_EQ(ops.out.size(), size_t{kPackets});
  std::vector<size_t> pos(kPackets);
  for (size_t k = 0; k < ops.out.size(); ++k) pos[static_cast<size_t>(ops.out[k])] = k;
  int checked = 0;
  for (int h = 0; h < kPackets; ++h) {
    if (!held[static_cast<size_t>(h)]) continue;
    std::vector<int> later;  // the passed packets after h
    for (int j = h + 1; j < kPackets && later.size() < 4; ++j) {
      if (!held[static_cast<size_t>(j)]) later.push_back(j);
    }
    if (later.size() < 4) continue;  // released by flush()
    EXPECT_GT(pos[static_cast<size_t>(h)], pos[static_cast<size_t>(later[2])]) << h;
    EXPECT_LT(pos[static_cast<size_t>(h)], pos[static_cast<size_t>(later[3])]) << h;
    ++checked;
  }
  EXPECT_GT(checked, 300);
}

// Every packet is passed, dropped, duplicated or held and released later: nothing is lost
// silently, and the drops are exactly the packets that never come out.
TEST(Impairer, ConservesPackets) {
  IntOps ops;
  ops.next_copy = 100000;
  Impairer<IntOps> imp(config("loss=5,reorder=10,dup=5,gap=3,seed=11"), 1u << 30, ops);
  constexpr int kPackets = 20000;
  for (int i = 0; i < kPackets; ++i) imp.push(i, 0);
  imp.flush();
  EXPECT_EQ(imp.held(), 0u);
  const auto& c = imp.counters();
  EXPECT_EQ(c.seen, uint64_t{kPackets});
  EXPECT_EQ(ops.dropped.size(), c.dropped);
  EXPECT_EQ(ops.out.size(), kPackets - c.dropped + c.duplicated);
  EXPECT_GT(c.held, 0u);
  EXPECT_GT(c.duplicated, 0u);
  std::vector<int> seen(kPackets, 0), copies(kPackets, 0);
  for (int p : ops.out) {
    if (p < kPackets) {
      ++seen[static_cast<size_t>(p)];
    } else {
      ++copies[static_cast<size_t>(p - 100000)];
    }
  }
  for (int d : ops.dropped) EXPECT_EQ(seen[static_cast<size_t>(d)], 0) << d;
  uint64_t once = 0;
  for (int i = 0; i < kPackets; ++i) {
    once += seen[static_cast<size_t>(i)] == 1 ? 1 : 0;
    EXPECT_LE(copies[static_cast<size_t>(i)], seen[static_cast<size_t>(i)]) << i;
  }
  EXPECT_EQ(once, kPackets - c.dropped);
}

TEST(Impairer, HeldTooLongIsReleasedByPollInHeldOrder) {
  IntOps ops;
  Impairer<IntOps> imp(config("reorder=100,gap=2"), 50, ops);
  for (int i = 0; i < 5; ++i) imp.push(i, 0);
  EXPECT_TRUE(ops.out.empty());
  EXPECT_EQ(imp.held(), 5u);
  imp.poll(49);
  EXPECT_TRUE(ops.out.empty());  // the 50-tick limit has not passed
  imp.poll(50);
  EXPECT_EQ(ops.out, (std::vector<int>{0, 1, 2, 3, 4}));  // released in held order
  EXPECT_EQ(imp.held(), 0u);
}

TEST(Impairer, FullHoldQueuePassesAndDiscardDrops) {
  IntOps ops;
  Impairer<IntOps> imp(config("reorder=100"), 1000, ops);
  // gap 3: the one that found no room passes at once and counts 1 of the held ones' 3.
  for (int i = 0; i < static_cast<int>(Impairer<IntOps>::kMaxHeld) + 1; ++i) imp.push(i, 0);
  EXPECT_EQ(imp.held(), Impairer<IntOps>::kMaxHeld);
  EXPECT_EQ(ops.out, std::vector<int>{static_cast<int>(Impairer<IntOps>::kMaxHeld)});
  imp.discard();
  EXPECT_EQ(ops.dropped.size(), Impairer<IntOps>::kMaxHeld);
  EXPECT_EQ(imp.held(), 0u);
}

TEST(Impairer, TakeRefusedMeansThePacketPasses) {
  IntOps ops;
  ops.can_take = false;
  Impairer<IntOps> imp(config("reorder=100"), 1000, ops);
  imp.push(7, 0);
  EXPECT_EQ(ops.out, std::vector<int>{7});
  EXPECT_EQ(imp.counters().held, 0u);
}

TEST(Impairer, DuplicateFollowsItsOriginal) {
  IntOps ops;
  Impairer<IntOps> imp(config("dup=100"), 1000, ops);
  imp.push(3, 0);
  imp.push(4, 0);
  EXPECT_EQ(ops.out, (std::vector<int>{3, 1003, 4, 1004}));
  EXPECT_EQ(imp.counters().duplicated, 2u);
}

// --- The ethdev glue on a ring port ------------------------------------------------------

class ImpairmentOnRing : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto id = dpdktest::make_ring_port("impair");
    ASSERT_TRUE(id.has_value());
    PortConfig c;
    c.port_id = *id;
    c.rx_desc = 64;
    c.tx_desc = 64;
    c.extra_mbufs = 256;
    std::string error;
    std::optional<Port> port = Port::open(c, &error);
    ASSERT_TRUE(port.has_value()) << error;
    port_.emplace(std::move(*port));
    baseline_ = rte_mempool_in_use_count(port_->pool());
  }
  // An Ethernet + IPv4 frame to `dst` (only the header fields the callbacks read).
  [[nodiscard]] rte_mbuf* frame(uint8_t dst_last) const {
    rte_mbuf* m = rte_pktmbuf_alloc(port_->pool());
    auto* p = reinterpret_cast<uint8_t*>(rte_pktmbuf_append(m, 64));
    std::fill(p, p + 64, uint8_t{0});
    p[12] = 0x08;  // EtherType IPv4
    p[14] = 0x45;
    const uint8_t dst[4] = {192, 0, 2, dst_last};
    std::copy(dst, dst + 4, p + 14 + 16);
    return m;
  }
  void send(std::vector<rte_mbuf*> v) {
    ASSERT_EQ(rte_eth_tx_burst(port_->id(), 0, v.data(), static_cast<uint16_t>(v.size())),
              v.size());
  }
  // Every frame that comes back; the next bursts also carry the TX copies released by the
  // callbacks of the previous ones.
  std::vector<uint16_t> receive_ethertypes() {
    std::vector<uint16_t> types;
    for (int round = 0; round < 4; ++round) {
      rte_mbuf* burst[32];
      const uint16_t n = rte_eth_rx_burst(port_->id(), 0, burst, 32);
      for (uint16_t i = 0; i < n; ++i) {
        const auto* p = rte_pktmbuf_mtod(burst[i], const uint8_t*);
        types.push_back(static_cast<uint16_t>((p[12] << 8) | p[13]));
        rte_pktmbuf_free(burst[i]);
      }
    }
    return types;
  }
  // What is still in use once the ring is drained (callbacks removed by then).
  [[nodiscard]] unsigned leaked() {
    (void)receive_ethertypes();
    return rte_mempool_in_use_count(port_->pool()) - baseline_;
  }

  std::optional<Port> port_;
  unsigned baseline_ = 0;
};

// RFC 9260 §8.2: a cut path loses frames both ways; other destinations pass.
TEST_F(ImpairmentOnRing, CutDropsFramesToTheLocalAndThePeerAddressOnly) {
  {
    Impairment imp(config(""), port_->id());
    std::string error;
    ASSERT_TRUE(imp.install(&error)) << error;
    imp.set_cut(IpAddress::v4(192, 0, 2, 1), IpAddress::v4(192, 0, 2, 2));
    imp.cut(true);
    send({frame(1), frame(2), frame(3)});  // to local (RX cut), to peer (TX cut), other
    const std::vector<uint16_t> got = receive_ethertypes();
    // The TX-cut frame still leaves, as EtherType 0x88B5 the peer's L2 ignores.
    EXPECT_EQ(got, (std::vector<uint16_t>{0x88B5, 0x0800}));
    EXPECT_EQ(imp.rx_counters().cut, 1u);
    EXPECT_EQ(imp.tx_counters().cut, 1u);
    imp.cut(false);
    send({frame(1), frame(2)});
    EXPECT_EQ(receive_ethertypes(), (std::vector<uint16_t>{0x0800, 0x0800}));
  }
  EXPECT_EQ(leaked(), 0u);
}

TEST_F(ImpairmentOnRing, DuplicatesInBothDirectionsAndLeaksNothing) {
  {
    Impairment imp(config("dup=100"), port_->id());
    std::string error;
    ASSERT_TRUE(imp.install(&error)) << error;
    send({frame(3)});
    // TX: the original and its copy (sent by the next rx_burst); RX doubles each of them.
    EXPECT_EQ(receive_ethertypes().size(), 4u);
    EXPECT_EQ(imp.tx_counters().duplicated, 1u);
    EXPECT_EQ(imp.rx_counters().duplicated, 2u);
  }
  EXPECT_EQ(leaked(), 0u);
}

TEST_F(ImpairmentOnRing, LossDropsEverythingAndHeldFramesAreFreedOnRemove) {
  {
    Impairment imp(config("loss=100"), port_->id());
    std::string error;
    ASSERT_TRUE(imp.install(&error)) << error;
    send({frame(3), frame(4), frame(5)});
    // TX loss marks the frames; RX loss frees them.
    EXPECT_TRUE(receive_ethertypes().empty());
    EXPECT_EQ(imp.tx_counters().dropped, 3u);
    EXPECT_EQ(imp.rx_counters().dropped, 3u);
  }
  {
    Impairment imp(config("reorder=100"), port_->id());
    std::string error;
    ASSERT_TRUE(imp.install(&error)) << error;
    send({frame(3)});
    (void)receive_ethertypes();  // the TX copy is held, then held again on RX
    EXPECT_EQ(imp.tx_counters().held, 1u);
  }  // remove(): the held copies go back to the pool
  EXPECT_EQ(leaked(), 0u);
}

}  // namespace
}  // namespace dpsctp::runtime
