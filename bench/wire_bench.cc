// Wire codec hot paths: parse of a bundled packet (header + chunk walk + typed DATA/SACK
// decode + checksum verify), and building a DATA packet with its checksum.
// Run: ./build/bench/wire_bench
#include <benchmark/benchmark.h>

#include <array>
#include <vector>

#include "wire/chunk/data_chunk.h"
#include "wire/crc32c.h"
#include "wire/packet_builder.h"
#include "wire/packet_view.h"

namespace {
using namespace dpsctp;
using namespace dpsctp::wire;

// A SACK bundled with `n_data` DATA chunks of `payload` bytes each: the shape of a busy
// S1AP association's packets.
std::vector<std::byte> make_bundle(int n_data, size_t payload) {
  std::vector<std::byte> buf(9000);
  std::vector<std::byte> msg(payload, std::byte{0x5a});
  PacketBuilder b(buf, {.src_port = 36412, .dst_port = 36412, .vtag = VerificationTag(0x1234)});
  // SACK, written by hand here so the benchmark does not depend on the SACK codec.
  BufferWriter& w = b.writer();
  auto m = w.begin_chunk(3, 0);
  w.put_u32(1000);
  w.put_u32(106496);
  w.put_u16(0);
  w.put_u16(0);
  w.end_tlv(m);
  for (int i = 0; i < n_data; ++i) {
    DataChunk d;
    d.tsn = Tsn(5000 + static_cast<uint32_t>(i));
    d.stream = StreamId(static_cast<uint16_t>(i % 10));
    d.ppid = ppid::kS1ap;
    d.payload = msg;
    d.serialize_to(w);
  }
  auto pkt = b.finish();
  buf.resize(pkt.size());
  return buf;
}

void BM_ParseBundledPacket(benchmark::State& state) {
  const auto pkt = make_bundle(static_cast<int>(state.range(0)), 128);
  for (auto _ : state) {
    bool ok = verify_sctp_checksum(pkt);
    Result<PacketView> p = PacketView::parse(pkt);
    uint32_t sum = 0;
    for (const ChunkView& c : p->chunks()) {
      if (c.is(ChunkType::kData)) {
        Result<DataChunk> d = DataChunk::parse(c);
        sum += d->tsn.value() + static_cast<uint32_t>(d->payload.size());
      }
    }
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetLabel(std::to_string(pkt.size()) + " B packet");
}
BENCHMARK(BM_ParseBundledPacket)->Arg(1)->Arg(4)->Arg(10);

void BM_ParseOnlyNoChecksum(benchmark::State& state) {
  const auto pkt = make_bundle(static_cast<int>(state.range(0)), 128);
  for (auto _ : state) {
    Result<PacketView> p = PacketView::parse(pkt);
    uint32_t sum = 0;
    for (const ChunkView& c : p->chunks()) {
      if (c.is(ChunkType::kData)) sum += DataChunk::parse(c)->tsn.value();
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseOnlyNoChecksum)->Arg(1)->Arg(4)->Arg(10);

void BM_BuildDataPacket(benchmark::State& state) {
  std::array<std::byte, 1500> buf{};
  std::vector<std::byte> msg(static_cast<size_t>(state.range(0)), std::byte{0x42});
  uint32_t tsn = 0;
  for (auto _ : state) {
    PacketBuilder b(buf, {.src_port = 36412, .dst_port = 36412, .vtag = VerificationTag(7)});
    DataChunk d;
    d.tsn = Tsn(tsn++);
    d.stream = StreamId(1);
    d.ppid = ppid::kS1ap;
    d.payload = msg;
    d.serialize_to(b.writer());
    benchmark::DoNotOptimize(b.finish().data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_BuildDataPacket)->Arg(128)->Arg(1400);

}  // namespace

BENCHMARK_MAIN();
