// dpsctp_stack_peer: a dpsctp Stack on one DPDK port, as echo server or load client.
//
//   server: answers every message with the same bytes on the same stream and PPID; exits 0
//           when the association closes gracefully (SHUTDOWN_COMP), 1 on failure/timeout.
//   client: connects, sends --messages messages of --size bytes round-robin over --streams
//           streams keeping --window outstanding, checks every echo arrives exactly once,
//           byte-exact and in order per stream, SHUTDOWNs, prints one JSON line, exits 0;
//           1 on loss, corruption, an association failure or the --timeout.
//
// Usage: dpsctp_stack_peer --role server|client --vdev VDEV [--lcore N] --ip A
//          --peer-ip B [--messages N] [--size B] [--streams S] [--window W]
//          [--file-prefix P] [--sctp-port P] [--timeout SECONDS] [--linger-ms MS]
#include <execinfo.h>
#include <unistd.h>

#include <array>
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
  unsigned lcore = 0;
  uint64_t messages = 1000;
  uint32_t size = 128, streams = 8, window = 256;
  uint16_t sctp_port = 36412;
  double timeout_s = 120;
  uint32_t linger_ms = 1500;
};

bool parse_args(int argc, char** argv, Args& a) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const char* v = argv[i + 1];
    if (k == "--role")
      a.role = v;
    else if (k == "--vdev")
      a.vdev = v;
    else if (k == "--lcore")
      a.lcore = static_cast<unsigned>(std::stoul(v));
    else if (k == "--ip")
      a.ip = v;
    else if (k == "--peer-ip")
      a.peer_ip = v;
    else if (k == "--messages")
      a.messages = std::stoull(v);
    else if (k == "--size")
      a.size = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--streams")
      a.streams = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--window")
      a.window = static_cast<uint32_t>(std::stoul(v));
    else if (k == "--file-prefix")
      a.file_prefix = v;
    else if (k == "--sctp-port")
      a.sctp_port = static_cast<uint16_t>(std::stoul(v));
    else if (k == "--timeout")
      a.timeout_s = std::stod(v);
    else if (k == "--linger-ms")
      a.linger_ms = static_cast<uint32_t>(std::stoul(v));
    else
      return false;
  }
  return (argc % 2) == 1 && (a.role == "server" || a.role == "client") && !a.vdev.empty() &&
         !a.ip.empty() && !a.peer_ip.empty() && a.size >= 8 && a.streams >= 1 &&
         a.streams <= 65535 && a.window >= 1;
}

/// Message `id`: its id (8 bytes little-endian), then a pattern derived from id.
void fill_message(uint64_t id, std::vector<std::byte>& buf) {
  for (size_t k = 0; k < 8; ++k) buf[k] = static_cast<std::byte>(id >> (8 * k));
  for (size_t k = 8; k < buf.size(); ++k) buf[k] = static_cast<std::byte>(id * 31 + k * 7 + 0x5a);
}

class Peer final : public Listener {
 public:
  explicit Peer(const Args& a)
      : args_(a), tx_(a.size), expect_buf_(a.size), next_expected_(a.streams) {
    for (uint32_t s = 0; s < a.streams; ++s) next_expected_[s] = s;
  }

  void attach(runtime::Stack* s) { stack_ = s; }
  int run();

  // --- Listener -------------------------------------------------------------------------
  void on_message(const ReceivedMessage& m) override {
    if (args_.role == "server") {
      const auto st = stack_->endpoint().send(m.assoc, m.stream, m.ppid, m.data, {}, stack_->now());
      if (st != core::SendStatus::kOk) fail("echo send refused");
      ++received_;
      return;
    }
    verify(m);
  }
  void on_assoc_change(const AssocChange& e) override {
    switch (e.state) {
      case AssocChangeState::kCommUp:
        up_ = true;
        assoc_ = e.assoc;
        up_at_ = Clock::now();
        break;
      case AssocChangeState::kShutdownComp:
        closed_ = true;
        break;
      case AssocChangeState::kCommLost:
        fail("association lost (COMM_LOST)");
        break;
      case AssocChangeState::kCantStrAssoc:
        fail("handshake failed (CANT_STR_ASSOC)");
        break;
      case AssocChangeState::kRestart:
        fail("peer restarted");
        break;
    }
  }
  void on_send_failed(const SendFailed&) override { fail("send failed event"); }

 private:
  void fail(const char* why) {
    if (error_ == nullptr) error_ = why;
  }
  void verify(const ReceivedMessage& m);
  void linger();
  void top_up();
  void print_json(double elapsed) const;

  const Args& args_;
  runtime::Stack* stack_ = nullptr;
  std::vector<std::byte> tx_, expect_buf_;
  std::vector<uint64_t> next_expected_;  // per stream: the id of the next echo
  AssocId assoc_{0};
  bool up_ = false, closed_ = false, shutdown_sent_ = false;
  const char* error_ = nullptr;
  uint64_t sent_ = 0, received_ = 0;
  Clock::time_point up_at_{}, done_at_{};
};

void Peer::verify(const ReceivedMessage& m) {
  const uint32_t s = m.stream.value();
  if (m.data.size() != args_.size || s >= args_.streams || m.ppid.value() != kPpid) {
    return fail("echo with a wrong size, stream or PPID");
  }
  uint64_t id = 0;
  for (size_t k = 0; k < 8; ++k) id |= uint64_t{static_cast<uint8_t>(m.data[k])} << (8 * k);
  // Exactly once and in order per stream: ids on stream s are s, s + S, s + 2S, ...
  if (id != next_expected_[s]) return fail("echo lost, duplicated or reordered on its stream");
  fill_message(id, expect_buf_);
  if (std::memcmp(expect_buf_.data(), m.data.data(), args_.size) != 0) {
    return fail("echo corrupted");
  }
  next_expected_[s] += args_.streams;
  ++received_;
}

void Peer::top_up() {
  while (sent_ < args_.messages && sent_ - received_ < args_.window) {
    fill_message(sent_, tx_);
    const StreamId stream(static_cast<uint16_t>(sent_ % args_.streams));
    const auto st = stack_->endpoint().send(assoc_, stream, Ppid(kPpid), tx_, {}, stack_->now());
    if (st == core::SendStatus::kBufferFull) return;  // retry next iteration
    if (st != core::SendStatus::kOk) return fail("send refused");
    ++sent_;
  }
}

int Peer::run() {
  const bool client = args_.role == "client";
  const auto deadline = Clock::now() + std::chrono::duration<double>(args_.timeout_s);
  if (client) {
    const IpAddress peer = *IpAddress::parse(args_.peer_ip);
    stack_->shard().refresh_now();
    if (!stack_->endpoint().connect({&peer, 1}, args_.sctp_port, stack_->now())) {
      fail("connect refused");
    }
  }
  for (uint64_t iter = 0; !closed_ && error_ == nullptr; ++iter) {
    stack_->poll_once();
    if (client && up_ && !shutdown_sent_) {
      top_up();
      if (received_ == args_.messages) {
        done_at_ = Clock::now();
        stack_->endpoint().shutdown(assoc_, stack_->now());  // RFC 9260 §9.2
        shutdown_sent_ = true;
      }
    }
    if ((iter & 1023) == 0 && Clock::now() > deadline) fail("timeout");
  }
  if (done_at_ == Clock::time_point{}) done_at_ = Clock::now();  // server: up to close
  if (closed_) linger();
  const double elapsed = up_ ? std::chrono::duration<double>(done_at_ - up_at_).count() : 0;
  print_json(elapsed);
  if (error_ != nullptr) std::fprintf(stderr, "%s: FAILED: %s\n", args_.role.c_str(), error_);
  return error_ == nullptr && closed_ ? 0 : 1;
}

// Keeps polling after SHUTDOWN_COMP. Client: so our SHUTDOWN COMPLETE leaves the port
// before it closes (memif drops what the peer has not read at disconnect), and a SHUTDOWN
// ACK the peer retransmits (its T2, RTO.Min = 1 s) gets the RFC 9260 §8.4 (5) OOTB answer.
// Server: until the client has closed its side (link down) or the linger time passed, so
// the memif server never tears down under a connected client (a teardown crash seen once
// under heavy load, not reproduced since: belt and braces).
void Peer::linger() {
  const bool server = args_.role == "server";
  const auto until =
      Clock::now() + std::chrono::milliseconds(server ? 2 * args_.linger_ms : args_.linger_ms);
  while (Clock::now() < until && (!server || stack_->port().link_up())) {
    for (int i = 0; i < 256; ++i) stack_->poll_once();
  }
}

void Peer::print_json(double elapsed) const {
  const auto& c = stack_->shard().counters();
  const auto& t = stack_->shard().sink_counters();
  uint64_t drops = t.drop_no_mbuf + t.drop_hook + t.drop_tx_full + c.drop_parked +
                   c.drop_no_neighbour + c.drop_encap + c.drop_ctl_no_mbuf + c.drop_ctl_tx_full;
  std::string rx_drops;  // the non-zero RxDrop counters, by name
  for (size_t i = 0; i < c.rx_drop.size(); ++i) {
    drops += c.rx_drop[i];
    if (c.rx_drop[i] == 0) continue;
    if (!rx_drops.empty()) rx_drops += ',';
    rx_drops += "\"" + std::string(runtime::to_string(static_cast<runtime::RxDrop>(i))) +
                "\":" + std::to_string(c.rx_drop[i]);
  }
  const bool client = args_.role == "client";
  std::printf(
      "{\"role\":\"%s\",\"ok\":%s,\"messages\":%" PRIu64 ",\"sent\":%" PRIu64 ",\"echoes\":%" PRIu64
      ",\"size\":%u,\"streams\":%u,\"window\":%u,\"elapsed_s\":%.3f,"
      "\"msgs_per_s\":%.0f,\"rx_packets\":%" PRIu64 ",\"tx_packets\":%" PRIu64
      ",\"ctl_tx\":%" PRIu64 ",\"arp_requests_sent\":%" PRIu64 ",\"arp_requests_answered\":%" PRIu64
      ",\"ndp_ns_sent\":%" PRIu64 ",\"ndp_ns_answered\":%" PRIu64 ",\"drops\":%" PRIu64
      ",\"rx_drops\":{%s},\"error\":\"%s\"}\n",
      args_.role.c_str(), error_ == nullptr && closed_ ? "true" : "false",
      client ? args_.messages : 0, client ? sent_ : 0, received_, args_.size, args_.streams,
      args_.window, elapsed, elapsed > 0 ? static_cast<double>(received_) / elapsed : 0.0,
      c.rx_packets, t.packets, c.ctl_tx, c.arp_requests_sent, c.arp_requests_answered,
      c.ndp_ns_sent, c.ndp_ns_answered, drops, rx_drops.c_str(), error_ != nullptr ? error_ : "");
  std::fflush(stdout);
}

runtime::StackConfig stack_config(const Args& a) {
  runtime::StackConfig c;
  c.eal.program = "dpsctp_stack_peer";
  c.eal.lcores = {a.lcore};
  c.eal.vdevs = {a.vdev};
  c.eal.file_prefix = a.file_prefix;
  c.local_addresses = {*IpAddress::parse(a.ip)};
  const bool client = a.role == "client";
  c.sctp_port = client ? static_cast<uint16_t>(a.sctp_port + 1) : a.sctp_port;
  c.options.outbound_streams = static_cast<uint16_t>(std::max<uint32_t>(a.streams, 10));
  c.link_timeout = std::chrono::milliseconds(30000);  // memif: up once both sides run
  return c;
}

// A crash (in a PMD's teardown, say) leaves a backtrace on stderr for the test log.
void on_fatal_signal(int sig) {
  std::array<void*, 64> frames{};
  const int n = backtrace(frames.data(), static_cast<int>(frames.size()));
  backtrace_symbols_fd(frames.data(), n, STDERR_FILENO);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
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
                 " [--messages N] [--size B>=8] [--streams S] [--window W]"
                 " [--file-prefix P] [--sctp-port P] [--timeout S] [--linger-ms MS]\n",
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
  peer.attach(stack.get());
  const int rc = peer.run();
  stack.reset();
  return rc;
}
