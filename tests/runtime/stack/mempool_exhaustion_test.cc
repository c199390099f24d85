// Issue #10 "Resource limits": mempool exhaustion in the runtime. Two Shards on two ring
// ports joined back to back (rte_eth_from_rings: what A sends, B receives, and back),
// polled in turn on one lcore. Shard A's port draws from a pool of only kSmallPool mbufs.
// An INIT flood against A, with B not polled, leaves every INIT ACK A sends in the ring
// toward B until A's pool is empty: A must count each failed allocation
// (MbufSinkCounters::drop_no_mbuf), drop the packet, and keep polling (no crash, no
// stall). Once the ring is drained, A answers INITs again, a real association B -> A
// completes with every message delivered, and after teardown every mbuf is back in the
// pool (rte_mempool_avail_count == size).
#include <gtest/gtest.h>
#include <rte_eth_ring.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#include <array>
#include <chrono>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../dpdk/dpdk_env.h"
#include "runtime/net/arp.h"
#include "runtime/stack/l2l3_encap.h"
#include "runtime/stack/shard.h"
#include "wire/buffer_writer.h"
#include "wire/chunk/init_chunk.h"
#include "wire/packet_builder.h"

namespace dpsctp::runtime {
namespace {

constexpr unsigned kSmallPool = 511;  // 2^9 - 1: what rte_mempool stores best
const IpAddress kA = IpAddress::v4(10, 9, 0, 1);
const IpAddress kB = IpAddress::v4(10, 9, 0, 2);
constexpr uint16_t kPortA = 36412, kPortB = 5000;

struct Recorder final : Listener {
  void on_message(const ReceivedMessage& m) override {
    ++messages;
    bytes += m.data.size();
  }
  void on_assoc_change(const AssocChange& e) override {
    if (e.state == AssocChangeState::kCommUp) ++comm_up;
  }
  uint64_t messages = 0, bytes = 0, comm_up = 0;
};

class MempoolExhaustion : public ::testing::Test {
 protected:
  void SetUp() override {
    ab_ = rte_ring_create("flood_ab", 1024, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
    ba_ = rte_ring_create("flood_ba", 1024, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
    ASSERT_NE(ab_, nullptr);
    ASSERT_NE(ba_, nullptr);
    const int a = rte_eth_from_rings("flood_a", &ba_, 1, &ab_, 1, SOCKET_ID_ANY);
    const int b = rte_eth_from_rings("flood_b", &ab_, 1, &ba_, 1, SOCKET_ID_ANY);
    ASSERT_GE(a, 0);
    ASSERT_GE(b, 0);
    small_ = rte_pktmbuf_pool_create("flood_small", kSmallPool, 0, 0, mbuf_data_room(1500),
                                     SOCKET_ID_ANY);
    inject_pool_ = rte_pktmbuf_pool_create("flood_inject", 4095, 0, 0, mbuf_data_room(1500),
                                           SOCKET_ID_ANY);
    ASSERT_NE(small_, nullptr);
    ASSERT_NE(inject_pool_, nullptr);
    open(static_cast<uint16_t>(a), small_, port_a_);
    open(static_cast<uint16_t>(b), nullptr, port_b_);
    a_ = make_shard(*port_a_, mac_a_, kA, kPortA, rec_a_);
    b_ = make_shard(*port_b_, mac_b_, kB, kPortB, rec_b_);
  }
  void TearDown() override {
    a_.reset();
    b_.reset();
    drain(ab_);
    drain(ba_);
    port_a_.reset();
    port_b_.reset();
    if (small_ != nullptr) {
      // Every mbuf of A's pool is back: nothing leaked through the drops.
      EXPECT_EQ(rte_mempool_avail_count(small_), kSmallPool);
      rte_mempool_free(small_);
    }
    rte_mempool_free(inject_pool_);
    rte_ring_free(ab_);
    rte_ring_free(ba_);
  }

  static void open(uint16_t id, rte_mempool* pool, std::optional<Port>& out) {
    PortConfig pc;
    pc.port_id = id;
    pc.rx_desc = pc.tx_desc = 256;
    pc.extra_mbufs = 1024;
    pc.pool = pool;
    std::string error;
    std::optional<Port> p = Port::open(pc, &error);
    ASSERT_TRUE(p) << error;
    out.emplace(std::move(*p));
  }
  static std::unique_ptr<Shard> make_shard(const Port& port, const net::MacAddress& mac,
                                           const IpAddress& ip, uint16_t sctp_port,
                                           Listener& l) {
    ShardConfig sc;
    sc.link.mac = mac;
    sc.endpoint.local_addresses = {ip};
    sc.endpoint.port = sctp_port;
    sc.endpoint.seed = sctp_port;
    return std::make_unique<Shard>(port, std::move(sc), l);
  }
  static unsigned drain(rte_ring* r) {
    unsigned n = 0;
    void* m = nullptr;
    while (rte_ring_dequeue(r, &m) == 0) {
      rte_pktmbuf_free(static_cast<rte_mbuf*>(m));
      ++n;
    }
    return n;
  }

  /// Puts a frame from B's side on the wire toward A (A's RX ring), from the inject pool.
  void inject(std::span<const std::byte> frame) {
    rte_mbuf* m = rte_pktmbuf_alloc(inject_pool_);
    ASSERT_NE(m, nullptr);
    char* d = rte_pktmbuf_append(m, static_cast<uint16_t>(frame.size()));
    ASSERT_NE(d, nullptr);
    std::memcpy(d, frame.data(), frame.size());
    ASSERT_EQ(rte_ring_enqueue(ba_, m), 0);
  }
  /// RFC 826: B asks for A's address; A learns B (so its INIT ACKs need no resolution).
  void inject_arp() {
    std::array<std::byte, 60> f{};
    wire::BufferWriter w(f);
    net::write_arp_frame(w, net::ArpPacket::request(mac_b_, kB, kA), net::MacAddress::broadcast());
    inject(f);
  }
  /// An INIT from B's address, source port `sport` (RFC 9260 §3.3.2, vtag 0 §8.5.1).
  void inject_init(uint16_t sport) {
    constexpr size_t kSctp = 12 + 20;
    std::array<std::byte, 14 + 20 + kSctp> f{};
    const LinkIdentity link{.mac = mac_b_, .vlan = std::nullopt};
    ASSERT_TRUE(write_l2_header(std::span(f).first(14), link, mac_a_, ether_type_for(kA)));
    ASSERT_TRUE(write_sctp_l3_header(std::span(f).subspan(14, 20), kB, kA, kSctp, false));
    const wire::MutableByteSpan sctp = std::span(f).subspan(34);
    wire::PacketBuilder pb(sctp, {.src_port = sport, .dst_port = kPortA, .vtag = VerificationTag(0)});
    const auto mark = wire::InitChunk::begin(pb.writer(), VerificationTag(0x1000u + sport),
                                             65536, 4, 4, Tsn(1));
    pb.writer().end_tlv(mark);
    ASSERT_EQ(pb.finish().size(), kSctp);
    inject(f);
  }

  rte_ring* ab_ = nullptr;
  rte_ring* ba_ = nullptr;
  rte_mempool* small_ = nullptr;
  rte_mempool* inject_pool_ = nullptr;
  std::optional<Port> port_a_, port_b_;
  // Ring ports have no MAC of their own (all zero, and they cannot be set) nor a MAC
  // filter: the shards get distinct ones to classify frames by.
  net::MacAddress mac_a_{{0x02, 0, 0, 0, 0x0a, 0x01}};
  net::MacAddress mac_b_{{0x02, 0, 0, 0, 0x0a, 0x02}};
  Recorder rec_a_, rec_b_;
  std::unique_ptr<Shard> a_, b_;
};

TEST_F(MempoolExhaustion, InitFloodDrainsThePoolCountedNoStallThenTrafficCompletes) {
  inject_arp();
  a_->poll_once();
  ASSERT_EQ(a_->counters().arp_requests_answered, 1u);
  ASSERT_EQ(drain(ab_), 1u);  // the ARP reply (B is not polled: the test plays B)

  // RFC 9260 §5.1: each INIT gets a stateless INIT ACK, an mbuf of A's pool that stays
  // in the ring toward B. 3 x the pool: most of them find the pool empty.
  constexpr unsigned kInits = 3 * kSmallPool;
  unsigned injected = 0;
  unsigned min_avail = kSmallPool;
  while (injected < kInits) {
    for (unsigned i = 0; i < 64 && injected < kInits; ++i) inject_init(static_cast<uint16_t>(1024 + injected++));
    for (int i = 0; i < 4; ++i) a_->poll_once();  // returns: never waits for mbufs
    min_avail = std::min(min_avail, rte_mempool_avail_count(small_));
  }
  for (int i = 0; i < 8; ++i) a_->poll_once();
  EXPECT_EQ(min_avail, 0u);
  const MbufSinkCounters& sink = a_->sink_counters();
  EXPECT_EQ(a_->endpoint().counters().SctpInSCTPPacks, kInits);  // every INIT processed
  EXPECT_GT(sink.drop_no_mbuf, 0u);                               // counted, not crashed
  EXPECT_EQ(sink.packets + sink.drop_no_mbuf, kInits);            // each sent or counted
  EXPECT_EQ(rte_ring_count(ab_), sink.packets);                    // what was sent is there
  EXPECT_EQ(a_->endpoint().association_count(), 0u);               // no state kept

  // The mbufs come back (B's side consumes them): A answers INITs again at once.
  EXPECT_EQ(drain(ab_), sink.packets);
  EXPECT_EQ(rte_mempool_avail_count(small_), kSmallPool);
  const uint64_t sent_before = sink.packets;
  inject_init(999);
  a_->poll_once();
  EXPECT_EQ(a_->sink_counters().packets, sent_before + 1);
  EXPECT_EQ(drain(ab_), 1u);

  // Normal traffic: B connects to A over the same rings and sends 200 messages.
  const std::array<IpAddress, 1> peer{kA};
  const std::optional<AssocId> id = b_->endpoint().connect(peer, kPortA, b_->refresh_now());
  ASSERT_TRUE(id.has_value());
  std::array<std::byte, 300> msg{};
  unsigned sent = 0;
  // Time-bounded, not round-bounded: the last small message may wait for a delayed SACK
  // (RFC 9260 §6.2, 200 ms) before it leaves.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (rec_a_.messages < 200 && std::chrono::steady_clock::now() < deadline) {
    if (rec_b_.comm_up == 1 && sent < 200 &&
        b_->endpoint().send(*id, StreamId(0), Ppid(18), msg, {}, b_->now()) == core::SendStatus::kOk) {
      ++sent;
    }
    b_->poll_once();
    a_->poll_once();
  }
  EXPECT_EQ(rec_b_.comm_up, 1u);
  EXPECT_EQ(rec_a_.messages, 200u);
  EXPECT_EQ(rec_a_.bytes, 200u * msg.size());
  b_->endpoint().shutdown(*id, b_->now());
  while (a_->endpoint().association_count() + b_->endpoint().association_count() > 0 &&
         std::chrono::steady_clock::now() < deadline) {
    b_->poll_once();
    a_->poll_once();
  }
  EXPECT_EQ(a_->endpoint().association_count(), 0u);
}

}  // namespace
}  // namespace dpsctp::runtime
