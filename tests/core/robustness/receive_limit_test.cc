// The receive-side limit of the ReassemblyQueue (RFC 9260 §6.2): out-of-order DATA past
// max_buffered_bytes is refused, the next TSN in sequence is taken up to twice the limit
// (refusing it would stall the association for good), and nothing beyond that.
#include <gtest/gtest.h>

#include <vector>

#include "core/rx/reassembly_queue.h"

namespace dpsctp::core {
namespace {

using Result = ReassemblyQueue::AddResult;

TEST(ReceiveLimit, Rfc9260_6_2_InSequenceFragmentsPassTheLimitUpToTwiceIt) {
  ReassemblyQueue q(1, 1000);
  std::vector<std::byte> part(400, std::byte{7});
  int delivered = 0;
  auto deliver = [&](const DeliveredMessage& m) {
    ++delivered;
    EXPECT_EQ(m.data.size(), 400u * 5);
  };
  // One message in fragments of 400 bytes (B ... E); all but the last arrive in sequence.
  EXPECT_EQ(q.add(Tsn(1), StreamId(0), Ssn(0), Ppid(1), false, true, false, part, deliver, true),
            Result::kQueued);
  EXPECT_EQ(q.add(Tsn(2), StreamId(0), Ssn(0), Ppid(1), false, false, false, part, deliver, true),
            Result::kQueued);
  // 1200 > 1000: an out-of-order fragment would be refused here...
  EXPECT_EQ(q.add(Tsn(4), StreamId(0), Ssn(0), Ppid(1), false, false, false, part, deliver, false),
            Result::kNoSpace);
  // ...the next in sequence is taken (up to 2000 bytes held)...
  EXPECT_EQ(q.add(Tsn(3), StreamId(0), Ssn(0), Ppid(1), false, false, false, part, deliver, true),
            Result::kQueued);
  EXPECT_EQ(q.add(Tsn(4), StreamId(0), Ssn(0), Ppid(1), false, false, false, part, deliver, true),
            Result::kQueued);
  EXPECT_EQ(q.buffered_bytes(), 1600u);
  // ...and the one completing the message too (it leaves the buffer at once).
  EXPECT_EQ(q.add(Tsn(5), StreamId(0), Ssn(0), Ppid(1), false, false, true, part, deliver, true),
            Result::kQueued);
  EXPECT_EQ(delivered, 1);
  EXPECT_EQ(q.buffered_bytes(), 0u);
}

TEST(ReceiveLimit, Rfc9260_6_2_NothingBeyondTwiceTheLimit) {
  ReassemblyQueue q(1, 1000);
  std::vector<std::byte> part(400, std::byte{1});
  auto deliver = [](const DeliveredMessage&) { ADD_FAILURE() << "never complete"; };
  uint32_t tsn = 1;
  EXPECT_EQ(q.add(Tsn(tsn++), StreamId(0), Ssn(0), Ppid(1), false, true, false, part, deliver,
                  true),
            Result::kQueued);
  Result r = Result::kQueued;
  while (r == Result::kQueued && tsn < 20) {
    r = q.add(Tsn(tsn++), StreamId(0), Ssn(0), Ppid(1), false, false, false, part, deliver, true);
  }
  EXPECT_EQ(r, Result::kNoSpace);
  EXPECT_LE(q.buffered_bytes(), 2000u + 400u);
  EXPECT_GE(q.buffered_bytes(), 2000u);
}

}  // namespace
}  // namespace dpsctp::core
