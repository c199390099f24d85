// The sans-IO core end to end, one thread: two Endpoints joined by in-memory packet
// queues (no simulator, no I/O). Reports messages/s for one-way transfer, handshakes/s
// and the stateless INIT -> INIT ACK rate (cookie creation).
// Run: ./build/bench/core_bench
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "core_pair.h"

namespace {
using namespace dpsctp;
using namespace dpsctp::core;
using bench::Counter;
using bench::Pair;
using bench::QueueLink;

EndpointConfig config(uint8_t last, uint64_t seed, bool nodelay) {
  return bench::pair_config(last, seed, nodelay, false);
}

// One-way transfer of `size`-byte messages, `batch` sends per round trip.
void BM_CoreOneWay(benchmark::State& state) {
  const auto size = static_cast<size_t>(state.range(0));
  const bool nodelay = state.range(1) != 0;
  const bool offload = state.range(2) != 0;
  Pair p(nodelay, offload);
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
  p.drain(p.lz, static_cast<uint64_t>(state.iterations()) * kBatch);
  state.SetItemsProcessed(static_cast<int64_t>(p.lz.messages));
  state.SetBytesProcessed(static_cast<int64_t>(p.lz.bytes));
  state.counters["msgs_per_pkt"] =
      static_cast<double>(p.lz.messages) /
      static_cast<double>(std::max<uint64_t>(1, p.z.counters().SctpInSCTPPacks));
  if (p.lz.messages < static_cast<uint64_t>(state.iterations()) * kBatch) {
    state.SkipWithError("messages lost");
  }
}
// crc_offload=1: the sinks report fills_checksum() and the endpoints skip verification,
// i.e. what the core does when the NIC computes and checks the CRC32c (RFC 9260 §6.8).
BENCHMARK(BM_CoreOneWay)
    ->ArgsProduct({{32, 128, 512, 1400}, {0, 1}, {0}})
    ->ArgsProduct({{128, 1400}, {0}, {1}})
    ->ArgNames({"bytes", "nodelay", "crc_offload"});

// Echo: A sends `size`-byte messages, Z's listener sends each one back from inside its
// callback; counts the messages back at A (one item = one round trip = two messages).
void BM_CoreEcho(benchmark::State& state) {
  const auto size = static_cast<size_t>(state.range(0));
  Pair p(true);
  p.lz.echo = &p.z;
  p.lz.now = &p.now;
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
  p.drain(p.la, static_cast<uint64_t>(state.iterations()) * kBatch);
  state.SetItemsProcessed(static_cast<int64_t>(p.la.messages));
  if (p.la.messages < static_cast<uint64_t>(state.iterations()) * kBatch) {
    state.SkipWithError("echoes lost");
  }
}
BENCHMARK(BM_CoreEcho)->Arg(32)->Arg(128)->Arg(512)->Arg(1400)->ArgName("bytes");

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
