// CRC32c (RFC 9260 §6.8, Appendix B) per implementation and packet size, and what the
// core pays for it on each path. Reports bytes/s and ns/op.
//   BM_Crc32c<impl>/N          the raw CRC over N bytes: ISA-L (crc32_iscsi, PCLMUL
//                              folding), SSE4.2 crc32q, portable slicing-by-8, and
//                              crc32c() (the dispatcher: SSE4.2 below 128 B, ISA-L above).
//   BM_PacketFinish/N/offload:0  PacketBuilder::finish() as the core calls it on TX with a
//                              software CRC: write_sctp_checksum over the whole packet.
//   BM_PacketFinish/N/offload:1  the "offload path": finish(skip_checksum = true), what the
//                              core does when PacketSink::fills_checksum() is true (the NIC
//                              computes it, RTE_MBUF_F_TX_SCTP_CKSUM). This measures only
//                              our side (a branch); the NIC's work is free to the CPU. The
//                              runtime's flag setting (MbufSink::mark_offloads) is DPDK
//                              code and is not in this wire-only binary.
//   BM_VerifyChecksum/N        RX: verify_sctp_checksum (skipped with verify_checksum =
//                              false when the NIC reports RTE_MBUF_F_RX_L4_CKSUM_GOOD).
// Run: ./build/bench/crc32c_bench
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "wire/chunk/data_chunk.h"
#include "wire/crc32c.h"
#include "wire/packet_builder.h"

namespace {
using namespace dpsctp;
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

// A packet of exactly `n` bytes: common header + one DATA chunk (n >= 28, n % 4 == 0).
struct DataPacket {
  explicit DataPacket(size_t n)
      : buf(n), payload(n - wire::CommonHeader::kSize - wire::DataChunk::kHeaderSize, std::byte{7}),
        builder(buf, {.src_port = 36412, .dst_port = 36412, .vtag = VerificationTag(9)}) {
    wire::DataChunk d;
    d.tsn = Tsn(1);
    d.stream = StreamId(1);
    d.ppid = ppid::kS1ap;
    d.payload = payload;
    d.serialize_to(builder.writer());
  }
  std::vector<std::byte> buf;
  std::vector<std::byte> payload;
  wire::PacketBuilder builder;
};

void BM_PacketFinish(benchmark::State& state) {
  DataPacket p(static_cast<size_t>(state.range(0)));
  const bool offload = state.range(1) != 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(p.builder.finish(offload).data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
  if (p.builder.finish(offload).size() != static_cast<size_t>(state.range(0))) {
    state.SkipWithError("packet size mismatch");
  }
}
BENCHMARK(BM_PacketFinish)
    ->ArgsProduct({{64, 256, 1500, 9000}, {0, 1}})
    ->ArgNames({"bytes", "offload"});

void BM_VerifyChecksum(benchmark::State& state) {
  DataPacket p(static_cast<size_t>(state.range(0)));
  const wire::MutableByteSpan pkt = p.builder.finish();
  for (auto _ : state) {
    bool ok = wire::verify_sctp_checksum(pkt);
    benchmark::DoNotOptimize(ok);
    if (!ok) state.SkipWithError("bad checksum");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_VerifyChecksum)->Arg(64)->Arg(256)->Arg(1500)->Arg(9000);

}  // namespace

BENCHMARK_MAIN();
