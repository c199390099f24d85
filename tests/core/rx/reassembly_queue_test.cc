#include "core/rx/reassembly_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/rx/data_tracker.h"

namespace dpsctp::core {
namespace {

using AddResult = ReassemblyQueue::AddResult;
using Skipped = std::pair<StreamId, Ssn>;

struct Got {
  uint16_t stream;
  uint16_t ssn;
  uint32_t ppid;
  uint32_t tsn;
  bool unordered;
  std::vector<std::byte> data;
  const std::byte* ptr;  // where the span pointed: zero-copy checks
};

std::vector<std::byte> bytes(std::initializer_list<int> v) {
  std::vector<std::byte> out;
  for (int x : v) out.push_back(static_cast<std::byte>(x));
  return out;
}

class ReassemblyQueueTest : public ::testing::Test {
 protected:
  explicit ReassemblyQueueTest(uint32_t max_bytes = 1 << 20) : q_(4, max_bytes) {}

  // Adds one chunk; flags as a string of B/E/U letters.
  AddResult add(uint32_t tsn, uint16_t stream, uint16_t ssn, const std::vector<std::byte>& data,
                const char* flags = "BE", uint32_t ppid = 7) {
    const std::string f(flags);
    auto has = [&f](char c) { return f.find(c) != std::string::npos; };
    return q_.add(Tsn(tsn), StreamId(stream), Ssn(ssn), Ppid(ppid), has('U'), has('B'), has('E'),
                  data, [this](const DeliveredMessage& m) { record(m); });
  }
  void forward(uint32_t new_cum, std::vector<Skipped> skipped) {
    q_.handle_forward_tsn(Tsn(new_cum), skipped, [this](const DeliveredMessage& m) { record(m); });
  }
  void record(const DeliveredMessage& m) {
    got_.push_back(Got{m.stream.value(), m.ssn.value(), m.ppid.value(), m.tsn.value(), m.unordered,
                       std::vector<std::byte>(m.data.begin(), m.data.end()), m.data.data()});
  }

  ReassemblyQueue q_;
  std::vector<Got> got_;
};

class ReassemblyQueueSmallTest : public ReassemblyQueueTest {
 protected:
  ReassemblyQueueSmallTest() : ReassemblyQueueTest(100) {}
};

TEST_F(ReassemblyQueueTest, Rfc9260_6_6_UnorderedSingleFragmentZeroCopy) {
  const auto d = bytes({1, 2, 3});
  EXPECT_EQ(add(10, 1, 0, d, "BEU", 42), AddResult::kDelivered);
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_EQ(got_[0].ptr, d.data());
  EXPECT_EQ(got_[0].data, d);
  EXPECT_EQ(got_[0].stream, 1);
  EXPECT_EQ(got_[0].ppid, 42u);
  EXPECT_EQ(got_[0].tsn, 10u);
  EXPECT_TRUE(got_[0].unordered);
  EXPECT_EQ(q_.buffered_bytes(), 0u);
  EXPECT_EQ(q_.next_expected_ssn(StreamId(1)), Ssn(0));  // unordered leaves SSNs alone
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_5_OrderedNextSsnZeroCopy) {
  const auto d = bytes({9});
  EXPECT_EQ(add(10, 2, 0, d), AddResult::kDelivered);
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_EQ(got_[0].ptr, d.data());
  EXPECT_FALSE(got_[0].unordered);
  EXPECT_EQ(q_.next_expected_ssn(StreamId(2)), Ssn(1));
  EXPECT_EQ(q_.queued_chunks(), 0u);
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_5_OrderedOutOfOrderWaitsForSsn) {
  EXPECT_EQ(add(12, 0, 2, bytes({2})), AddResult::kQueued);
  EXPECT_EQ(add(11, 0, 1, bytes({1})), AddResult::kQueued);
  EXPECT_TRUE(got_.empty());
  EXPECT_EQ(q_.buffered_bytes(), 2u);
  // SSN 0 is next, but the stream has queued chunks: copied, then all three in order.
  EXPECT_EQ(add(10, 0, 0, bytes({0})), AddResult::kQueued);
  ASSERT_EQ(got_.size(), 3u);
  for (uint16_t i = 0; i < 3; ++i) {
    EXPECT_EQ(got_[i].ssn, i);
    EXPECT_EQ(got_[i].data, bytes({i}));
    EXPECT_EQ(got_[i].tsn, 10u + i);
  }
  EXPECT_EQ(q_.buffered_bytes(), 0u);
  EXPECT_EQ(q_.queued_chunks(), 0u);
  EXPECT_EQ(q_.next_expected_ssn(StreamId(0)), Ssn(3));
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_5_StreamsAreIndependent) {
  EXPECT_EQ(add(10, 0, 1, bytes({1})), AddResult::kQueued);  // stream 0 blocked on SSN 0
  EXPECT_EQ(add(11, 1, 0, bytes({2})), AddResult::kDelivered);
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_EQ(got_[0].stream, 1);
  EXPECT_EQ(q_.next_expected_ssn(StreamId(0)), Ssn(0));
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_9_FragmentsInReverseOrder) {
  EXPECT_EQ(add(22, 3, 0, bytes({5, 6}), "E", 1), AddResult::kQueued);
  EXPECT_EQ(add(21, 3, 0, bytes({3, 4}), "", 1), AddResult::kQueued);
  EXPECT_TRUE(got_.empty());
  EXPECT_EQ(add(20, 3, 0, bytes({1, 2}), "B", 99), AddResult::kQueued);
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_EQ(got_[0].data, bytes({1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(got_[0].ppid, 99u);  // from the first fragment
  EXPECT_EQ(got_[0].tsn, 22u);   // the last fragment's
  EXPECT_EQ(q_.buffered_bytes(), 0u);
  EXPECT_EQ(q_.next_expected_ssn(StreamId(3)), Ssn(1));
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_9_UnorderedRunsByConsecutiveTsn) {
  // Two unordered messages on one stream: TSN 10-12 and 13-14.
  EXPECT_EQ(add(14, 0, 0, bytes({14}), "EU"), AddResult::kQueued);
  EXPECT_EQ(add(11, 0, 0, bytes({11}), "U"), AddResult::kQueued);
  EXPECT_EQ(add(13, 0, 0, bytes({13}), "BU"), AddResult::kQueued);
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_EQ(got_[0].data, bytes({13, 14}));
  EXPECT_TRUE(got_[0].unordered);
  EXPECT_EQ(add(12, 0, 0, bytes({12}), "EU"), AddResult::kQueued);
  EXPECT_EQ(got_.size(), 1u);
  EXPECT_EQ(add(10, 0, 0, bytes({10}), "BU"), AddResult::kQueued);
  ASSERT_EQ(got_.size(), 2u);
  EXPECT_EQ(got_[1].data, bytes({10, 11, 12}));
  EXPECT_EQ(q_.queued_chunks(), 0u);
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_9_MismatchedNeighboursDoNotJoin) {
  // Consecutive TSNs from different streams / SSNs are different messages.
  EXPECT_EQ(add(10, 0, 0, bytes({1}), "B"), AddResult::kQueued);
  EXPECT_EQ(add(11, 1, 0, bytes({2}), "E"), AddResult::kQueued);
  EXPECT_EQ(add(12, 2, 0, bytes({3}), "BU"), AddResult::kQueued);
  EXPECT_EQ(add(13, 2, 0, bytes({4}), "E"), AddResult::kQueued);  // ordered vs unordered
  EXPECT_TRUE(got_.empty());
  EXPECT_EQ(q_.queued_chunks(), 4u);
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_9_UnorderedFragmentedAssembledCopy) {
  const auto a = bytes({1});
  const auto b = bytes({2});
  EXPECT_EQ(add(5, 0, 0, a, "BU"), AddResult::kQueued);
  EXPECT_EQ(add(6, 0, 0, b, "EU"), AddResult::kQueued);
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_NE(got_[0].ptr, a.data());
  EXPECT_EQ(got_[0].data, bytes({1, 2}));
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_5_SsnWrapsAt65536) {
  // Serial arithmetic: 65534 is *behind* SSN 0, so get there in two steps.
  forward(100, {{StreamId(1), Ssn(65534)}});
  EXPECT_EQ(q_.next_expected_ssn(StreamId(1)), Ssn(0));
  forward(100, {{StreamId(1), Ssn(20000)}});
  forward(100, {{StreamId(1), Ssn(40000)}});
  forward(100, {{StreamId(1), Ssn(65534)}});
  EXPECT_EQ(q_.next_expected_ssn(StreamId(1)), Ssn(65535));
  EXPECT_EQ(add(102, 1, 0, bytes({2})), AddResult::kQueued);
  EXPECT_EQ(add(101, 1, 65535, bytes({1})), AddResult::kQueued);
  ASSERT_EQ(got_.size(), 2u);
  EXPECT_EQ(got_[0].ssn, 65535);
  EXPECT_EQ(got_[1].ssn, 0);
  EXPECT_EQ(q_.next_expected_ssn(StreamId(1)), Ssn(1));
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_5_SsnWrapViaFastPath) {
  for (uint32_t i = 0; i < 65537; ++i) {
    ASSERT_EQ(add(i, 0, static_cast<uint16_t>(i), bytes({1})), AddResult::kDelivered);
  }
  EXPECT_EQ(q_.next_expected_ssn(StreamId(0)), Ssn(1));
  EXPECT_EQ(got_.size(), 65537u);
}

TEST_F(ReassemblyQueueTest, Rfc9260_1_6_FragmentsAcrossTsnWrap) {
  EXPECT_EQ(add(1, 0, 0, bytes({3}), "E"), AddResult::kQueued);
  EXPECT_EQ(add(0xFFFFFFFF, 0, 0, bytes({1}), "B"), AddResult::kQueued);
  EXPECT_EQ(add(0, 0, 0, bytes({2}), ""), AddResult::kQueued);
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_EQ(got_[0].data, bytes({1, 2, 3}));
  EXPECT_EQ(got_[0].tsn, 1u);
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_2_DuplicateFragmentIgnored) {
  EXPECT_EQ(add(10, 0, 0, bytes({1, 1}), "B"), AddResult::kQueued);
  EXPECT_EQ(add(10, 0, 0, bytes({1, 1}), "B"), AddResult::kQueued);
  EXPECT_EQ(q_.buffered_bytes(), 2u);
  EXPECT_EQ(q_.queued_chunks(), 1u);
  EXPECT_EQ(add(11, 0, 0, bytes({2}), "E"), AddResult::kQueued);
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_EQ(got_[0].data, bytes({1, 1, 2}));
  // Late duplicates of a delivered ordered message: stale SSN, ignored.
  EXPECT_EQ(add(11, 0, 0, bytes({2}), "E"), AddResult::kQueued);
  EXPECT_EQ(add(10, 0, 0, bytes({1, 1}), "BE"), AddResult::kQueued);
  EXPECT_EQ(got_.size(), 1u);
  EXPECT_EQ(q_.queued_chunks(), 0u);
  EXPECT_EQ(q_.buffered_bytes(), 0u);
}

TEST_F(ReassemblyQueueTest, Rfc9260_6_5_InvalidStream) {
  EXPECT_EQ(add(10, 4, 0, bytes({1})), AddResult::kInvalidStream);
  EXPECT_EQ(add(10, 65535, 0, bytes({1}), "BU"), AddResult::kInvalidStream);
  EXPECT_TRUE(got_.empty());
  EXPECT_EQ(q_.queued_chunks(), 0u);
  EXPECT_EQ(q_.next_expected_ssn(StreamId(4)), Ssn(0));
}

TEST(ReassemblyQueue, Rfc9260_6_5_NoStreamsMeansEveryStreamInvalid) {
  ReassemblyQueue q(0, 1000);
  const auto d = bytes({1});
  EXPECT_EQ(q.add(Tsn(1), StreamId(0), Ssn(0), Ppid(0), false, true, true, d,
                  [](const DeliveredMessage&) { FAIL(); }),
            AddResult::kInvalidStream);
}

TEST_F(ReassemblyQueueSmallTest, Rfc9260_6_2_BufferLimitRefusesAndChangesNothing) {
  const std::vector<std::byte> sixty(60, std::byte{6});
  EXPECT_EQ(add(10, 0, 0, sixty, "B"), AddResult::kQueued);
  EXPECT_EQ(add(20, 1, 0, sixty, "B"), AddResult::kNoSpace);
  EXPECT_EQ(q_.buffered_bytes(), 60u);
  EXPECT_EQ(q_.queued_chunks(), 1u);
  // A chunk exactly reaching the limit is fine.
  EXPECT_EQ(add(30, 1, 0, std::vector<std::byte>(40, std::byte{4}), "B"), AddResult::kQueued);
  EXPECT_EQ(q_.buffered_bytes(), 100u);
  // Over the limit, but it completes the deliverable message at TSN 10: accepted.
  EXPECT_EQ(add(11, 0, 0, sixty, "E"), AddResult::kQueued);
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_EQ(got_[0].data.size(), 120u);
  EXPECT_EQ(q_.buffered_bytes(), 40u);
}

TEST_F(ReassemblyQueueSmallTest, Rfc9260_6_2_CompletingButBlockedChunkRefused) {
  const std::vector<std::byte> sixty(60, std::byte{6});
  EXPECT_EQ(add(10, 0, 1, sixty, "B"), AddResult::kQueued);  // SSN 1: not deliverable yet
  EXPECT_EQ(add(11, 0, 1, sixty, "E"), AddResult::kNoSpace);
  EXPECT_EQ(q_.buffered_bytes(), 60u);
  EXPECT_TRUE(got_.empty());
}

TEST_F(ReassemblyQueueSmallTest, Rfc9260_6_2_FastPathNeedsNoBuffer) {
  const std::vector<std::byte> big(500, std::byte{1});
  EXPECT_EQ(add(10, 0, 0, big), AddResult::kDelivered);
  EXPECT_EQ(add(11, 0, 0, big, "BEU"), AddResult::kDelivered);
}

TEST_F(ReassemblyQueueTest, Rfc3758_3_6_ForwardTsnDropsAbandonedFragments) {
  EXPECT_EQ(add(10, 0, 0, bytes({1}), "BU"), AddResult::kQueued);
  EXPECT_EQ(add(12, 1, 0, bytes({2}), "B"), AddResult::kQueued);
  EXPECT_EQ(add(15, 0, 0, bytes({3}), "BU"), AddResult::kQueued);  // beyond the new cum
  EXPECT_EQ(q_.buffered_bytes(), 3u);
  forward(13, {{StreamId(1), Ssn(0)}});
  EXPECT_TRUE(got_.empty());
  EXPECT_EQ(q_.queued_chunks(), 1u);
  EXPECT_EQ(q_.buffered_bytes(), 1u);
  EXPECT_EQ(q_.next_expected_ssn(StreamId(1)), Ssn(1));
  EXPECT_EQ(q_.next_expected_ssn(StreamId(0)), Ssn(0));
}

TEST_F(ReassemblyQueueTest, Rfc3758_3_6_SkippedSsnUnblocksQueuedMessages) {
  // SSN 0 (TSN 10, 11) abandoned; SSN 1 and 2 complete but waiting.
  EXPECT_EQ(add(10, 2, 0, bytes({0}), "B"), AddResult::kQueued);
  EXPECT_EQ(add(12, 2, 1, bytes({1})), AddResult::kQueued);
  EXPECT_EQ(add(14, 2, 2, bytes({2})), AddResult::kQueued);
  forward(13, {{StreamId(2), Ssn(0)}, {StreamId(9), Ssn(5)}});
  ASSERT_EQ(got_.size(), 2u);  // SSN 1 at TSN 12 <= new cum is complete: kept, delivered
  EXPECT_EQ(got_[0].ssn, 1);
  EXPECT_EQ(got_[1].ssn, 2);
  EXPECT_EQ(q_.next_expected_ssn(StreamId(2)), Ssn(3));
  EXPECT_EQ(q_.queued_chunks(), 0u);
  EXPECT_EQ(q_.buffered_bytes(), 0u);
}

TEST_F(ReassemblyQueueTest, Rfc3758_3_6_SkippedSsnBehindNextIsIgnored) {
  EXPECT_EQ(add(10, 0, 0, bytes({0})), AddResult::kDelivered);
  EXPECT_EQ(add(11, 0, 1, bytes({1})), AddResult::kDelivered);
  forward(11, {{StreamId(0), Ssn(0)}});
  EXPECT_EQ(q_.next_expected_ssn(StreamId(0)), Ssn(2));
}

// --- Randomized: 10,000 messages, 10 streams, fragments <= 1200 B, random order, dups ---

struct TestChunk {
  Tsn tsn;
  uint16_t stream;
  uint16_t ssn;
  uint32_t msg;
  bool unordered, beginning, ending;
  uint32_t offset, length;
};

struct TestMessage {
  uint16_t stream;
  uint16_t ssn;
  bool unordered;
  uint32_t last_tsn;
  std::vector<std::byte> data;
};

constexpr uint32_t kMessages = 10000;
constexpr uint16_t kStreams = 10;

struct Workload {
  std::vector<TestMessage> msgs;
  std::vector<TestChunk> chunks;  // in TSN order
  std::array<uint16_t, kStreams> next_ssn{};
};

// Random messages of 1..5000 B on 10 streams, a third unordered, cut into <= 1200 B
// fragments with consecutive TSNs starting just below the 2^32 wrap.
Workload make_workload(std::mt19937& rng) {
  constexpr uint32_t kFragment = 1200;
  Workload w;
  Tsn tsn(0xFFFFC000);
  for (uint32_t id = 0; id < kMessages; ++id) {
    TestMessage m;
    m.stream = static_cast<uint16_t>(rng() % kStreams);
    m.unordered = rng() % 3 == 0;
    m.ssn = m.unordered ? 0 : w.next_ssn[m.stream]++;
    m.data.resize(1 + rng() % 5000);
    uint32_t x = 0;
    for (size_t i = 0; i < m.data.size(); ++i) {
      if (i % 4 == 0) x = static_cast<uint32_t>(rng());
      m.data[i] = static_cast<std::byte>(x >> (8 * (i % 4)));
    }
    const auto size = static_cast<uint32_t>(m.data.size());
    for (uint32_t off = 0; off < size; off += kFragment) {
      const uint32_t len = std::min(kFragment, size - off);
      w.chunks.push_back(
          {tsn, m.stream, m.ssn, id, m.unordered, off == 0, off + len == size, off, len});
      m.last_tsn = tsn.value();
      tsn = tsn.next();
    }
    w.msgs.push_back(std::move(m));
  }
  return w;
}

// Checks every delivery against the workload: byte-exact, once, ordered in SSN order.
class DeliveryChecker {
 public:
  explicit DeliveryChecker(const Workload& w) : w_(w), delivered_(kMessages, 0) {
    last_ssn_.fill(-1);
    for (uint32_t id = 0; id < kMessages; ++id) by_last_tsn_[w.msgs[id].last_tsn] = id;
  }
  void operator()(const DeliveredMessage& d) {
    auto it = by_last_tsn_.find(d.tsn.value());
    ASSERT_NE(it, by_last_tsn_.end());
    const TestMessage& m = w_.msgs[it->second];
    ++delivered_[it->second];
    EXPECT_EQ(d.ppid, Ppid(it->second));
    EXPECT_EQ(d.stream.value(), m.stream);
    EXPECT_EQ(d.unordered, m.unordered);
    ASSERT_EQ(d.data.size(), m.data.size());
    EXPECT_EQ(std::memcmp(d.data.data(), m.data.data(), m.data.size()), 0);
    if (!m.unordered) {
      EXPECT_EQ(d.ssn.value(), m.ssn);
      EXPECT_EQ(static_cast<int>(m.ssn), last_ssn_[m.stream] + 1);
      last_ssn_[m.stream] = m.ssn;
    }
  }
  [[nodiscard]] int delivered(uint32_t id) const { return delivered_[id]; }

 private:
  const Workload& w_;
  std::vector<int> delivered_;
  std::array<int, kStreams> last_ssn_{};
  std::unordered_map<uint32_t, uint32_t> by_last_tsn_;
};

TEST(ReassemblyQueue, Rfc9260_6_9_RandomizedReassemblyAndOrdering) {
  std::mt19937 rng(20240611);
  const Workload w = make_workload(rng);
  std::vector<TestChunk> feed = w.chunks;
  for (size_t i = 0; i < w.chunks.size() / 20; ++i)
    feed.push_back(w.chunks[rng() % w.chunks.size()]);
  std::shuffle(feed.begin(), feed.end(), rng);

  ReassemblyQueue q(kStreams, 64 << 20);
  DataTracker tracker(w.chunks.front().tsn, AssociationOptions{});
  DeliveryChecker check(w);
  // The tracker filters duplicates as in the association; what it cannot hold yet (too
  // many gaps) is "retransmitted" in a later round, like a peer would.
  size_t rounds = 0;
  while (!feed.empty() && ++rounds < 1000) {
    std::vector<TestChunk> retransmit;
    for (const TestChunk& c : feed) {
      if (!tracker.is_new(c.tsn)) {
        if (tracker.observe_tsn(c.tsn, false) == DataTracker::Observation::kRejected) {
          retransmit.push_back(c);
        }
        continue;
      }
      const auto payload =
          std::span<const std::byte>(w.msgs[c.msg].data).subspan(c.offset, c.length);
      const AddResult r = q.add(c.tsn, StreamId(c.stream), Ssn(c.ssn), Ppid(c.msg), c.unordered,
                                c.beginning, c.ending, payload, check);
      ASSERT_TRUE(r == AddResult::kDelivered || r == AddResult::kQueued);
      ASSERT_TRUE(tracker.observe(c.tsn, false));
    }
    feed = std::move(retransmit);
  }
  ASSERT_TRUE(feed.empty());
  for (uint32_t id = 0; id < kMessages; ++id) ASSERT_EQ(check.delivered(id), 1) << "message " << id;
  EXPECT_EQ(q.queued_chunks(), 0u);
  EXPECT_EQ(q.buffered_bytes(), 0u);
  EXPECT_EQ(tracker.cumulative_tsn_ack(), w.chunks.back().tsn);
  EXPECT_EQ(tracker.gap_block_count(), 0u);
  for (uint16_t s = 0; s < kStreams; ++s) {
    EXPECT_EQ(q.next_expected_ssn(StreamId(s)), Ssn(w.next_ssn[s]));
  }
}

}  // namespace
}  // namespace dpsctp::core
