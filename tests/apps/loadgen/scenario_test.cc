// Tests for apps/loadgen/scenario and pacing: the message mixes (sizes, PPIDs, streams),
// determinism per seed, the token bucket and the window.
#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "pacing.h"
#include "scenario.h"

namespace dpsctp::loadgen {
namespace {

std::vector<MessageSpec> draw(GeneratorConfig c, int n) {
  MessageGenerator g(c);
  std::vector<MessageSpec> out;
  for (int i = 0; i < n; ++i) out.push_back(g.next());
  return out;
}

TEST(Scenario, ParseNames) {
  EXPECT_EQ(parse_scenario("s1ap"), Scenario::kS1ap);
  EXPECT_EQ(parse_scenario("churn"), Scenario::kChurn);
  EXPECT_FALSE(parse_scenario("S1AP"));
  for (auto s : {Scenario::kEcho, Scenario::kS1ap, Scenario::kDiameter, Scenario::kChurn,
                 Scenario::kMultihome}) {
    EXPECT_EQ(parse_scenario(to_string(s)), s);
  }
}

TEST(Scenario, EchoIsFixedSizeRoundRobin) {
  const auto v = draw({Scenario::kEcho, 3, 100, 7, 1, 1, 0}, 9);
  for (size_t i = 0; i < v.size(); ++i) {
    EXPECT_EQ(v[i].size, 100u);
    EXPECT_EQ(v[i].ppid, 7u);
    EXPECT_EQ(v[i].stream, i % 3);
  }
}

TEST(Scenario, S1apMixSizesPpidAndStreams) {
  GeneratorConfig c{Scenario::kS1ap, 8, 0, 0, 1000, 42, 0};
  const auto v = draw(c, 20000);
  std::map<uint8_t, int> kinds;
  int on_zero = 0;
  for (const auto& m : v) {
    ASSERT_EQ(m.ppid, kPpidS1ap);
    ASSERT_GE(m.size, 40u);
    ASSERT_LE(m.size, 600u);
    ASSERT_LT(m.stream, 8u);
    const SizeClass& k = s1ap_mix()[m.kind];
    ASSERT_GE(m.size, k.min_size);
    ASSERT_LE(m.size, k.max_size);
    // Non-UE signalling on stream 0, UE-associated on 1..N-1.
    ASSERT_EQ(m.stream == 0, !k.ue_associated) << k.name;
    ++kinds[m.kind];
    on_zero += m.stream == 0;
  }
  EXPECT_EQ(kinds.size(), s1ap_mix().size());
  // Weights are per mille: paging (120) about 12 % of 20,000.
  EXPECT_NEAR(kinds[0], 2400, 300);
  EXPECT_NEAR(on_zero, 2600, 350);
}

TEST(Scenario, S1apOneStreamPutsEverythingOnStreamZero) {
  for (const auto& m : draw({Scenario::kS1ap, 1, 0, 0, 1000, 3, 0}, 1000)) {
    EXPECT_EQ(m.stream, 0u);
  }
}

TEST(Scenario, DiameterMix) {
  for (const auto& m : draw({Scenario::kDiameter, 4, 0, 0, 1000, 5, 2}, 10000)) {
    ASSERT_EQ(m.ppid, kPpidDiameter);
    ASSERT_GE(m.size, 150u);
    ASSERT_LE(m.size, 1500u);
    ASSERT_LT(m.stream, 4u);
  }
}

TEST(Scenario, DeterministicPerSeedAndAssociation) {
  GeneratorConfig c{Scenario::kS1ap, 8, 0, 0, 1000, 99, 4};
  const auto a = draw(c, 500), b = draw(c, 500);
  c.assoc_index = 5;
  const auto d = draw(c, 500);
  int same = 0, differ = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    same += a[i].size == b[i].size && a[i].stream == b[i].stream;
    differ += a[i].size != d[i].size;
  }
  EXPECT_EQ(same, 500);
  EXPECT_GT(differ, 250);
}

TEST(Pacing, TokenBucketDeliversTheRate) {
  TokenBucket tb(1000, 10, 0);  // 1000/s, burst 10
  uint64_t sent = 0;
  for (uint64_t t = 0; t <= 1'000'000'000; t += 100'000) {  // every 100 us for 1 s
    const uint64_t n = tb.available(t);
    tb.consume(n);
    sent += n;
  }
  EXPECT_NEAR(static_cast<double>(sent), 1000, 2);
}

TEST(Pacing, TokenBucketCapsTheBurst) {
  TokenBucket tb(1000, 10, 0);
  EXPECT_EQ(tb.available(5'000'000'000), 10u);  // idle 5 s: only the burst
  tb.consume(10);
  EXPECT_EQ(tb.available(5'000'000'000), 0u);
  EXPECT_EQ(tb.available(5'002'000'000), 2u);
}

TEST(Pacing, Window) {
  EXPECT_EQ(window_room(16, 0), 16u);
  EXPECT_EQ(window_room(16, 10), 6u);
  EXPECT_EQ(window_room(16, 16), 0u);
  EXPECT_EQ(window_room(16, 20), 0u);
}

}  // namespace
}  // namespace dpsctp::loadgen
