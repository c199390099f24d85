// LoadShard: phases, pacing, sending and echo verification (see load_shard.h).
#include "load_shard.h"

#include <algorithm>
#include <cstdio>

namespace dpsctp::loadgen {
namespace {

constexpr uint64_t kNsPerS = 1'000'000'000;
uint64_t ns(double seconds) { return static_cast<uint64_t>(seconds * 1e9); }

uint32_t expected_ppid(const Options& o) {
  switch (o.scenario) {
    case Scenario::kS1ap: return kPpidS1ap;
    case Scenario::kDiameter: return kPpidDiameter;
    default: return o.ppid;
  }
}

}  // namespace

// --- Slot ----------------------------------------------------------------------------------

Slot::Slot(LoadShard& o, uint32_t i, const Options& opt)
    : owner(o),
      index(i),
      verifier(i, opt.streams),
      generator({opt.scenario, opt.streams, opt.size, opt.ppid, opt.ue_count, opt.seed, i}) {}

void Slot::on_message(const ReceivedMessage& m) { owner.on_message(*this, m); }
void Slot::on_assoc_change(const AssocChange& e) { owner.on_assoc_change(*this, e); }
void Slot::on_send_failed(const SendFailed& e) {
  if (e.assoc != assoc) return;
  ++send_failed;
  owner.on_event(*this, LoadShard::Event::kSendFailed);
}
void Slot::on_shutdown_event(AssocId a) {
  if (a == assoc && state != State::kClosing) owner.on_event(*this, LoadShard::Event::kPeerShutdown);
}
void Slot::on_peer_addr_change(const PeerAddrChange& e) {
  if (e.assoc != assoc) return;
  if (e.state == PeerAddrState::kUnreachable) owner.on_event(*this, LoadShard::Event::kPathDown);
  if (e.state == PeerAddrState::kAvailable) owner.on_event(*this, LoadShard::Event::kPathUp);
}

// --- Setup -----------------------------------------------------------------------------------

LoadShard::LoadShard(const Options& o) : o_(o), tx_(kMaxMessageSize) {
  for (const auto& p : o.peer_ips) peers_.push_back(*IpAddress::parse(p));
  for (uint32_t i = 0; i < o.associations; ++i) slots_.push_back(std::make_unique<Slot>(*this, i, o));
  if (o.messages != 0 && o.scenario != Scenario::kChurn) {
    // --messages in total, split evenly; the first slots take the remainder.
    for (uint32_t i = 0; i < o.associations; ++i) {
      slots_[i]->quota = o.messages / o.associations + (i < o.messages % o.associations ? 1 : 0);
    }
  }
}

bool LoadShard::attach(runtime::Stack& stack, std::string& error) {
  stack_ = &stack;
  slots_[0]->endpoint = &stack.endpoint();
  AssociationOptions opts = stack.endpoint().config().options;
  for (uint32_t i = 1; i < slots_.size(); ++i) {
    const auto port = static_cast<uint16_t>(o_.local_port + i);
    slots_[i]->endpoint = stack.add_endpoint(port, opts, *slots_[i]);
    if (slots_[i]->endpoint == nullptr) {
      error = "local SCTP port " + std::to_string(port) + " is taken";
      return false;
    }
  }
  return true;
}

// --- Phases ----------------------------------------------------------------------------------

void LoadShard::step(uint64_t now_ns) {
  now_ns_ = now_ns;
  if (begin_ns_ == 0) {
    begin_ns_ = now_ns;
    phase_deadline_ns_ = now_ns + ns(o_.timeout_s);
    if (o_.scenario == Scenario::kChurn) {
      start_running();
    } else {
      for (auto& s : slots_) connect(*s);
    }
  }
  switch (phase_) {
    case Phase::kConnecting: step_connecting(); break;
    case Phase::kRunning:
      if (o_.scenario == Scenario::kChurn) {
        step_churn();
      } else {
        step_running();
      }
      break;
    case Phase::kDraining: step_draining(); break;
    case Phase::kShutdown: step_shutdown(); break;
    case Phase::kLinger:
      if (now_ns >= phase_deadline_ns_) phase_ = Phase::kDone;
      break;
    case Phase::kDone: break;
  }
}

void LoadShard::connect(Slot& s) {
  const auto id = s.endpoint->connect(peers_, o_.port, stack_->now());
  ++stats_.connects;
  if (!id) {
    ++stats_.connect_refused;
    s.state = Slot::State::kFailed;
    set_error("connect() refused");
    return;
  }
  s.assoc = *id;
  s.state = Slot::State::kConnecting;
  s.connect_ns = now_ns_;
}

void LoadShard::step_connecting() {
  bool all_up = true;
  for (const auto& s : slots_) {
    if (s->state == Slot::State::kFailed) {
      phase_ = Phase::kShutdown;  // a handshake failed: close the others and report
      phase_deadline_ns_ = now_ns_ + ns(o_.timeout_s);
      for (auto& t : slots_) close_slot(*t);
      return;
    }
    all_up = all_up && s->state == Slot::State::kUp;
  }
  if (all_up) return start_running();
  if (now_ns_ >= phase_deadline_ns_) {
    timed_out_ = true;
    set_error("timeout waiting for the associations to come up");
    phase_ = Phase::kShutdown;
    for (auto& t : slots_) close_slot(*t);
  }
}

void LoadShard::start_running() {
  phase_ = Phase::kRunning;
  run_start_ns_ = now_ns_;
  measure_start_ns_ = now_ns_ + ns(o_.warmup_s);
  if (o_.duration_s > 0) send_end_ns_ = measure_start_ns_ + ns(o_.duration_s);
  if (!o_.closed_loop() || o_.scenario == Scenario::kChurn) {
    // 10 ms worth: a poll loop descheduled for a few ms (shared CPUs) catches up instead
    // of silently offering less than --rate.
    const double burst = std::max(64.0, o_.rate / 100.0);
    bucket_.emplace(o_.rate, burst, now_ns_);
  }
}

bool LoadShard::sending_over() const {
  if (stop_requested_ || now_ns_ >= send_end_ns_) return true;
  if (o_.expect_peer_shutdown &&
      std::none_of(slots_.begin(), slots_.end(),
                   [](const auto& s) { return s->state == Slot::State::kUp; })) {
    return true;  // the peer closed every association
  }
  if (o_.scenario == Scenario::kChurn) return o_.messages != 0 && churn_started_ >= o_.messages;
  return std::all_of(slots_.begin(), slots_.end(), [](const auto& s) { return s->quota == 0; });
}

void LoadShard::step_running() {
  if (sending_over() || !error_.empty()) {
    if (send_end_ns_ > now_ns_) send_end_ns_ = now_ns_;
    phase_ = Phase::kDraining;
    phase_deadline_ns_ = now_ns_ + ns(o_.timeout_s);
    return;
  }
  if (o_.closed_loop()) {
    const uint32_t w = o_.effective_window();
    for (auto& s : slots_) {
      if (s->state != Slot::State::kUp) continue;
      for (uint64_t room = window_room(w, s->verifier.outstanding()); room > 0; --room) {
        if (!send_one(*s)) break;
      }
    }
    return;
  }
  // Open loop: the bucket's tokens, round-robin over the associations that are up.
  uint64_t tokens = bucket_->available(now_ns_);
  size_t blocked = 0;
  while (tokens > 0 && blocked < slots_.size()) {
    Slot& s = *slots_[rr_];
    rr_ = (rr_ + 1) % slots_.size();
    if (s.state == Slot::State::kUp && send_one(s)) {
      bucket_->consume(1);
      --tokens;
      blocked = 0;
    } else {
      ++blocked;
    }
  }
}

void LoadShard::step_draining() {
  if (o_.scenario == Scenario::kChurn && error_.empty()) {
    churn_slots(0);
    const bool busy = std::any_of(slots_.begin(), slots_.end(), [](const auto& s) {
      return s->state == Slot::State::kConnecting || s->state == Slot::State::kClosing ||
             (s->state == Slot::State::kUp && s->verifier.sent() == 0);
    });
    if (busy && now_ns_ < phase_deadline_ns_) return;
  }
  const uint64_t left = outstanding();
  if (left == 0 || now_ns_ >= phase_deadline_ns_ || !error_.empty()) {
    if (left != 0 && error_.empty()) {
      timed_out_ = true;
      lost_ = left;
      set_error("timeout: " + std::to_string(left) + " messages never echoed");
    }
    phase_ = Phase::kShutdown;
    phase_deadline_ns_ = now_ns_ + ns(o_.timeout_s);
    for (auto& s : slots_) close_slot(*s);
  }
}

void LoadShard::close_slot(Slot& s) {
  if (s.state == Slot::State::kUp) {
    s.state = Slot::State::kClosing;
    s.endpoint->shutdown(s.assoc, stack_->now());  // RFC 9260 §9.2 graceful
  } else if (s.state == Slot::State::kConnecting) {
    s.state = Slot::State::kFailed;  // still handshaking at the end: abort it
    s.endpoint->abort(s.assoc, {}, stack_->now());
  }
}

void LoadShard::step_shutdown() {
  const bool open = std::any_of(slots_.begin(), slots_.end(), [](const auto& s) {
    return s->state == Slot::State::kClosing || s->state == Slot::State::kConnecting;
  });
  if (open && now_ns_ < phase_deadline_ns_) return;
  if (open) {
    timed_out_ = true;
    set_error("timeout waiting for SHUTDOWN COMPLETE");
  }
  end_ns_ = now_ns_;
  // Keep polling a little so our last SHUTDOWN COMPLETE leaves the port, and a SHUTDOWN
  // ACK the peer retransmits gets its RFC 9260 §8.4 (5) answer.
  phase_ = Phase::kLinger;
  phase_deadline_ns_ = now_ns_ + kNsPerS / 4;
}

uint64_t LoadShard::outstanding() const {
  if (o_.no_echo) return 0;  // a sink answers nothing
  uint64_t n = 0;
  for (const auto& s : slots_) {
    if (s->state == Slot::State::kUp || s->state == Slot::State::kClosing) {
      n += s->verifier.outstanding();
    }
  }
  return n;
}

// --- Churn: associations set up and torn down at --rate per second ----------------------

void LoadShard::step_churn() {
  if (sending_over() || !error_.empty()) {
    if (send_end_ns_ > now_ns_) send_end_ns_ = now_ns_;
    phase_ = Phase::kDraining;
    phase_deadline_ns_ = now_ns_ + ns(o_.timeout_s);
    return;
  }
  churn_slots(bucket_->available(now_ns_));
}

// Each slot cycles: idle -> connect -> up -> one echo -> SHUTDOWN -> closed -> idle.
// `tokens` new connects are allowed (0 while draining: only finish what is open).
void LoadShard::churn_slots(uint64_t tokens) {
  for (auto& sp : slots_) {
    Slot& s = *sp;
    if (s.state == Slot::State::kUp && s.verifier.sent() > 0 && s.verifier.outstanding() == 0) {
      close_slot(s);  // its echo came back: tear it down
    } else if (s.state == Slot::State::kUp && s.verifier.sent() == 0) {
      send_one(s);
    } else if (tokens > 0 && (s.state == Slot::State::kIdle || s.state == Slot::State::kClosed) &&
               now_ns_ >= s.idle_until_ns) {
      s.verifier = EchoVerifier(s.index, o_.streams);
      connect(s);
      ++churn_started_;
      bucket_->consume(1);
      --tokens;
    } else if (s.state == Slot::State::kConnecting && now_ns_ >= s.connect_ns + ns(o_.timeout_s)) {
      fail(s, "handshake timeout", false);
    }
  }
}

// --- Sending and receiving -----------------------------------------------------------------

bool LoadShard::send_one(Slot& s) {
  if (s.quota == 0) return false;
  if (!s.pending) s.pending = s.generator.next();
  const MessageSpec m = *s.pending;
  const uint64_t seq = s.verifier.take_seq(m.stream);
  const std::span<std::byte> buf(tx_.data(), m.size);
  encode_message({s.index, seq, now_ns_, m.stream, m.size}, buf);
  const auto st = s.endpoint->send(s.assoc, StreamId(m.stream), Ppid(m.ppid), buf, {},
                                   stack_->now());
  if (st != core::SendStatus::kOk) {
    s.verifier.untake_seq(m.stream);
    if (st == core::SendStatus::kBufferFull) {
      ++stats_.send_backpressure;  // RFC 9260 §6.1 flow control: retry later
    } else {
      ++stats_.send_refused;
      fail(s, "send() refused", false);
    }
    return false;
  }
  s.pending.reset();
  if (s.quota != UINT64_MAX) --s.quota;
  ++stats_.total.sent_msgs;
  stats_.total.sent_bytes += m.size;
  if (measuring(now_ns_)) {
    ++stats_.measured.sent_msgs;
    stats_.measured.sent_bytes += m.size;
  }
  return true;
}

void LoadShard::on_message(Slot& s, const ReceivedMessage& m) {
  if (m.assoc != s.assoc || o_.no_echo) {
    ++stats_.unknown_assoc_msgs;
    return set_error("a message on an association we do not track");
  }
  MessageHeader h;
  EchoVerdict v = s.verifier.check(m.data, m.stream.value(), h);
  if (v == EchoVerdict::kOk && m.ppid.value() != expected_ppid(o_)) v = EchoVerdict::kUndecodable;
  if (v != EchoVerdict::kOk) {
    ++stats_.echo_errors[static_cast<size_t>(v)];
    return set_error(std::string("echo verification failed: ") + to_string(v));
  }
  ++stats_.total.received_msgs;
  stats_.total.received_bytes += m.data.size();
  if (measuring(h.sent_ns)) {
    ++stats_.measured.received_msgs;
    stats_.measured.received_bytes += m.data.size();
    stats_.rtt.record(now_ns_ >= h.sent_ns ? now_ns_ - h.sent_ns : 0);
  }
}

void LoadShard::on_assoc_change(Slot& s, const AssocChange& e) {
  if (e.assoc != s.assoc) return;
  switch (e.state) {
    case AssocChangeState::kCommUp:
      s.state = Slot::State::kUp;
      s.streams = std::min(o_.streams, e.outbound_streams);
      if (s.streams < o_.streams) fail(s, "the peer granted fewer outbound streams than --streams", false);
      ++stats_.comm_up;
      if (measuring(now_ns_)) ++stats_.comm_up_measured;
      stats_.handshake.record(now_ns_ - s.connect_ns);
      break;
    case AssocChangeState::kShutdownComp:
      ++stats_.shutdown_comp;
      if (o_.expect_peer_shutdown) {
        // Acknowledged by SCTP but never answered (the peer stopped): counted, not lost.
        const uint64_t open = s.verifier.outstanding();
        stats_.unanswered_at_peer_shutdown += open > s.send_failed ? open - s.send_failed : 0;
      }
      s.state = Slot::State::kClosed;
      s.idle_until_ns = now_ns_ + kNsPerS / 1000;  // churn: 1 ms before the port is reused
      break;
    case AssocChangeState::kCommLost:
      ++stats_.comm_lost;
      fail(s, "association lost (COMM_LOST)", true);
      break;
    case AssocChangeState::kCantStrAssoc:
      ++stats_.cant_start;
      fail(s, "handshake failed (CANT_STR_ASSOC)", true);
      break;
    case AssocChangeState::kRestart:
      ++stats_.restarts;
      fail(s, "the peer restarted", false);
      break;
  }
}

void LoadShard::on_event(Slot& s, Event e) {
  switch (e) {
    case Event::kSendFailed:
      ++stats_.send_failed_events;
      if (o_.expect_peer_shutdown) return;  // accounted for in run_ok()
      return fail(s, "SEND_FAILED: a message will not be delivered", false);
    case Event::kPeerShutdown:
      ++stats_.peer_shutdowns;
      if (o_.expect_peer_shutdown) {
        s.state = Slot::State::kClosing;  // RFC 9260 §9.2: no new sends; SHUTDOWN_COMP follows
        return;
      }
      return fail(s, "the peer shut the association down", false);
    case Event::kPathDown: ++stats_.path_unreachable; return;
    case Event::kPathUp: ++stats_.path_available; return;
  }
}

void LoadShard::fail(Slot& s, const std::string& why, bool dead) {
  if (dead) s.state = Slot::State::kFailed;
  set_error("association " + std::to_string(s.index) + ": " + why);
}

// --- Results ---------------------------------------------------------------------------------

RunResult LoadShard::result() const {
  RunResult r;
  const uint64_t end = end_ns_ != 0 ? end_ns_ : now_ns_;
  const uint64_t send_end = std::min(send_end_ns_, end);
  if (measure_start_ns_ != UINT64_MAX && send_end > measure_start_ns_) {
    r.measured_s = static_cast<double>(send_end - measure_start_ns_) / 1e9;
  }
  r.total_s = begin_ns_ != 0 ? static_cast<double>(end - begin_ns_) / 1e9 : 0;
  r.lost = lost_;
  // --expect-peer-shutdown: SEND_FAILED and unanswered messages are accounted, not lost.
  const uint64_t accounted = stats_.total.received_msgs + stats_.echo_error_total() +
                             (o_.expect_peer_shutdown ? stats_.send_failed_events +
                                                            stats_.unanswered_at_peer_shutdown
                                                      : 0);
  if (r.lost == 0 && !o_.no_echo && stats_.total.sent_msgs > accounted) {
    r.lost = stats_.total.sent_msgs - accounted;
  }
  r.timed_out = timed_out_;
  r.error = error_;
  return r;
}

SctpFigures LoadShard::sctp_figures() const {
  SctpFigures f;
  for (size_t i = 0; i < stack_->shard().endpoint_count(); ++i) {
    const SnmpCounters& c = stack_->shard().endpoint_at(i).counters();
    f.retransmitted_chunks += c.DpsctpRetransmittedChunks;
    f.t3_expirations += c.DpsctpT3Expirations;
    f.fast_retransmits += c.DpsctpFastRetransmits;
    f.duplicate_tsns += c.DpsctpDuplicateTsns;
    f.out_packets += c.SctpOutSCTPPacks;
    f.in_packets += c.SctpInSCTPPacks;
    f.aborted += c.SctpAborteds;
  }
  return f;
}

std::string LoadShard::progress(uint64_t now_ns) const {
  static constexpr const char* kPhase[] = {"connecting", "running", "draining",
                                           "shutdown",   "linger",  "done"};
  const double t = static_cast<double>(now_ns - begin_ns_) / 1e9;
  const double m = now_ns > measure_start_ns_ ? static_cast<double>(now_ns - measure_start_ns_) / 1e9 : 0;
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "[%6.1fs] %-10s up %llu  sent %llu  echoed %llu  %.0f msgs/s  p99 %.1f us  errors %llu",
                t, kPhase[static_cast<int>(phase_)],
                static_cast<unsigned long long>(stats_.comm_up - stats_.shutdown_comp),
                static_cast<unsigned long long>(stats_.total.sent_msgs),
                static_cast<unsigned long long>(stats_.total.received_msgs),
                m > 0 ? static_cast<double>(stats_.measured.received_msgs) / m : 0.0,
                static_cast<double>(stats_.rtt.percentile(99)) / 1000.0,
                static_cast<unsigned long long>(stats_.echo_error_total()));
  return buf;
}

}  // namespace dpsctp::loadgen
