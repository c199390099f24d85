// INIT admission budget of one shard (issue #10): a token bucket checked before an INIT
// reaches the core, so a flood of INITs cannot make the shard spend its time on cookie
// HMACs and INIT ACKs while established associations starve. Pure: the caller passes the
// time in ticks of a counter of known frequency (the TSC in the shard, anything in tests).
// No allocation, no locks: one instance per shard, used by its lcore only.
#pragma once

#include <cstdint>

namespace dpsctp::runtime {

struct InitAdmissionConfig {
  /// INITs per second a shard passes to the core; 0 = unlimited (no budget).
  uint32_t rate = 0;
  /// INITs admitted back to back after a quiet period (bucket depth), >= 1.
  uint32_t burst = 1000;
};

class InitAdmission {
 public:
  /// Unlimited: admit() is always true.
  InitAdmission() = default;
  /// A full bucket at `now` (ticks of a counter running at `hz` > 0).
  InitAdmission(InitAdmissionConfig config, uint64_t hz, uint64_t now);

  [[nodiscard]] bool unlimited() const { return rate_ == 0; }
  /// Takes one token at `now` (ticks; earlier than a previous call counts as no time
  /// passed). False: the budget is spent, the INIT is to be dropped.
  bool admit(uint64_t now);

 private:
  // Credit in units of 1/hz token: a tick adds `rate_` units, a token costs `hz_`. Exact
  // integer arithmetic, no drift; cap_ = burst * hz fits 64 bits for burst <= 2^20 and
  // hz <= 2^43 (8.8 THz).
  uint64_t rate_ = 0;
  uint64_t hz_ = 1;
  uint64_t cap_ = 0;
  uint64_t credit_ = 0;
  uint64_t last_ = 0;
};

}  // namespace dpsctp::runtime
