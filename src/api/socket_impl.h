// Socket::Impl: the state behind the embedding API (dpsctp/api.h). It owns the core
// Endpoint (created at activation) and is the Endpoint's Listener: it turns core events
// into RcvInfo / notifications, gates them with the SCTP_EVENT masks (RFC 6458 §6.2.2),
// refuses passive associations while not listening, and runs SCTP_AUTOCLOSE (RFC 6458
// §8.1.8), which the core does not implement.
//
// Files: socket.cc (lifecycle, send, inputs), socket_events.cc (Listener, autoclose),
// sockopt.cc (RFC 6458 §8 options).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/endpoint.h"
#include "dpsctp/api.h"

namespace dpsctp {

/// What the facade keeps per association; the core keeps the rest.
struct AssocExtra {
  bool active = false;              ///< started by connectx (not subject to listen(false))
  bool up = false;                  ///< COMM_UP seen
  bool refused = false;             ///< aborted because not listening: events are swallowed
  bool closing = false;             ///< shutdown requested (user, EOF or autoclose)
  std::optional<EventMask> events;  ///< per-association SCTP_EVENT, else the endpoint's
  std::optional<SndInfo> default_snd;
  std::optional<PrInfo> default_pr;
  std::optional<uint32_t> context;
  Instant last_activity{};  ///< user data sent or received (SCTP_AUTOCLOSE)
};

struct Socket::Impl final : public Listener {
  Impl(core::PacketSink& s, SocketListener& l, SocketConfig c)
      : sink(s), user(l), config(std::move(c)), options(config.defaults) {}

  // socket.cc
  [[nodiscard]] bool active() const { return endpoint != nullptr; }
  void activate(Instant now);
  [[nodiscard]] const core::Association* find(AssocId a) const {
    return endpoint ? endpoint->association(a) : nullptr;
  }
  ApiStatus send_one(AssocId a, std::span<const std::byte> data, const SndInfo& info,
                     const PrInfo& pr, Instant now);
  /// Work deferred out of listener callbacks (the core forbids nothing but re-entering
  /// from a constructor: COMM_UP of a passive association is raised before the Endpoint
  /// has indexed it, so it cannot be aborted from the callback).
  void after_call(Instant now);
  AssocExtra& extra(AssocId a);
  [[nodiscard]] const AssocExtra* extra_if(AssocId a) const;

  // socket_events.cc — core::Listener
  void on_message(const ReceivedMessage& m) override;
  void on_assoc_change(const AssocChange& e) override;
  void on_send_failed(const SendFailed& e) override;
  void on_shutdown_event(AssocId a) override;
  void on_remote_error(const RemoteError& e) override;
  void on_sender_dry(AssocId a) override;
  void on_peer_addr_change(const PeerAddrChange& e) override;
  /// Whether a notification of type `t` for `a` goes to the user.
  [[nodiscard]] bool wants(AssocId a, EventType t) const;
  void touch(AssocId a);
  void run_autoclose(Instant now);
  void recompute_autoclose();

  core::PacketSink& sink;
  SocketListener& user;
  SocketConfig config;
  AssociationOptions options;  ///< endpoint defaults; frozen in the core at activation
  std::vector<IpAddress> local;
  uint16_t port = 0;
  bool listening = false;
  std::unique_ptr<core::Endpoint> endpoint;
  std::unordered_map<uint32_t, AssocExtra> assocs;  ///< AssocId -> facade state
  EventMask events;                                 ///< all off until subscribed (as Linux)
  SndInfo default_snd;
  PrInfo default_pr;
  uint32_t context = 0;
  std::chrono::seconds autoclose{0};
  Instant autoclose_check = kNever;  ///< at or before the earliest idle deadline
  std::vector<AssocId> to_refuse;
  std::vector<AssocId> scratch;
  Instant now{};  ///< of the entry point being run (listener callbacks need it)
  SocketCounters counters;
  SnmpCounters no_counters;
};

}  // namespace dpsctp
