// DPDK telemetry for dpsctp-gateway (dpdk-telemetry.py, or any client of the
// /var/run/dpdk/<prefix>/dpdk_telemetry.v2 socket):
//   /dpsctp/stats   totals: associations, messages and bytes in/out, drops, frames
//   /dpsctp/assocs  one entry per association, like /proc/net/sctp/assocs: id, listener,
//                   state, local/peer port, peer addresses, primary, rwnd, unacked, srtt, rto
//   /dpsctp/eps     the listeners (and relay upstream sides): port, addresses, route,
//                   association count
//   /dpsctp/snmp    SnmpCounters by their Linux /proc/net/sctp/snmp names
//
// Threads: the callbacks run on DPDK's telemetry thread and never touch shard data. The
// lcore builds a snapshot every 100 ms (control-path allocations, never per packet) and
// publishes it with try_lock + swap: if the telemetry thread holds the lock at that
// moment, the lcore keeps its snapshot and tries again next time — it never blocks.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "apps/gateway/gateway_shard.h"
#include "config/gateway_config.h"

namespace dpsctp::gateway {

struct TelemetrySnapshot {
  struct Assoc {
    uint32_t id = 0;
    std::string listener;
    const char* state = "";
    uint16_t local_port = 0;
    uint16_t peer_port = 0;
    std::string peers;  // "10.0.0.2 10.0.1.2"
    std::string primary;
    uint64_t rwnd = 0, unacked = 0, flight = 0, srtt_us = 0, rto_us = 0, cwnd = 0;
  };
  struct Ep {
    std::string name;
    std::string route;
    uint16_t port = 0;
    uint64_t associations = 0;
  };
  GatewayTotals totals;
  std::vector<Assoc> assocs;
  size_t assocs_total = 0;  // assocs holds at most kMaxAssocs of them
  std::vector<Ep> eps;
  std::string addresses;
};

class Telemetry {
 public:
  static constexpr size_t kMaxAssocs = 128;  // the 16 KB telemetry reply limit

  /// Registers the /dpsctp/* commands (once per process). Call after EAL init.
  static std::unique_ptr<Telemetry> start(const config::GatewayConfig& cfg, std::string* error);
  ~Telemetry();
  Telemetry(const Telemetry&) = delete;
  Telemetry& operator=(const Telemetry&) = delete;

  /// Lcore: every 100 ms, snapshot and publish (never blocks).
  void maybe_publish(GatewayShard& gw, runtime::Stack& stack,
                     std::chrono::steady_clock::time_point now);

  // Telemetry thread: a copy-free read of the published snapshot under the lock.
  template <class F>
  void read(F&& f) {
    std::lock_guard<std::mutex> lock(mu_);
    f(published_);
  }

 private:
  explicit Telemetry(const config::GatewayConfig& cfg);
  void build(GatewayShard& gw, runtime::Stack& stack);

  std::string addresses_;
  std::mutex mu_;                  // guards published_ (telemetry thread: lock; lcore: try_lock)
  TelemetrySnapshot published_;    // read by the telemetry thread
  TelemetrySnapshot building_;     // lcore only
  bool pending_ = false;           // building_ holds a snapshot not yet published
  std::chrono::steady_clock::time_point next_{};
};

}  // namespace dpsctp::gateway
