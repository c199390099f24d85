// Time for the sans-IO core from the CPU's time-stamp counter (design.md §4): the poll
// loop reads the TSC once per iteration and converts it to an Instant (microseconds).
// The conversion is pure and header-only so it is tested without DPDK; reading the TSC
// (rte_get_tsc_cycles / rte_get_tsc_hz) happens in shard.cc.
#pragma once

#include <cstdint>

#include "dpsctp/time.h"

namespace dpsctp::runtime {

/// `cycles` of a counter running at `hz` as microseconds since the counter's zero.
/// Exact (no rounding drift) and overflow-free for any 64-bit cycle count when hz <= 2^44:
/// whole seconds and the remainder are converted separately, so rem * 10^6 < 2^64.
[[nodiscard]] constexpr Instant tsc_to_instant(uint64_t cycles, uint64_t hz) {
  if (hz == 0) return Instant{};
  const uint64_t sec = cycles / hz;
  const uint64_t rem = cycles % hz;
  const uint64_t us = sec * 1'000'000u + rem * 1'000'000u / hz;
  return Instant{Duration{static_cast<int64_t>(us)}};
}

}  // namespace dpsctp::runtime
