// RtoEstimator: the retransmission timeout of one destination transport address.
//
// Implements RFC 9260 §6.3.1 (RTO calculation, rules C1-C7 and G1) and the timer
// back-off of §6.3.3 rule E2. Pure arithmetic on microsecond Durations: no clock reads.
//
// Karn's algorithm (RFC 9260 §6.3.1 C5) is the CALLER's job: "RTT measurements MUST NOT
// be made using chunks that were retransmitted". Only call on_rtt_measurement() with an
// RTT taken from a chunk (or HEARTBEAT) sent exactly once, and at most once per round
// trip (C4: "new RTT measurements SHOULD be made no more than once per round trip").
#pragma once

#include <cstdint>

#include "dpsctp/options.h"
#include "dpsctp/time.h"

namespace dpsctp::core {

class RtoEstimator {
 public:
  /// Clock granularity G of RFC 9260 §6.3.1 G1.
  static constexpr Duration kClockGranularity = 1ms;
  /// Measurements are clamped to [0, kMaxRtt] so that SRTT + 4 * RTTVAR cannot overflow.
  static constexpr Duration kMaxRtt = std::chrono::hours(24);

  /// Starts with RTO = o.rto_initial and no measurement (C1). Copies the options it needs.
  explicit RtoEstimator(const AssociationOptions& o);

  /// Feeds one RTT sample R for this path (a chunk sent once and acknowledged, or a
  /// HEARTBEAT ACK). The first sample initialises SRTT/RTTVAR (C2), later ones smooth
  /// them (C3); RTO is then recomputed and clamped to [RTO.Min, RTO.Max] (C6, C7), which
  /// also undoes any back-off. Negative samples count as 0.
  void on_rtt_measurement(Duration rtt);

  /// Call when the T3-rtx timer (or T1/T2/heartbeat timer using this RTO) expires:
  /// RFC 9260 §6.3.3 E2, RTO = min(2 * RTO, RTO.Max).
  void back_off();

  /// Current retransmission timeout: the value to arm T3-rtx / T1 / T2 with.
  [[nodiscard]] Duration rto() const { return rto_; }
  /// Smoothed RTT (0 before the first measurement).
  [[nodiscard]] Duration srtt() const { return srtt_; }
  /// RTT variation (0 before the first measurement).
  [[nodiscard]] Duration rttvar() const { return rttvar_; }
  /// True once on_rtt_measurement() has been called.
  [[nodiscard]] bool has_measurement() const { return measured_; }

 private:
  [[nodiscard]] Duration clamp(Duration rto) const;

  Duration rto_min_;
  Duration rto_max_;
  uint8_t alpha_shift_;
  uint8_t beta_shift_;
  Duration rto_;
  Duration srtt_{0};
  Duration rttvar_{0};
  bool measured_ = false;
};

}  // namespace dpsctp::core
