#include "core/tx/send_queue.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace dpsctp::core {
namespace {

constexpr Instant kT0 = Instant(1000s);
constexpr Ppid kPpid{46};

/// Message bytes whose value encodes their index, so slices can be checked.
std::vector<std::byte> pattern(size_t n, uint8_t seed = 0) {
  std::vector<std::byte> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<std::byte>(static_cast<uint8_t>(i) + seed);
  return v;
}

SendOptions ctx(uint32_t c, bool unordered = false) {
  SendOptions o;
  o.context = c;
  o.unordered = unordered;
  return o;
}

class SendQueueTest : public ::testing::Test {
 protected:
  SendStatus add(uint16_t stream, size_t size, const SendOptions& o = {}) {
    return q.add(StreamId(stream), kPpid, pattern(size), o, kT0);
  }
  /// Produces whole messages until empty; returns the contexts in order.
  std::vector<uint32_t> produce_all() {
    std::vector<uint32_t> out;
    while (auto f = q.produce(100000, kT0)) out.push_back(f->context);
    return out;
  }

  PayloadPool pool;
  SendQueue q{pool, 3, 64 * 1024};
};

TEST_F(SendQueueTest, Rfc9260_6_9_SmallMessageIsOneChunkWithBAndE) {
  ASSERT_EQ(add(1, 100, ctx(7)), SendStatus::kOk);
  EXPECT_EQ(q.queued_bytes(), 100u);
  EXPECT_EQ(q.queued_messages(), 1u);
  auto f = q.produce(100, kT0);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->stream, StreamId(1));
  EXPECT_EQ(f->ssn, Ssn(0));
  EXPECT_EQ(f->ppid, kPpid);
  EXPECT_TRUE(f->beginning);
  EXPECT_TRUE(f->ending);
  EXPECT_FALSE(f->unordered);
  EXPECT_EQ(f->offset, 0u);
  EXPECT_EQ(f->length, 100u);
  EXPECT_EQ(f->context, 7u);
  EXPECT_EQ(f->expires, kNever);
  EXPECT_EQ(f->max_retransmits, 0xFFFF);
  EXPECT_EQ(f->bytes().size(), 100u);
  EXPECT_EQ(f->bytes()[99], std::byte{99});
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.queued_bytes(), 0u);
  EXPECT_FALSE(q.produce(100, kT0));
}

TEST_F(SendQueueTest, Rfc9260_6_9_FragmentBoundariesFlagsAndOffsets) {
  ASSERT_EQ(add(0, 1000), SendStatus::kOk);
  const std::array<uint32_t, 4> lengths = {300, 300, 300, 100};
  uint32_t offset = 0;
  for (size_t i = 0; i < lengths.size(); ++i) {
    auto f = q.produce(300, kT0);
    ASSERT_TRUE(f) << i;
    EXPECT_EQ(f->offset, offset);
    EXPECT_EQ(f->length, lengths[i]);
    EXPECT_EQ(f->beginning, i == 0);
    EXPECT_EQ(f->ending, i == 3);
    EXPECT_EQ(f->ssn, Ssn(0));  // RFC 9260 §6.9: same SSN on every fragment
    EXPECT_EQ(f->bytes()[0], static_cast<std::byte>(static_cast<uint8_t>(offset)));
    offset += f->length;
    EXPECT_EQ(q.queued_bytes(), 1000u - offset);
    EXPECT_EQ(q.queued_messages(), i == 3 ? 0u : 1u);
  }
  EXPECT_FALSE(q.produce(300, kT0));
}

TEST_F(SendQueueTest, Rfc9260_6_9_ExactMultipleEndsOnLastFullFragment) {
  ASSERT_EQ(add(0, 900), SendStatus::kOk);
  ASSERT_EQ(add(0, 301), SendStatus::kOk);
  for (int i = 0; i < 3; ++i) {
    auto f = q.produce(300, kT0);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->length, 300u);
    EXPECT_EQ(f->ending, i == 2);
  }
  auto a = q.produce(300, kT0);  // one byte too big: two fragments
  ASSERT_TRUE(a);
  EXPECT_EQ(a->ssn, Ssn(1));
  EXPECT_FALSE(a->ending);
  auto b = q.produce(300, kT0);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->length, 1u);
  EXPECT_EQ(b->offset, 300u);
  EXPECT_FALSE(b->beginning);
  EXPECT_TRUE(b->ending);
}

TEST_F(SendQueueTest, Rfc9260_6_9_VaryingRoomPerPacket) {
  ASSERT_EQ(add(0, 1000), SendStatus::kOk);
  auto a = q.produce(1, kT0);
  auto b = q.produce(998, kT0);
  auto c = q.produce(5000, kT0);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(a->length, 1u);
  EXPECT_EQ(b->offset, 1u);
  EXPECT_EQ(b->length, 998u);
  EXPECT_EQ(c->offset, 999u);
  EXPECT_EQ(c->length, 1u);
  EXPECT_TRUE(c->ending);
}

TEST_F(SendQueueTest, Rfc9260_6_9_NoRoomProducesNothing) {
  ASSERT_EQ(add(0, 10), SendStatus::kOk);
  EXPECT_FALSE(q.produce(0, kT0));
  EXPECT_EQ(q.queued_bytes(), 10u);
  EXPECT_EQ(q.next_ssn(StreamId(0)), Ssn(0));
}

TEST_F(SendQueueTest, Rfc9260_6_9_SchedulerDoesNotSwitchInsideAMessage) {
  q.set_scheduler(SendQueue::Scheduler::kRoundRobin);
  ASSERT_EQ(add(0, 250, ctx(1)), SendStatus::kOk);
  ASSERT_EQ(add(1, 10, ctx(2)), SendStatus::kOk);
  ASSERT_EQ(add(2, 10, ctx(3)), SendStatus::kOk);
  std::vector<uint32_t> order;
  while (auto f = q.produce(100, kT0)) order.push_back(f->context);
  // Message 1 is cut into 3 consecutive fragments before streams 1 and 2 get a turn.
  EXPECT_EQ(order, (std::vector<uint32_t>{1, 1, 1, 2, 3}));
}

TEST_F(SendQueueTest, Rfc9260_6_9_AddDuringPartialMessageKeepsStreamOrder) {
  q.set_scheduler(SendQueue::Scheduler::kRoundRobin);
  ASSERT_EQ(add(0, 150, ctx(1)), SendStatus::kOk);
  ASSERT_TRUE(q.produce(100, kT0));  // message 1 half cut
  ASSERT_EQ(add(0, 10, ctx(2)), SendStatus::kOk);
  ASSERT_EQ(add(1, 10, ctx(3)), SendStatus::kOk);
  auto rest = q.produce(100, kT0);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->context, 1u);
  EXPECT_TRUE(rest->ending);
  EXPECT_EQ(q.queued_messages(StreamId(0)), 1u);
  EXPECT_EQ(produce_all(), (std::vector<uint32_t>{3, 2}));  // stream 0 had its turn
}

TEST_F(SendQueueTest, Rfc9260_6_5_SsnIsPerStreamAndStartsAtZero) {
  for (uint32_t i = 0; i < 3; ++i) {
    ASSERT_EQ(add(0, 10), SendStatus::kOk);
    ASSERT_EQ(add(2, 10), SendStatus::kOk);
  }
  std::array<uint16_t, 3> expect{};
  while (auto f = q.produce(100, kT0)) {
    EXPECT_EQ(f->ssn, Ssn(expect[f->stream.value()]));
    ++expect[f->stream.value()];
  }
  EXPECT_EQ(expect, (std::array<uint16_t, 3>{3, 0, 3}));
  EXPECT_EQ(q.next_ssn(StreamId(1)), Ssn(0));
}

TEST_F(SendQueueTest, Rfc9260_6_5_SsnWrapsFrom65535ToZero) {
  for (uint32_t i = 0; i < 65536 + 2; ++i) {
    ASSERT_EQ(add(1, 4), SendStatus::kOk);
    auto f = q.produce(100, kT0);
    ASSERT_TRUE(f);
    ASSERT_EQ(f->ssn, Ssn(static_cast<uint16_t>(i)));
  }
  EXPECT_EQ(q.next_ssn(StreamId(1)), Ssn(2));
  EXPECT_EQ(q.next_ssn(StreamId(0)), Ssn(0));  // other streams untouched
}

TEST_F(SendQueueTest, Rfc9260_6_6_UnorderedUsesSsnZeroAndConsumesNone) {
  ASSERT_EQ(add(0, 10, ctx(1)), SendStatus::kOk);
  ASSERT_EQ(add(0, 300, ctx(2, true)), SendStatus::kOk);
  ASSERT_EQ(add(0, 10, ctx(3)), SendStatus::kOk);
  auto a = q.produce(200, kT0);
  auto b1 = q.produce(200, kT0);
  auto b2 = q.produce(200, kT0);
  auto c = q.produce(200, kT0);
  ASSERT_TRUE(a && b1 && b2 && c);
  EXPECT_EQ(a->ssn, Ssn(0));
  EXPECT_FALSE(a->unordered);
  EXPECT_TRUE(b1->unordered);  // §6.9: U on every fragment
  EXPECT_TRUE(b2->unordered);
  EXPECT_EQ(b1->ssn, Ssn(0));
  EXPECT_EQ(b2->ssn, Ssn(0));
  EXPECT_EQ(c->ssn, Ssn(1));
  EXPECT_EQ(c->context, 3u);
}

TEST_F(SendQueueTest, Rfc9260_6_5_InvalidStreamIsRejected) {
  EXPECT_EQ(add(3, 10), SendStatus::kInvalidStream);
  EXPECT_EQ(add(65535, 10), SendStatus::kInvalidStream);
  EXPECT_EQ(pool.live_buffers(), 0u);  // nothing copied
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(add(2, 10), SendStatus::kOk);
}

TEST_F(SendQueueTest, Rfc9260_6_2_EmptyMessageIsRejected) {
  EXPECT_EQ(add(0, 0), SendStatus::kEmptyMessage);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(pool.live_buffers(), 0u);
}

TEST(SendQueue, Rfc9260_6_1_BufferFullThenSpaceAfterProduce) {
  PayloadPool pool;
  SendQueue q(pool, 1, 1000);
  const auto msg600 = pattern(600);
  const auto msg400 = pattern(400);
  const auto msg401 = pattern(401);
  ASSERT_EQ(q.add(StreamId(0), kPpid, msg600, {}, kT0), SendStatus::kOk);
  EXPECT_EQ(q.add(StreamId(0), kPpid, msg401, {}, kT0), SendStatus::kBufferFull);
  EXPECT_EQ(q.queued_messages(), 1u);
  EXPECT_EQ(pool.live_buffers(), 1u);
  ASSERT_EQ(q.add(StreamId(0), kPpid, msg400, {}, kT0), SendStatus::kOk);  // exactly full
  EXPECT_EQ(q.queued_bytes(), 1000u);
  EXPECT_EQ(q.add(StreamId(0), kPpid, pattern(1), {}, kT0), SendStatus::kBufferFull);
  auto f = q.produce(1, kT0);  // one byte cut frees one byte of the limit
  ASSERT_TRUE(f);
  EXPECT_EQ(q.queued_bytes(), 999u);
  EXPECT_EQ(q.add(StreamId(0), kPpid, pattern(1), {}, kT0), SendStatus::kOk);
  // Larger than the whole buffer: can never be accepted.
  EXPECT_EQ(q.add(StreamId(0), kPpid, pattern(1001), {}, kT0), SendStatus::kMessageTooLarge);
}

TEST_F(SendQueueTest, Rfc6458_DisableFragmentsRejectsMessageLargerThanOneChunk) {
  const auto big = pattern(101);
  const auto fits = pattern(100);
  EXPECT_EQ(q.add(StreamId(0), kPpid, big, {}, kT0, true, 100), SendStatus::kMessageTooLarge);
  EXPECT_TRUE(q.empty());
  ASSERT_EQ(q.add(StreamId(0), kPpid, fits, {}, kT0, true, 100), SendStatus::kOk);
  // Without the flag the same message is simply fragmented later.
  EXPECT_EQ(q.add(StreamId(0), kPpid, big, {}, kT0, false, 100), SendStatus::kOk);
}

TEST_F(SendQueueTest, Rfc6458_UnfragmentableMessageWaitsForRoom) {
  ASSERT_EQ(q.add(StreamId(0), kPpid, pattern(100), ctx(1), kT0, true, 0), SendStatus::kOk);
  EXPECT_FALSE(q.produce(99, kT0));
  EXPECT_EQ(q.queued_bytes(), 100u);
  EXPECT_EQ(q.next_ssn(StreamId(0)), Ssn(0));  // no SSN consumed by the refusal
  auto f = q.produce(100, kT0);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->length, 100u);
  EXPECT_TRUE(f->beginning && f->ending);
}

TEST_F(SendQueueTest, Rfc3758_3_5_ExpiredUnsentMessageIsDropped) {
  SendOptions ttl = ctx(1);
  ttl.lifetime = 10ms;
  ttl.max_retransmits = 3;
  ASSERT_EQ(q.add(StreamId(0), kPpid, pattern(50), ttl, kT0), SendStatus::kOk);
  ASSERT_EQ(q.add(StreamId(0), kPpid, pattern(60), ctx(2), kT0), SendStatus::kOk);
  std::vector<Fragment> expired;
  auto f = q.produce(1000, kT0 + 10ms + 1us, [&](const Fragment& m) { expired.push_back(m); });
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0].context, 1u);
  EXPECT_EQ(expired[0].length, 50u);
  EXPECT_TRUE(expired[0].beginning && expired[0].ending);
  EXPECT_EQ(expired[0].expires, kT0 + 10ms);
  EXPECT_EQ(expired[0].max_retransmits, 3);
  EXPECT_EQ(q.expired_messages(), 1u);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->context, 2u);
  EXPECT_EQ(f->ssn, Ssn(0));  // the expired message never consumed an SSN
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.queued_bytes(), 0u);
}

TEST_F(SendQueueTest, Rfc3758_3_5_MessageAtItsDeadlineIsStillSent) {
  SendOptions ttl = ctx(1);
  ttl.lifetime = 10ms;
  ASSERT_EQ(q.add(StreamId(0), kPpid, pattern(50), ttl, kT0), SendStatus::kOk);
  auto f = q.produce(1000, kT0 + 10ms);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->expires, kT0 + 10ms);
  EXPECT_EQ(q.expired_messages(), 0u);
}

TEST_F(SendQueueTest, Rfc3758_3_5_AllExpiredLeavesNothing) {
  SendOptions ttl;
  ttl.lifetime = 0ms;
  for (uint16_t s = 0; s < 3; ++s) ASSERT_EQ(add(s, 20, ttl), SendStatus::kOk);
  EXPECT_FALSE(q.produce(1000, kT0 + 1us));
  EXPECT_EQ(q.expired_messages(), 3u);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(pool.live_buffers(), 0u);
}

TEST_F(SendQueueTest, Rfc3758_3_5_PartiallySentMessageIsFinishedAfterExpiry) {
  SendOptions ttl;
  ttl.lifetime = 1ms;
  ASSERT_EQ(add(0, 200, ttl), SendStatus::kOk);
  ASSERT_TRUE(q.produce(100, kT0));
  auto rest = q.produce(100, kT0 + 1s);  // abandoning sent data is the rtx queue's job
  ASSERT_TRUE(rest);
  EXPECT_TRUE(rest->ending);
  EXPECT_EQ(q.expired_messages(), 0u);
}

TEST_F(SendQueueTest, Rfc3758_3_5_DiscardRestOfAbandonedMessage) {
  ASSERT_EQ(add(0, 300, ctx(1)), SendStatus::kOk);
  ASSERT_EQ(add(0, 10, ctx(2)), SendStatus::kOk);
  auto first = q.produce(100, kT0);
  ASSERT_TRUE(first);
  EXPECT_EQ(q.queued_bytes(), 210u);
  EXPECT_TRUE(q.discard_rest_of(*first));
  EXPECT_FALSE(q.discard_rest_of(*first));  // nothing left the second time
  EXPECT_EQ(q.queued_bytes(), 10u);
  auto next = q.produce(100, kT0);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->context, 2u);
  EXPECT_EQ(next->ssn, Ssn(1));
  EXPECT_TRUE(next->beginning);
  // A fully cut message has no rest.
  EXPECT_FALSE(q.discard_rest_of(*next));
}

TEST_F(SendQueueTest, Rfc8260_3_1_FirstComeFirstServedAcrossThreeStreams) {
  const std::array<uint16_t, 7> streams = {2, 0, 1, 0, 2, 2, 1};
  for (uint32_t i = 0; i < streams.size(); ++i)
    ASSERT_EQ(add(streams[i], 10, ctx(i)), SendStatus::kOk);
  EXPECT_EQ(produce_all(), (std::vector<uint32_t>{0, 1, 2, 3, 4, 5, 6}));
}

TEST_F(SendQueueTest, Rfc8260_3_2_RoundRobinAcrossThreeStreams) {
  q.set_scheduler(SendQueue::Scheduler::kRoundRobin);
  EXPECT_EQ(q.scheduler(), SendQueue::Scheduler::kRoundRobin);
  // a1 a2 a3 on stream 0, then b1 b2 on 1, then c1 on 2.
  for (uint32_t i = 0; i < 3; ++i) ASSERT_EQ(add(0, 10, ctx(10 + i)), SendStatus::kOk);
  for (uint32_t i = 0; i < 2; ++i) ASSERT_EQ(add(1, 10, ctx(20 + i)), SendStatus::kOk);
  ASSERT_EQ(add(2, 10, ctx(30)), SendStatus::kOk);
  EXPECT_EQ(produce_all(), (std::vector<uint32_t>{10, 20, 30, 11, 21, 12}));
}

TEST_F(SendQueueTest, Rfc8260_3_2_StreamJoiningLateGoesToTheBack) {
  q.set_scheduler(SendQueue::Scheduler::kRoundRobin);
  ASSERT_EQ(add(0, 10, ctx(1)), SendStatus::kOk);
  ASSERT_EQ(add(0, 10, ctx(2)), SendStatus::kOk);
  ASSERT_EQ(add(1, 10, ctx(3)), SendStatus::kOk);
  ASSERT_EQ(q.produce(100, kT0)->context, 1u);  // stream 0 served, back of the rotation
  ASSERT_EQ(add(2, 10, ctx(4)), SendStatus::kOk);
  EXPECT_EQ(produce_all(), (std::vector<uint32_t>{3, 2, 4}));
}

TEST_F(SendQueueTest, Rfc8260_3_SwitchingSchedulerKeepsEveryMessage) {
  for (uint32_t i = 0; i < 3; ++i) ASSERT_EQ(add(0, 10, ctx(10 + i)), SendStatus::kOk);
  for (uint32_t i = 0; i < 3; ++i) ASSERT_EQ(add(1, 10, ctx(20 + i)), SendStatus::kOk);
  ASSERT_EQ(q.produce(100, kT0)->context, 10u);  // FCFS
  q.set_scheduler(SendQueue::Scheduler::kRoundRobin);
  EXPECT_EQ(q.produce(100, kT0)->context, 11u);  // oldest head first, then alternate
  EXPECT_EQ(q.produce(100, kT0)->context, 20u);
  q.set_scheduler(SendQueue::Scheduler::kFirstComeFirstServed);
  EXPECT_EQ(produce_all(), (std::vector<uint32_t>{12, 21, 22}));
}

TEST_F(SendQueueTest, Rfc6458_6_1_4_DrainReturnsEveryMessageExactlyOnce) {
  ASSERT_EQ(add(0, 300, ctx(1)), SendStatus::kOk);
  ASSERT_EQ(add(1, 20, ctx(2)), SendStatus::kOk);
  ASSERT_EQ(add(0, 30, ctx(3)), SendStatus::kOk);
  ASSERT_EQ(add(2, 40, ctx(4)), SendStatus::kOk);
  auto sent = q.produce(100, kT0);  // message 1 partially cut
  ASSERT_TRUE(sent);
  struct Failed {
    uint16_t stream;
    uint32_t context;
    bool partial;
    size_t size;
    uint8_t first;
  };
  std::vector<Failed> failed;
  q.drain([&](StreamId s, Ppid p, uint32_t c, bool partial, wire::ByteSpan d) {
    EXPECT_EQ(p, kPpid);
    failed.push_back({s.value(), c, partial, d.size(), static_cast<uint8_t>(d[0])});
  });
  ASSERT_EQ(failed.size(), 4u);
  EXPECT_EQ(failed[0].context, 1u);
  EXPECT_TRUE(failed[0].partial);
  EXPECT_EQ(failed[0].size, 200u);  // the part never cut
  EXPECT_EQ(failed[0].first, 100u);
  EXPECT_EQ(failed[1].context, 3u);
  EXPECT_FALSE(failed[1].partial);
  EXPECT_EQ(failed[1].size, 30u);
  EXPECT_EQ(failed[2].context, 2u);
  EXPECT_EQ(failed[2].stream, 1u);
  EXPECT_EQ(failed[3].context, 4u);
  EXPECT_EQ(failed[3].size, 40u);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.queued_bytes(), 0u);
  EXPECT_EQ(pool.live_buffers(), 1u);  // only the fragment still held by `sent`
  int calls = 0;
  q.drain([&](StreamId, Ppid, uint32_t, bool, wire::ByteSpan) { ++calls; });
  EXPECT_EQ(calls, 0);
  // The queue is usable again; the interrupted stream starts a fresh message.
  ASSERT_EQ(add(0, 10, ctx(5)), SendStatus::kOk);
  auto f = q.produce(100, kT0);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->beginning);
  EXPECT_EQ(f->ssn, Ssn(1));  // message 3 was drained before taking an SSN
}

TEST_F(SendQueueTest, Rfc6525_ResetSsnAndAddStreams) {
  for (int i = 0; i < 3; ++i) ASSERT_EQ(add(0, 10), SendStatus::kOk);
  produce_all();
  EXPECT_EQ(q.next_ssn(StreamId(0)), Ssn(3));
  q.reset_ssn(StreamId(0));
  q.reset_ssn(StreamId(999));  // ignored
  EXPECT_EQ(q.next_ssn(StreamId(0)), Ssn(0));
  EXPECT_EQ(add(4, 10), SendStatus::kInvalidStream);
  q.add_streams(2);
  EXPECT_EQ(q.outbound_streams(), 5);
  ASSERT_EQ(add(4, 10, ctx(9)), SendStatus::kOk);
  auto f = q.produce(100, kT0);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->stream, StreamId(4));
  EXPECT_EQ(f->ssn, Ssn(0));
  q.add_streams(65535);
  EXPECT_EQ(q.outbound_streams(), 65535);  // 16-bit stream count
  EXPECT_EQ(add(65534, 10), SendStatus::kOk);
}

// The stream table is created by the first add(): stream operations before it behave as
// if it existed (RFC 6525 §5.1.5 add streams, §5.1.2 SSN reset; RFC 9260 §6.5 SSN 0).
TEST_F(SendQueueTest, Rfc6525_StreamOperationsBeforeTheFirstMessage) {
  EXPECT_EQ(q.slot_capacity(), 0u);
  EXPECT_EQ(q.outbound_streams(), 3);
  EXPECT_EQ(q.next_ssn(StreamId(2)), Ssn(0));
  q.reset_ssn(StreamId(2));
  EXPECT_EQ(q.queued_messages(StreamId(2)), 0u);
  q.add_streams(2);
  EXPECT_EQ(q.outbound_streams(), 5);
  EXPECT_EQ(add(5, 10), SendStatus::kInvalidStream);
  ASSERT_EQ(add(4, 10, ctx(1)), SendStatus::kOk);
  ASSERT_EQ(add(0, 10, ctx(2)), SendStatus::kOk);
  EXPECT_EQ(q.queued_messages(StreamId(4)), 1u);
  EXPECT_EQ(produce_all(), (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(q.next_ssn(StreamId(4)), Ssn(1));
  EXPECT_EQ(q.next_ssn(StreamId(0)), Ssn(1));
}

TEST(SendQueue, Rfc3758_HugeLifetimeDoesNotOverflow) {
  PayloadPool pool;
  SendQueue q(pool, 1, 1000);
  SendOptions o;
  o.lifetime = Duration::max() - 1us;
  ASSERT_EQ(q.add(StreamId(0), kPpid, pattern(5), o, kT0), SendStatus::kOk);
  auto f = q.produce(100, kT0 + 1000s);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->expires, kNever);
}

TEST(SendQueue, Rfc9260_6_1_MillionCyclesDoNotLeakOrGrow) {
  PayloadPool pool;
  SendQueue q(pool, 3, 1 << 20);
  q.set_scheduler(SendQueue::Scheduler::kRoundRobin);
  const auto msg = pattern(700);
  for (uint16_t s = 0; s < 3; ++s) {  // a standing backlog of 2 messages per stream
    ASSERT_EQ(q.add(StreamId(s), kPpid, msg, {}, kT0), SendStatus::kOk);
    ASSERT_EQ(q.add(StreamId(s), kPpid, msg, {}, kT0), SendStatus::kOk);
  }
  std::array<std::optional<Fragment>, 32> in_flight;  // stands in for the rtx queue
  size_t slots = 0;
  size_t max_live = 0;
  for (uint32_t i = 0; i < 1000000; ++i) {
    ASSERT_EQ(q.add(StreamId(static_cast<uint16_t>(i % 3)), kPpid, msg, {}, kT0), SendStatus::kOk);
    for (int k = 0; k < 2; ++k) {  // 500 + 200: one whole message per cycle
      auto f = q.produce(500, kT0);
      ASSERT_TRUE(f);
      in_flight[(2 * i + static_cast<uint32_t>(k)) % in_flight.size()] = std::move(f);
    }
    ASSERT_EQ(q.queued_messages(), 6u);
    max_live = std::max(max_live, pool.live_buffers());
    if (i == 0) slots = q.slot_capacity();
    ASSERT_EQ(q.slot_capacity(), slots);
  }
  // 6 queued + at most 16 distinct messages behind the 32 in-flight fragments.
  EXPECT_LE(max_live, 6u + 16u + 1u);
  EXPECT_LE(pool.free_buffers(), 1u);  // the pool recycled instead of growing
  EXPECT_EQ(slots, 7u);
  for (auto& f : in_flight) f.reset();
  EXPECT_EQ(pool.live_buffers(), 6u);
  q.drain([](StreamId, Ppid, uint32_t, bool, wire::ByteSpan) {});
  EXPECT_EQ(pool.live_buffers(), 0u);
  EXPECT_TRUE(q.empty());
}

}  // namespace
}  // namespace dpsctp::core
