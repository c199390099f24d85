// SACK processing (RFC 9260 §6.2.1, §7.2.4) in the RetransmissionQueue, data sender side,
// with 0 / 4 / 16 Gap Ack Blocks. The SACK arrives decoded (its wire parse is in
// wire_bench); the cost measured is the queue's: gap normalisation, the ack walk, miss
// indications, flight and rwnd accounting, payload release.
//   BM_SackAckCycle: per iteration 64 chunks are added, then SACK 1 (cum ack at the first
//     TSN - 1, `gaps` blocks each acking one chunk above a hole: §7.2.4 miss indications
//     for the holes) and SACK 2 (cum ack of all 64). items = SACKs (2 per iteration);
//     the time includes the 64 add() calls.
//   BM_SackDuplicate: the same SACK with `gaps` blocks processed again and again against
//     64 outstanding chunks: nothing newly acked, the walk and bookkeeping only.
// Run: ./build/bench/sack_bench
#include <benchmark/benchmark.h>

#include <vector>

#include "core/tx/payload.h"
#include "core/tx/retransmission_queue.h"

namespace {
using namespace dpsctp;
using namespace dpsctp::core;

constexpr uint32_t kChunks = 64;
constexpr uint32_t kPayload = 128;

Fragment fragment(const PayloadRef& msg) {
  Fragment f;
  f.stream = StreamId(1);
  f.ppid = ppid::kS1ap;
  f.payload = msg;
  f.length = kPayload;
  return f;
}

// `gaps` blocks acking offsets 2, 4, 6, ... (holes at 1, 3, 5, ...) above the cum ack.
std::vector<wire::GapAckBlock> gap_blocks(int gaps) {
  std::vector<wire::GapAckBlock> g;
  for (int i = 0; i < gaps; ++i) {
    const auto off = static_cast<uint16_t>(2 * (i + 1));
    g.push_back({off, off});
  }
  return g;
}

void BM_SackAckCycle(benchmark::State& state) {
  const auto blocks = gap_blocks(static_cast<int>(state.range(0)));
  PayloadPool pool;
  std::vector<std::byte> bytes(kPayload, std::byte{0x42});
  const PayloadRef msg = pool.copy_in(bytes);
  RetransmissionQueue q(Tsn(1000), 1500, 64 * 1024 * 1024);
  Instant now{};
  for (auto _ : state) {
    const Tsn first = q.next_tsn();
    for (uint32_t i = 0; i < kChunks; ++i) q.add(fragment(msg), 0, now);
    now += std::chrono::microseconds(10);
    // Gap block offsets are relative to the cum ack (§3.3.4): cum = first - 1.
    SackOutcome o1 = q.handle_sack(Tsn(first.value() - 1), 64 * 1024 * 1024, blocks, now);
    SackOutcome o2 = q.handle_sack(first.next(kChunks - 1), 64 * 1024 * 1024, {}, now);
    benchmark::DoNotOptimize(o1);
    benchmark::DoNotOptimize(o2);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 2);
  if (!q.empty()) state.SkipWithError("queue not drained");
}
BENCHMARK(BM_SackAckCycle)->Arg(0)->Arg(4)->Arg(16)->ArgName("gaps");

void BM_SackDuplicate(benchmark::State& state) {
  const auto blocks = gap_blocks(static_cast<int>(state.range(0)));
  PayloadPool pool;
  std::vector<std::byte> bytes(kPayload, std::byte{0x42});
  const PayloadRef msg = pool.copy_in(bytes);
  RetransmissionQueue q(Tsn(1000), 1500, 64 * 1024 * 1024);
  Instant now{};
  const Tsn first = q.next_tsn();
  for (uint32_t i = 0; i < kChunks; ++i) q.add(fragment(msg), 0, now);
  const Tsn cum(first.value() - 1);
  (void)q.handle_sack(cum, 64 * 1024 * 1024, blocks, now);  // the first one acks the blocks
  for (auto _ : state) {
    SackOutcome o = q.handle_sack(cum, 64 * 1024 * 1024, blocks, now);
    benchmark::DoNotOptimize(o);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_SackDuplicate)->Arg(0)->Arg(4)->Arg(16)->ArgName("gaps");

}  // namespace

BENCHMARK_MAIN();
