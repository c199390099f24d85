// RelayRoute: the `relay` route of a listener. Every client association gets its own
// upstream association (1:1 pairing) to a member of the listener's upstream pool, chosen
// round-robin or by a hash of the client association. Messages are forwarded both ways
// with their PPID and stream (the stream taken modulo the other side's outbound streams,
// RFC 9260 §6.5: a stream beyond what the peer granted cannot be used).
//
// Failover: when an upstream association fails (COMM_LOST, an ABORT, a failed handshake)
// the core hands back every message it had not delivered (RFC 6458 §6.1.4
// SCTP_SEND_FAILED_EVENT, before the COMM_LOST event); they are re-sent, first and in
// order, on a new upstream association to the next healthy member. The client association
// stays up. A failed member is skipped until reconnect_interval has passed.
//
// Backpressure (RFC 9260 §6.2): what waits for an upstream (resend + to_upstream) is
// reported to the core as held by the client association (Endpoint::set_receive_held), so
// the client's window closes while an upstream is slow or being replaced.
// Buffers are bounded (EchoBacklog): past the bound the client association is ABORTed and
// counted (backlog_aborts), never dropped silently. A client that closes while messages it
// sent still wait here (for an upstream, or to be re-sent after a failover) keeps its pair
// until they are handed to an upstream association; only then is that one shut down. What
// cannot be forwarded at all (the gateway stops first) is counted as relay_undelivered.
//
// Shard-local like ListenerRoute.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "apps/gateway/echo_backlog.h"
#include "apps/gateway/route_counters.h"
#include "config/gateway_config.h"
#include "core/endpoint.h"
#include "dpsctp/events.h"

namespace dpsctp::gateway {

class ListenerRoute;
struct ShardContext;

class RelayRoute {
 public:
  RelayRoute(const config::GatewayConfig& config, const config::Upstream& upstream,
             ListenerRoute& owner, ShardContext& context, RouteCounters& counters);
  RelayRoute(const RelayRoute&) = delete;
  RelayRoute& operator=(const RelayRoute&) = delete;

  void attach_client(core::Endpoint& e) { client_ = &e; }
  void attach_upstream(core::Endpoint& e) { upstream_ = &e; }
  [[nodiscard]] const core::Endpoint* upstream_endpoint() const { return upstream_; }
  [[nodiscard]] core::Endpoint* upstream_endpoint() { return upstream_; }
  [[nodiscard]] Listener& upstream_listener() { return upstream_side_; }
  [[nodiscard]] const config::Upstream& config() const { return config_; }

  // From ListenerRoute (client side).
  void client_up(AssocId client, uint16_t outbound_streams);
  void client_restarted(AssocId client);
  void client_closed(AssocId client);
  void from_client(const ReceivedMessage& m);
  /// Retries connects and buffered messages; once per loop iteration.
  void service();
  /// True when nothing waits to go to the client (the client may be shut down).
  [[nodiscard]] bool drained(AssocId client) const;
  /// Pairs open now (telemetry).
  [[nodiscard]] size_t pair_count() const { return pairs_.size(); }
  /// The shutdown timeout passed: counts what still waits for an upstream as undelivered.
  void give_up();

 private:
  struct Member {
    const config::UpstreamMember* config;
    Instant retry_at{};  // failed: not chosen before this time
  };
  struct Pair {
    Pair(size_t max_messages, size_t max_bytes)
        : resend(max_messages, max_bytes),
          to_upstream(max_messages, max_bytes),
          to_client(max_messages, max_bytes) {}
    std::optional<AssocId> upstream;
    size_t member = 0;
    bool upstream_up = false;
    uint16_t upstream_streams = 1;
    uint16_t client_streams = 1;
    Instant connect_at{};  // no healthy member: try again then
    EchoBacklog resend;       // handed back by a failed upstream: goes first
    EchoBacklog to_upstream;  // waiting for the upstream (handshake, buffer full)
    EchoBacklog to_client;    // waiting for the client's send buffer
    bool in_service = false;  // listed in pending_
    bool client_gone = false;  // the client closed; what it sent is still forwarded
  };

  // Upstream side (the upstream endpoint's Listener).
  class UpstreamSide final : public Listener {
   public:
    explicit UpstreamSide(RelayRoute& r) : relay_(r) {}
    void on_message(const ReceivedMessage& m) override { relay_.from_upstream(m); }
    void on_assoc_change(const AssocChange& e) override { relay_.upstream_change(e); }
    void on_send_failed(const SendFailed& e) override { relay_.upstream_send_failed(e); }

   private:
    RelayRoute& relay_;
  };

  void from_upstream(const ReceivedMessage& m);
  void upstream_change(const AssocChange& e);
  void upstream_send_failed(const SendFailed& e);

  [[nodiscard]] Instant now() const;
  std::optional<size_t> choose_member(AssocId client);
  void connect(uint32_t client, Pair& p);
  void flush_to_upstream(uint32_t client, Pair& p);
  void hold_client(uint32_t client, Pair& p);
  void flush_to_client(uint32_t client, Pair& p);
  void queue(uint32_t client, Pair& p, EchoBacklog& b, StreamId s, Ppid ppid,
             std::span<const std::byte> data);
  void mark(uint32_t client, Pair& p);
  void upstream_lost(Pair& p);
  void close_upstream(Pair& p);
  /// client_gone pairs: true (and the pair's upstream is shut down) once nothing is left.
  bool finish_orphan(Pair& p);

  const config::Upstream& config_;
  ListenerRoute& owner_;
  ShardContext& context_;
  RouteCounters& counters_;
  UpstreamSide upstream_side_{*this};
  core::Endpoint* client_ = nullptr;
  core::Endpoint* upstream_ = nullptr;
  std::vector<Member> members_;
  size_t next_member_ = 0;  // round-robin cursor
  size_t max_messages_;
  size_t max_bytes_;
  std::unordered_map<uint32_t, Pair> pairs_;         // client AssocId -> pair
  std::unordered_map<uint32_t, uint32_t> by_up_;     // upstream AssocId -> client AssocId
  std::vector<uint32_t> pending_;                    // clients with something to retry
  std::vector<uint32_t> scratch_;
};

}  // namespace dpsctp::gateway
