// MbufSink over net_ring ports: TX queue i loops back to RX queue i, handing back the very
// mbufs that were sent (ol_flags and l2/l3 lengths included), so both the bytes and the
// offload marks can be checked after rte_eth_rx_burst.
#include "runtime/dpdk/mbuf_sink.h"

#include <gtest/gtest.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dpdk_env.h"
#include "wire/chunk/data_chunk.h"
#include "wire/crc32c.h"
#include "wire/packet_builder.h"
#include "wire/packet_view.h"

namespace dpsctp::runtime {
namespace {

const IpAddress kSrc = IpAddress::v4(192, 0, 2, 1);
const IpAddress kDst = IpAddress::v4(192, 0, 2, 2);
const IpAddress kDst6 = IpAddress::v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2});
constexpr uint32_t kVtag = 0xfeedf00d;

// Builds one DATA packet with PacketBuilder in the sink's buffer, as the core does, sends
// it, and returns a copy of the SCTP bytes as built.
std::vector<std::byte> send_data(MbufSink& sink, uint32_t tsn, size_t payload_size,
                                 const IpAddress& dst = kDst) {
  std::vector<std::byte> payload(payload_size);
  for (size_t i = 0; i < payload.size(); ++i) payload[i] = std::byte(static_cast<uint8_t>(i + tsn));
  wire::PacketBuilder b(sink.next_buffer(),
                        {.src_port = 36412, .dst_port = 36412, .vtag = VerificationTag(kVtag)});
  wire::DataChunk d;
  d.tsn = Tsn(tsn);
  d.stream = StreamId(1);
  d.ppid = Ppid(18);  // S1AP
  d.payload = payload;
  EXPECT_TRUE(b.fits(d.serialized_size()));
  d.serialize_to(b.writer());
  const wire::MutableByteSpan pkt = b.finish(sink.fills_checksum());
  EXPECT_FALSE(pkt.empty());
  std::vector<std::byte> copy(pkt.begin(), pkt.end());
  sink.send(pkt.size(), kSrc, dst);
  return copy;
}

wire::ByteSpan bytes_of(const rte_mbuf* m, size_t offset = 0) {
  return {rte_pktmbuf_mtod_offset(m, const std::byte*, offset), m->data_len - offset};
}

// Drains RX queue 0 of `port` into `out` (caller frees).
uint16_t receive(uint16_t port, std::vector<rte_mbuf*>& out) {
  uint16_t total = 0;
  rte_mbuf* burst[64];
  while (uint16_t n = rte_eth_rx_burst(port, 0, burst, 64)) {
    out.insert(out.end(), burst, burst + n);
    total = static_cast<uint16_t>(total + n);
  }
  return total;
}

void free_all(std::vector<rte_mbuf*>& ms) {
  for (rte_mbuf* m : ms) rte_pktmbuf_free(m);
  ms.clear();
}

class MbufSinkOnRing : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto id = dpdktest::make_ring_port("sink");
    ASSERT_TRUE(id.has_value());
    PortConfig c;
    c.port_id = *id;
    c.rx_desc = 128;
    c.tx_desc = 128;
    c.extra_mbufs = 2048;  // 4095 mbufs: more than the ring PMD's 1023-slot ring holds
    std::string error;
    std::optional<Port> port = Port::open(c, &error);
    ASSERT_TRUE(port.has_value()) << error;
    port_.emplace(std::move(*port));
  }
  void TearDown() override {
    std::vector<rte_mbuf*> left;
    if (port_) receive(port_->id(), left);
    free_all(left);
  }
  [[nodiscard]] unsigned in_use() const { return rte_mempool_in_use_count(port_->pool()); }

  std::optional<Port> port_;
};

TEST_F(MbufSinkOnRing, Rfc9260_6_8_RoundTripKeepsBytesAndSoftwareCrc32c) {
  MbufSink sink(sink_config_for(*port_, 0));
  EXPECT_FALSE(sink.fills_checksum());  // ring: software CRC, the core fills it
  EXPECT_EQ(sink.capacity(), 1500u - 40u);
  const std::vector<std::byte> sent = send_data(sink, 0xfffffffe, 333);
  EXPECT_EQ(sink.queued(), 1);
  std::vector<rte_mbuf*> rx;
  EXPECT_EQ(receive(port_->id(), rx), 0);  // still in the TX buffer: bursts of 32
  EXPECT_EQ(sink.flush(), 1);
  ASSERT_EQ(receive(port_->id(), rx), 1);
  const rte_mbuf* m = rx[0];
  ASSERT_EQ(m->nb_segs, 1);
  ASSERT_EQ(m->pkt_len, sent.size());
  const wire::ByteSpan got = bytes_of(m);
  EXPECT_TRUE(std::equal(got.begin(), got.end(), sent.begin(), sent.end()));
  EXPECT_TRUE(wire::verify_sctp_checksum(got));
  EXPECT_NE(wire::stored_sctp_checksum(got), 0u);
  EXPECT_EQ(m->ol_flags & (RTE_MBUF_F_TX_SCTP_CKSUM | RTE_MBUF_F_TX_IP_CKSUM), 0u);
  const auto view = wire::PacketView::parse(got);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->header().vtag, VerificationTag(kVtag));
  const auto data = wire::DataChunk::parse(view->first_chunk());
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data->tsn, Tsn(0xfffffffe));
  EXPECT_EQ(data->payload.size(), 333u);
  const MbufSinkCounters& c = sink.counters();
  EXPECT_EQ(c.packets, 1u);
  EXPECT_EQ(c.bytes, sent.size());
  EXPECT_EQ(c.bursts, 1u);
  EXPECT_EQ(c.crc_sw, 1u);
  EXPECT_EQ(c.crc_hw, 0u);
  free_all(rx);
  EXPECT_EQ(in_use(), 0u);
}

TEST_F(MbufSinkOnRing, BatchesThirtyTwoThenBurstsByItself) {
  MbufSink sink(sink_config_for(*port_, 0));
  std::vector<std::vector<std::byte>> sent;
  for (uint32_t i = 0; i < 31; ++i) sent.push_back(send_data(sink, i, 40 + i));
  std::vector<rte_mbuf*> rx;
  EXPECT_EQ(receive(port_->id(), rx), 0);
  EXPECT_EQ(sink.queued(), 31);
  sent.push_back(send_data(sink, 31, 71));  // the 32nd fills the buffer: tx_burst
  EXPECT_EQ(sink.queued(), 0);
  EXPECT_EQ(sink.counters().bursts, 1u);
  ASSERT_EQ(receive(port_->id(), rx), 32);
  for (size_t i = 0; i < rx.size(); ++i) {
    const wire::ByteSpan got = bytes_of(rx[i]);
    EXPECT_TRUE(std::equal(got.begin(), got.end(), sent[i].begin(), sent[i].end())) << i;
    EXPECT_TRUE(wire::verify_sctp_checksum(got)) << i;
  }
  EXPECT_EQ(sink.flush(), 0);  // nothing left: no empty burst
  EXPECT_EQ(sink.counters().bursts, 1u);
  free_all(rx);
}

TEST_F(MbufSinkOnRing, PoolExhaustionDropsAndCountsThenRecovers) {
  rte_mempool* tiny =
      rte_pktmbuf_pool_create("t_tiny_pool", 15, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
  ASSERT_NE(tiny, nullptr);
  {
    MbufSinkConfig cfg = sink_config_for(*port_, 0);
    cfg.pool = tiny;
    MbufSink sink(cfg);
    for (uint32_t i = 0; i < 20; ++i) {  // nobody receives: the ring keeps the mbufs
      const wire::MutableByteSpan buf = sink.next_buffer();
      EXPECT_EQ(buf.size(), sink.capacity()) << i;  // scratch once empty: same size
      send_data(sink, i, 100);
      sink.flush();
    }
    EXPECT_EQ(sink.counters().packets, 15u);
    EXPECT_EQ(sink.counters().drop_no_mbuf, 5u);
    EXPECT_EQ(rte_mempool_avail_count(tiny), 0u);
    std::vector<rte_mbuf*> rx;
    ASSERT_EQ(receive(port_->id(), rx), 15);
    for (size_t i = 0; i < rx.size(); ++i) {
      const auto d =
          wire::DataChunk::parse(wire::PacketView::parse(bytes_of(rx[i]))->first_chunk());
      EXPECT_EQ(d->tsn, Tsn(static_cast<uint32_t>(i))) << i;  // the first 15 went out
    }
    free_all(rx);
    send_data(sink, 99, 100);  // mbufs are back: it recovers
    EXPECT_EQ(sink.flush(), 1);
    EXPECT_EQ(sink.counters().drop_no_mbuf, 5u);
    ASSERT_EQ(receive(port_->id(), rx), 1);
    free_all(rx);
  }
  EXPECT_EQ(rte_mempool_in_use_count(tiny), 0u);
  rte_mempool_free(tiny);
}

TEST_F(MbufSinkOnRing, PartialTxBurstFreesTheRestAndCountsDrops) {
  MbufSink sink(sink_config_for(*port_, 0));
  // The ring PMD's TX ring holds 1023 mbufs; nobody receives.
  for (uint32_t i = 0; i < 1100; ++i) send_data(sink, i, 64);
  sink.flush();
  const MbufSinkCounters& c = sink.counters();
  EXPECT_EQ(c.packets, 1023u);
  EXPECT_EQ(c.drop_tx_full, 1100u - 1023u);
  EXPECT_EQ(in_use(), 1023u);  // the refused 77 went back to the pool
  std::vector<rte_mbuf*> rx;
  EXPECT_EQ(receive(port_->id(), rx), 1023);
  free_all(rx);
  EXPECT_EQ(in_use(), 0u);
}

struct HookLog {
  TxVerdict verdict = TxVerdict::kSend;
  int calls = 0;
  bool ipv4_cksum_offload = false;
  IpAddress src, dst;
  rte_mbuf* kept = nullptr;
};

// A stand-in for the runtime's L2/L3 code: Ethernet + IPv4 (20) or IPv6 (40), zeroed.
TxVerdict test_hook(void* context, TxFrame& f) {
  auto* log = static_cast<HookLog*>(context);
  ++log->calls;
  log->ipv4_cksum_offload = f.ipv4_cksum_offload;
  log->src = *f.src;
  log->dst = *f.dst;
  if (log->verdict == TxVerdict::kConsumed) log->kept = f.mbuf;
  if (log->verdict != TxVerdict::kSend) return log->verdict;
  const uint16_t l3 = f.dst->is_v4() ? 20 : 40;
  char* h = rte_pktmbuf_prepend(f.mbuf, static_cast<uint16_t>(RTE_ETHER_HDR_LEN + l3));
  if (h == nullptr) return TxVerdict::kDrop;
  std::memset(h, 0, RTE_ETHER_HDR_LEN + l3);
  f.l2_len = RTE_ETHER_HDR_LEN;
  f.l3_len = l3;
  return TxVerdict::kSend;
}

TEST_F(MbufSinkOnRing, Rfc9260_6_8_HardwarePlanMarksMbufAndSkipsSoftwareCrc) {
  HookLog log;
  MbufSinkConfig cfg = sink_config_for(*port_, 0);
  cfg.tx_crc = CrcPath::kHardware;  // as plan_offloads picks on a NIC that has it
  cfg.tx_ipv4_cksum = true;
  cfg.hook = &test_hook;
  cfg.hook_context = &log;
  MbufSink sink(cfg);
  EXPECT_TRUE(sink.fills_checksum());
  const std::vector<std::byte> sent = send_data(sink, 7, 200);
  EXPECT_EQ(wire::stored_sctp_checksum(sent), 0u);  // the core left it to the NIC
  EXPECT_EQ(log.calls, 1);
  EXPECT_TRUE(log.ipv4_cksum_offload);
  EXPECT_EQ(log.src, kSrc);
  EXPECT_EQ(log.dst, kDst);
  sink.flush();
  std::vector<rte_mbuf*> rx;
  ASSERT_EQ(receive(port_->id(), rx), 1);
  const rte_mbuf* m = rx[0];
  EXPECT_EQ(m->ol_flags & (RTE_MBUF_F_TX_SCTP_CKSUM | RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_IPV4 |
                           RTE_MBUF_F_TX_IPV6),
            RTE_MBUF_F_TX_SCTP_CKSUM | RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_IPV4);
  EXPECT_EQ(m->l2_len, 14u);
  EXPECT_EQ(m->l3_len, 20u);
  EXPECT_EQ(m->l4_len, 12u);
  ASSERT_EQ(m->pkt_len, 34u + sent.size());
  const wire::ByteSpan sctp = bytes_of(m, m->l2_len + m->l3_len);
  EXPECT_TRUE(std::equal(sctp.begin(), sctp.end(), sent.begin(), sent.end()));
  EXPECT_EQ(sink.counters().crc_hw, 1u);
  EXPECT_EQ(sink.counters().crc_sw, 0u);
  EXPECT_EQ(sink.counters().bytes, 34u + sent.size());
  free_all(rx);
}

TEST_F(MbufSinkOnRing, Rfc9260_6_8_HardwarePlanOverIpv6SetsNoIpv4Flags) {
  HookLog log;
  MbufSinkConfig cfg = sink_config_for(*port_, 0);
  cfg.tx_crc = CrcPath::kHardware;
  cfg.tx_ipv4_cksum = true;
  cfg.hook = &test_hook;
  cfg.hook_context = &log;
  MbufSink sink(cfg);
  send_data(sink, 8, 50, kDst6);
  EXPECT_FALSE(log.ipv4_cksum_offload);
  sink.flush();
  std::vector<rte_mbuf*> rx;
  ASSERT_EQ(receive(port_->id(), rx), 1);
  EXPECT_EQ(rx[0]->ol_flags & (RTE_MBUF_F_TX_SCTP_CKSUM | RTE_MBUF_F_TX_IP_CKSUM |
                               RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6),
            RTE_MBUF_F_TX_SCTP_CKSUM | RTE_MBUF_F_TX_IPV6);
  EXPECT_EQ(rx[0]->l3_len, 40u);
  free_all(rx);
}

TEST_F(MbufSinkOnRing, Rfc9260_6_8_HardwarePlanWithoutL3HeaderFallsBackToSoftware) {
  MbufSinkConfig cfg = sink_config_for(*port_, 0);
  cfg.tx_crc = CrcPath::kHardware;  // default hook: no L3 header for the NIC to parse
  MbufSink sink(cfg);
  const std::vector<std::byte> sent = send_data(sink, 9, 120);
  EXPECT_EQ(wire::stored_sctp_checksum(sent), 0u);
  sink.flush();
  std::vector<rte_mbuf*> rx;
  ASSERT_EQ(receive(port_->id(), rx), 1);
  EXPECT_TRUE(wire::verify_sctp_checksum(bytes_of(rx[0])));
  EXPECT_EQ(rx[0]->ol_flags & RTE_MBUF_F_TX_SCTP_CKSUM, 0u);
  EXPECT_EQ(sink.counters().crc_sw, 1u);
  EXPECT_EQ(sink.counters().crc_hw, 0u);
  free_all(rx);
}

TEST_F(MbufSinkOnRing, HookDropIsFreedAndCountedBySink) {
  HookLog log;
  log.verdict = TxVerdict::kDrop;
  MbufSinkConfig cfg = sink_config_for(*port_, 0);
  cfg.hook = &test_hook;
  cfg.hook_context = &log;
  MbufSink sink(cfg);
  send_data(sink, 1, 10);
  EXPECT_EQ(sink.flush(), 0);
  EXPECT_EQ(sink.counters().drop_hook, 1u);
  EXPECT_EQ(sink.counters().packets, 0u);
  EXPECT_EQ(in_use(), 0u);
}

TEST_F(MbufSinkOnRing, HookConsumedMbufBelongsToTheHook) {
  HookLog log;
  log.verdict = TxVerdict::kConsumed;
  MbufSinkConfig cfg = sink_config_for(*port_, 0);
  cfg.hook = &test_hook;
  cfg.hook_context = &log;
  {
    MbufSink sink(cfg);
    send_data(sink, 1, 10);
    EXPECT_EQ(sink.counters().hook_consumed, 1u);
    EXPECT_EQ(sink.queued(), 0);
  }
  ASSERT_NE(log.kept, nullptr);
  EXPECT_EQ(in_use(), 1u);  // the sink did not free it
  rte_pktmbuf_free(log.kept);
  EXPECT_EQ(in_use(), 0u);
}

TEST_F(MbufSinkOnRing, BadLengthIsCountedAndTheBufferReused) {
  MbufSink sink(sink_config_for(*port_, 0));
  const std::byte* first = sink.next_buffer().data();
  sink.send(sink.capacity() + 1, kSrc, kDst);
  sink.send(11, kSrc, kDst);  // shorter than the common header
  EXPECT_EQ(sink.counters().drop_bad_length, 2u);
  EXPECT_EQ(sink.next_buffer().data(), first);  // same mbuf, not leaked
  EXPECT_EQ(in_use(), 1u);
  sink.send(20, kSrc, kDst);  // no next_buffer() since the last send: nothing to send
  sink.send(20, kSrc, kDst);
  EXPECT_EQ(sink.counters().drop_no_mbuf, 1u);
  EXPECT_EQ(sink.flush(), 1);
}

TEST_F(MbufSinkOnRing, DestructorFlushesQueuedAndFreesTheUnsentBuffer) {
  {
    MbufSink sink(sink_config_for(*port_, 0));
    send_data(sink, 1, 10);
    (void)sink.next_buffer();  // handed out, never sent
    EXPECT_EQ(in_use(), 2u);
  }
  std::vector<rte_mbuf*> rx;
  EXPECT_EQ(receive(port_->id(), rx), 1);
  free_all(rx);
  EXPECT_EQ(in_use(), 0u);
}

TEST_F(MbufSinkOnRing, TxQueueIsTheConfiguredOne) {
  // A port with 2 queues: queue 1 loops back to RX queue 1 only.
  const auto id = dpdktest::make_ring_port("q2");
  ASSERT_TRUE(id.has_value());
  PortConfig c;
  c.port_id = *id;
  c.rx_queues = 2;
  c.tx_queues = 2;
  c.rx_desc = 64;
  c.tx_desc = 64;
  c.extra_mbufs = 64;
  c.want_rss = false;
  std::string error;
  std::optional<Port> p2 = Port::open(c, &error);
  ASSERT_TRUE(p2.has_value()) << error;
  ASSERT_EQ(p2->plan().tx_queues, 2);
  MbufSink sink(sink_config_for(*p2, 1));
  send_data(sink, 5, 10);
  EXPECT_EQ(sink.flush(), 1);
  rte_mbuf* burst[4];
  EXPECT_EQ(rte_eth_rx_burst(*id, 0, burst, 4), 0);
  // RX queue 1 is not configured (software distribution: one RX queue), so read the
  // counters instead: the PMD accepted it on TX queue 1.
  rte_eth_stats st{};
  ASSERT_EQ(rte_eth_stats_get(*id, &st), 0);
  EXPECT_EQ(st.q_opackets[1], 1u);
  EXPECT_EQ(st.q_opackets[0], 0u);
}

}  // namespace
}  // namespace dpsctp::runtime

namespace dpsctp::runtime {
namespace {

// The TX funnel (shard_mesh.h): a sink without a TX queue of its own enqueues its frames
// on an SP/SC ring instead of calling rte_eth_tx_burst; a full ring frees and counts them.
TEST_F(MbufSinkOnRing, TxRingTakesTheBurstInsteadOfThePortAndFreesWhatDoesNotFit) {
  rte_ring* ring = rte_ring_create("sink_funnel", 64, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
  ASSERT_NE(ring, nullptr);
  MbufSinkConfig c = sink_config_for(*port_, 0);
  c.tx_ring = ring;
  {
    MbufSink sink(c);
    for (uint32_t i = 0; i < 70; ++i) send_data(sink, i, 64);  // 63 fit the ring
    sink.flush();
    EXPECT_EQ(sink.counters().packets, 63u);
    EXPECT_EQ(sink.counters().drop_tx_full, 7u);
  }
  std::vector<rte_mbuf*> rx;
  EXPECT_EQ(receive(port_->id(), rx), 0);  // nothing went to the port
  EXPECT_EQ(rte_ring_count(ring), 63u);
  EXPECT_EQ(in_use(), 63u);  // the 7 refused went back to the pool
  void* m = nullptr;
  ASSERT_EQ(rte_ring_dequeue(ring, &m), 0);
  const wire::ByteSpan got = bytes_of(static_cast<rte_mbuf*>(m));
  EXPECT_TRUE(wire::verify_sctp_checksum(got));  // finished by the sink, ready to send
  const auto view = wire::PacketView::parse(got);
  ASSERT_TRUE(view.ok());
  const auto data = wire::DataChunk::parse(view->first_chunk());
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data->tsn, Tsn(0));  // FIFO: the first frame sent comes out first
  rte_pktmbuf_free(static_cast<rte_mbuf*>(m));
  while (rte_ring_dequeue(ring, &m) == 0) rte_pktmbuf_free(static_cast<rte_mbuf*>(m));
  rte_ring_free(ring);
  EXPECT_EQ(in_use(), 0u);
}

}  // namespace
}  // namespace dpsctp::runtime
