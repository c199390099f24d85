// tsc_to_instant: TSC cycles -> microseconds (design.md §4).
#include "runtime/stack/tsc_clock.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace dpsctp::runtime {
namespace {

constexpr uint64_t kHz = 2'600'000'000;  // this machine's TSC

int64_t us(uint64_t cycles, uint64_t hz = kHz) {
  return tsc_to_instant(cycles, hz).time_since_epoch().count();
}

TEST(TscClock, Design4_ConvertsWholeSecondsAndFractions) {
  EXPECT_EQ(us(0), 0);
  EXPECT_EQ(us(kHz), 1'000'000);
  EXPECT_EQ(us(2600), 1);
  EXPECT_EQ(us(2599), 0);  // truncates, never rounds up into the future
  EXPECT_EQ(us(3 * kHz + 2600 * 5), 3'000'005);
}

TEST(TscClock, Design4_NoOverflowNearTheTopOfTheCounter) {
  // Naive cycles * 10^6 / hz would overflow 64 bits past ~1.8e13 cycles (~2 hours).
  const uint64_t c = UINT64_MAX - kHz;
  EXPECT_EQ(us(c + kHz) - us(c), 1'000'000);
  EXPECT_GT(us(c), 0);
  // 2^64 cycles at 2.6 GHz: 7,094,901,566.8 s (~224.8 years) = 7.0949015e15 us.
  EXPECT_EQ(us(UINT64_MAX) / 1'000'000, 7'094'901'566);
}

TEST(TscClock, Design4_OddFrequenciesAreExact) {
  EXPECT_EQ(us(1, 1'000'000), 1);
  EXPECT_EQ(us(3, 3), 1'000'000);
  EXPECT_EQ(us(1, 3), 333'333);
}

TEST(TscClock, Design4_ZeroFrequencyGivesEpoch) { EXPECT_EQ(us(12345, 0), 0); }

}  // namespace
}  // namespace dpsctp::runtime
