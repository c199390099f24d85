// InitAdmission (src/runtime/stack/init_admission.h): the per-shard INIT token bucket of
// issue #10, driven with explicit time (a 1 kHz "counter": one tick = 1 ms).
#include "runtime/stack/init_admission.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace dpsctp::runtime {
namespace {

constexpr uint64_t kHz = 1000;

int admitted(InitAdmission& b, uint64_t now, int tries) {
  int n = 0;
  for (int i = 0; i < tries; ++i) n += b.admit(now) ? 1 : 0;
  return n;
}

TEST(InitAdmission, DefaultIsUnlimited) {
  InitAdmission b;
  EXPECT_TRUE(b.unlimited());
  EXPECT_EQ(admitted(b, 0, 100000), 100000);
  InitAdmission zero({.rate = 0, .burst = 5}, kHz, 0);
  EXPECT_TRUE(zero.unlimited());
  EXPECT_EQ(admitted(zero, 0, 1000), 1000);
}

TEST(InitAdmission, StartsFullThenRefusesBeyondBurst) {
  InitAdmission b({.rate = 100, .burst = 10}, kHz, 0);
  EXPECT_FALSE(b.unlimited());
  EXPECT_EQ(admitted(b, 0, 50), 10);
  EXPECT_FALSE(b.admit(0));
}

TEST(InitAdmission, RefillsAtTheRate) {
  InitAdmission b({.rate = 100, .burst = 10}, kHz, 0);
  EXPECT_EQ(admitted(b, 0, 10), 10);
  // 100/s = one token per 10 ms: 9 ms is not enough, 10 ms is.
  EXPECT_FALSE(b.admit(9));
  EXPECT_TRUE(b.admit(10));
  EXPECT_FALSE(b.admit(10));
  // Fractions carry over: 5 ms + 5 ms make one token.
  EXPECT_FALSE(b.admit(15));
  EXPECT_TRUE(b.admit(20));
}

TEST(InitAdmission, SustainedRateOverOneSecond) {
  InitAdmission b({.rate = 2000, .burst = 100}, kHz, 0);
  int total = admitted(b, 0, 1000);                                  // the burst
  for (uint64_t t = 1; t <= 1000; ++t) total += admitted(b, t, 50);  // 50k offered per s
  EXPECT_EQ(total, 100 + 2000);
}

TEST(InitAdmission, CapsAtBurstAfterIdle) {
  InitAdmission b({.rate = 1000, .burst = 20}, kHz, 0);
  EXPECT_EQ(admitted(b, 0, 20), 20);
  // A long idle period (and a huge one: no overflow) refills to the burst, no further.
  EXPECT_EQ(admitted(b, 60'000, 100), 20);
  EXPECT_EQ(admitted(b, UINT64_MAX / 2, 100), 20);
}

TEST(InitAdmission, TimeGoingBackwardsAddsNothing) {
  InitAdmission b({.rate = 1000, .burst = 1}, kHz, 100);
  EXPECT_TRUE(b.admit(100));
  EXPECT_FALSE(b.admit(50));
  EXPECT_TRUE(b.admit(101));
}

TEST(InitAdmission, RealisticTscAndLimits) {
  // 3 GHz TSC, the largest burst and rate the config accepts: no overflow, exact count.
  constexpr uint64_t kTsc = 3'000'000'000ull;
  InitAdmission b({.rate = 10'000'000, .burst = 1'000'000}, kTsc, 7);
  EXPECT_EQ(admitted(b, 7, 1'000'001), 1'000'000);
  EXPECT_EQ(admitted(b, 7 + kTsc / 1000, 20'000), 10'000);  // 1 ms later
}

}  // namespace
}  // namespace dpsctp::runtime
