// The sans-IO core end to end, one thread: two Endpoints joined by in-memory packet
// queues (no simulator, no I/O). Reports messages/s for one-way transfer, handshakes/s
// and the stateless INIT -> INIT ACK rate (cookie creation).
// Run: ./build/bench/core_bench
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "core/endpoint.h"

namespace {
using namespace dpsctp;
using namespace dpsctp::core;

// A sink that appends each packet to a queue of reusable buffers (the "wire").
class QueueLink final : public PacketSink {
 public:
  struct Packet {
    std::vector<std::byte> bytes;
    size_t len = 0;
    IpAddress src, dst;
  };
  wire::MutableByteSpan next_buffer() override { return buf_; }
  void send(size_t len, const IpAddress& src, const IpAddress& dst) override {
    if (used_ == packets_.size()) packets_.push_back({std::vector<std::byte>(2048), 0, {}, {}});
    Packet& p = packets_[used_++];
    std::copy_n(buf_.begin(), len, p.bytes.begin());
    p.len = len;
    p.src = src;
    p.dst = dst;
  }
  void clear() { used_ = 0; }
  // Hands every queued packet to `to`; packets sent meanwhile wait for the next call.
  size_t deliver(Endpoint& to, Instant now) {
    batch_.swap(packets_);
    const size_t n = used_;
    used_ = 0;
    for (size_t i = 0; i < n; ++i) {
      const Packet& p = batch_[i];
      to.handle_packet(wire::ByteSpan(p.bytes.data(), p.len), {p.src, p.dst}, now);
    }
    if (packets_.size() < batch_.size()) packets_.swap(batch_);
    return n;
  }

 private:
  std::array<std::byte, 2048> buf_{};
  std::vector<Packet> packets_;
  std::vector<Packet> batch_;
  size_t used_ = 0;
};

struct Counter final : Listener {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  uint64_t up = 0;
  std::vector<AssocId> ids;
  void on_message(const ReceivedMessage& m) override {
    ++messages;
    bytes += m.data.size();
  }
  void on_assoc_change(const AssocChange& e) override {
    if (e.state == AssocChangeState::kCommUp) {
      ++up;
      ids.push_back(e.assoc);
    }
  }
};

EndpointConfig config(uint8_t last, uint64_t seed, bool nodelay) {
  EndpointConfig c;
  c.local_addresses = {IpAddress::v4(10, 0, 0, last)};
  c.port = 36412;
  c.seed = seed;
  c.options.nodelay = nodelay;
  c.options.receive_window = 4 * 1024 * 1024;
  c.options.send_buffer = 8 * 1024 * 1024;
  c.options.heartbeat_enabled = false;
  c.max_associations = 1 << 16;
  c.flush_on_user_call = false;  // batch like the runtime: one flush per burst
  return c;
}

struct Pair {
  explicit Pair(bool nodelay)
      : a(config(1, 1, nodelay), ab, la, now), z(config(2, 2, nodelay), za, lz, now) {}
  void pump() {
    a.flush(now);
    z.flush(now);
    for (int i = 0; i < 16; ++i) {
      const size_t n = ab.deliver(z, now) + za.deliver(a, now);
      now += std::chrono::microseconds(1);
      if (a.next_timeout() <= now) a.handle_timeout(now);
      if (z.next_timeout() <= now) z.handle_timeout(now);
      if (n == 0) break;
    }
  }
  // Lets virtual time run (delayed SACKs, Nagle) until `n` messages arrived or 10 s pass.
  void drain(uint64_t n) {
    for (int i = 0; i < 1000 && lz.messages < n; ++i) {
      now += std::chrono::milliseconds(10);
      if (a.next_timeout() <= now) a.handle_timeout(now);
      if (z.next_timeout() <= now) z.handle_timeout(now);
      pump();
    }
  }
  Instant now{};
  QueueLink ab, za;
  Counter la, lz;
  Endpoint a, z;
};

// One-way transfer of `size`-byte messages, `batch` sends per round trip.
void BM_CoreOneWay(benchmark::State& state) {
  const auto size = static_cast<size_t>(state.range(0));
  const bool nodelay = state.range(1) != 0;
  Pair p(nodelay);
  const IpAddress peer[] = {IpAddress::v4(10, 0, 0, 2)};
  const AssocId id = *p.a.connect(peer, 36412, p.now);
  p.pump();
  std::vector<std::byte> msg(size, std::byte{0x42});
  constexpr int kBatch = 64;
  for (auto _ : state) {
    for (int i = 0; i < kBatch; ++i) {
      while (p.a.send(id, StreamId(static_cast<uint16_t>(i % 10)), ppid::kS1ap, msg, {},
                      p.now) != SendStatus::kOk) {
        p.pump();
      }
    }
    p.pump();
  }
  p.drain(static_cast<uint64_t>(state.iterations()) * kBatch);
  state.SetItemsProcessed(static_cast<int64_t>(p.lz.messages));
  state.SetBytesProcessed(static_cast<int64_t>(p.lz.bytes));
  state.counters["msgs_per_pkt"] =
      static_cast<double>(p.lz.messages) /
      static_cast<double>(std::max<uint64_t>(1, p.z.counters().SctpInSCTPPacks));
  if (p.lz.messages < static_cast<uint64_t>(state.iterations()) * kBatch) {
    state.SkipWithError("messages lost");
  }
}
BENCHMARK(BM_CoreOneWay)
    ->ArgsProduct({{32, 128, 512, 1400}, {0, 1}})
    ->ArgNames({"bytes", "nodelay"});

// Full four-way handshakes: client connect -> server association established.
void BM_CoreHandshake(benchmark::State& state) {
  Pair p(true);
  const IpAddress peer[] = {IpAddress::v4(10, 0, 0, 2)};
  for (auto _ : state) {
    const AssocId id = *p.a.connect(peer, 36412, p.now);
    p.pump();
    p.a.abort(id, {}, p.now);  // keeps the tables small; ABORT is one packet
    p.pump();
  }
  state.SetItemsProcessed(static_cast<int64_t>(p.lz.up));
}
BENCHMARK(BM_CoreHandshake);

// The stateless half: an INIT answered by an INIT ACK carrying a MACed cookie.
void BM_CoreInitToInitAck(benchmark::State& state) {
  QueueLink sink;
  Counter l;
  Instant now{};
  Endpoint z(config(2, 2, true), sink, l, now);
  // An INIT from a client endpoint, captured once.
  const IpAddress peer[] = {IpAddress::v4(10, 0, 0, 2)};
  struct Capture final : Listener {
    void on_message(const ReceivedMessage&) override {}
  };
  std::vector<std::byte> init;
  {
    struct Grab final : PacketSink {
      std::array<std::byte, 2048> b{};
      std::vector<std::byte>* out;
      wire::MutableByteSpan next_buffer() override { return b; }
      void send(size_t len, const IpAddress&, const IpAddress&) override {
        out->assign(b.begin(), b.begin() + static_cast<long>(len));
      }
    } grab;
    grab.out = &init;
    Capture c;
    Endpoint once(config(1, 9, true), grab, c, now);
    (void)once.connect(peer, 36412, now);
  }
  const PacketInfo info{IpAddress::v4(10, 0, 0, 1), IpAddress::v4(10, 0, 0, 2)};
  for (auto _ : state) {
    z.handle_packet(init, info, now);
    sink.clear();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  if (z.association_count() != 0) state.SkipWithError("INIT created state");
}
BENCHMARK(BM_CoreInitToInitAck);

}  // namespace

BENCHMARK_MAIN();
