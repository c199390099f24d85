// dpsctp_stack_peer: a dpsctp Stack on one DPDK port, as echo server or load client.
//
//   server: answers every message with the same bytes on the same stream and PPID; exits 0
//           when --associations associations have closed gracefully (SHUTDOWN_COMP), 1 on
//           failure/timeout. --lcores N runs N shards (one per lcore, oversubscribed over
//           the machine's CPUs) and reports the cross-shard handoff counters.
//   client: opens --associations associations (one local port each), sends --messages
//           messages of --size bytes (message g on association g % A, stream (g / A) % S)
//           keeping --window outstanding, checks every echo arrives exactly once,
//           byte-exact and in order per (association, stream), SHUTDOWNs, prints one JSON
//           line, exits 0; 1 on loss, corruption, an association failure or the --timeout.
//
// Usage: dpsctp_stack_peer --role server|client --vdev VDEV [--lcore N] [--lcores N]
//          --ip A --peer-ip B [--messages N] [--size B] [--streams S] [--window W]
//          [--associations A] [--file-prefix P] [--sctp-port P] [--timeout SECONDS]
//          [--linger-ms MS]
#include <execinfo.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cinttypes>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "dpsctp/address.h"
#include "dpsctp/events.h"
#include "runtime/stack/stack.h"

namespace {

using namespace dpsctp;
using Clock = std::chrono::steady_clock;

constexpr uint32_t kPpid = 0x64707363;  // "dpsc"

struct Args {
  std::string role, vdev, file_prefix = "dpsctp_peer", ip, peer_ip;
  unsigned lcore = 0, lcores = 1;
  uint64_t messages = 1000;
  uint32_t size = 128, streams = 8, window = 256, associations = 1;
  uint16_t sctp_port = 36412;
  double timeout_s = 120;
  uint32_t linger_ms = 1500;
};

bool parse_args(int argc, char** argv, Args& a) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const char* v = argv[i + 1];
    const auto u32 = [v] { return static_cast<uint32_t>(std::stoul(v)); };
    if (k == "--role") a.role = v;
    else if (k == "--vdev") a.vdev = v;
    else if (k == "--lcore") a.lcore = u32();
    else if (k == "--lcores") a.lcores = u32();
    else if (k == "--ip") a.ip = v;
    else if (k == "--peer-ip") a.peer_ip = v;
    else if (k == "--messages") a.messages = std::stoull(v);
    else if (k == "--size") a.size = u32();
    else if (k == "--streams") a.streams = u32();
    else if (k == "--window") a.window = u32();
    else if (k == "--associations") a.associations = u32();
    else if (k == "--file-prefix") a.file_prefix = v;
    else if (k == "--sctp-port") a.sctp_port = static_cast<uint16_t>(u32());
    else if (k == "--timeout") a.timeout_s = std::stod(v);
    else if (k == "--linger-ms") a.linger_ms = u32();
    else return false;
  }
  return (argc % 2) == 1 && (a.role == "server" || a.role == "client") && !a.vdev.empty() &&
         !a.ip.empty() && !a.peer_ip.empty() && a.size >= 8 && a.streams >= 1 &&
         a.streams <= 65535 && a.window >= 1 && a.lcores >= 1 && a.lcores <= 16 &&
         a.associations >= 1 && a.associations <= 1000 && (a.role == "server" || a.lcores == 1);
}

/// Message `id`: its id (8 bytes little-endian), then a pattern derived from id.
void fill_message(uint64_t id, std::vector<std::byte>& buf) {
  for (size_t k = 0; k < 8; ++k) buf[k] = static_cast<std::byte>(id >> (8 * k));
  for (size_t k = 8; k < buf.size(); ++k) buf[k] = static_cast<std::byte>(id * 31 + k * 7 + 0x5a);
}

/// The first failure of the process (any lcore), kept for the report.
std::atomic<const char*> g_error{nullptr};
void fail(const char* why) {
  const char* none = nullptr;
  g_error.compare_exchange_strong(none, why);
}

// A crash (in a PMD's teardown, say) leaves a backtrace on stderr for the test log.
void on_fatal_signal(int sig) {
  std::array<void*, 64> frames{};
  const int n = backtrace(frames.data(), static_cast<int>(frames.size()));
  backtrace_symbols_fd(frames.data(), n, STDERR_FILENO);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

runtime::StackConfig stack_config(const Args& a) {
  runtime::StackConfig c;
  c.eal.program = "dpsctp_stack_peer";
  c.eal.lcores = {a.lcore};
  if (a.lcores > 1) {
    // Several shards on a machine with fewer free CPUs: lcores 0..N-1 as one group
    // floating over every CPU (dpdk-on-this-machine.md gotcha 6).
    c.eal.lcores.clear();
    for (unsigned i = 0; i < a.lcores; ++i) c.eal.lcores.push_back(i);
    c.eal.oversubscribe = true;
  }
  c.eal.vdevs = {a.vdev};
  c.eal.file_prefix = a.file_prefix;
  c.local_addresses = {*IpAddress::parse(a.ip)};
  const bool client = a.role == "client";
  c.sctp_port = client ? static_cast<uint16_t>(a.sctp_port + 1) : a.sctp_port;
  c.options.outbound_streams = static_cast<uint16_t>(std::max<uint32_t>(a.streams, 10));
  c.link_timeout = std::chrono::milliseconds(30000);  // memif: up once both sides run
  return c;
}

/// Sum of every shard's counters, plus the non-zero RxDrop counters by name.
struct Totals {
  runtime::ShardCounters c;
  runtime::MbufSinkCounters t;
  uint64_t drops = 0;
  std::string rx_drops;
};

Totals totals(runtime::Stack& stack) {
  Totals s;
  for (size_t i = 0; i < stack.shard_count(); ++i) {
    const auto& c = stack.shard(i).counters();
    const auto& t = stack.shard(i).sink_counters();
    s.c.rx_packets += c.rx_packets;
    s.c.ctl_tx += c.ctl_tx;
    s.c.arp_requests_sent += c.arp_requests_sent;
    s.c.arp_requests_answered += c.arp_requests_answered;
    s.c.ndp_ns_sent += c.ndp_ns_sent;
    s.c.ndp_ns_answered += c.ndp_ns_answered;
    s.c.handoff_tx += c.handoff_tx;
    s.c.handoff_rx += c.handoff_rx;
    s.c.handoff_drop += c.handoff_drop;
    s.c.funnel_tx += c.funnel_tx;
    s.c.funnel_drop += c.funnel_drop;
    s.c.inits_spread += c.inits_spread;
    s.c.index_lookups += c.index_lookups;
    s.c.index_hits += c.index_hits;
    s.t.packets += t.packets;
    s.drops += t.drop_no_mbuf + t.drop_hook + t.drop_tx_full + c.drop_parked +
               c.drop_no_neighbour + c.drop_encap + c.drop_ctl_no_mbuf + c.drop_ctl_tx_full +
               c.handoff_drop + c.funnel_drop;
    for (size_t k = 0; k < c.rx_drop.size(); ++k) {
      s.drops += c.rx_drop[k];
      s.c.rx_drop[k] += c.rx_drop[k];
    }
  }
  for (size_t k = 0; k < s.c.rx_drop.size(); ++k) {
    if (s.c.rx_drop[k] == 0) continue;
    if (!s.rx_drops.empty()) s.rx_drops += ',';
    s.rx_drops += "\"" + std::string(runtime::to_string(static_cast<runtime::RxDrop>(k))) +
                  "\":" + std::to_string(s.c.rx_drop[k]);
  }
  return s;
}

// --- Server -------------------------------------------------------------------------------

/// One shard's echo: events arrive on that shard's lcore, echoes go out of its endpoint.
class EchoShard final : public Listener {
 public:
  EchoShard(std::atomic<uint32_t>& closed) : closed_(closed) {}
  void attach(runtime::Shard* s) { shard_ = s; }
  [[nodiscard]] uint64_t echoes() const { return echoes_; }
  [[nodiscard]] uint32_t associations() const { return up_; }

  void on_message(const ReceivedMessage& m) override {
    // The server has one endpoint per shard (the primary): the association lives there.
    const auto st = shard_->endpoint().send(m.assoc, m.stream, m.ppid, m.data, {}, shard_->now());
    if (st != core::SendStatus::kOk) fail("echo send refused");
    ++echoes_;
  }
  void on_assoc_change(const AssocChange& e) override {
    switch (e.state) {
      case AssocChangeState::kCommUp: ++up_; break;
      case AssocChangeState::kShutdownComp: closed_.fetch_add(1); break;
      case AssocChangeState::kCommLost: fail("association lost (COMM_LOST)"); break;
      case AssocChangeState::kCantStrAssoc: fail("handshake failed (CANT_STR_ASSOC)"); break;
      case AssocChangeState::kRestart: fail("peer restarted"); break;
    }
  }
  void on_send_failed(const SendFailed&) override { fail("send failed event"); }

 private:
  std::atomic<uint32_t>& closed_;
  runtime::Shard* shard_ = nullptr;
  uint64_t echoes_ = 0;
  uint32_t up_ = 0;
};

void print_server_json(runtime::Stack& stack, const std::vector<std::unique_ptr<EchoShard>>& shards,
                       bool ok, uint32_t closed, size_t index_peak, double elapsed) {
  const Totals s = totals(stack);
  std::string per_shard;
  uint64_t echoes = 0;
  for (const auto& sh : shards) {
    if (!per_shard.empty()) per_shard += ',';
    per_shard += "{\"associations\":" + std::to_string(sh->associations()) +
                 ",\"echoes\":" + std::to_string(sh->echoes()) + "}";
    echoes += sh->echoes();
  }
  std::printf(
      "{\"role\":\"server\",\"ok\":%s,\"shards\":%zu,\"associations\":%u,\"echoes\":%" PRIu64
      ",\"elapsed_s\":%.3f,\"rx_packets\":%" PRIu64 ",\"tx_packets\":%" PRIu64
      ",\"ctl_tx\":%" PRIu64 ",\"arp_requests_sent\":%" PRIu64
      ",\"arp_requests_answered\":%" PRIu64 ",\"ndp_ns_sent\":%" PRIu64
      ",\"ndp_ns_answered\":%" PRIu64 ",\"handoff_tx\":%" PRIu64 ",\"handoff_rx\":%" PRIu64
      ",\"handoff_drop\":%" PRIu64 ",\"funnel_tx\":%" PRIu64 ",\"inits_spread\":%" PRIu64
      ",\"index_lookups\":%" PRIu64 ",\"index_hits\":%" PRIu64 ",\"index_peak\":%zu"
      ",\"per_shard\":[%s],\"drops\":%" PRIu64 ",\"rx_drops\":{%s},\"error\":\"%s\"}\n",
      ok ? "true" : "false", stack.shard_count(), closed, echoes, elapsed, s.c.rx_packets,
      s.t.packets, s.c.ctl_tx, s.c.arp_requests_sent, s.c.arp_requests_answered, s.c.ndp_ns_sent,
      s.c.ndp_ns_answered, s.c.handoff_tx, s.c.handoff_rx, s.c.handoff_drop, s.c.funnel_tx,
      s.c.inits_spread, s.c.index_lookups, s.c.index_hits, index_peak, per_shard.c_str(), s.drops,
      s.rx_drops.c_str(), g_error.load() != nullptr ? g_error.load() : "");
}

// Runs every shard until --associations associations closed, then lingers (until the
// client's side of the link goes down or 2 x --linger-ms): the memif server never tears
// down under a connected client (a teardown crash seen once under heavy load).
int run_server(const Args& a) {
  std::atomic<uint32_t> closed{0};
  std::vector<std::unique_ptr<EchoShard>> shards;
  for (unsigned i = 0; i < a.lcores; ++i) shards.push_back(std::make_unique<EchoShard>(closed));
  std::string error;
  auto stack = runtime::Stack::create(
      stack_config(a), [&](unsigned i) -> Listener& { return *shards[i]; }, &error);
  if (!stack) {
    std::fprintf(stderr, "server: stack setup failed: %s\n", error.c_str());
    return 1;
  }
  std::fprintf(stderr, "server: port up, mac %s, %zu shard(s), %s\n",
               stack->mac().to_string().c_str(), stack->shard_count(),
               stack->port().plan().describe().c_str());
  for (unsigned i = 0; i < a.lcores; ++i) shards[i]->attach(&stack->shard(i));
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration<double>(a.timeout_s);
  Clock::time_point all_closed{}, linger_until{};
  std::atomic<bool> stop{false};
  uint64_t iter = 0;
  size_t index_peak = 0;  // most associations the cross-shard index held at once
  const bool ran = stack->run(
      [&](runtime::Shard&, unsigned index) {
        if (index != 0 || (++iter & 255) != 0) return;  // shard 0 (main lcore) decides
        index_peak = std::max(index_peak, stack->index().size());
        const auto now = Clock::now();
        if (g_error.load() != nullptr || now > deadline) {
          if (g_error.load() == nullptr) fail("timeout");
          stop = true;
        } else if (all_closed == Clock::time_point{} && closed.load() >= a.associations) {
          all_closed = now;
          linger_until = now + 2 * std::chrono::milliseconds(a.linger_ms);
        } else if (all_closed != Clock::time_point{} &&
                   (now > linger_until || !stack->port().link_up())) {
          stop = true;
        }
      },
      stop);
  if (!ran) fail("a worker lcore is busy");
  const bool ok = g_error.load() == nullptr && closed.load() >= a.associations;
  const double elapsed = std::chrono::duration<double>(
      (all_closed != Clock::time_point{} ? all_closed : Clock::now()) - start).count();
  print_server_json(*stack, shards, ok, closed.load(), index_peak, elapsed);
  std::fflush(stdout);
  if (!ok) std::fprintf(stderr, "server: FAILED: %s\n", g_error.load() ? g_error.load() : "?");
  return ok ? 0 : 1;
}

// --- Client -------------------------------------------------------------------------------

/// One association of the client, on its own local port (its own endpoint).
class Conn final : public Listener {
 public:
  Conn(const Args& a, uint32_t index)
      : args_(a), index_(index), expect_buf_(a.size), next_expected_(a.streams) {
    // Message g goes to association g % A, stream (g / A) % S: the ids this association
    // sees on stream s are index + A * s, then + A * S each time.
    for (uint32_t s = 0; s < a.streams; ++s) next_expected_[s] = index + uint64_t{a.associations} * s;
  }
  void on_message(const ReceivedMessage& m) override;
  void on_assoc_change(const AssocChange& e) override {
    switch (e.state) {
      case AssocChangeState::kCommUp: up = true; assoc = e.assoc; break;
      case AssocChangeState::kShutdownComp: closed = true; break;
      case AssocChangeState::kCommLost: fail("association lost (COMM_LOST)"); break;
      case AssocChangeState::kCantStrAssoc: fail("handshake failed (CANT_STR_ASSOC)"); break;
      case AssocChangeState::kRestart: fail("peer restarted"); break;
    }
  }
  void on_send_failed(const SendFailed&) override { fail("send failed event"); }

  core::Endpoint* endpoint = nullptr;
  AssocId assoc{0};
  bool up = false, closed = false;
  uint64_t received = 0;

 private:
  const Args& args_;
  uint32_t index_;
  std::vector<std::byte> expect_buf_;
  std::vector<uint64_t> next_expected_;  // per stream: the id of the next echo
};

void Conn::on_message(const ReceivedMessage& m) {
  const uint32_t s = m.stream.value();
  if (m.data.size() != args_.size || s >= args_.streams || m.ppid.value() != kPpid) {
    return fail("echo with a wrong size, stream or PPID");
  }
  uint64_t id = 0;
  for (size_t k = 0; k < 8; ++k) id |= uint64_t{static_cast<uint8_t>(m.data[k])} << (8 * k);
  // Exactly once and in order per (association, stream).
  if (id != next_expected_[s]) return fail("echo lost, duplicated or reordered on its stream");
  fill_message(id, expect_buf_);
  if (std::memcmp(expect_buf_.data(), m.data.data(), args_.size) != 0) {
    return fail("echo corrupted");
  }
  next_expected_[s] += uint64_t{args_.associations} * args_.streams;
  ++received;
}

class Client {
 public:
  Client(const Args& a) : args_(a), tx_(a.size) {
    for (uint32_t k = 0; k < a.associations; ++k) conns_.push_back(std::make_unique<Conn>(a, k));
  }
  Listener& primary() { return *conns_.front(); }
  bool setup(runtime::Stack& stack);
  int run();

 private:
  [[nodiscard]] uint64_t received() const;
  [[nodiscard]] bool all(bool Conn::*flag) const;
  void top_up();
  void linger();
  void print_json(double elapsed) const;

  const Args& args_;
  runtime::Stack* stack_ = nullptr;
  std::vector<std::unique_ptr<Conn>> conns_;
  std::vector<std::byte> tx_;
  uint64_t sent_ = 0;
  bool shutdown_sent_ = false;
};

bool Client::setup(runtime::Stack& stack) {
  stack_ = &stack;
  conns_[0]->endpoint = &stack.endpoint();
  for (uint32_t k = 1; k < args_.associations; ++k) {
    const auto port = static_cast<uint16_t>(args_.sctp_port + 1 + k);
    conns_[k]->endpoint = stack.add_endpoint(port, stack.endpoint().config().options, *conns_[k]);
    if (conns_[k]->endpoint == nullptr) return false;
  }
  return true;
}

uint64_t Client::received() const {
  uint64_t n = 0;
  for (const auto& c : conns_) n += c->received;
  return n;
}

bool Client::all(bool Conn::*flag) const {
  for (const auto& c : conns_) {
    if (!((*c).*flag)) return false;
  }
  return true;
}

void Client::top_up() {
  const uint32_t a = args_.associations;
  uint64_t rx = received();
  while (sent_ < args_.messages && sent_ - rx < args_.window) {
    fill_message(sent_, tx_);
    Conn& c = *conns_[sent_ % a];
    const StreamId stream(static_cast<uint16_t>((sent_ / a) % args_.streams));
    const auto st = c.endpoint->send(c.assoc, stream, Ppid(kPpid), tx_, {}, stack_->now());
    if (st == core::SendStatus::kBufferFull) return;  // retry next iteration
    if (st != core::SendStatus::kOk) return fail("send refused");
    ++sent_;
  }
}

int Client::run() {
  const auto deadline = Clock::now() + std::chrono::duration<double>(args_.timeout_s);
  const IpAddress peer = *IpAddress::parse(args_.peer_ip);
  stack_->shard().refresh_now();
  for (auto& c : conns_) {
    if (!c->endpoint->connect({&peer, 1}, args_.sctp_port, stack_->now())) fail("connect refused");
  }
  Clock::time_point up_at{}, done_at{};
  for (uint64_t iter = 0; !all(&Conn::closed) && g_error.load() == nullptr; ++iter) {
    stack_->poll_once();
    if (!shutdown_sent_ && all(&Conn::up)) {
      if (up_at == Clock::time_point{}) up_at = Clock::now();
      top_up();
      if (received() == args_.messages) {
        done_at = Clock::now();
        for (auto& c : conns_) c->endpoint->shutdown(c->assoc, stack_->now());  // §9.2
        shutdown_sent_ = true;
      }
    }
    if ((iter & 1023) == 0 && Clock::now() > deadline) fail("timeout");
  }
  const bool ok = g_error.load() == nullptr && all(&Conn::closed);
  if (done_at == Clock::time_point{}) done_at = Clock::now();
  if (ok) linger();
  print_json(up_at != Clock::time_point{} ? std::chrono::duration<double>(done_at - up_at).count() : 0);
  if (!ok) std::fprintf(stderr, "client: FAILED: %s\n", g_error.load() ? g_error.load() : "?");
  return ok ? 0 : 1;
}

// Keeps polling after SHUTDOWN_COMP so our SHUTDOWN COMPLETE leaves the port before it
// closes (memif drops what the peer has not read at disconnect), and a SHUTDOWN ACK the
// peer retransmits (its T2, RTO.Min = 1 s) gets the RFC 9260 §8.4 (5) OOTB answer.
void Client::linger() {
  const auto until = Clock::now() + std::chrono::milliseconds(args_.linger_ms);
  while (Clock::now() < until) {
    for (int i = 0; i < 256; ++i) stack_->poll_once();
  }
}

void Client::print_json(double elapsed) const {
  const Totals s = totals(*stack_);
  const uint64_t rx = received();
  const bool ok = g_error.load() == nullptr && all(&Conn::closed);
  std::printf(
      "{\"role\":\"client\",\"ok\":%s,\"messages\":%" PRIu64 ",\"sent\":%" PRIu64
      ",\"echoes\":%" PRIu64 ",\"associations\":%u,\"size\":%u,\"streams\":%u,\"window\":%u,"
      "\"elapsed_s\":%.3f,\"msgs_per_s\":%.0f,\"rx_packets\":%" PRIu64 ",\"tx_packets\":%" PRIu64
      ",\"ctl_tx\":%" PRIu64 ",\"arp_requests_sent\":%" PRIu64 ",\"arp_requests_answered\":%" PRIu64
      ",\"ndp_ns_sent\":%" PRIu64 ",\"ndp_ns_answered\":%" PRIu64 ",\"drops\":%" PRIu64
      ",\"rx_drops\":{%s},\"error\":\"%s\"}\n",
      ok ? "true" : "false", args_.messages, sent_, rx, args_.associations, args_.size,
      args_.streams, args_.window, elapsed, elapsed > 0 ? static_cast<double>(rx) / elapsed : 0.0,
      s.c.rx_packets, s.t.packets, s.c.ctl_tx, s.c.arp_requests_sent, s.c.arp_requests_answered,
      s.c.ndp_ns_sent, s.c.ndp_ns_answered, s.drops, s.rx_drops.c_str(),
      g_error.load() != nullptr ? g_error.load() : "");
  std::fflush(stdout);
}

int run_client(const Args& a) {
  Client client(a);
  std::string error;
  std::unique_ptr<runtime::Stack> stack = runtime::Stack::create(stack_config(a), client.primary(), &error);
  if (!stack) {
    std::fprintf(stderr, "client: stack setup failed: %s\n", error.c_str());
    return 1;
  }
  std::fprintf(stderr, "client: port up, mac %s\n", stack->mac().to_string().c_str());
  if (!client.setup(*stack)) {
    std::fprintf(stderr, "client: cannot bind %u local ports\n", a.associations);
    return 1;
  }
  return client.run();
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGSEGV, on_fatal_signal);
  std::signal(SIGBUS, on_fatal_signal);
  Args args;
  if (!parse_args(argc, argv, args) || !IpAddress::parse(args.ip) ||
      !IpAddress::parse(args.peer_ip)) {
    std::fprintf(stderr,
                 "usage: %s --role server|client --vdev VDEV --ip A --peer-ip B [--lcore N]"
                 " [--lcores N (server)] [--messages N] [--size B>=8] [--streams S] [--window W]"
                 " [--associations A] [--file-prefix P] [--sctp-port P] [--timeout S]"
                 " [--linger-ms MS]\n",
                 argv[0]);
    return 2;
  }
  return args.role == "server" ? run_server(args) : run_client(args);
}
