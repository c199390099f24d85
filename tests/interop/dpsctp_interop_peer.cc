// iop_dpsctp_peer: the dpsctp side of the interop suite — a runtime::Stack on one DPDK
// port (net_af_packet on a veth), speaking to usrsctp (usrsctp_peer.cc) with the message
// model of payload.h.
//
//   server: echoes every message (same stream, PPID, U bit; queued in a backlog while the
//           send buffer is full) and records it; on the close request (PPID kClosePpid) it
//           does its --end action; exits when the association ends.
//   client: connects, sends --messages messages keeping at most --window unechoed, checks
//           every echo exactly once, byte-exact, on its stream, with its U bit and (ordered)
//           in order, then --end: shutdown (RFC 9260 §9.2), abort (§9.1) or peer (sends
//           the close request and waits for the peer's SHUTDOWN or ABORT).
//   --restarts N (server): the peer restarts N times (§5.2.2): each RESTART notification
//           starts a fresh record, and the run passes only with exactly N of them.
//   --pause-at N --resume-file F --reconnects R (client): after N messages and their echoes,
//           pause (stderr "paused") until file F exists (the test kills and restarts the
//           usrsctp server meanwhile); each COMM_LOST before the end (up to R: the new
//           peer's ABORT, RFC 9260 §8.4 (2) / §8.5.1 (B)) reconnects and goes on with the
//           next ids. Every id must then be either echoed or handed back by SEND_FAILED.
//   --ip A,B --peer-ip A,B --cut-at N: multi-homed (RFC 9260 §6.4); after N messages
//           (client: sent, server: received) the network between the first addresses
//           fails (Impairment::cut: frames to our first address and to the peer's first
//           address are dropped): §8.2 marks that path unreachable, §6.4.1 fails over.
//           --path-max-retrans N: Path.Max.Retrans (§8.2) for a quick verdict,
//           --rto-max-ms M: RTO.Max (§6.3.1) bounds the backoff while a path is cut;
//           --cut-rx-only: only frames to our first address are dropped; --heal-on-end:
//           the cut ends when the peer's SHUTDOWN arrives (see interop_test.sh multihome).
//   --impair SPEC: seeded loss / reorder / duplication on our RX and TX (runtime/dpdk/
//           impairment.h, e.g. loss=2,reorder=2,dup=1,seed=7), from the start until the
//           end begins (so SHUTDOWN ACK / COMPLETE are not the ones lost when we exit).
// One JSON line on stdout; exit 0 when every check held.
//
// Usage: iop_dpsctp_peer --role server|client --vdev VDEV --ip A --peer-ip B [--lcore N]
//          [--file-prefix P] [--port P] [--peer-port P] [--messages N] [--sizes N|LO..HI]
//          [--streams S] [--unordered] [--seed X] [--window W] [--end shutdown|abort|peer]
//          [--restarts N] [--timeout S] [--linger-ms MS] [--impair SPEC]
//          [--pause-at N --resume-file F --reconnects R] [--udp-encaps PORT]
//          [--udp-remote-port PORT] [--cut-at N] [--path-max-retrans N]
//          (--ip, --peer-ip: one address or A,B)
//   --udp-encaps PORT: SCTP over UDP (RFC 6951) on local UDP port PORT; --udp-remote-port
//           (client): the server's UDP port, so the INIT already goes in UDP.
//   --interleave: offer I-DATA (RFC 8260 §2.2.1). --pr-ttl-ms N / --pr-rtx N (client): every
//           message with that lifetime / retransmission limit (RFC 3758, RFC 7496); then
//           every id must be echoed or handed back by SEND_FAILED (or both, when it was
//           sent: an abandoned message may still have arrived). --reset-stream-at K
//           (client): after K messages, an outgoing SSN reset of streams 0..3 (RFC 6525
//           §5.1.2). --init-streams N --add-streams M (client): N outbound streams in the
//           INIT, then an Add Outgoing Streams Request for M more (§5.1.5); messages on
//           streams >= N wait for the stream change event. The JSON line reports the
//           extension counters and the stream reset / change events.
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dpsctp/address.h"
#include "dpsctp/events.h"
#include "payload.h"
#include "runtime/dpdk/impairment.h"
#include "runtime/stack/stack.h"

namespace {

using namespace dpsctp;
using Clock = std::chrono::steady_clock;

struct Args {
  std::string role, vdev, file_prefix = "iop_dpsctp", ip, peer_ip, end = "peer";
  unsigned lcore = 0;
  uint16_t port = 5000, peer_port = 5001;
  uint64_t messages = 1000, seed = 1;
  interop::Sizes sizes;
  uint32_t streams = 10, window = 256, restarts = 0, linger_ms = 1000, reconnects = 0;
  uint64_t pause_at = 0, cut_at = 0;
  int path_max_retrans = -1;  // -1: the default
  uint32_t rto_max_ms = 0;    // 0: the default
  std::string resume_file;
  bool unordered = false, cut_rx_only = false, heal_on_end = false;
  double timeout_s = 120;
  runtime::ImpairmentConfig impair;
  uint16_t udp_encaps = 0, udp_remote_port = 0;  // RFC 6951: local / peer's UDP port
  bool interleave = false;
  uint32_t pr_ttl_ms = 0, pr_rtx = 0xFFFF;  // RFC 7496 SCTP_PR_SCTP_TTL / _RTX
  uint64_t reset_stream_at = 0;
  uint32_t init_streams = 64, add_streams = 0;
  [[nodiscard]] bool pr() const { return pr_ttl_ms != 0 || pr_rtx != 0xFFFF; }
};

// "A" or "A,B,...": every address, or none if one does not parse.
std::vector<IpAddress> addresses(const std::string& list) {
  std::vector<IpAddress> out;
  for (size_t at = 0; at <= list.size();) {
    const size_t comma = std::min(list.find(',', at), list.size());
    const std::optional<IpAddress> ip = IpAddress::parse(list.substr(at, comma - at));
    if (!ip) return {};
    out.push_back(*ip);
    at = comma + 1;
  }
  return out;
}

bool parse_args(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    if (k == "--interleave") {
      a.interleave = true;
      continue;
    }
    if (k == "--unordered" || k == "--cut-rx-only" || k == "--heal-on-end") {
      a.unordered = a.unordered || k == "--unordered";
      a.cut_rx_only = a.cut_rx_only || k == "--cut-rx-only";
      a.heal_on_end = a.heal_on_end || k == "--heal-on-end";
      continue;
    }
    if (i + 1 >= argc) return false;
    const std::string v = argv[++i];
    if (k == "--role")
      a.role = v;
    else if (k == "--vdev")
      a.vdev = v;
    else if (k == "--file-prefix")
      a.file_prefix = v;
    else if (k == "--ip")
      a.ip = v;
    else if (k == "--peer-ip")
      a.peer_ip = v;
    else if (k == "--lcore")
      a.lcore = static_cast<unsigned>(std::stoul(v));
    else if (k == "--port")
      a.port = static_cast<uint16_t>(std::stoul(v));
    else if (k == "--peer-port")
      a.peer_port = static_cast<uint16_t>(std::stoul(v));
    else if (k == "--messages")
      a.messages = std::stoull(v);
    else if (k == "--sizes") {
      if (!a.sizes.parse(v)) return false;
    } else if (k == "--streams")
      a.streams = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--seed")
      a.seed = std::stoull(v);
    else if (k == "--window")
      a.window = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--end")
      a.end = v;
    else if (k == "--restarts")
      a.restarts = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--timeout")
      a.timeout_s = std::stod(v);
    else if (k == "--linger-ms")
      a.linger_ms = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--cut-at")
      a.cut_at = std::stoull(v);
    else if (k == "--path-max-retrans")
      a.path_max_retrans = static_cast<int>(std::stoul(v) & 0xFFFF);
    else if (k == "--rto-max-ms")
      a.rto_max_ms = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--pause-at")
      a.pause_at = std::stoull(v);
    else if (k == "--resume-file")
      a.resume_file = v;
    else if (k == "--reconnects")
      a.reconnects = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--udp-encaps")
      a.udp_encaps = static_cast<uint16_t>(std::stoul(v));
    else if (k == "--udp-remote-port")
      a.udp_remote_port = static_cast<uint16_t>(std::stoul(v));
    else if (k == "--pr-ttl-ms")
      a.pr_ttl_ms = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--pr-rtx")
      a.pr_rtx = static_cast<uint32_t>(std::stoul(v) & 0xFFFF);
    else if (k == "--reset-stream-at")
      a.reset_stream_at = std::stoull(v);
    else if (k == "--init-streams")
      a.init_streams = static_cast<uint32_t>(std::stoul(v) & 0xFFFF);
    else if (k == "--add-streams")
      a.add_streams = static_cast<uint32_t>(std::stoul(v) & 0xFFFF);
    else if (k == "--impair") {
      std::string error;
      if (!a.impair.parse(v, &error)) return std::fprintf(stderr, "%s\n", error.c_str()), false;
    } else
      return false;
  }
  a.sizes.seed = a.seed;
  const bool end_ok = a.end == "shutdown" || a.end == "abort" || a.end == "peer";
  const bool cut_ok =
      a.cut_at == 0 || (addresses(a.ip).size() >= 2 && addresses(a.peer_ip).size() >= 2);
  return (a.role == "server" || a.role == "client") && !a.vdev.empty() &&
         !addresses(a.ip).empty() && !addresses(a.peer_ip).empty() && end_ok && cut_ok &&
         a.streams >= 1 && a.streams <= 65535 && a.window >= 1;
}

interop::Expect expect_of(const Args& a) {
  return {a.role == "client", a.sizes, a.streams, a.unordered};
}

wire::ByteSpan bytes_of(const std::vector<uint8_t>& v) { return std::as_bytes(std::span(v)); }

class Peer final : public Listener {
 public:
  explicit Peer(const Args& a) : a_(a), tracker_(a.seed, expect_of(a)) {}
  void attach(runtime::Stack* s, runtime::Impairment* imp) {
    stack_ = s;
    impairment_ = imp;
  }
  int run();

  // --- Listener -------------------------------------------------------------------------
  void on_message(const ReceivedMessage& m) override;
  void on_assoc_change(const AssocChange& e) override;
  void on_peer_addr_change(const PeerAddrChange& e) override {
    if (e.state == PeerAddrState::kUnreachable) ++unreachable_;  // RFC 9260 §8.2
  }
  void on_stream_reset(const StreamResetEvent& e) override {  // RFC 6525 §6.1.1
    ++(e.denied || e.failed ? stream_resets_refused_ : stream_resets_);
    if (!e.denied && !e.failed) streams_reset_ += static_cast<uint32_t>(e.streams.size());
  }
  void on_stream_change(const StreamChangeEvent& e) override {  // RFC 6525 §6.1.3
    if (e.denied || e.failed) {
      ++stream_changes_refused_;
    } else {
      ++stream_changes_;
      out_streams_ = e.outbound_streams;
    }
  }
  void on_shutdown_event(AssocId) override {
    shutdown_event_ = true;
    if (impairment_ != nullptr) impairment_->arm(false);  // the end is not impaired
    if (impairment_ != nullptr && a_.heal_on_end) impairment_->cut(false);
  }
  // After an ABORT or a peer restart, messages the peer had not acknowledged yet come back
  // here (RFC 6458 §6.1.4): expected then; after a graceful end a loss (checked in run()).
  void on_send_failed(const SendFailed& f) override {
    ++send_failed_;
    const uint32_t ppid = f.ppid.value();
    if (a_.role != "client" || ppid < interop::kPpidBase || ppid == interop::kClosePpid) return;
    const uint64_t id = ppid - interop::kPpidBase;
    if (id >= failed_ids_.size()) failed_ids_.resize(id + 1, 0);
    resolved_ += failed_ids_[id] == 0 && !tracker_.has(id) ? 1 : 0;
    data_failed_ += failed_ids_[id] == 0 ? 1 : 0;
    failed_ids_[id] = 1;
  }

 private:
  struct Echo {
    uint16_t stream;
    uint32_t ppid;
    bool unordered;
    std::vector<uint8_t> data;
  };

  void fail(const char* why) {
    if (error_ == nullptr) error_ = why;
  }
  core::SendStatus send(uint16_t stream, uint32_t ppid, bool unordered, wire::ByteSpan data,
                        bool pr = false) {
    core::SendOptions o;
    o.unordered = unordered;
    if (pr && a_.pr_ttl_ms != 0) o.lifetime = std::chrono::milliseconds(a_.pr_ttl_ms);
    if (pr) o.max_retransmits = static_cast<uint16_t>(a_.pr_rtx);
    return stack_->endpoint().send(assoc_, StreamId(stream), Ppid(ppid), data, o, stack_->now());
  }
  void drain_backlog();
  void top_up();
  void start_end();
  void print_json(double elapsed) const;
  [[nodiscard]] std::string ext_json() const;
  [[nodiscard]] bool paused();
  [[nodiscard]] bool passed() const;
  [[nodiscard]] bool accounted() const;
  [[nodiscard]] bool pr_accounted() const;

  const Args& a_;
  interop::Tracker tracker_;
  runtime::Stack* stack_ = nullptr;
  runtime::Impairment* impairment_ = nullptr;
  AssocId assoc_{0};
  std::deque<Echo> backlog_;  // server: echoes the send buffer had no room for yet
  std::vector<uint8_t> tx_;
  uint64_t sent_ = 0, echoed_ = 0, backlog_max_ = 0, buffer_full_ = 0;
  uint64_t send_failed_ = 0, data_failed_ = 0;
  uint64_t resolved_ = 0;  // --pr-*: ids echoed or handed back (each counted once)
  uint32_t stream_resets_ = 0, stream_resets_refused_ = 0, streams_reset_ = 0;
  bool reset_requested_ = false, add_requested_ = false;
  uint32_t stream_changes_ = 0, stream_changes_refused_ = 0, out_streams_ = 0;
  std::vector<uint8_t> failed_ids_;  // client: ids handed back by SEND_FAILED
  uint32_t restarts_ = 0, reconnects_ = 0, unreachable_ = 0;
  bool cut_ = false;
  bool reconnect_pending_ = false, pause_announced_ = false, resumed_ = false;
  uint16_t lost_error_ = 0;
  bool up_ = false, ended_ = false, end_started_ = false, close_req_ = false;
  bool shutdown_event_ = false;
  const char* end_how_ = "none";  // shutdown_comp | comm_lost | abort_sent
  const char* error_ = nullptr;
};

void Peer::on_message(const ReceivedMessage& m) {
  const auto* p = reinterpret_cast<const uint8_t*>(m.data.data());
  const uint32_t ppid = m.ppid.value();
  const uint16_t stream = m.stream.value();
  if (a_.role == "server" && ppid == interop::kClosePpid) {
    close_req_ = true;  // acted on from the loop, not inside the callback
    return;
  }
  const uint64_t rid = ppid - interop::kPpidBase;
  if (ppid >= interop::kPpidBase && !tracker_.has(rid) &&
      (rid >= failed_ids_.size() || failed_ids_[rid] == 0)) {
    ++resolved_;
  }
  if (!tracker_.record(ppid, stream, m.unordered, p, m.data.size())) fail(tracker_.first_error());
  if (a_.role == "client") {
    ++echoed_;
    return;
  }
  if (backlog_.empty()) {
    const auto st = send(stream, ppid, m.unordered, m.data);
    if (st == core::SendStatus::kOk) return;
    if (st != core::SendStatus::kBufferFull) return fail("echo send refused");
    ++buffer_full_;
  }
  backlog_.push_back({stream, ppid, m.unordered, std::vector<uint8_t>(p, p + m.data.size())});
  if (backlog_.size() > backlog_max_) backlog_max_ = backlog_.size();
}

void Peer::on_assoc_change(const AssocChange& e) {
  switch (e.state) {
    case AssocChangeState::kCommUp:
      up_ = true;
      assoc_ = e.assoc;
      break;
    case AssocChangeState::kRestart:  // RFC 9260 §5.2.2: same association, new peer state
      ++restarts_;
      assoc_ = e.assoc;
      tracker_ = interop::Tracker(a_.seed, expect_of(a_));
      backlog_.clear();
      break;
    case AssocChangeState::kShutdownComp:
      ended_ = true;
      end_how_ = "shutdown_comp";
      break;
    case AssocChangeState::kCommLost:
      if (a_.role == "client" && !end_started_ && reconnects_ < a_.reconnects) {
        ++reconnects_;  // the peer restarted: connect again (from the loop)
        up_ = false;
        lost_error_ = e.error;
        reconnect_pending_ = true;
        break;
      }
      ended_ = true;
      lost_error_ = e.error;
      if (std::strcmp(end_how_, "abort_sent") != 0) end_how_ = "comm_lost";
      break;
    case AssocChangeState::kCantStrAssoc:
      ended_ = true;
      fail("handshake failed (CANT_STR_ASSOC)");
      break;
  }
}

void Peer::drain_backlog() {
  while (!backlog_.empty()) {
    const Echo& e = backlog_.front();
    const auto st = send(e.stream, e.ppid, e.unordered, bytes_of(e.data));
    if (st == core::SendStatus::kBufferFull) return;
    if (st != core::SendStatus::kOk) return fail("echo send refused");
    backlog_.pop_front();
  }
}

// --pause-at: holds the client after pause_at messages until the resume file appears.
bool Peer::paused() {
  if (a_.pause_at == 0 || resumed_ || sent_ < a_.pause_at) return false;
  if (!pause_announced_ && echoed_ == a_.pause_at) {
    std::fprintf(stderr, "client: paused after %" PRIu64 " echoes\n", echoed_);
    pause_announced_ = true;
  }
  struct stat st {};
  resumed_ = pause_announced_ && stat(a_.resume_file.c_str(), &st) == 0;
  return !resumed_;
}

void Peer::top_up() {
  const uint64_t until = a_.pause_at != 0 && !resumed_ ? a_.pause_at : a_.messages;
  while (sent_ < until && sent_ - (a_.pr() ? resolved_ : echoed_ + data_failed_) < a_.window) {
    const auto stream = static_cast<uint16_t>(sent_ % a_.streams);
    if (a_.add_streams != 0 && !add_requested_) {  // RFC 6525 §5.1.5, right after COMM_UP
      if (stack_->endpoint().add_streams(assoc_, static_cast<uint16_t>(a_.add_streams), 0,
                                         stack_->now()) != core::ReconfigStatus::kOk) {
        return fail("add_streams refused");
      }
      add_requested_ = true;
    }
    if (stream >= a_.init_streams && stream >= out_streams_) return;  // not added yet
    if (a_.reset_stream_at != 0 && sent_ == a_.reset_stream_at && !reset_requested_) {
      // RFC 6525 §5.1.2: an Outgoing SSN Reset Request for streams 0..3, mid-traffic.
      const std::vector<StreamId> ids{StreamId(0), StreamId(1), StreamId(2), StreamId(3)};
      if (stack_->endpoint().reset_streams(assoc_, ids, true, false, stack_->now()) !=
          core::ReconfigStatus::kOk) {
        return fail("reset_streams refused");
      }
      reset_requested_ = true;
    }
    tx_.resize(a_.sizes.size_of(sent_));
    interop::fill(sent_, a_.seed, tx_.data(), tx_.size());
    const auto st = send(stream, static_cast<uint32_t>(interop::kPpidBase + sent_), a_.unordered,
                         bytes_of(tx_), true);
    if (st == core::SendStatus::kBufferFull) {
      ++buffer_full_;
      return;  // retry next iteration
    }
    if (st != core::SendStatus::kOk) return fail("send refused");
    ++sent_;
  }
}

// The --end action: SHUTDOWN (RFC 9260 §9.2), ABORT (§9.1), or the close request.
void Peer::start_end() {
  end_started_ = true;
  if (impairment_ != nullptr) impairment_->arm(false);  // the end is not impaired
  if (a_.end == "shutdown") {
    stack_->endpoint().shutdown(assoc_, stack_->now());
  } else if (a_.end == "abort") {
    end_how_ = "abort_sent";
    const std::vector<uint8_t> reason;
    stack_->endpoint().abort(assoc_, bytes_of(reason), stack_->now());
    ended_ = true;
  } else if (a_.role == "client") {
    const std::vector<uint8_t> one{0};
    if (send(0, interop::kClosePpid, false, bytes_of(one)) != core::SendStatus::kOk) {
      fail("close request refused");
    }
  }
}

int Peer::run() {
  const bool client = a_.role == "client";
  const auto deadline = Clock::now() + std::chrono::duration<double>(a_.timeout_s);
  if (client) {
    const std::vector<IpAddress> peers = addresses(a_.peer_ip);
    stack_->shard().refresh_now();
    if (!stack_->endpoint().connect(peers, a_.peer_port, stack_->now())) {
      fail("connect refused");
    }
  }
  Clock::time_point up_at{};
  for (uint64_t iter = 0; !ended_ && error_ == nullptr; ++iter) {
    stack_->poll_once();
    if ((iter & 1023) == 0 && Clock::now() > deadline) fail("timeout");
    if (reconnect_pending_) {
      reconnect_pending_ = false;
      const std::vector<IpAddress> peers = addresses(a_.peer_ip);
      if (!stack_->endpoint().connect(peers, a_.peer_port, stack_->now())) {
        fail("reconnect refused");
      }
    }
    if (!up_) continue;
    if (up_at == Clock::time_point{}) up_at = Clock::now();
    if (a_.cut_at != 0 && !cut_ && (client ? sent_ : tracker_.messages()) >= a_.cut_at) {
      cut_ = true;
      impairment_->cut(true);
      std::fprintf(stderr, "%s: path to %s cut\n", a_.role.c_str(), a_.peer_ip.c_str());
    }
    drain_backlog();
    if (end_started_) continue;
    if (client && ((iter & 1023) != 0 || !paused())) top_up();
    const uint64_t done = a_.pr() ? resolved_ : echoed_ + data_failed_;
    if (client ? done == a_.messages && sent_ == a_.messages : close_req_) {
      start_end();
    }
  }
  const double elapsed = up_ ? std::chrono::duration<double>(Clock::now() - up_at).count() : 0;
  // Keep answering for a while: our last packets (SHUTDOWN COMPLETE, ABORT) go out, and
  // a retransmitted SHUTDOWN ACK gets the RFC 9260 §8.4 (5) answer.
  const auto until = Clock::now() + std::chrono::milliseconds(a_.linger_ms);
  while (Clock::now() < until) {
    for (int i = 0; i < 256; ++i) stack_->poll_once();
  }
  // A restart also hands back what the old peer never acknowledged (as FreeBSD does).
  if (send_failed_ != 0 && restarts_ == 0 && reconnects_ == 0 && !a_.pr() &&
      std::strcmp(end_how_, "shutdown_comp") == 0) {
    fail("SEND_FAILED in a graceful shutdown");
  }
  print_json(elapsed);
  const bool ok = passed();
  if (error_ != nullptr) std::fprintf(stderr, "%s: FAILED: %s\n", a_.role.c_str(), error_);
  return ok ? 0 : 1;
}

// Client with reconnects: every id [0, messages) echoed exactly once or handed back by
// SEND_FAILED, never both, never neither (nothing lost silently), no other error.
bool Peer::accounted() const {
  if (tracker_.errors() != 0 || tracker_.messages() + data_failed_ != a_.messages) return false;
  for (uint64_t id = 0; id < a_.messages; ++id) {
    const bool failed = id < failed_ids_.size() && failed_ids_[id] != 0;
    if (tracker_.has(id) == failed) return false;
  }
  return true;
}

// --pr-*: every id [0, messages) echoed or handed back by SEND_FAILED (an abandoned
// message that had been sent may have arrived too, RFC 3758 §3.5), none twice, no other
// error (per-stream order held across the skipped ones).
bool Peer::pr_accounted() const {
  if (tracker_.errors() != 0 || resolved_ != a_.messages) return false;
  for (uint64_t id = 0; id < a_.messages; ++id) {
    if (!tracker_.has(id) && (id >= failed_ids_.size() || failed_ids_[id] == 0)) return false;
  }
  return true;
}

bool Peer::passed() const {
  const bool client = a_.role == "client";
  bool ok = error_ == nullptr && up_ && ended_ && restarts_ == a_.restarts &&
            reconnects_ == a_.reconnects;
  if (client && a_.pr()) {
    ok = ok && pr_accounted();
  } else if (client) {
    ok = ok && (a_.reconnects != 0 ? accounted() : tracker_.complete(a_.messages));
  }
  if (a_.reset_stream_at != 0) ok = ok && streams_reset_ == 4 && stream_resets_refused_ == 0;
  if (a_.add_streams != 0) ok = ok && stream_changes_ == 1 && stream_changes_refused_ == 0;
  if (!client) ok = ok && tracker_.errors() == 0;
  if (a_.end == "shutdown") ok = ok && std::strcmp(end_how_, "shutdown_comp") == 0;
  return ok;
}

// The RFC 3758 / 8260 / 6525 counters and events, as JSON members with a trailing comma.
std::string Peer::ext_json() const {
  const SnmpCounters& k = stack_->endpoint().counters();
  char b[640];
  std::snprintf(b, sizeof b,
                "\"resolved\":%" PRIu64 ",\"abandoned_unsent\":%" PRIu64
                ",\"abandoned_sent\":%" PRIu64 ",\"fwd_tsn_sent\":%" PRIu64
                ",\"fwd_tsn_received\":%" PRIu64 ",\"idata_sent\":%" PRIu64
                ",\"idata_received\":%" PRIu64 ",\"ifwd_tsn_received\":%" PRIu64
                ",\"interleaving\":%s,\"reconfig_sent\":%" PRIu64 ",\"reconfig_received\":%" PRIu64
                ",\"reconfig_performed\":%" PRIu64 ",\"reconfig_denied\":%" PRIu64
                ",\"stream_resets\":%u,"
                "\"stream_resets_refused\":%u,\"streams_reset\":%u,\"stream_changes\":%u,"
                "\"stream_changes_refused\":%u,",
                resolved_, k.DpsctpAbandonedUnsent, k.DpsctpAbandonedSent, k.DpsctpForwardTsnSent,
                k.DpsctpForwardTsnReceived, k.DpsctpIDataChunksSent, k.DpsctpIDataChunksReceived,
                k.DpsctpIForwardTsnReceived,
                k.DpsctpIDataChunksSent + k.DpsctpIDataChunksReceived != 0 ? "true" : "false",
                k.DpsctpReconfigRequestsSent, k.DpsctpReconfigRequestsReceived,
                k.DpsctpReconfigResponsesPerformed, k.DpsctpReconfigResponsesDenied, stream_resets_,
                stream_resets_refused_, streams_reset_, stream_changes_, stream_changes_refused_);
  return b;
}

void Peer::print_json(double elapsed) const {
  const auto& c = stack_->shard().counters();
  const auto& t = stack_->shard().sink_counters();
  std::string rx_drops;  // the non-zero RxDrop counters, by name
  for (size_t i = 0; i < c.rx_drop.size(); ++i) {
    if (c.rx_drop[i] == 0) continue;
    if (!rx_drops.empty()) rx_drops += ',';
    rx_drops += "\"" + std::string(runtime::to_string(static_cast<runtime::RxDrop>(i))) +
                "\":" + std::to_string(c.rx_drop[i]);
  }
  const bool ok = passed();
  std::printf(
      "{\"stack\":\"dpsctp\",\"role\":\"%s\",\"ok\":%s,\"end\":\"%s\",\"end_how\":\"%s\","
      "\"comm_lost_error\":%u,\"shutdown_event\":%s,\"close_request\":%s,\"restarts\":%u,"
      "\"reconnects\":%u,\"data_failed\":%" PRIu64
      ",\"cut\":%s,\"addr_unreachable\":%u,"
      "\"sent\":%" PRIu64 ",\"echoed\":%" PRIu64 ",\"buffer_full\":%" PRIu64
      ",\"backlog_max\":%" PRIu64 ",\"send_failed\":%" PRIu64
      ",\"elapsed_s\":%.3f,%s,\"rx_packets\":%" PRIu64 ",\"tx_packets\":%" PRIu64
      ",\"tx_drops\":%" PRIu64 ",\"rx_drops\":{%s},\"impairment\":%s,%s\"error\":\"%s\"}\n",
      a_.role.c_str(), ok ? "true" : "false", a_.end.c_str(), end_how_, lost_error_,
      shutdown_event_ ? "true" : "false", close_req_ ? "true" : "false", restarts_, reconnects_,
      data_failed_, cut_ ? "true" : "false", unreachable_, sent_, echoed_, buffer_full_,
      backlog_max_, send_failed_, elapsed, tracker_.json().c_str(), c.rx_packets, t.packets,
      t.drop_no_mbuf + t.drop_hook + t.drop_tx_full, rx_drops.c_str(),
      impairment_ != nullptr ? impairment_->json().c_str() : "null", ext_json().c_str(),
      error_ != nullptr ? error_ : "");
  std::fflush(stdout);
}

runtime::StackConfig stack_config(const Args& a) {
  runtime::StackConfig c;
  c.eal.program = "iop_dpsctp_peer";
  c.eal.lcores = {a.lcore};
  c.eal.vdevs = {a.vdev};
  c.eal.file_prefix = a.file_prefix;
  c.local_addresses = addresses(a.ip);
  c.sctp_port = a.port;
  c.options.outbound_streams = static_cast<uint16_t>(a.init_streams);
  c.options.interleaving_enable = a.interleave;  // RFC 8260 §2.2.1
  if (a.rto_max_ms != 0) c.options.rto_max = std::chrono::milliseconds(a.rto_max_ms);  // §6.3.1
  if (a.path_max_retrans >= 0) {
    c.options.path_max_retrans = static_cast<uint16_t>(a.path_max_retrans);  // RFC 9260 §8.2
  }
  // RFC 6951: listen for SCTP in UDP on --udp-encaps; a client sends to the peer in UDP
  // from the start (--udp-remote-port), a server learns the peer's port from its packets.
  c.udp_encaps_port = a.udp_encaps;
  if (a.udp_remote_port != 0) {
    c.udp_encaps_remotes.push_back({*IpAddress::parse(a.peer_ip), a.udp_remote_port});
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  bool parsed = false;
  try {
    parsed = parse_args(argc, argv, args);
  } catch (...) {
  }
  if (!parsed) {
    std::fprintf(stderr,
                 "usage: %s --role server|client --vdev VDEV --ip A --peer-ip B [--lcore N]"
                 " [--file-prefix P] [--port P] [--peer-port P] [--messages N]"
                 " [--sizes N|LO..HI] [--streams S] [--unordered] [--seed X] [--window W]"
                 " [--end shutdown|abort|peer] [--restarts N] [--timeout S] [--linger-ms MS]"
                 " [--impair SPEC] [--pause-at N --resume-file F --reconnects R] [--cut-at N]"
                 " [--path-max-retrans N] [--rto-max-ms M] [--cut-rx-only] [--heal-on-end]"
                 " [--interleave] [--pr-ttl-ms N] [--pr-rtx N] [--reset-stream-at K]"
                 " [--init-streams N --add-streams M]\n",
                 argv[0]);
    return 2;
  }
  Peer peer(args);
  std::string error;
  std::unique_ptr<runtime::Stack> stack = runtime::Stack::create(stack_config(args), peer, &error);
  if (!stack) {
    std::fprintf(stderr, "%s: stack setup failed: %s\n", args.role.c_str(), error.c_str());
    return 1;
  }
  std::fprintf(stderr, "%s: port up, mac %s\n", args.role.c_str(),
               stack->mac().to_string().c_str());
  std::unique_ptr<runtime::Impairment> impairment;
  if (args.impair.any() || args.cut_at != 0) {
    impairment = std::make_unique<runtime::Impairment>(args.impair, stack->port().id());
    impairment->set_cut(addresses(args.ip)[0], addresses(args.peer_ip)[0], !args.cut_rx_only);
    if (!impairment->install(&error)) {
      std::fprintf(stderr, "%s: %s\n", args.role.c_str(), error.c_str());
      return 1;
    }
  }
  peer.attach(stack.get(), impairment.get());
  const int rc = peer.run();
  if (args.udp_encaps != 0) {
    const auto& uc = stack->shard().counters();
    std::fprintf(stderr, "%s: udp_encap rx %" PRIu64 " tx %" PRIu64 " bad_checksum %" PRIu64 "\n",
                 args.role.c_str(), uc.udp_encap_rx, uc.udp_encap_tx, uc.udp_encap_bad_checksum);
  }
  impairment.reset();  // its callbacks go before the port closes
  stack.reset();
  return rc;
}
