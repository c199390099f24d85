// TimerWheel (src/core/common/timer_wheel.h): the shard's timers, one id per association
// slot. Arm / re-arm / cancel are the per-packet operations (T3-rtx restart on SACK,
// delayed SACK), expiry the per-tick one.
//   BM_TimerArmCancel: arm a random id among `ids` 1-300 ms ahead, then cancel it.
//   BM_TimerRearm: re-arm an armed id to a later deadline (T3-rtx restart, §6.3.2 R3).
//   BM_TimerExpire: `ids` timers spread over 1-256 ms, advance() fires them all; items =
//     timers fired.
// Run: ./build/bench/timer_wheel_bench
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "core/common/timer_wheel.h"

namespace {
using namespace dpsctp;
using core::TimerWheel;

std::vector<uint32_t> random_ids(uint32_t n, size_t count) {
  std::mt19937 rng(7);
  std::vector<uint32_t> v(count);
  for (auto& x : v) x = static_cast<uint32_t>(rng() % n);
  return v;
}

void BM_TimerArmCancel(benchmark::State& state) {
  const auto n = static_cast<uint32_t>(state.range(0));
  TimerWheel w(Instant{}, n);
  const auto ids = random_ids(n, 4096);
  size_t i = 0;
  Instant now{};
  for (auto _ : state) {
    const uint32_t id = ids[i++ & 4095];
    w.arm(id, now + std::chrono::milliseconds(1 + (id % 300)));
    w.cancel(id);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_TimerArmCancel)->Arg(1024)->Arg(1 << 20)->ArgName("ids");

void BM_TimerRearm(benchmark::State& state) {
  const auto n = static_cast<uint32_t>(state.range(0));
  TimerWheel w(Instant{}, n);
  for (uint32_t id = 0; id < n; ++id) w.arm(id, Instant{} + std::chrono::milliseconds(1 + id % 300));
  const auto ids = random_ids(n, 4096);
  size_t i = 0;
  int64_t step = 0;
  for (auto _ : state) {
    const uint32_t id = ids[i++ & 4095];
    w.arm(id, Instant{} + std::chrono::milliseconds(1 + (id + ++step) % 3000));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_TimerRearm)->Arg(1024)->Arg(1 << 20)->ArgName("ids");

void BM_TimerExpire(benchmark::State& state) {
  const auto n = static_cast<uint32_t>(state.range(0));
  TimerWheel w(Instant{}, n);
  Instant now{};
  uint64_t fired = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (uint32_t id = 0; id < n; ++id) w.arm(id, now + std::chrono::milliseconds(1 + id % 256));
    state.ResumeTiming();
    now += std::chrono::milliseconds(257);
    w.advance(now, [&](uint32_t) { ++fired; });
  }
  state.SetItemsProcessed(static_cast<int64_t>(fired));
  if (fired != static_cast<uint64_t>(state.iterations()) * n) state.SkipWithError("missed timers");
}
BENCHMARK(BM_TimerExpire)->Arg(1024)->Arg(65536)->ArgName("ids");

}  // namespace

BENCHMARK_MAIN();
