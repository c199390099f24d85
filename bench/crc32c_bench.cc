// CRC32c throughput per implementation and size (RFC 9260 §6.8). Reports bytes/s (GB/s)
// and ns/op. Run: ./build/bench/crc32c_bench
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "wire/crc32c.h"

namespace {
using dpsctp::wire::ByteSpan;

template <uint32_t (*Fn)(ByteSpan)>
void BM_Crc32c(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  std::vector<std::byte> buf(n);
  std::mt19937 rng(1);
  for (auto& b : buf) b = static_cast<std::byte>(rng());
  for (auto _ : state) {
    benchmark::DoNotOptimize(Fn(buf));
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

#define CRC_SIZES ->Arg(64)->Arg(256)->Arg(1500)->Arg(9000)
BENCHMARK(BM_Crc32c<dpsctp::wire::crc32c>) CRC_SIZES;
BENCHMARK(BM_Crc32c<dpsctp::wire::crc32c_isal>) CRC_SIZES;
BENCHMARK(BM_Crc32c<dpsctp::wire::crc32c_sse42>) CRC_SIZES;
BENCHMARK(BM_Crc32c<dpsctp::wire::crc32c_portable>) CRC_SIZES;

}  // namespace

BENCHMARK_MAIN();
