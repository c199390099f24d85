// GatewayShard: the gateway's state on one shard (one lcore's runtime::Shard) — one
// ListenerRoute per configured listener, each bound to its own core::Endpoint, plus what
// the routes share (ShardContext). Everything per association lives here and is touched
// only by that shard's lcore; the process-wide parts (logging, stats, signals, telemetry)
// read it through totals() / for_each_route() on the same lcore, between poll iterations.
//
// One instance today (the Stack runs one shard); with several shards, one per lcore.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "apps/gateway/listener_route.h"
#include "apps/gateway/route_counters.h"
#include "config/gateway_config.h"
#include "dpsctp/counters.h"

namespace dpsctp::runtime {
class Stack;
}

namespace dpsctp::gateway {

class GatewayShard {
 public:
  /// Builds the routes; the endpoints come with attach().
  explicit GatewayShard(const config::GatewayConfig& config);
  GatewayShard(const GatewayShard&) = delete;
  GatewayShard& operator=(const GatewayShard&) = delete;

  /// The listener of the first configured listener: pass it to Stack::create (the
  /// Stack's primary endpoint is that listener's port).
  Listener& primary_listener() { return *routes_.front(); }
  /// Binds route 0 to the stack's primary endpoint, adds one endpoint per further
  /// listener and one per relay route's upstream local port. False plus a message when a
  /// port is taken.
  bool attach(runtime::Stack& stack, std::string* error);

  /// After every poll_once(): backlogs, relay connects, stop actions.
  void service() {
    for (auto& r : routes_) r->service();
  }
  /// SIGINT/SIGTERM: refuse new associations, SHUTDOWN the others (RFC 9260 §9.2).
  void begin_stop();
  [[nodiscard]] bool stopping() const { return context_.stopping; }
  /// Associations in any state, on every endpoint (client and upstream sides).
  [[nodiscard]] size_t open_associations() const;
  /// ABORTs whatever is still open (shutdown timeout passed).
  void abort_all();

  [[nodiscard]] size_t route_count() const { return routes_.size(); }
  [[nodiscard]] const ListenerRoute& route(size_t i) const { return *routes_[i]; }
  /// Client associations up, over every listener.
  [[nodiscard]] uint64_t live_associations() const { return context_.live_associations; }

 private:
  ShardContext context_;
  std::vector<std::unique_ptr<ListenerRoute>> routes_;
  const config::GatewayConfig& config_;
};

/// Sums of one or more shards' counters, for the summary line and telemetry.
struct GatewayTotals {
  RouteCounters routes;
  SnmpCounters snmp;       ///< every endpoint's (client and upstream sides)
  uint64_t associations = 0;  ///< open associations, any state, every endpoint
  uint64_t rx_frames = 0;
  uint64_t tx_frames = 0;
  uint64_t net_drops = 0;  ///< frames the shard or its TX sink dropped (L2/L3, mbufs)
  uint64_t init_drops = 0;  ///< INITs over the shards' admission budget (limits, issue #10)
};

/// Adds `stack`'s shard counters and `gw`'s route and endpoint counters to `t`.
void add_totals(const GatewayShard& gw, runtime::Stack& stack, GatewayTotals& t);

}  // namespace dpsctp::gateway
