// The association table at scale: lookup by verification tag with 1 K / 100 K / 1 M
// associations, and heap bytes per idle association at 1 K / 1 M (RFC 9260 §8.5: the tag
// names the association).
//
//   BM_LookupViaEndpoint/assocs:N  the real path: Endpoint::handle_packet of a SACK
//     (duplicate: cum ack = the server's initial TSN - 1, nothing outstanding) to a random
//     one of N server associations. Counts everything handle_packet does for such a
//     packet (parse, by_tag_ lookup, §8.5 port check, SACK handling, finish_call) except
//     the CRC32c (verify_checksum = false: the NIC-offload configuration; CRC cost is
//     crc32c_bench's). The packet is rewritten in one buffer (vtag, cum ack) per call.
//   BM_LookupUnorderedMap/assocs:N the container alone (std::unordered_map<uint32_t,
//     uint32_t>, the type of Endpoint::by_tag_) with the same tags and access order.
//   BM_MemoryPerIdleAssoc/assocs:N heap growth of the server while N associations are
//     established (mallinfo2, see assoc_farm.h); reported as counters, one iteration.
// The farm for N is built once and shared by the benchmarks of that N; a farm that would
// not fit in half of MemAvailable (extrapolated from 1 K) is skipped with the reason.
// Run: ./build/bench/assoc_table_bench   (--benchmark_filter=-assocs:1000000 skips 1 M)
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <string>
#include <random>
#include <unordered_map>

#include "assoc_farm.h"
#include "wire/byte_io.h"
#include "wire/chunk/sack_chunk.h"

namespace {
using namespace dpsctp;
using bench::AssocFarm;

// /proc/meminfo MemAvailable in bytes (0 if unreadable).
int64_t mem_available() {
  std::ifstream f("/proc/meminfo");
  std::string key;
  int64_t kb = 0;
  std::string unit;
  while (f >> key >> kb >> unit) {
    if (key == "MemAvailable:") return kb * 1024;
  }
  return 0;
}

// The farm for `n` associations, or nullptr (and `why` says so) when n times the heap per
// association measured at 1 K would not fit in half of the available memory: at 36 KB per
// association 1 M of them needs ~36 GB, and the OOM killer would hit this machine's other
// processes first.
AssocFarm* farm(uint32_t n, std::string& why) {
  static std::unique_ptr<AssocFarm> f;
  static uint32_t built = 0;
  static double per_assoc_1k = 0;
  if (f && built == n) return f.get();
  f.reset();
  built = 0;
  if (n > 1000) {
    if (per_assoc_1k == 0) {
      AssocFarm probe(1000);
      per_assoc_1k = static_cast<double>(probe.assoc_bytes) / 1000.0;
    }
    const double need = per_assoc_1k * n * 1.5;  // + vector growth and table rehashing
    const auto avail = static_cast<double>(mem_available());
    if (need > avail / 2) {
      why = "skipped: " + std::to_string(n) + " associations at " +
            std::to_string(static_cast<int64_t>(per_assoc_1k)) + " B each need ~" +
            std::to_string(static_cast<int64_t>(need / 1e9)) + " GB, MemAvailable " +
            std::to_string(static_cast<int64_t>(avail / 1e9)) + " GB";
      return nullptr;
    }
  }
  f = std::make_unique<AssocFarm>(n);
  built = n;
  return f.get();
}

std::vector<uint32_t> random_order(size_t n) {
  std::mt19937 rng(11);
  std::vector<uint32_t> v(1 << 16);
  for (auto& x : v) x = static_cast<uint32_t>(rng() % n);
  return v;
}

void BM_LookupViaEndpoint(benchmark::State& state) {
  std::string why;
  AssocFarm* fp = farm(static_cast<uint32_t>(state.range(0)), why);
  if (fp == nullptr) {
    state.SkipWithError(why.c_str());
    return;
  }
  AssocFarm& f = *fp;
  if (f.peers.size() != static_cast<size_t>(state.range(0))) {
    state.SkipWithError("could not establish all associations");
    return;
  }
  std::array<std::byte, 64> buf{};
  wire::PacketBuilder b(buf, {.src_port = 36412, .dst_port = 36412, .vtag = VerificationTag(1)});
  wire::SackChunk::write(b.writer(), Tsn(0), 106496, {}, {});
  const size_t len = b.finish().size();
  const auto order = random_order(f.peers.size());
  size_t i = 0;
  Instant now{};
  const uint64_t before = f.server().counters().SctpInSCTPPacks;
  for (auto _ : state) {
    const AssocFarm::Peer& p = f.peers[order[i++ & 0xFFFF]];
    wire::store_u32(buf.data() + 4, p.server_tag.value());
    wire::store_u32(buf.data() + 16, p.server_initial_tsn.value() - 1);
    f.server().handle_packet(wire::ByteSpan(buf.data(), len), {p.ip, AssocFarm::kServer}, now);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  const auto& c = f.server().counters();
  if (c.SctpInSCTPPacks - before != static_cast<uint64_t>(state.iterations()) ||
      c.DpsctpBadVtag != 0 || c.SctpOutOfBlues != 0) {
    state.SkipWithError("packets were not matched to their association");
  }
}

// Random 32-bit tags, like the Endpoint's (RFC 9260 §5.3.1: tags are random).
void BM_LookupUnorderedMap(benchmark::State& state) {
  const auto n = static_cast<uint32_t>(state.range(0));
  std::mt19937 rng(5);
  std::unordered_map<uint32_t, uint32_t> by_tag;
  std::vector<uint32_t> all;
  all.reserve(n);
  while (by_tag.size() < n) {
    const uint32_t tag = static_cast<uint32_t>(rng()) | 1u;  // never 0 (§5.3.1)
    if (by_tag.emplace(tag, static_cast<uint32_t>(by_tag.size())).second) all.push_back(tag);
  }
  std::vector<uint32_t> tags;
  for (uint32_t k : random_order(n)) tags.push_back(all[k]);
  size_t i = 0;
  for (auto _ : state) {
    auto it = by_tag.find(tags[i++ & 0xFFFF]);
    benchmark::DoNotOptimize(it->second);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_MemoryPerIdleAssoc(benchmark::State& state) {
  std::string why;
  AssocFarm* fp = farm(static_cast<uint32_t>(state.range(0)), why);
  if (fp == nullptr) {
    for (auto _ : state) {
    }
    state.SkipWithError(why.c_str());
    return;
  }
  AssocFarm& f = *fp;
  for (auto _ : state) benchmark::DoNotOptimize(f.peers.size());
  state.counters["bytes_per_assoc"] =
      static_cast<double>(f.assoc_bytes) / static_cast<double>(f.peers.size());
  state.counters["endpoint_fixed_bytes"] = static_cast<double>(f.fixed_bytes);
  state.counters["assocs"] = static_cast<double>(f.peers.size());
}

void register_all() {
  for (int64_t n : {1000, 100000, 1000000}) {
    benchmark::RegisterBenchmark("BM_LookupViaEndpoint", BM_LookupViaEndpoint)
        ->Arg(n)->ArgName("assocs");
    benchmark::RegisterBenchmark("BM_LookupUnorderedMap", BM_LookupUnorderedMap)
        ->Arg(n)->ArgName("assocs");
    if (n != 100000) {
      benchmark::RegisterBenchmark("BM_MemoryPerIdleAssoc", BM_MemoryPerIdleAssoc)
          ->Arg(n)->ArgName("assocs")->Iterations(1);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
