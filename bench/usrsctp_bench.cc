// usrsctp side by side: the same workloads as core_bench / memory_bench, through Debian's
// libusrsctp (0.9.5) in AF_CONN mode, so that docs/performance.md can print the ratio
// dpsctp / usrsctp measured in the same run on the same core.
//
// Setup, chosen to be the fair analogue of core_bench's two in-memory endpoints:
//  - usrsctp_init_nothreads(): no timer thread, no receive threads; everything runs in the
//    benchmark thread, like dpsctp's poll loop. Timers advance only through
//    usrsctp_handle_timers(), called when the loop drains (delayed SACKs).
//  - Two AF_CONN "links" (two registered addresses). conn_output() copies each packet into
//    the queue of the other side (it never calls usrsctp_conninput() from inside the stack,
//    which holds its locks there); pump() delivers the queues with usrsctp_conninput()
//    until both are empty — the same batching as core_bench's QueueLink.
//  - Messages are received through the socket's receive callback (the cheapest usrsctp
//    API: no recvmsg copy); the callback frees each message as usrsctp requires.
//  - CRC32c is computed and checked in software on both ends, as dpsctp does by default
//    (usrsctp uses its own slicing-by-8 table code).
//  - Non-blocking client socket: a send that finds the send buffer full (EWOULDBLOCK)
//    pumps the wire and retries, as core_bench does on SendStatus != kOk.
// Run: ./build/bench/usrsctp_bench
#include <benchmark/benchmark.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <usrsctp.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "heap_usage.h"

namespace {

using dpsctp::bench::HeapMeter;

// The two link identities. usrsctp names an AF_CONN peer by an opaque pointer; a socket
// bound to &g_link_a talks to a peer it also calls &g_link_a (see usrsctp's ekr_loop.c).
int g_link_a = 0;  // the client side
int g_link_z = 0;  // the server side

// One direction of the in-memory wire: reusable packet buffers, no allocation once warm.
class Queue {
 public:
  void push(const void* buf, size_t len) {
    if (len > kMaxPacket) return;  // cannot happen with AF_CONN's 1500-byte default MTU
    if (used_ == packets_.size()) packets_.emplace_back(kMaxPacket);
    std::memcpy(packets_[used_].data(), buf, len);
    lengths_.resize(std::max(lengths_.size(), used_ + 1));
    lengths_[used_++] = len;
    ++total_;
  }
  // Hands the queued packets to usrsctp as received on `link`. Packets queued meanwhile
  // (there are none: the receiver answers on the other queue) wait for the next call.
  size_t deliver(void* link, HeapMeter* meter) {
    packets_.swap(batch_);
    lengths_.swap(batch_lengths_);
    const size_t n = used_;
    used_ = 0;
    for (size_t i = 0; i < n; ++i) {
      if (meter != nullptr) meter->start();
      usrsctp_conninput(link, batch_[i].data(), batch_lengths_[i], 0);
      if (meter != nullptr) meter->stop();
    }
    if (used_ == 0 && packets_.size() < batch_.size()) {
      packets_.swap(batch_);
      lengths_.swap(batch_lengths_);
    }
    return n;
  }
  [[nodiscard]] uint64_t total() const { return total_; }
  void reserve(size_t n) {
    while (packets_.size() < n) packets_.emplace_back(kMaxPacket);
    while (batch_.size() < n) batch_.emplace_back(kMaxPacket);
    lengths_.resize(n);
    batch_lengths_.resize(n);
  }

 private:
  static constexpr size_t kMaxPacket = 9216;
  std::vector<std::vector<std::byte>> packets_, batch_;
  std::vector<size_t> lengths_, batch_lengths_;
  size_t used_ = 0;
  uint64_t total_ = 0;
};

Queue g_to_z;  // client -> server
Queue g_to_a;  // server -> client
HeapMeter* g_server_meter = nullptr;  // brackets server-side processing when set

struct Stats {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  uint64_t comm_up = 0;
} g_stats;

int conn_output(void* addr, void* buf, size_t length, uint8_t /*tos*/, uint8_t /*set_df*/) {
  (addr == &g_link_a ? g_to_z : g_to_a).push(buf, length);
  return 0;
}

void debug_printf(const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  std::vfprintf(stderr, format, ap);
  va_end(ap);
}

int receive_cb(struct socket* /*sock*/, union sctp_sockstore /*addr*/, void* data,
               size_t datalen, struct sctp_rcvinfo /*rcv*/, int flags, void* /*ulp_info*/) {
  if (data == nullptr) return 1;  // the peer closed; nothing to count
  if ((flags & MSG_NOTIFICATION) != 0) {
    const auto* n = static_cast<const union sctp_notification*>(data);
    if (n->sn_header.sn_type == SCTP_ASSOC_CHANGE && n->sn_assoc_change.sac_state == SCTP_COMM_UP) {
      ++g_stats.comm_up;
    }
  } else {
    ++g_stats.messages;
    g_stats.bytes += datalen;
  }
  std::free(data);  // usrsctp hands ownership of every received buffer to the callback
  return 1;
}

// Delivers packets both ways until the wire is quiet (or 64 rounds).
void pump() {
  for (int i = 0; i < 64; ++i) {
    const size_t n = g_to_z.deliver(&g_link_z, g_server_meter) + g_to_a.deliver(&g_link_a, nullptr);
    if (n == 0) break;
  }
}

sockaddr_conn conn_addr(int* link, uint16_t port) {
  sockaddr_conn s{};
  s.sconn_family = AF_CONN;
  s.sconn_port = htons(port);
  s.sconn_addr = link;
  return s;
}

struct socket* make_socket(int type) {
  struct socket* s = usrsctp_socket(AF_CONN, type, IPPROTO_SCTP, receive_cb, nullptr, 0, nullptr);
  if (s == nullptr) {
    std::perror("usrsctp_socket");
    std::abort();
  }
  usrsctp_set_non_blocking(s, 1);
  return s;
}

void set_int(struct socket* s, int level, int opt, int value) {
  if (usrsctp_setsockopt(s, level, opt, &value, sizeof(value)) < 0) std::perror("usrsctp_setsockopt");
}

void bind_listen(struct socket* s, int* link, uint16_t port) {
  sockaddr_conn a = conn_addr(link, port);
  if (usrsctp_bind(s, reinterpret_cast<sockaddr*>(&a), sizeof(a)) < 0) std::perror("usrsctp_bind");
  if (usrsctp_listen(s, 1024) < 0) std::perror("usrsctp_listen");
}

// Starts the handshake of a client socket towards the server port (bound to an
// ephemeral local port when `port` is 0).
void connect_client(struct socket* c, uint16_t local_port, uint16_t server_port) {
  sockaddr_conn local = conn_addr(&g_link_a, local_port);
  if (usrsctp_bind(c, reinterpret_cast<sockaddr*>(&local), sizeof(local)) < 0) {
    std::perror("usrsctp_bind");
  }
  sockaddr_conn peer = conn_addr(&g_link_a, server_port);
  if (usrsctp_connect(c, reinterpret_cast<sockaddr*>(&peer), sizeof(peer)) < 0 &&
      errno != EINPROGRESS) {
    std::perror("usrsctp_connect");
  }
}

// The path MTU dpsctp uses in core_bench (1500-byte IP MTU: 1480-byte SCTP packets over
// IPv4; AF_CONN has no IP header), no heartbeats (core_bench disables them too).
void match_core_bench_path(struct socket* c, uint16_t server_port) {
  sctp_paddrparams p{};
  sockaddr_conn peer = conn_addr(&g_link_a, server_port);
  std::memcpy(&p.spp_address, &peer, sizeof(peer));
  p.spp_pathmtu = 1480;
  p.spp_flags = SPP_PMTUD_DISABLE | SPP_HB_DISABLE;
  if (usrsctp_setsockopt(c, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &p, sizeof(p)) < 0) {
    std::perror("SCTP_PEER_ADDR_PARAMS");
  }
}

void close_with_abort(struct socket* s) {
  struct linger l{};
  l.l_onoff = 1;
  l.l_linger = 0;  // close() sends ABORT instead of a graceful SHUTDOWN
  usrsctp_setsockopt(s, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
  usrsctp_close(s);
}

// Lets timers run (delayed SACKs) until `n` messages arrived or 10 s of timer ticks pass.
void drain(uint64_t n) {
  for (int i = 0; i < 1000 && g_stats.messages < n; ++i) {
    usrsctp_handle_timers(10);
    pump();
  }
}

// One-way transfer of `size`-byte messages: the analogue of BM_CoreOneWay (64 sends, then
// the wire is pumped; a full send buffer pumps too).
void BM_UsrsctpOneWay(benchmark::State& state) {
  const auto size = static_cast<size_t>(state.range(0));
  const bool nodelay = state.range(1) != 0;
  static uint16_t next_port = 6000;
  const uint16_t port = next_port++;
  struct socket* listener = make_socket(SOCK_STREAM);
  set_int(listener, SOL_SOCKET, SO_RCVBUF, 4 * 1024 * 1024);
  bind_listen(listener, &g_link_z, port);
  struct socket* client = make_socket(SOCK_STREAM);
  set_int(client, SOL_SOCKET, SO_SNDBUF, 8 * 1024 * 1024);
  set_int(client, IPPROTO_SCTP, SCTP_NODELAY, nodelay ? 1 : 0);
  connect_client(client, port, port);
  pump();
  struct socket* server = usrsctp_accept(listener, nullptr, nullptr);
  if (server == nullptr) {
    state.SkipWithError("usrsctp handshake did not complete");
    return;
  }
  match_core_bench_path(client, port);
  g_stats = {};
  const uint64_t packets_before = g_to_z.total();
  std::vector<char> msg(size, 0x42);
  sctp_sndinfo si{};
  si.snd_ppid = htonl(18);  // S1AP
  constexpr int kBatch = 64;
  for (auto _ : state) {
    for (int i = 0; i < kBatch; ++i) {
      si.snd_sid = static_cast<uint16_t>(i % 10);
      while (usrsctp_sendv(client, msg.data(), size, nullptr, 0, &si, sizeof(si),
                           SCTP_SENDV_SNDINFO, 0) < 0) {
        if (errno != EWOULDBLOCK && errno != EAGAIN) {
          state.SkipWithError("usrsctp_sendv failed");
          return;
        }
        pump();
      }
    }
    pump();
  }
  const auto expected = static_cast<uint64_t>(state.iterations()) * kBatch;
  drain(expected);
  state.SetItemsProcessed(static_cast<int64_t>(g_stats.messages));
  state.SetBytesProcessed(static_cast<int64_t>(g_stats.bytes));
  state.counters["msgs_per_pkt"] =
      static_cast<double>(g_stats.messages) /
      static_cast<double>(std::max<uint64_t>(1, g_to_z.total() - packets_before));
  if (g_stats.messages < expected) state.SkipWithError("messages lost");
  close_with_abort(client);
  usrsctp_close(server);
  usrsctp_close(listener);
  pump();
}
BENCHMARK(BM_UsrsctpOneWay)
    ->ArgsProduct({{32, 128, 512, 1400}, {0, 1}})
    ->ArgNames({"bytes", "nodelay"});

// A one-to-many (SOCK_SEQPACKET) server socket that reports SCTP_COMM_UP.
struct socket* make_server(uint16_t port, bool notify) {
  struct socket* s = make_socket(SOCK_SEQPACKET);
  if (notify) {
    sctp_event ev{};
    ev.se_assoc_id = SCTP_ALL_ASSOC;
    ev.se_type = SCTP_ASSOC_CHANGE;
    ev.se_on = 1;
    if (usrsctp_setsockopt(s, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof(ev)) < 0) {
      std::perror("SCTP_EVENT");
    }
  }
  bind_listen(s, &g_link_z, port);
  return s;
}

// Full four-way handshakes, then ABORT: the analogue of BM_CoreHandshake. usrsctp needs a
// socket per client association (one-to-one style), so each iteration also creates and
// closes one socket; the server is one-to-many (no socket per association).
void BM_UsrsctpHandshake(benchmark::State& state) {
  struct socket* server = make_server(5002, true);
  g_stats = {};
  for (auto _ : state) {
    struct socket* c = make_socket(SOCK_STREAM);
    connect_client(c, 0, 5002);
    pump();
    close_with_abort(c);
    pump();
  }
  state.SetItemsProcessed(static_cast<int64_t>(g_stats.comm_up));
  if (g_stats.comm_up != static_cast<uint64_t>(state.iterations())) {
    state.SkipWithError("some handshakes did not complete");
  }
  usrsctp_close(server);
  pump();
}
BENCHMARK(BM_UsrsctpHandshake);

// Heap bytes per idle association on the server side (one-to-many socket), measured by
// bracketing every usrsctp_conninput() into the server with mallinfo2(). The client
// sockets are not counted.
void BM_UsrsctpMemoryPerAssoc(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  for (auto _ : state) {
    struct socket* server = make_server(5003, false);
    g_to_z.reserve(64);
    g_to_a.reserve(64);
    HeapMeter meter;
    g_server_meter = &meter;
    std::vector<struct socket*> clients;
    clients.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      clients.push_back(make_socket(SOCK_STREAM));
      connect_client(clients.back(), 0, 5003);
      pump();
    }
    g_server_meter = nullptr;
    state.counters["bytes_per_assoc"] =
        static_cast<double>(meter.bytes()) / static_cast<double>(n);
    for (struct socket* c : clients) {
      close_with_abort(c);
      pump();
    }
    usrsctp_close(server);
    pump();
  }
}
BENCHMARK(BM_UsrsctpMemoryPerAssoc)->Arg(1000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  usrsctp_init_nothreads(0, conn_output, debug_printf);
  usrsctp_sysctl_set_sctp_ecn_enable(0);
  usrsctp_register_address(&g_link_a);
  usrsctp_register_address(&g_link_z);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  usrsctp_deregister_address(&g_link_a);
  usrsctp_deregister_address(&g_link_z);
  return 0;
}
