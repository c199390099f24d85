// RFC 8260 §3 stream schedulers on hand-built inputs: the order each algorithm serves
// streams in, switching algorithms, and the §4.3.3 per-stream values.
#include "core/tx/stream_scheduler.h"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <vector>

#include "core/tx/send_queue.h"

namespace dpsctp::core {
namespace {

/// A send queue reduced to what the scheduler sees: per stream, a FIFO of message sizes.
class Model {
 public:
  explicit Model(SchedulerKind k) : s(k) {}

  void add(uint16_t stream, uint32_t size) {
    auto& q = queues[stream];
    q.push_back({s.stamp(), size});
    if (q.size() == 1) s.push(StreamId(stream), q.front().stamp, size);
  }
  /// Serves one whole message (a DATA sender never switches inside one). Returns the
  /// stream, or -1 when the scheduler has nothing it may serve now.
  int serve() {
    if (!s.ready()) return -1;
    const uint16_t stream = s.top().value();
    s.pop();
    auto& q = queues[stream];
    served_bytes[stream] += q.front().size;
    q.erase(q.begin());
    if (!q.empty()) s.push(StreamId(stream), q.front().stamp, q.front().size);
    return stream;
  }
  std::vector<int> serve_all() {
    std::vector<int> out;
    for (int st = serve(); st >= 0; st = serve()) out.push_back(st);
    return out;
  }

  struct Msg {
    uint64_t stamp;
    uint32_t size;
  };
  StreamScheduler s;
  std::map<uint16_t, std::vector<Msg>> queues;
  std::map<uint16_t, uint64_t> served_bytes;
};

TEST(StreamSchedulerTest, Rfc8260_3_1_FcfsServesMessagesInArrivalOrder) {
  Model m(SchedulerKind::kFirstComeFirstServed);
  m.add(2, 100);
  m.add(1, 100);
  m.add(2, 100);
  m.add(3, 100);
  m.add(1, 100);
  EXPECT_EQ(m.serve_all(), (std::vector<int>{2, 1, 2, 3, 1}));
}

TEST(StreamSchedulerTest, Rfc8260_3_2_RoundRobinOneMessagePerStreamPerTurn) {
  Model m(SchedulerKind::kRoundRobin);
  for (int i = 0; i < 3; ++i) m.add(5, 100);
  m.add(1, 10);
  m.add(1, 10);
  m.add(9, 5000);
  EXPECT_EQ(m.serve_all(), (std::vector<int>{5, 1, 9, 5, 1, 5}));
}

TEST(StreamSchedulerTest, Rfc8260_3_3_RoundRobinPerPacketKeepsTheStreamForThePacket) {
  Model m(SchedulerKind::kRoundRobinPerPacket);
  for (int i = 0; i < 3; ++i) m.add(1, 100);
  for (int i = 0; i < 2; ++i) m.add(2, 100);
  m.add(3, 100);
  // Packet 1: everything stream 1 has; then no other stream may join that packet.
  m.s.begin_packet(std::nullopt);
  EXPECT_EQ(m.serve_all(), (std::vector<int>{1, 1, 1}));
  m.s.begin_packet(std::nullopt);
  EXPECT_EQ(m.serve_all(), (std::vector<int>{2, 2}));
  m.s.begin_packet(std::nullopt);
  EXPECT_EQ(m.serve_all(), (std::vector<int>{3}));
  EXPECT_TRUE(m.s.empty());
}

TEST(StreamSchedulerTest, Rfc8260_3_3_RoundRobinPerPacketRotatesAStreamThatFilledItsPacket) {
  Model m(SchedulerKind::kRoundRobinPerPacket);
  for (int i = 0; i < 4; ++i) m.add(1, 100);
  for (int i = 0; i < 4; ++i) m.add(2, 100);
  std::vector<int> first_of_packet;
  for (int packet = 0; packet < 4; ++packet) {
    m.s.begin_packet(std::nullopt);
    // The packet holds two messages: the association stops filling it after two.
    first_of_packet.push_back(m.serve());
    const int second = m.serve();
    EXPECT_EQ(second, first_of_packet.back()) << "packet " << packet;
  }
  EXPECT_EQ(first_of_packet, (std::vector<int>{1, 2, 1, 2}));
}

TEST(StreamSchedulerTest, Rfc8260_3_3_ContinuedMessageOwnsTheNextPacket) {
  Model m(SchedulerKind::kRoundRobinPerPacket);
  m.add(1, 100);
  m.add(2, 100);
  // Stream 2's message was partially cut at the end of the last packet and continues now
  // (the send queue serves it without asking); stream 1 must not join this packet.
  m.s.begin_packet(StreamId(2));
  EXPECT_FALSE(m.s.ready());
  m.s.begin_packet(std::nullopt);
  EXPECT_TRUE(m.s.ready());
}

TEST(StreamSchedulerTest, Rfc8260_3_4_PriorityLowerValueFirstEqualValuesRoundRobin) {
  Model m(SchedulerKind::kPriority);
  ASSERT_TRUE(m.s.set_value(StreamId(1), 2));
  ASSERT_TRUE(m.s.set_value(StreamId(2), 1));
  ASSERT_TRUE(m.s.set_value(StreamId(3), 1));
  EXPECT_EQ(m.s.value(StreamId(1)), 2);
  EXPECT_EQ(m.s.value(StreamId(7)), 0);  // default
  for (int i = 0; i < 2; ++i) {
    m.add(1, 100);
    m.add(2, 100);
    m.add(3, 100);
  }
  EXPECT_EQ(m.serve_all(), (std::vector<int>{2, 3, 2, 3, 1, 1}));
}

TEST(StreamSchedulerTest, Rfc8260_3_4_NewPriorityReordersAWaitingStream) {
  Model m(SchedulerKind::kPriority);
  m.add(1, 100);
  m.add(2, 100);
  ASSERT_TRUE(m.s.set_value(StreamId(1), 5));  // stream 1 was first; now it is last
  EXPECT_EQ(m.serve_all(), (std::vector<int>{2, 1}));
}

TEST(StreamSchedulerTest, Rfc8260_3_5_FairCapacityEqualBytesForDifferentMessageSizes) {
  Model m(SchedulerKind::kFairCapacity);
  for (int i = 0; i < 100; ++i) m.add(1, 100);
  for (int i = 0; i < 10; ++i) m.add(2, 1000);
  // While both are backlogged, ten 100-byte messages go per 1000-byte one.
  for (int i = 0; i < 55; ++i) m.serve();
  const double a = static_cast<double>(m.served_bytes[1]);
  const double b = static_cast<double>(m.served_bytes[2]);
  EXPECT_NEAR(a / (a + b), 0.5, 0.05);
  EXPECT_EQ(m.served_bytes[1] + m.served_bytes[2], 10000u);
}

TEST(StreamSchedulerTest, Rfc8260_3_5_FairCapacityChargesARejoiningStream) {
  // A stream that keeps just one message queued (empties and rejoins each time) gets no
  // more than its share: its turn is charged when it joins.
  Model m(SchedulerKind::kFairCapacity);
  for (int i = 0; i < 40; ++i) m.add(2, 500);
  m.add(1, 500);
  for (int i = 0; i < 30; ++i) {
    if (m.serve() == 1) m.add(1, 500);
  }
  EXPECT_EQ(m.served_bytes[1], m.served_bytes[2]);
}

TEST(StreamSchedulerTest, Rfc8260_3_6_WfqBytesProportionalToWeights) {
  Model m(SchedulerKind::kWeightedFairQueueing);
  ASSERT_TRUE(m.s.set_value(StreamId(1), 1));
  ASSERT_TRUE(m.s.set_value(StreamId(2), 2));
  ASSERT_TRUE(m.s.set_value(StreamId(3), 4));
  const std::array<uint32_t, 3> sizes{300, 700, 1100};
  for (int i = 0; i < 400; ++i) {
    for (uint16_t s = 1; s <= 3; ++s) m.add(s, sizes[s - 1]);
  }
  for (int i = 0; i < 500; ++i) m.serve();  // all three stay backlogged
  const double total =
      static_cast<double>(m.served_bytes[1] + m.served_bytes[2] + m.served_bytes[3]);
  EXPECT_NEAR(static_cast<double>(m.served_bytes[1]) / total, 1.0 / 7, 0.05 / 7);
  EXPECT_NEAR(static_cast<double>(m.served_bytes[2]) / total, 2.0 / 7, 0.05 * 2 / 7);
  EXPECT_NEAR(static_cast<double>(m.served_bytes[3]) / total, 4.0 / 7, 0.05 * 4 / 7);
}

TEST(StreamSchedulerTest, Rfc8260_4_3_3_WfqRefusesWeightZeroOthersIgnoreValues) {
  StreamScheduler s(SchedulerKind::kWeightedFairQueueing);
  EXPECT_FALSE(s.set_value(StreamId(1), 0));
  EXPECT_EQ(s.value(StreamId(1)), 1);  // default weight
  EXPECT_TRUE(s.set_value(StreamId(1), 3));
  EXPECT_EQ(s.value(StreamId(1)), 3);
  s.set_kind(SchedulerKind::kRoundRobin);
  EXPECT_TRUE(s.set_value(StreamId(1), 9));  // accepted, no meaning
  EXPECT_EQ(s.value(StreamId(1)), 0);
  s.set_kind(SchedulerKind::kWeightedFairQueueing);
  EXPECT_EQ(s.value(StreamId(1)), 1);  // switching reset every value (as Linux)
}

TEST(StreamSchedulerTest, Rfc8260_3_SwitchingAlgorithmsKeepsEveryStream) {
  Model m(SchedulerKind::kRoundRobin);
  m.add(3, 100);
  m.add(1, 100);
  m.add(3, 100);
  m.add(2, 100);
  EXPECT_EQ(m.serve(), 3);  // stream 3 rejoins at the back: 1, 2, 3
  m.s.set_kind(SchedulerKind::kFirstComeFirstServed);
  // FCFS by head-message arrival: 1's (2nd), 3's second message (3rd), 2's (4th).
  EXPECT_EQ(m.serve_all(), (std::vector<int>{1, 3, 2}));

  for (const SchedulerKind k :
       {SchedulerKind::kRoundRobinPerPacket, SchedulerKind::kPriority, SchedulerKind::kFairCapacity,
        SchedulerKind::kWeightedFairQueueing}) {
    for (uint16_t s = 0; s < 4; ++s) m.add(s, 100 + s);
    m.s.set_kind(k);
    m.s.begin_packet(std::nullopt);
    std::vector<int> got;
    while (!m.s.empty()) {
      m.s.begin_packet(std::nullopt);
      for (int st = m.serve(); st >= 0; st = m.serve()) got.push_back(st);
    }
    EXPECT_EQ(got.size(), 4u) << to_string(k);
    m.s.set_kind(SchedulerKind::kRoundRobin);
  }
}

TEST(StreamSchedulerTest, Rfc8260_3_5_ExpiredHeadIsChargedForTheNewHeadOnly) {
  StreamScheduler s(SchedulerKind::kFairCapacity);
  s.push(StreamId(1), s.stamp(), 100);
  s.push(StreamId(2), s.stamp(), 500);
  ASSERT_EQ(s.top(), StreamId(1));
  // PR-SCTP dropped stream 1's 100-byte head; its next message has 1000 bytes.
  s.requeue_top(s.stamp(), 1000);
  EXPECT_EQ(s.top(), StreamId(2));
  s.pop();                               // virtual time 500
  s.push(StreamId(2), s.stamp(), 2000);  // finishes at 2500 > stream 1's 1000
  EXPECT_EQ(s.top(), StreamId(1));
  EXPECT_EQ(s.size(), 2u);
}

TEST(StreamSchedulerTest, Rfc8260_3_3_SendQueueEndsThePacketRatherThanSplitAMessage) {
  // Through the send queue: a packet of stream 1 does not start a message it cannot hold
  // (its tail would take the next packet too); the next packet goes to stream 2.
  PayloadPool pool;
  SendQueue q(pool, 4, 1 << 20);
  q.set_scheduler(SchedulerKind::kRoundRobinPerPacket);
  const std::vector<std::byte> msg(400);
  const Instant t0(1s);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(q.add(StreamId(1), Ppid(0), msg, {}, t0), SendStatus::kOk);
  ASSERT_EQ(q.add(StreamId(2), Ppid(0), msg, {}, t0), SendStatus::kOk);
  q.begin_packet();
  size_t room = 1000;
  std::vector<uint16_t> packet;
  while (auto f = q.produce(room, t0)) {
    packet.push_back(f->stream.value());
    room -= f->length;
  }
  EXPECT_EQ(packet, (std::vector<uint16_t>{1, 1})) << "200 bytes left: not enough for 400";
  q.begin_packet();
  auto f = q.produce(1000, t0);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->stream, StreamId(2));
  EXPECT_EQ(f->length, 400u);
  // An empty packet still takes a message larger than itself (fragmented).
  q.begin_packet();
  f = q.produce(100, t0);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->stream, StreamId(1));
  EXPECT_FALSE(f->ending);
}

}  // namespace
}  // namespace dpsctp::core
