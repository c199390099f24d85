// InterleavedReassemblyQueue: RFC 8260 §2.1 / §2.2.3 reassembly by (stream, U, MID) and
// FSN, ordered delivery by MID, §2.3.1 I-FORWARD-TSN, RFC 9260 §6.2 bounded buffering.
#include "core/rx/interleaved_reassembly_queue.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dpsctp::core {
namespace {

using AddResult = InterleavedReassemblyQueue::AddResult;
using Skipped = InterleavedReassemblyQueue::Skipped;

struct Got {
  uint16_t stream;
  uint32_t ppid;
  bool unordered;
  std::string data;
};

class InterleavedReassemblyQueueTest : public ::testing::Test {
 protected:
  explicit InterleavedReassemblyQueueTest(uint32_t max_bytes = 1 << 20) : q_(4, max_bytes) {}

  // One I-DATA chunk; flags as a string of B/E/U letters; `text` is its payload.
  AddResult add(uint32_t tsn, uint16_t stream, uint32_t mid, uint32_t fsn, const std::string& text,
                const char* flags, uint32_t ppid = 7, bool in_sequence = false) {
    const std::string f(flags);
    auto has = [&f](char c) { return f.find(c) != std::string::npos; };
    const auto* p = reinterpret_cast<const std::byte*>(text.data());
    return q_.add(Tsn(tsn), StreamId(stream), Mid(mid), Fsn(fsn), Ppid(ppid), has('U'), has('B'),
                  has('E'), wire::ByteSpan(p, text.size()),
                  [this](const DeliveredMessage& m) { record(m); }, in_sequence);
  }
  void forward(std::vector<Skipped> skipped) {
    q_.handle_forward_tsn(skipped, [this](const DeliveredMessage& m) { record(m); });
  }
  void record(const DeliveredMessage& m) {
    got_.push_back(Got{m.stream.value(), m.ppid.value(), m.unordered,
                       std::string(reinterpret_cast<const char*>(m.data.data()), m.data.size())});
  }
  std::vector<std::string> texts() const {
    std::vector<std::string> out;
    for (const Got& g : got_) out.push_back(g.data);
    return out;
  }

  InterleavedReassemblyQueue q_;
  std::vector<Got> got_;
};

TEST_F(InterleavedReassemblyQueueTest, Rfc8260_2_2_3_InterleavedMessagesOfTwoStreams) {
  // A large message on stream 1 with small ones of stream 2 between its fragments: the
  // small ones are delivered at once, the large one when its last fragment arrives.
  EXPECT_EQ(add(1, 1, 0, 0, "AA", "B", 51), AddResult::kQueued);
  EXPECT_EQ(add(2, 2, 0, 0, "x", "BE"), AddResult::kDelivered);
  EXPECT_EQ(add(3, 1, 0, 1, "BB", ""), AddResult::kQueued);
  EXPECT_EQ(add(4, 2, 1, 0, "y", "BE"), AddResult::kDelivered);
  EXPECT_EQ(add(5, 1, 0, 2, "CC", "E"), AddResult::kQueued);
  EXPECT_EQ(texts(), (std::vector<std::string>{"x", "y", "AABBCC"}));
  EXPECT_EQ(got_[2].ppid, 51u);  // §2.1: the PPID of the first fragment
  EXPECT_EQ(q_.buffered_bytes(), 0u);
  EXPECT_EQ(q_.queued_chunks(), 0u);
}

TEST_F(InterleavedReassemblyQueueTest, Rfc8260_2_1_OutOfOrderFragmentsAssembledByFsn) {
  EXPECT_EQ(add(13, 0, 0, 3, "d", "E"), AddResult::kQueued);
  EXPECT_EQ(add(11, 0, 0, 1, "b", ""), AddResult::kQueued);
  EXPECT_EQ(add(12, 0, 0, 2, "c", ""), AddResult::kQueued);
  EXPECT_TRUE(got_.empty());
  EXPECT_EQ(q_.buffered_bytes(), 3u);
  EXPECT_EQ(add(10, 0, 0, 0, "a", "B"), AddResult::kQueued);
  EXPECT_EQ(texts(), (std::vector<std::string>{"abcd"}));
  EXPECT_EQ(q_.buffered_bytes(), 0u);
}

TEST_F(InterleavedReassemblyQueueTest, Rfc8260_2_2_3_OrderedDeliveryByMid) {
  EXPECT_EQ(add(20, 3, 2, 0, "m2", "BE"), AddResult::kQueued);
  EXPECT_EQ(add(21, 3, 1, 1, "1b", "E"), AddResult::kQueued);
  EXPECT_EQ(add(22, 3, 0, 0, "m0", "BE"), AddResult::kQueued);  // unblocks MID 0 only
  EXPECT_EQ(texts(), (std::vector<std::string>{"m0"}));
  EXPECT_EQ(q_.next_expected_mid(StreamId(3)), Mid(1));
  EXPECT_EQ(add(23, 3, 1, 0, "1a", "B"), AddResult::kQueued);  // completes MID 1, then 2
  EXPECT_EQ(texts(), (std::vector<std::string>{"m0", "1a1b", "m2"}));
  EXPECT_EQ(q_.next_expected_mid(StreamId(3)), Mid(3));
}

TEST_F(InterleavedReassemblyQueueTest, Rfc8260_2_1_UnorderedMidsAreSeparateFromOrdered) {
  // Ordered MID 0 is incomplete; unordered MID 0 of the same stream is not blocked by it.
  EXPECT_EQ(add(30, 1, 0, 0, "o", "B"), AddResult::kQueued);
  EXPECT_EQ(add(31, 1, 0, 0, "u", "BU"), AddResult::kQueued);
  EXPECT_EQ(add(32, 1, 0, 1, "U", "EU"), AddResult::kQueued);
  ASSERT_EQ(got_.size(), 1u);
  EXPECT_EQ(got_[0].data, "uU");
  EXPECT_TRUE(got_[0].unordered);
  EXPECT_EQ(add(33, 1, 0, 1, "O", "E"), AddResult::kQueued);
  EXPECT_EQ(texts(), (std::vector<std::string>{"uU", "oO"}));
  EXPECT_FALSE(got_[1].unordered);
}

TEST_F(InterleavedReassemblyQueueTest, Rfc8260_2_1_MidWrapsFromMaxToZero) {
  // Deliver up to MID 0xFFFFFFFE, then 0xFFFFFFFF and 0 arrive in reverse order.
  EXPECT_EQ(add(40, 2, 0, 0, "z0", "BE"), AddResult::kDelivered);
  // Jump the counter near the end (serial arithmetic: less than 2^31 at a time).
  forward({Skipped{StreamId(2), false, Mid(0x7FFFFFFF)}});
  forward({Skipped{StreamId(2), false, Mid(0xFFFFFFFE)}});
  EXPECT_EQ(q_.next_expected_mid(StreamId(2)), Mid(0xFFFFFFFF));
  EXPECT_EQ(add(41, 2, 0, 0, "wrapped", "BE"), AddResult::kQueued);  // MID 0 after the wrap
  EXPECT_EQ(add(42, 2, 0xFFFFFFFF, 0, "last", "BE"), AddResult::kQueued);
  EXPECT_EQ(texts(), (std::vector<std::string>{"z0", "last", "wrapped"}));
  EXPECT_EQ(q_.next_expected_mid(StreamId(2)), Mid(1));
}

TEST_F(InterleavedReassemblyQueueTest, Rfc8260_2_1_DuplicateFragmentsIgnoredButAcknowledged) {
  EXPECT_EQ(add(50, 0, 0, 0, "a", "B"), AddResult::kQueued);
  EXPECT_EQ(add(50, 0, 0, 0, "a", "B"), AddResult::kQueued);  // same fragment again
  EXPECT_EQ(q_.queued_chunks(), 1u);
  EXPECT_EQ(q_.buffered_bytes(), 1u);
  EXPECT_EQ(add(51, 0, 0, 1, "b", "E"), AddResult::kQueued);
  EXPECT_EQ(texts(), (std::vector<std::string>{"ab"}));
  // A fragment of an ordered message delivered already: ignored, nothing queued.
  EXPECT_EQ(add(51, 0, 0, 1, "b", "E"), AddResult::kQueued);
  EXPECT_EQ(q_.queued_chunks(), 0u);
  EXPECT_EQ(got_.size(), 1u);
}

TEST_F(InterleavedReassemblyQueueTest, Rfc8260_2_1_GapOrSecondBeginningIsNotComplete) {
  EXPECT_EQ(add(60, 1, 0, 0, "a", "B"), AddResult::kQueued);
  EXPECT_EQ(add(62, 1, 0, 2, "c", "E"), AddResult::kQueued);  // FSN 1 missing
  EXPECT_TRUE(got_.empty());
  EXPECT_EQ(add(61, 1, 0, 1, "b", "B"), AddResult::kQueued);  // malformed: B on FSN 1
  EXPECT_TRUE(got_.empty());
  EXPECT_EQ(q_.queued_chunks(), 3u);
}

TEST_F(InterleavedReassemblyQueueTest, Rfc9260_6_5_InvalidStream) {
  EXPECT_EQ(add(70, 4, 0, 0, "a", "BE"), AddResult::kInvalidStream);
  EXPECT_TRUE(got_.empty());
}

TEST_F(InterleavedReassemblyQueueTest, Rfc8260_2_3_1_IForwardTsnSkipsOrderedAndUnordered) {
  EXPECT_EQ(add(80, 1, 0, 0, "lost-head", "B"), AddResult::kQueued);  // ordered MID 0, abandoned
  EXPECT_EQ(add(81, 1, 1, 0, "next", "BE"), AddResult::kQueued);      // waits for MID 0
  EXPECT_EQ(add(82, 2, 5, 0, "u-part", "BU"), AddResult::kQueued);    // unordered, abandoned
  EXPECT_EQ(add(83, 2, 6, 0, "u-keep", "BU"), AddResult::kQueued);    // unordered, not listed
  EXPECT_TRUE(got_.empty());
  forward({Skipped{StreamId(1), false, Mid(0)}, Skipped{StreamId(2), true, Mid(5)},
           Skipped{StreamId(9), false, Mid(3)}});  // an unknown stream is ignored
  EXPECT_EQ(texts(), (std::vector<std::string>{"next"}));
  EXPECT_EQ(q_.next_expected_mid(StreamId(1)), Mid(2));
  EXPECT_EQ(q_.queued_chunks(), 1u);  // u-keep's first fragment
  EXPECT_EQ(q_.buffered_bytes(), 6u);
  // An older skip does not move the expected MID back.
  forward({Skipped{StreamId(1), false, Mid(0)}});
  EXPECT_EQ(q_.next_expected_mid(StreamId(1)), Mid(2));
}

TEST_F(InterleavedReassemblyQueueTest, Rfc8260_2_3_1_CompleteMessagesUpToTheSkippedMidStillGo) {
  // As RFC 3758 §3.6 by SSN: MIDs 1 and 3 are complete, 0 and 2 are not; skipping up to
  // MID 2 abandons 0 and 2 and delivers 1, then 3, in MID order.
  EXPECT_EQ(add(90, 0, 0, 0, "m0", "B"), AddResult::kQueued);
  EXPECT_EQ(add(91, 0, 1, 0, "m1", "BE"), AddResult::kQueued);
  EXPECT_EQ(add(92, 0, 2, 1, "m2", "E"), AddResult::kQueued);
  EXPECT_EQ(add(93, 0, 3, 0, "m3", "BE"), AddResult::kQueued);
  EXPECT_TRUE(got_.empty());
  forward({Skipped{StreamId(0), false, Mid(2)}});
  EXPECT_EQ(texts(), (std::vector<std::string>{"m1", "m3"}));
  EXPECT_EQ(q_.next_expected_mid(StreamId(0)), Mid(4));
  EXPECT_EQ(q_.queued_chunks(), 0u);
  EXPECT_EQ(q_.buffered_bytes(), 0u);
  forward({Skipped{StreamId(0), false, Mid(2)}});  // the same entry again: no change
  EXPECT_EQ(q_.next_expected_mid(StreamId(0)), Mid(4));
  EXPECT_EQ(got_.size(), 2u);
}

class InterleavedReassemblyLimitTest : public InterleavedReassemblyQueueTest {
 protected:
  InterleavedReassemblyLimitTest() : InterleavedReassemblyQueueTest(10) {}
};

TEST_F(InterleavedReassemblyLimitTest, Rfc9260_6_2_OverTheWindowOnlyProgressIsTaken) {
  EXPECT_EQ(add(1, 0, 0, 0, "12345678", "B"), AddResult::kQueued);
  // Over the limit, not in sequence, completing nothing: refused, nothing kept.
  EXPECT_EQ(add(5, 1, 0, 0, "abcdef", "B"), AddResult::kNoSpace);
  EXPECT_EQ(q_.buffered_bytes(), 8u);
  EXPECT_EQ(q_.queued_chunks(), 1u);
  // Completing a deliverable message is taken even over the limit: it leaves at once.
  EXPECT_EQ(add(3, 0, 0, 1, "9abc", "E"), AddResult::kQueued);
  EXPECT_EQ(texts(), (std::vector<std::string>{"123456789abc"}));
  EXPECT_EQ(q_.buffered_bytes(), 0u);
  // The next TSN in sequence is taken up to twice the limit.
  EXPECT_EQ(add(2, 2, 0, 0, "0123456789ABCDE", "B", 7, true), AddResult::kQueued);
  EXPECT_EQ(add(4, 2, 0, 1, "FGHIJK", "", 7, true), AddResult::kNoSpace);  // 21 > 2 * 10
}

}  // namespace
}  // namespace dpsctp::core
