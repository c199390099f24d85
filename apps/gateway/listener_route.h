// ListenerRoute: what one configured listener (one local SCTP port, one core::Endpoint)
// does with its associations — the `route` of config/*.yaml:
//   echo   each message goes back on the same association, stream and PPID;
//   sink   each message is counted and consumed;
//   relay  each message goes to the client association's upstream (relay_route.h).
// Plus what every route shares: the accepted-PPID filter, per-association state, the
// graceful stop (RFC 9260 §9.2 SHUTDOWN once the echo backlog is empty).
//
// Shard-local: one instance per (listener, shard); only that shard's lcore calls it, so
// nothing here is shared or locked.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "apps/gateway/echo_backlog.h"
#include "apps/gateway/route_counters.h"
#include "config/gateway_config.h"
#include "core/endpoint.h"
#include "dpsctp/events.h"

namespace dpsctp::runtime {
class Shard;
}

namespace dpsctp::gateway {

class RelayRoute;

/// What every route of a shard shares: set by GatewayShard.
struct ShardContext {
  runtime::Shard* shard = nullptr;
  bool stopping = false;           ///< SIGINT/SIGTERM seen: no new associations
  uint64_t live_associations = 0;  ///< client associations up, over every listener
  uint32_t max_associations = 65536;
};

class ListenerRoute final : public Listener {
 public:
  ListenerRoute(const config::GatewayConfig& config, const config::Listener& listener,
                ShardContext& context);
  ~ListenerRoute() override;
  ListenerRoute(const ListenerRoute&) = delete;
  ListenerRoute& operator=(const ListenerRoute&) = delete;

  /// The endpoint the stack created for this listener's port (and, for a relay, the
  /// upstream endpoint on the pool's local port).
  void attach(core::Endpoint& endpoint);
  void attach_upstream(core::Endpoint& upstream);
  /// Once per loop iteration: retries backlogged echoes, relay connects, stop actions.
  void service();
  /// Stop: SHUTDOWN each association whose backlog is empty (now and in later service()
  /// calls), refuse new ones.
  void begin_stop();
  /// ABORTs every association still open (after the shutdown timeout).
  void abort_all(const char* reason);
  [[nodiscard]] size_t open_associations() const;
  /// ABORTs `id` at the next service() (RFC 9260 §9.1, User-Initiated Abort carrying
  /// `reason`); until then its messages are refused. Deferred: never from inside the
  /// core's callbacks for that association.
  void doom(AssocId id, const char* reason);

  [[nodiscard]] const config::Listener& config() const { return listener_; }
  [[nodiscard]] const RouteCounters& counters() const { return counters_; }
  [[nodiscard]] const core::Endpoint* endpoint() const { return endpoint_; }
  [[nodiscard]] const core::Endpoint* upstream_endpoint() const;
  [[nodiscard]] const RelayRoute* relay() const { return relay_.get(); }
  [[nodiscard]] RelayRoute* relay_mut() { return relay_.get(); }

  // --- Listener (client side) --------------------------------------------------------
  void on_message(const ReceivedMessage& m) override;
  void on_assoc_change(const AssocChange& e) override;
  void on_send_failed(const SendFailed& e) override;

 private:
  struct Assoc {
    explicit Assoc(size_t max_messages, size_t max_bytes) : backlog(max_messages, max_bytes) {}
    EchoBacklog backlog;
    bool shutdown_sent = false;
    const char* doomed = nullptr;  // the ABORT reason, once doomed
  };

  [[nodiscard]] bool accepted(Ppid ppid) const;
  void echo(const ReceivedMessage& m);
  /// Sends the backlog's head while send() takes it; false when the association is gone.
  void drain(uint32_t id, Assoc& a);
  void closed(AssocId id);
  void shutdown_idle();
  [[nodiscard]] Instant now() const;

  const config::Listener listener_;
  ShardContext& context_;
  core::Endpoint* endpoint_ = nullptr;
  size_t backlog_messages_;
  size_t backlog_bytes_;
  std::unordered_map<uint32_t, Assoc> assocs_;  // AssocId -> state, up associations only
  std::vector<uint32_t> backlogged_;            // ids whose backlog is not empty
  std::vector<uint32_t> doomed_;                // ids to ABORT at the next service()
  std::vector<uint32_t> scratch_;
  std::unique_ptr<RelayRoute> relay_;
  RouteCounters counters_;
};

}  // namespace dpsctp::gateway
