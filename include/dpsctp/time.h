// Time in dpsctp is a parameter, never read inside the protocol core: every entry point
// takes `Instant now`. The runtime feeds TSC-derived time, the simulator virtual time.
#pragma once

#include <chrono>
#include <cstdint>

namespace dpsctp {

/// A clock with no now(): only the type of its time points. Microsecond resolution is
/// finer than anything SCTP needs (RTO.Min is 1 s, delayed SACK 200 ms) but lets the
/// simulator and the RTT estimator resolve sub-millisecond LAN round trips.
struct SctpClock {
  using rep = int64_t;
  using period = std::micro;
  using duration = std::chrono::duration<rep, period>;
  using time_point = std::chrono::time_point<SctpClock>;
  static constexpr bool is_steady = true;
};

using Duration = SctpClock::duration;
using Instant = SctpClock::time_point;

/// "Never": a deadline that is not armed.
inline constexpr Instant kNever = Instant::max();

using namespace std::chrono_literals;  // 200ms, 3s, ... in option defaults and tests

}  // namespace dpsctp
