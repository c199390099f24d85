// Counters of one listener's route. Written only by the shard that owns the route (plain
// integers); the stats reporter and the telemetry snapshot sum them per listener.
#pragma once

#include <cstdint>

namespace dpsctp::gateway {

struct RouteCounters {
  uint64_t assocs_up = 0;          ///< COMM_UP / RESTART seen
  uint64_t assocs_closed = 0;      ///< SHUTDOWN_COMP, COMM_LOST, CANT_STR_ASSOC
  uint64_t msgs_in = 0;            ///< messages accepted from clients (after the PPID filter)
  uint64_t bytes_in = 0;
  uint64_t msgs_out = 0;           ///< messages handed to send() toward clients
  uint64_t bytes_out = 0;
  uint64_t ppid_drops = 0;         ///< messages whose PPID the listener does not accept
  uint64_t send_refused = 0;       ///< send() refused for good (closing, invalid stream)
  uint64_t backlog_high_water = 0; ///< most messages one association's backlog held
  uint64_t backlog_aborts = 0;     ///< associations ABORTed because their backlog overflowed
  uint64_t refused_stopping = 0;   ///< associations ABORTed at COMM_UP while stopping
  uint64_t refused_limit = 0;      ///< associations ABORTed at COMM_UP past max_associations
  // relay only
  uint64_t upstream_msgs_out = 0;  ///< messages forwarded to upstream associations
  uint64_t upstream_msgs_in = 0;   ///< messages received from upstream associations
  uint64_t upstream_connects = 0;  ///< upstream associations started
  uint64_t upstream_failures = 0;  ///< upstream associations lost or never established
  uint64_t upstream_resent = 0;    ///< messages handed back (send failed) and sent again
  /// Graceful stop: messages that arrived after our SHUTDOWN (the client sends what it had
  /// queued, RFC 9260 §9.2) and could not be answered: §9.2 forbids new data from us then.
  uint64_t stop_unanswered = 0;
  /// relay: messages a closed client had sent that no upstream could take before the stop.
  uint64_t relay_undelivered = 0;
};

inline RouteCounters& operator+=(RouteCounters& a, const RouteCounters& b) {
  a.assocs_up += b.assocs_up;
  a.assocs_closed += b.assocs_closed;
  a.msgs_in += b.msgs_in;
  a.bytes_in += b.bytes_in;
  a.msgs_out += b.msgs_out;
  a.bytes_out += b.bytes_out;
  a.ppid_drops += b.ppid_drops;
  a.send_refused += b.send_refused;
  if (b.backlog_high_water > a.backlog_high_water) a.backlog_high_water = b.backlog_high_water;
  a.backlog_aborts += b.backlog_aborts;
  a.refused_stopping += b.refused_stopping;
  a.refused_limit += b.refused_limit;
  a.upstream_msgs_out += b.upstream_msgs_out;
  a.upstream_msgs_in += b.upstream_msgs_in;
  a.upstream_connects += b.upstream_connects;
  a.upstream_failures += b.upstream_failures;
  a.upstream_resent += b.upstream_resent;
  a.stop_unanswered += b.stop_unanswered;
  a.relay_undelivered += b.relay_undelivered;
  return a;
}

}  // namespace dpsctp::gateway
