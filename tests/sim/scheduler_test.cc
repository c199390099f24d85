// RFC 8260 §3 stream schedulers end to end: A saturates several streams over a 10 Mbit/s
// bottleneck toward Z, and Z measures what each stream got in a window during which every
// stream stays backlogged. Each case names the RFC 8260 section whose definition it checks
// (shares within 5 % where the definition is a share).
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <map>
#include <vector>

#include "protocol_harness.h"
#include "wire/byte_io.h"

namespace dpsctp::sim::testing {
namespace {

using K = StreamSchedulerKind;

constexpr uint16_t kStreams = 3;
constexpr Duration kWarmUp = 500ms;  // slow start, and the window opens
constexpr Duration kWindow = 2s;
/// Each stream keeps at least this much sent but not yet delivered: more than the whole
/// receive window (256 KiB) can have in flight, so none ever runs dry.
constexpr uint64_t kBacklog = 600 * 1024;

/// Z's side: what arrived, per stream, in arrival order.
class Receiver final : public Listener {
 public:
  void on_message(const ReceivedMessage& m) override {
    const uint16_t s = m.stream.value();
    delivered_bytes[s] += m.data.size();
    if (counting) {
      window_bytes[s] += m.data.size();
      ++window_messages[s];
    }
    order.push_back(m.ppid.value());
  }
  void on_assoc_change(const AssocChange& e) override {
    if (e.state == AssocChangeState::kCommUp) ++ups;
  }

  bool counting = false;
  std::map<uint16_t, uint64_t> delivered_bytes;
  std::map<uint16_t, uint64_t> window_bytes;
  std::map<uint16_t, uint64_t> window_messages;
  std::vector<uint32_t> order;  ///< message ids (PPIDs) as delivered
  int ups = 0;
};

/// The stream of each DATA chunk in `packet`, in order (to check §3.3 packet by packet).
std::vector<uint16_t> data_streams(wire::ByteSpan packet) {
  std::vector<uint16_t> out;
  size_t at = 12;  // RFC 9260 §3.1 common header
  while (at + 4 <= packet.size()) {
    const auto type = static_cast<uint8_t>(packet[at]);
    const uint16_t len = wire::load_u16(packet.data() + at + 2);
    if (len < 4) break;
    // RFC 9260 §3.3.1 DATA: stream identifier at chunk offset 8.
    if (type == 0 && at + 10 <= packet.size())
      out.push_back(wire::load_u16(packet.data() + at + 8));
    at += (size_t{len} + 3) & ~size_t{3};
  }
  return out;
}

class SchedulerTest : public ::testing::Test {
 protected:
  static constexpr uint64_t kSeed = 8260;

  SchedulerTest() : net(kSeed) {}

  void start(K kind) {
    LinkConfig bottleneck;
    bottleneck.delay = 10ms;
    bottleneck.bandwidth_bps = 10'000'000;
    bottleneck.queue_limit_bytes = 4u << 20;  // above the peer's window: no drops
    net.set_link(kA, kZ, bottleneck);
    AssociationOptions o;
    o.stream_scheduler = kind;
    o.send_buffer = 8u << 20;
    o.nodelay = true;
    a.emplace(net, kA, 1, o);
    z_host.emplace(net, endpoint_config({kZ}, 2, o), z);
    id = establish_to_z();
    ASSERT_EQ(a->ep().association(id)->stream_scheduler(), kind);
  }

  AssocId establish_to_z() {
    const IpAddress peers[] = {kZ};
    const std::optional<AssocId> got = a->host().connect(peers, kPort);
    EXPECT_TRUE(got.has_value());
    EXPECT_TRUE(net.run_until(
        [&] { return a->count(AssocChangeState::kCommUp) == 1 && z.ups == 1; }, net.now() + 1min));
    return got.value_or(AssocId(0));
  }

  /// Queues one message of `size` bytes on `stream`; its PPID is its id.
  bool send(uint16_t stream, uint32_t size) {
    buf.assign(size, std::byte{0x5a});
    const auto st = a->host().send(id, StreamId(stream), Ppid(next_id), buf, {});
    EXPECT_EQ(st, core::SendStatus::kOk);
    if (st != core::SendStatus::kOk) return false;
    sent_bytes[stream] += size;
    ++next_id;
    return true;
  }
  /// Sends on `stream` until it has kBacklog bytes not yet delivered.
  bool top_up(uint16_t stream, uint32_t size) {
    while (sent_bytes[stream] - z.delivered_bytes[stream] < kBacklog) {
      if (!send(stream, size)) return false;
    }
    return true;
  }

  /// Keeps every stream in `sizes` backlogged (messages of its size) for the warm-up and
  /// the measuring window; counts at Z only during the window.
  void saturate(const std::map<uint16_t, uint32_t>& sizes) {
    const Instant window_start = net.now() + kWarmUp;
    const Instant end = window_start + kWindow;
    while (net.now() < end) {
      z.counting = net.now() >= window_start;
      for (const auto& [stream, size] : sizes) {
        if (!top_up(stream, size)) return;
      }
      net.run_for(10ms);
    }
    z.counting = false;
    for (const auto& [stream, size] : sizes) {
      EXPECT_GT(sent_bytes[stream] - z.delivered_bytes[stream], 0u)
          << "stream " << stream << " ran dry: the window does not measure the scheduler";
    }
  }

  [[nodiscard]] double share(uint16_t stream) const {
    uint64_t total = 0;
    for (const auto& [s, b] : z.window_bytes) total += b;
    const auto it = z.window_bytes.find(stream);
    return total == 0 || it == z.window_bytes.end()
               ? 0.0
               : static_cast<double>(it->second) / static_cast<double>(total);
  }

  Network net;
  std::optional<Peer> a;
  Receiver z;
  std::optional<EndpointHost> z_host;
  AssocId id{0};
  std::map<uint16_t, uint64_t> sent_bytes;
  uint32_t next_id = 0;
  std::vector<std::byte> buf;
};

TEST_F(SchedulerTest, Rfc8260_3_1_FcfsDeliversInArrivalOrder) {
  start(K::kFirstComeFirstServed);
  // Random streams and sizes, all queued at once: FCFS sends (and, with no loss, Z
  // receives) them exactly in the order they were passed down.
  core::Random rng(kSeed);
  std::vector<uint32_t> sent_order;
  for (int i = 0; i < 600; ++i) {
    sent_order.push_back(next_id);
    ASSERT_TRUE(send(static_cast<uint16_t>(rng.below(kStreams)), 1 + rng.below(3000)));
  }
  ASSERT_TRUE(net.run_until([&] { return z.order.size() == sent_order.size(); }, net.now() + 1min));
  EXPECT_EQ(z.order, sent_order);
}

TEST_F(SchedulerTest, Rfc8260_3_2_RoundRobinEqualMessageCounts) {
  start(K::kRoundRobin);
  saturate({{0, 200}, {1, 1000}, {2, 2500}});
  // One message per stream per turn, whatever its size: equal counts (±1 at the window
  // edges), hence bytes in proportion to the message sizes.
  const uint64_t n0 = z.window_messages[0];
  ASSERT_GT(n0, 100u);
  EXPECT_LE(std::max(n0, z.window_messages[1]) - std::min(n0, z.window_messages[1]), 1u);
  EXPECT_LE(std::max(n0, z.window_messages[2]) - std::min(n0, z.window_messages[2]), 1u);
  EXPECT_NEAR(share(2), 2500.0 / 3700, 0.05 * 2500 / 3700);
}

TEST_F(SchedulerTest, Rfc8260_3_3_RoundRobinPerPacketOneStreamPerPacketInTurn) {
  std::vector<std::vector<uint16_t>> packets;
  net.set_tap([&](Instant, wire::ByteSpan p, const IpAddress& src, const IpAddress&) {
    if (src != kA || !z.counting) return;  // the window: every stream backlogged
    std::vector<uint16_t> s = data_streams(p);
    if (!s.empty()) packets.push_back(std::move(s));
  });
  start(K::kRoundRobinPerPacket);
  saturate({{0, 100}, {1, 300}, {2, 200}});  // several messages fit in one packet
  ASSERT_GT(packets.size(), 500u);
  size_t mixed = 0;
  size_t same_as_previous = 0;
  for (size_t i = 0; i < packets.size(); ++i) {
    for (uint16_t s : packets[i]) mixed += s != packets[i].front() ? 1 : 0;
    if (i > 0 && packets[i].front() == packets[i - 1].front()) ++same_as_previous;
  }
  EXPECT_EQ(mixed, 0u) << "§3.3: only chunks of one stream in a packet";
  EXPECT_EQ(same_as_previous, 0u) << "§3.3: the next packet goes to the next stream";
  // Packets in turn: 0, 1, 2, 0, 1, 2, ... (every stream stays backlogged).
  for (size_t i = 3; i < packets.size(); ++i) {
    ASSERT_EQ(packets[i].front(), packets[i - 3].front()) << "packet " << i;
  }
}

TEST_F(SchedulerTest, Rfc8260_3_2_RoundRobinMixesStreamsInAPacket) {
  // The contrast to §3.3: plain round robin switches streams message by message.
  size_t mixed_packets = 0;
  net.set_tap([&](Instant, wire::ByteSpan p, const IpAddress& src, const IpAddress&) {
    if (src != kA || !z.counting) return;
    const std::vector<uint16_t> s = data_streams(p);
    for (uint16_t x : s) {
      if (x != s.front()) {
        ++mixed_packets;
        break;
      }
    }
  });
  start(K::kRoundRobin);
  saturate({{0, 100}, {1, 300}, {2, 200}});
  EXPECT_GT(mixed_packets, 500u);
}

TEST_F(SchedulerTest, Rfc8260_3_4_PriorityHigherPriorityStreamGetsEverything) {
  start(K::kPriority);
  ASSERT_TRUE(a->ep().set_stream_scheduler_value(id, StreamId(0), 5));
  ASSERT_TRUE(a->ep().set_stream_scheduler_value(id, StreamId(1), 1));  // the highest
  ASSERT_TRUE(a->ep().set_stream_scheduler_value(id, StreamId(2), 5));
  saturate({{0, 500}, {1, 1200}, {2, 800}});
  EXPECT_GT(z.window_bytes[1], 1'000'000u);
  EXPECT_EQ(z.window_bytes[0], 0u);
  EXPECT_EQ(z.window_bytes[2], 0u);

  // Stream 1 stops: streams 0 and 2 (equal priority) share round robin.
  z.window_messages.clear();
  z.window_bytes.clear();
  const Instant stop = net.now() + 3s;
  z.counting = false;
  while (net.now() < stop) {
    z.counting = z.delivered_bytes[1] == sent_bytes[1];  // stream 1 fully delivered
    ASSERT_TRUE(top_up(0, 500));
    ASSERT_TRUE(top_up(2, 800));
    net.run_for(10ms);
  }
  ASSERT_GT(z.window_messages[0], 100u);
  EXPECT_LE(std::max(z.window_messages[0], z.window_messages[2]) -
                std::min(z.window_messages[0], z.window_messages[2]),
            1u);
  EXPECT_EQ(z.window_bytes[1], 0u);
}

TEST_F(SchedulerTest, Rfc8260_3_5_FairCapacityEqualBytes) {
  start(K::kFairCapacity);
  // Message sizes 1:5:15 (the largest fragmented over several packets).
  saturate({{0, 200}, {1, 1000}, {2, 3000}});
  for (uint16_t s = 0; s < kStreams; ++s) {
    EXPECT_NEAR(share(s), 1.0 / 3, 0.05 / 3) << "stream " << s;
  }
}

TEST_F(SchedulerTest, Rfc8260_3_6_WfqWeights124GiveByteShares124) {
  start(K::kWeightedFairQueueing);
  ASSERT_TRUE(a->ep().set_stream_scheduler_value(id, StreamId(0), 1));
  ASSERT_TRUE(a->ep().set_stream_scheduler_value(id, StreamId(1), 2));
  ASSERT_TRUE(a->ep().set_stream_scheduler_value(id, StreamId(2), 4));
  // Sizes unrelated to the weights: the weight, not the message size, sets the share.
  saturate({{0, 1400}, {1, 300}, {2, 900}});
  const std::array<double, kStreams> want{1.0 / 7, 2.0 / 7, 4.0 / 7};
  for (uint16_t s = 0; s < kStreams; ++s) {
    EXPECT_NEAR(share(s), want[s], 0.05 * want[s]) << "stream " << s;
  }
}

TEST_F(SchedulerTest, Rfc8260_3_SwitchingSchedulerOnALiveAssociation) {
  start(K::kRoundRobin);
  saturate({{0, 400}, {1, 400}, {2, 400}});
  EXPECT_NEAR(share(0), 1.0 / 3, 0.05 / 3);
  // To WFQ 1:1:2 mid-transfer: the next window follows the new definition.
  ASSERT_TRUE(a->ep().set_stream_scheduler(id, K::kWeightedFairQueueing));
  ASSERT_TRUE(a->ep().set_stream_scheduler_value(id, StreamId(2), 2));
  z.window_bytes.clear();
  saturate({{0, 400}, {1, 400}, {2, 400}});
  EXPECT_NEAR(share(2), 0.5, 0.05 * 0.5);
  EXPECT_NEAR(share(0), 0.25, 0.05 * 0.25);
}

}  // namespace
}  // namespace dpsctp::sim::testing
