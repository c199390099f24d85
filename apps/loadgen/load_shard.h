// LoadShard: the load generator of one runtime Shard (one lcore). It owns one Slot per
// association — each Slot is a local SCTP endpoint (port --local-port + i) with at most one
// association to the server, because an endpoint keeps one association per peer transport
// address (RFC 9260 §2.5: an association is identified by its transport addresses).
// The shard's poll loop calls step() after every Shard::poll_once(): it drives the phases
// (connect, run, drain, shutdown), paces the senders (window or token bucket), and the
// Slots' listener callbacks verify every echo and record its RTT.
//
// Everything here runs on the shard's lcore; nothing is shared. Several LoadShards (one
// per lcore, each with its own slots and stats) are merged when the report is built.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/endpoint.h"
#include "dpsctp/events.h"
#include "echo_verifier.h"
#include "options.h"
#include "pacing.h"
#include "report.h"
#include "runtime/stack/stack.h"
#include "scenario.h"
#include "stats.h"

namespace dpsctp::loadgen {

class LoadShard;

/// One local endpoint and its (current) association.
struct Slot final : public Listener {
  enum class State : uint8_t { kIdle, kConnecting, kUp, kClosing, kClosed, kFailed };

  Slot(LoadShard& owner, uint32_t index, const Options& o);

  void on_message(const ReceivedMessage& m) override;
  void on_assoc_change(const AssocChange& e) override;
  void on_send_failed(const SendFailed& e) override;
  void on_shutdown_event(AssocId a) override;
  void on_peer_addr_change(const PeerAddrChange& e) override;

  LoadShard& owner;
  uint32_t index;
  core::Endpoint* endpoint = nullptr;
  AssocId assoc{0};
  State state = State::kIdle;
  uint64_t connect_ns = 0;
  uint64_t idle_until_ns = 0;  ///< churn: reuse guard after a close
  uint64_t quota = UINT64_MAX;  ///< messages left to send (--messages)
  uint16_t streams = 1;        ///< min(--streams, the association's outbound streams)
  EchoVerifier verifier;
  MessageGenerator generator;
  std::optional<MessageSpec> pending;  ///< drawn but refused by backpressure
  uint64_t send_failed = 0;  ///< SEND_FAILED messages of this association (never echoed)
};

class LoadShard {
 public:
  enum class Phase : uint8_t { kConnecting, kRunning, kDraining, kShutdown, kLinger, kDone };

  explicit LoadShard(const Options& o);
  /// The listener for the stack's primary endpoint (slot 0); pass it to Stack::create.
  Listener& primary_listener() { return *slots_.front(); }
  /// Binds the slots to endpoints (the primary, then Stack::add_endpoint for the others).
  bool attach(runtime::Stack& stack, std::string& error);
  /// One step after each poll_once(); `now_ns` is the steady clock.
  void step(uint64_t now_ns);
  /// Stops sending and moves on to draining (SIGINT / SIGTERM).
  void request_stop() { stop_requested_ = true; }
  [[nodiscard]] bool done() const { return phase_ == Phase::kDone; }
  [[nodiscard]] Phase phase() const { return phase_; }

  [[nodiscard]] const LoadStats& stats() const { return stats_; }
  [[nodiscard]] RunResult result() const;
  [[nodiscard]] SctpFigures sctp_figures() const;
  /// One progress line (no newline).
  [[nodiscard]] std::string progress(uint64_t now_ns) const;

  // Slot callbacks.
  void on_message(Slot& s, const ReceivedMessage& m);
  void on_assoc_change(Slot& s, const AssocChange& e);
  enum class Event : uint8_t { kSendFailed, kPeerShutdown, kPathDown, kPathUp };
  void on_event(Slot& s, Event e);
  /// Records the first error; `dead`: the association is gone.
  void fail(Slot& s, const std::string& why, bool dead);

 private:
  bool send_one(Slot& s);
  void connect(Slot& s);
  void start_running();
  void step_connecting();
  void step_running();
  void step_churn();
  void churn_slots(uint64_t tokens);
  void step_draining();
  void step_shutdown();
  void close_slot(Slot& s);
  [[nodiscard]] uint64_t outstanding() const;
  [[nodiscard]] bool sending_over() const;
  [[nodiscard]] bool measuring(uint64_t t) const { return t >= measure_start_ns_ && t < send_end_ns_; }
  void set_error(const std::string& e) {
    if (error_.empty()) error_ = e;
  }

  const Options& o_;
  runtime::Stack* stack_ = nullptr;
  std::vector<IpAddress> peers_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<std::byte> tx_;
  LoadStats stats_;
  Phase phase_ = Phase::kConnecting;
  uint64_t now_ns_ = 0;
  uint64_t begin_ns_ = 0;           ///< first step: connects start
  uint64_t phase_deadline_ns_ = 0;  ///< --timeout for the current wait
  uint64_t run_start_ns_ = 0;
  uint64_t measure_start_ns_ = UINT64_MAX;
  uint64_t send_end_ns_ = UINT64_MAX;
  uint64_t end_ns_ = 0;
  std::optional<TokenBucket> bucket_;
  uint64_t churn_started_ = 0;  ///< associations churn has set up (--messages caps it)
  size_t rr_ = 0;               ///< round-robin position over the slots (open loop)
  bool stop_requested_ = false;
  bool timed_out_ = false;
  uint64_t lost_ = 0;
  std::string error_;
};

}  // namespace dpsctp::loadgen
