#include "core/tx/congestion_control.h"

#include <algorithm>

namespace dpsctp::core {

namespace {

// RFC 9260 §7.2.1: "The initial cwnd before data transmission or after a sufficiently
// long idle period MUST be set to min(4*MTU, max(2*MTU, 4404))."
uint32_t initial_cwnd(uint32_t mtu) {
  const uint64_t m = mtu;
  return static_cast<uint32_t>(
      std::min<uint64_t>(4 * m, std::max<uint64_t>(2 * m, CongestionControl::kInitialWindowBytes)));
}

uint32_t saturating_add(uint32_t a, uint32_t b) {
  const uint64_t s = uint64_t{a} + b;
  return s > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<uint32_t>(s);
}

}  // namespace

CongestionControl::CongestionControl(uint32_t mtu, uint8_t max_burst)
    : mtu_(mtu), max_burst_(max_burst), cwnd_(initial_cwnd(mtu)) {}

void CongestionControl::set_initial_ssthresh(uint32_t peer_rwnd) {
  // RFC 9260 §7.2.1: "The initial value of ssthresh SHOULD be arbitrarily high (e.g., the
  // size of the largest possible advertised window)."
  ssthresh_ = peer_rwnd;
}

void CongestionControl::on_ack(uint32_t bytes_acked, uint32_t flight_size_before,
                               bool cum_ack_advanced, bool in_fast_recovery) {
  if (bytes_acked == 0) return;
  if (cwnd_ <= ssthresh_) {
    // RFC 9260 §7.2.1: slow start "MUST ... increase cwnd only if the current congestion
    // window is being fully utilized, and an incoming SACK chunk advances the Cumulative
    // TSN Ack Point, and the data sender is not in Fast Recovery", by "at most, the lesser
    // of (1) the total size of the previously outstanding DATA chunk(s) acknowledged, and
    // (2) the destination's path MTU" (ACK-splitting protection).
    if (cum_ack_advanced && !in_fast_recovery && flight_size_before >= cwnd_) {
      cwnd_ = saturating_add(cwnd_, std::min(bytes_acked, mtu_));
    }
    return;
  }
  // RFC 9260 §7.2.2: congestion avoidance. partial_bytes_acked grows by "the total number
  // of bytes of all new chunks acknowledged in that SACK chunk, including chunks
  // acknowledged by the new Cumulative TSN Ack and by Gap Ack Blocks".
  pba_ = saturating_add(pba_, bytes_acked);
  if (pba_ < cwnd_) return;
  if (flight_size_before < cwnd_) {
    // "... and before the arrival of the SACK chunk the sender had less than cwnd bytes of
    // data outstanding ..., reset partial_bytes_acked to cwnd."
    pba_ = cwnd_;
    return;
  }
  // "... the sender had cwnd or more bytes of data outstanding ..., partial_bytes_acked is
  // reset to (partial_bytes_acked - cwnd). Next, cwnd is increased by MTU." Like slow
  // start, only for a SACK that advances the cumulative TSN ack, outside Fast Recovery.
  if (!cum_ack_advanced || in_fast_recovery) return;
  pba_ -= cwnd_;
  cwnd_ = saturating_add(cwnd_, mtu_);
}

void CongestionControl::on_all_acked() {
  // RFC 9260 §7.2.2: "When all of the data transmitted by the data sender has been
  // acknowledged by the receiver, partial_bytes_acked is initialized to 0."
  pba_ = 0;
}

uint32_t CongestionControl::reduced_ssthresh() const {
  return static_cast<uint32_t>(std::max<uint64_t>(cwnd_ / 2, uint64_t{4} * mtu_));
}

void CongestionControl::on_t3_expiry() {
  // RFC 9260 §7.2.3: "ssthresh = max(cwnd/2, 4*MTU), cwnd = 1*MTU" and
  // partial_bytes_acked is reset to 0.
  ssthresh_ = reduced_ssthresh();
  cwnd_ = mtu_;
  pba_ = 0;
}

void CongestionControl::on_fast_retransmit() {
  // RFC 9260 §7.2.3 (referenced by §7.2.4 step 2): "ssthresh = max(cwnd/2, 4*MTU),
  // cwnd = ssthresh, partial_bytes_acked = 0".
  ssthresh_ = reduced_ssthresh();
  cwnd_ = ssthresh_;
  pba_ = 0;
}

void CongestionControl::on_idle(Duration idle, Duration rto) {
  if (rto <= Duration::zero() || idle < rto) return;
  // RFC 9260 §7.2.1: "the cwnd of the transport address SHOULD be adjusted to
  // max(cwnd/2, 4*MTU) per RTO". Never raises cwnd; stops once the floor is reached, so
  // the loop is bounded by log2(cwnd) whatever the idle time.
  const uint64_t floor = uint64_t{4} * mtu_;
  for (int64_t n = idle / rto; n > 0 && cwnd_ > floor; --n) {
    cwnd_ = static_cast<uint32_t>(std::max<uint64_t>(cwnd_ / 2, floor));
  }
}

uint32_t CongestionControl::send_allowance(uint32_t flight_size) const {
  // RFC 9260 §6.1 B: "the sender MUST NOT transmit new data to a given transport address if
  // it has cwnd + (PMTU - 1) or more bytes of data outstanding to that transport address",
  // and "SHOULD exceed cwnd by up to (PMTU - 1) bytes on a new data transmission if the
  // flight size does not currently reach cwnd".
  if (flight_size >= cwnd_) return 0;
  const uint64_t rule_b = uint64_t{cwnd_} + mtu_ - 1 - flight_size;
  // RFC 9260 §6.1: Max.Burst "SHOULD be used to limit the number of packets sent": the
  // temporary cwnd = flightsize + Max.Burst*MTU, i.e. at most Max.Burst*MTU new bytes.
  const uint64_t burst = max_burst_ == 0 ? rule_b : uint64_t{max_burst_} * mtu_;
  return static_cast<uint32_t>(std::min<uint64_t>({rule_b, burst, 0xFFFFFFFFu}));
}

void CongestionControl::set_mtu(uint32_t mtu) {
  mtu_ = mtu;
  cwnd_ = std::max(cwnd_, mtu_);
}

}  // namespace dpsctp::core
