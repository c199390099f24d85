#include "core/path/rto_estimator.h"

#include <algorithm>

namespace dpsctp::core {
namespace {

// RTO.Alpha / RTO.Beta are configured as right shifts (1/8 -> 3, 1/4 -> 2). A shift of
// 63 or more is undefined behaviour on int64_t; 62 already means "never move".
constexpr uint8_t kMaxShift = 62;

Duration shr(Duration d, uint8_t shift) { return Duration(d.count() >> shift); }

}  // namespace

RtoEstimator::RtoEstimator(const AssociationOptions& o)
    : rto_min_(o.rto_min),
      rto_max_(o.rto_max),
      alpha_shift_(std::min(o.rto_alpha_exp_divisor, kMaxShift)),
      beta_shift_(std::min(o.rto_beta_exp_divisor, kMaxShift)),
      // RFC 9260 §6.3.1 C1: "Until an RTT measurement has been made for a packet sent to
      // the given destination transport address, set RTO to the protocol parameter
      // 'RTO.Initial'."
      rto_(o.rto_initial) {}

void RtoEstimator::on_rtt_measurement(Duration rtt) {
  const Duration r = std::clamp(rtt, Duration{0}, kMaxRtt);
  if (!measured_) {
    // RFC 9260 §6.3.1 C2: first measurement R: SRTT <- R, RTTVAR <- R/2.
    srtt_ = r;
    rttvar_ = Duration(r.count() / 2);
    measured_ = true;
  } else {
    // RFC 9260 §6.3.1 C3: RTTVAR <- (1 - RTO.Beta) * RTTVAR + RTO.Beta * |SRTT - R'|
    //                     SRTT <- (1 - RTO.Alpha) * SRTT + RTO.Alpha * R'
    // "The value of SRTT used in the update to RTTVAR is its value before updating SRTT
    // itself". With Beta = 2^-b: RTTVAR - (RTTVAR >> b) + (|SRTT - R'| >> b) (as Linux).
    const Duration delta = srtt_ > r ? srtt_ - r : r - srtt_;
    rttvar_ = rttvar_ - shr(rttvar_, beta_shift_) + shr(delta, beta_shift_);
    srtt_ = srtt_ - shr(srtt_, alpha_shift_) + shr(r, alpha_shift_);
  }
  // RFC 9260 §6.3.1 G1: "Whenever RTTVAR is computed, if RTTVAR == 0, then adjust
  // RTTVAR <- G."
  if (rttvar_ == Duration{0}) rttvar_ = kClockGranularity;
  // RFC 9260 §6.3.1 C3: "After the computation, update RTO <- SRTT + 4 * RTTVAR."
  rto_ = clamp(srtt_ + 4 * rttvar_);
}

void RtoEstimator::back_off() {
  // RFC 9260 §6.3.3 E2: "set RTO <- RTO * 2 ('back off the timer'). The maximum value
  // discussed in rule C7 above (RTO.Max) MAY be used to provide an upper bound".
  rto_ = rto_ >= rto_max_ - rto_ ? rto_max_ : 2 * rto_;  // no overflow of 2 * RTO
}

Duration RtoEstimator::clamp(Duration rto) const {
  // RFC 9260 §6.3.1 C6: "Whenever RTO is computed, if it is less than RTO.Min seconds,
  // then it is rounded up to RTO.Min seconds."
  if (rto < rto_min_) rto = rto_min_;
  // RFC 9260 §6.3.1 C7: "A maximum value MAY be placed on RTO provided it is at least
  // RTO.Max seconds." We use exactly RTO.Max (it wins over RTO.Min if misconfigured).
  if (rto > rto_max_) rto = rto_max_;
  return rto;
}

}  // namespace dpsctp::core
