// Per-destination congestion control of the data sender: RFC 9260 §7.2.1 (slow start),
// §7.2.2 (congestion avoidance), §7.2.3 (reaction to T3-rtx expiry), §7.2.4 (reaction to
// Fast Retransmit), §6.1 rule B (cwnd + PMTU - 1 send limit) and Max.Burst (§6.1).
//
// Units: every byte count here (cwnd, ssthresh, partial_bytes_acked, flight size, bytes
// acked) is DATA chunk user-data bytes, the unit RetransmissionQueue uses for flight size
// (as Linux does); `mtu` is the largest SCTP packet on the path. One instance per path,
// owned by the association next to the path's RTO state. No clock: idle time comes in.
#pragma once

#include <cstdint>

#include "dpsctp/time.h"

namespace dpsctp::core {

class CongestionControl {
 public:
  /// RFC 9260 §7.2.1: "min(4*MTU, max(2*MTU, 4404))" — RFC 9260 raised RFC 4960's 4380
  /// (3 TCP segments of 1460) to 4404 (3 SCTP packets of 1468 payload bytes).
  static constexpr uint32_t kInitialWindowBytes = 4404;
  /// "Arbitrarily high" ssthresh until the peer's a_rwnd is known (§7.2.1).
  static constexpr uint32_t kUnknownSsthresh = 0xFFFFFFFF;

  /// `mtu`: the largest SCTP packet on this path; `max_burst`: Max.Burst (§16, default 4;
  /// 0 disables the burst limit). Starts with the §7.2.1 initial cwnd.
  CongestionControl(uint32_t mtu, uint8_t max_burst);

  /// Call once the peer's a_rwnd is known (INIT / INIT ACK): RFC 9260 §7.2.1 "The initial
  /// value of ssthresh SHOULD be arbitrarily high (e.g., the size of the largest possible
  /// advertised window)"; we use the peer's advertised receiver window.
  void set_initial_ssthresh(uint32_t peer_rwnd);

  /// Call for every SACK that newly acknowledged data last sent on this path, before any
  /// Fast Retransmit reaction of the same SACK (§7.2.4 Note). `bytes_acked`: bytes newly
  /// acknowledged on this path (cumulative and gap, SackOutcome::bytes_acked_on_path);
  /// `flight_size_before`: this path's flight size before the SACK was processed;
  /// `in_fast_recovery`: SackOutcome::in_fast_recovery_at_ack.
  /// Slow start (cwnd <= ssthresh, §7.2.1): cwnd += min(bytes_acked, MTU) only if the SACK
  /// advanced the cumulative TSN ack, cwnd was fully used (flight_size_before >= cwnd) and
  /// we are not in Fast Recovery. Congestion avoidance (cwnd > ssthresh, §7.2.2):
  /// partial_bytes_acked += bytes_acked; once it reaches cwnd: if flight_size_before < cwnd
  /// it is clamped to cwnd, otherwise (and only if the cumulative ack advanced, outside Fast
  /// Recovery) pba -= cwnd and cwnd += MTU.
  void on_ack(uint32_t bytes_acked, uint32_t flight_size_before, bool cum_ack_advanced,
              bool in_fast_recovery);

  /// RFC 9260 §7.2.2: "When all of the data transmitted by the data sender has been
  /// acknowledged by the receiver, partial_bytes_acked is initialized to 0." Call when a
  /// SACK leaves nothing outstanding (SackOutcome::all_acked).
  void on_all_acked();

  /// RFC 9260 §7.2.3, on T3-rtx expiry of this path: ssthresh = max(cwnd/2, 4*MTU),
  /// cwnd = 1*MTU, partial_bytes_acked = 0.
  void on_t3_expiry();

  /// RFC 9260 §7.2.4 step 2, when a Fast Retransmit starts Fast Recovery and chunks last
  /// sent on this path are retransmitted: ssthresh = max(cwnd/2, 4*MTU), cwnd = ssthresh,
  /// partial_bytes_acked = 0. Do not call again while in Fast Recovery (§7.2.4 step 6).
  void on_fast_retransmit();

  /// RFC 9260 §7.2.1/§7.2.2: "When the endpoint does not transmit data on a given transport
  /// address, the cwnd of the transport address SHOULD be adjusted to max(cwnd/2, 4*MTU)
  /// per RTO." Call before sending on a path that has been idle (no data sent, nothing in
  /// flight) for `idle`. Rule used: floor(idle / rto) halvings, each
  /// cwnd = max(cwnd/2, 4*MTU), and never an increase (a cwnd already below 4*MTU, e.g.
  /// after a T3 expiry, stays as it is). rto <= 0 does nothing.
  void on_idle(Duration idle, Duration rto);

  [[nodiscard]] uint32_t cwnd() const { return cwnd_; }
  [[nodiscard]] uint32_t ssthresh() const { return ssthresh_; }
  [[nodiscard]] uint32_t partial_bytes_acked() const { return pba_; }
  [[nodiscard]] uint32_t mtu() const { return mtu_; }
  [[nodiscard]] bool in_slow_start() const { return cwnd_ <= ssthresh_; }

  /// How many more bytes of new data may be put in flight on this path now, at one send
  /// opportunity (call once per opportunity, before building the packets, with the path's
  /// current flight size). RFC 9260 §6.1 rule B: no new data once cwnd + (PMTU - 1) bytes
  /// are outstanding, so with flight < cwnd up to cwnd + MTU - 1 - flight; 0 once
  /// flight >= cwnd. Max.Burst (§6.1): RFC 9260 allows limiting by a temporary
  /// "cwnd = flightsize + Max.Burst*MTU"; we apply the equivalent cap: at most
  /// Max.Burst * MTU bytes per send opportunity. Fast retransmissions (§7.2.4 step 3) and
  /// a zero-window probe are the caller's exceptions.
  [[nodiscard]] uint32_t send_allowance(uint32_t flight_size) const;

  /// The path MTU changed (PMTU discovery, §8.4 / RFC 8899). cwnd is kept but never below
  /// one MTU.
  void set_mtu(uint32_t mtu);

 private:
  [[nodiscard]] uint32_t reduced_ssthresh() const;  // max(cwnd/2, 4*MTU)

  uint32_t mtu_;
  uint8_t max_burst_;
  uint32_t cwnd_;
  uint32_t ssthresh_ = kUnknownSsthresh;
  uint32_t pba_ = 0;  // partial_bytes_acked (§7.2.2)
};

}  // namespace dpsctp::core
