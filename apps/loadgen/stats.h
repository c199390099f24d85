// LoadStats: what one LoadShard counts. Plain integers and two histograms owned by the
// shard's lcore; merge() sums shards when the report is built (never on the fast path).
#pragma once

#include <array>
#include <cstdint>

#include "echo_verifier.h"
#include "histogram.h"

namespace dpsctp::loadgen {

/// Message/byte counts of one phase (the whole run, or the measured window).
struct Traffic {
  uint64_t sent_msgs = 0;
  uint64_t sent_bytes = 0;
  uint64_t received_msgs = 0;  ///< verified echoes
  uint64_t received_bytes = 0;
  void merge(const Traffic& o) {
    sent_msgs += o.sent_msgs;
    sent_bytes += o.sent_bytes;
    received_msgs += o.received_msgs;
    received_bytes += o.received_bytes;
  }
};

inline constexpr size_t kVerdicts = 7;  // EchoVerdict values

struct LoadStats {
  Traffic total;     ///< everything, warm-up included: the exactly-once invariants
  Traffic measured;  ///< after the warm-up, up to the end of sending
  LatencyHistogram rtt;        ///< measured window, ns
  LatencyHistogram handshake;  ///< connect() -> COMM_UP, ns (every association)
  std::array<uint64_t, kVerdicts> echo_errors{};  ///< by EchoVerdict (kOk unused)
  uint64_t unknown_assoc_msgs = 0;  ///< a message on an association we do not track
  uint64_t send_refused = 0;        ///< send() errors other than kBufferFull
  uint64_t send_backpressure = 0;   ///< kBufferFull (retried later; not an error)
  uint64_t send_failed_events = 0;  ///< SCTP_SEND_FAILED: a message will not be delivered
  uint64_t connects = 0;
  uint64_t connect_refused = 0;     ///< connect() returned nullopt
  uint64_t comm_up = 0;             ///< handshakes completed
  uint64_t comm_up_measured = 0;    ///< of which in the measured window (churn handshakes/s)
  uint64_t comm_lost = 0;           ///< COMM_LOST: unexpected failure
  uint64_t cant_start = 0;          ///< CANT_STR_ASSOC: handshake failed
  uint64_t restarts = 0;            ///< RESTART: the peer restarted
  uint64_t shutdown_comp = 0;       ///< graceful closes
  uint64_t peer_shutdowns = 0;      ///< the peer initiated SHUTDOWN (unexpected)
  uint64_t path_unreachable = 0;    ///< SCTP_ADDR_UNREACHABLE events
  uint64_t path_available = 0;      ///< SCTP_ADDR_AVAILABLE events
  uint64_t cut_frames_dropped = 0;  ///< multihome --cut-path-at: frames the cut dropped
  /// --expect-peer-shutdown: messages sent (and acknowledged by SCTP, else SEND_FAILED
  /// would hand them back) whose echo never came before the peer's SHUTDOWN closed them
  uint64_t unanswered_at_peer_shutdown = 0;

  [[nodiscard]] uint64_t echo_error_total() const {
    uint64_t n = 0;
    for (uint64_t e : echo_errors) n += e;
    return n;
  }
  void merge(const LoadStats& o);
};

inline void LoadStats::merge(const LoadStats& o) {
  total.merge(o.total);
  measured.merge(o.measured);
  rtt.merge(o.rtt);
  handshake.merge(o.handshake);
  for (size_t i = 0; i < kVerdicts; ++i) echo_errors[i] += o.echo_errors[i];
  unknown_assoc_msgs += o.unknown_assoc_msgs;
  send_refused += o.send_refused;
  send_backpressure += o.send_backpressure;
  send_failed_events += o.send_failed_events;
  connects += o.connects;
  connect_refused += o.connect_refused;
  comm_up += o.comm_up;
  comm_up_measured += o.comm_up_measured;
  comm_lost += o.comm_lost;
  cant_start += o.cant_start;
  restarts += o.restarts;
  shutdown_comp += o.shutdown_comp;
  peer_shutdowns += o.peer_shutdowns;
  path_unreachable += o.path_unreachable;
  path_available += o.path_available;
  cut_frames_dropped += o.cut_frames_dropped;
  unanswered_at_peer_shutdown += o.unanswered_at_peer_shutdown;
}

}  // namespace dpsctp::loadgen
