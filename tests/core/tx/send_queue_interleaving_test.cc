// SendQueue with RFC 8260 I-DATA interleaving (set_interleaving(true)): per-fragment
// scheduling, MID/FSN numbering; and that without it RFC 9260 §6.9 still holds.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/tx/send_queue.h"

namespace dpsctp::core {
namespace {

constexpr Instant kT0 = Instant(1000s);

std::vector<std::byte> bytes(size_t n, uint8_t seed) {
  std::vector<std::byte> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<std::byte>(static_cast<uint8_t>(i * 7 + seed));
  return v;
}

class SendQueueInterleavingTest : public ::testing::Test {
 protected:
  SendStatus add(uint16_t stream, size_t size, uint32_t ppid, bool unordered = false) {
    SendOptions o;
    o.unordered = unordered;
    o.context = ppid;
    return q.add(StreamId(stream), Ppid(ppid), bytes(size, static_cast<uint8_t>(ppid)), o, kT0);
  }
  /// Cuts everything in fragments of at most `max`; "s<stream>:<ppid>" per fragment.
  std::vector<std::string> cut_all(size_t max) {
    std::vector<std::string> out;
    while (auto f = q.produce(max, kT0)) {
      out.push_back("s" + std::to_string(f->stream.value()) + ":" +
                    std::to_string(f->ppid.value()));
      frags.push_back(*f);
    }
    return out;
  }

  PayloadPool pool;
  SendQueue q{pool, 4, 1 << 20};
  std::vector<Fragment> frags;
};

TEST_F(SendQueueInterleavingTest, Rfc8260_2_2_2_RoundRobinAlternatesFragmentsOfStreams) {
  q.set_interleaving(true);
  q.set_scheduler(SchedulerKind::kRoundRobin);
  ASSERT_EQ(add(1, 4000, 10), SendStatus::kOk);  // 4 fragments of 1000
  ASSERT_EQ(add(2, 100, 20), SendStatus::kOk);
  ASSERT_EQ(add(2, 100, 21), SendStatus::kOk);
  // The large message no longer holds the stream-2 messages back: one fragment each turn.
  EXPECT_EQ(cut_all(1000), (std::vector<std::string>{"s1:10", "s2:20", "s1:10", "s2:21",
                                                      "s1:10", "s1:10"}));
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.queued_bytes(), 0u);
}

TEST_F(SendQueueInterleavingTest, Rfc9260_6_9_WithoutIDataAMessageIsCutWhole) {
  q.set_scheduler(SchedulerKind::kRoundRobin);
  ASSERT_EQ(add(1, 4000, 10), SendStatus::kOk);
  ASSERT_EQ(add(2, 100, 20), SendStatus::kOk);
  ASSERT_EQ(add(2, 100, 21), SendStatus::kOk);
  // RFC 9260 §6.9: fragments of one message take consecutive TSNs: nothing in between.
  EXPECT_EQ(cut_all(1000), (std::vector<std::string>{"s1:10", "s1:10", "s1:10", "s1:10",
                                                      "s2:20", "s2:21"}));
}

TEST_F(SendQueueInterleavingTest, Rfc8260_2_1_MidPerStreamOrderedAndUnorderedApartFsnPerFragment) {
  q.set_interleaving(true);
  q.set_scheduler(SchedulerKind::kRoundRobin);
  ASSERT_EQ(add(1, 2500, 1), SendStatus::kOk);        // ordered MID 0, FSN 0..2
  ASSERT_EQ(add(1, 10, 2, true), SendStatus::kOk);    // unordered MID 0
  ASSERT_EQ(add(1, 10, 3), SendStatus::kOk);          // ordered MID 1
  ASSERT_EQ(add(1, 10, 4, true), SendStatus::kOk);    // unordered MID 1
  ASSERT_EQ(add(2, 10, 5), SendStatus::kOk);          // another stream: ordered MID 0
  (void)cut_all(1000);
  ASSERT_EQ(frags.size(), 7u);
  struct Want {
    uint32_t ppid, mid, fsn;
    bool b, e;
  };
  // A stream keeps one partially cut message: its next message waits for that one's end.
  const std::vector<Want> want = {{1, 0, 0, true, false}, {5, 0, 0, true, true},
                                  {1, 0, 1, false, false}, {1, 0, 2, false, true},
                                  {2, 0, 0, true, true},   {3, 1, 0, true, true},
                                  {4, 1, 0, true, true}};
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(frags[i].ppid.value(), want[i].ppid);  // every fragment knows its PPID
    EXPECT_EQ(frags[i].mid.value(), want[i].mid);
    EXPECT_EQ(frags[i].fsn.value(), want[i].fsn);
    EXPECT_EQ(frags[i].beginning, want[i].b);
    EXPECT_EQ(frags[i].ending, want[i].e);
  }
  EXPECT_EQ(q.next_mid(StreamId(1), false), Mid(2));
  EXPECT_EQ(q.next_mid(StreamId(1), true), Mid(2));
  EXPECT_EQ(q.next_mid(StreamId(2), false), Mid(1));
  EXPECT_EQ(q.next_mid(StreamId(2), true), Mid(0));
}

TEST_F(SendQueueInterleavingTest, Rfc8260_3_1_FcfsStillFinishesTheEarliestMessageFirst) {
  q.set_interleaving(true);  // FCFS is the default scheduler
  ASSERT_EQ(add(1, 3000, 10), SendStatus::kOk);
  ASSERT_EQ(add(2, 100, 20), SendStatus::kOk);
  EXPECT_EQ(cut_all(1000), (std::vector<std::string>{"s1:10", "s1:10", "s1:10", "s2:20"}));
}

TEST_F(SendQueueInterleavingTest, Rfc3758_3_5_DiscardRestOfOnePartialMessageAmongSeveral) {
  q.set_interleaving(true);
  q.set_scheduler(SchedulerKind::kRoundRobin);
  ASSERT_EQ(add(1, 3000, 10), SendStatus::kOk);
  ASSERT_EQ(add(2, 3000, 20), SendStatus::kOk);
  auto a = q.produce(1000, kT0);  // s1 FSN 0
  auto b = q.produce(1000, kT0);  // s2 FSN 0
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->stream, StreamId(1));
  ASSERT_EQ(b->stream, StreamId(2));
  // PR-SCTP abandoned stream 1's message: its rest goes, stream 2's partial one stays.
  EXPECT_TRUE(q.discard_rest_of(*a));
  EXPECT_FALSE(q.discard_rest_of(*a));  // nothing left of it
  EXPECT_EQ(q.queued_messages(StreamId(1)), 0u);
  EXPECT_EQ(q.queued_bytes(), 2000u);
  EXPECT_EQ(cut_all(1000), (std::vector<std::string>{"s2:20", "s2:20"}));
  ASSERT_EQ(add(1, 10, 11), SendStatus::kOk);  // the abandoned message used MID 0
  auto c = q.produce(1000, kT0);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->mid, Mid(1));
  EXPECT_TRUE(q.empty());
}

TEST_F(SendQueueInterleavingTest, Rfc6458_6_1_4_DrainReportsEveryPartialMessage) {
  q.set_interleaving(true);
  q.set_scheduler(SchedulerKind::kRoundRobin);
  ASSERT_EQ(add(1, 3000, 10), SendStatus::kOk);
  ASSERT_EQ(add(2, 3000, 20), SendStatus::kOk);
  ASSERT_EQ(add(3, 50, 30), SendStatus::kOk);
  ASSERT_TRUE(q.produce(1000, kT0));
  ASSERT_TRUE(q.produce(1000, kT0));
  std::vector<std::string> got;
  q.drain([&](StreamId s, Ppid p, uint32_t, bool partial, wire::ByteSpan data) {
    got.push_back(std::to_string(s.value()) + ":" + std::to_string(p.value()) + ":" +
                  (partial ? "partial:" : "whole:") + std::to_string(data.size()));
  });
  EXPECT_EQ(got, (std::vector<std::string>{"1:10:partial:2000", "2:20:partial:2000",
                                           "3:30:whole:50"}));
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.queued_bytes(), 0u);
}

}  // namespace
}  // namespace dpsctp::core
