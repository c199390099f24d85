// The invariant checker of the protocol tests must itself catch every violation it
// claims to: duplicates, reordering within a stream, corruption, wrong size/stream/U bit.
#include <gtest/gtest.h>

#include "protocol_harness.h"

namespace dpsctp::sim::testing {
namespace {

struct Msg {
  std::vector<std::byte> bytes;
  ReceivedMessage m;
};

Msg make(uint32_t id, uint16_t stream, bool unordered, size_t size) {
  Msg x;
  for (size_t i = 0; i < size; ++i) x.bytes.push_back(content_byte(id, i));
  x.m.stream = StreamId(stream);
  x.m.ppid = Ppid(id);
  x.m.unordered = unordered;
  x.m.data = x.bytes;
  return x;
}

TEST(MessageLedger, AcceptsACorrectDelivery) {
  MessageLedger l;
  l.commit(1, false, 10);  // id 0
  l.commit(1, false, 20);  // id 1
  l.commit(2, true, 1);    // id 2
  Msg m2 = make(2, 2, true, 1);
  Msg m0 = make(0, 1, false, 10);
  Msg m1 = make(1, 1, false, 20);
  l.on_received(m2.m);  // unordered may overtake
  l.on_received(m0.m);
  l.on_received(m1.m);
  EXPECT_TRUE(l.all_delivered());
  EXPECT_EQ(l.errors(), std::vector<std::string>{});
}

TEST(MessageLedger, CatchesEachViolation) {
  MessageLedger l;
  l.commit(1, false, 10);  // 0
  l.commit(1, false, 10);  // 1
  l.commit(3, false, 5);   // 2
  l.commit(3, false, 5);   // 3
  l.commit(4, false, 5);   // 4
  Msg m1 = make(1, 1, false, 10);
  l.on_received(m1.m);  // before 0 on the same stream
  EXPECT_EQ(l.errors().size(), 1u);
  l.on_received(m1.m);  // twice
  EXPECT_EQ(l.errors().size(), 2u);
  Msg m2 = make(2, 3, false, 5);
  m2.bytes[4] ^= std::byte{1};
  l.on_received(m2.m);  // corrupt
  EXPECT_EQ(l.errors().size(), 3u);
  Msg m3 = make(3, 3, false, 4);
  l.on_received(m3.m);  // wrong size
  EXPECT_EQ(l.errors().size(), 4u);
  Msg m4 = make(4, 4, true, 5);
  l.on_received(m4.m);  // wrong U bit
  EXPECT_EQ(l.errors().size(), 5u);
  Msg m9 = make(9, 1, false, 5);
  l.on_received(m9.m);  // never sent
  EXPECT_EQ(l.errors().size(), 6u);
}

}  // namespace
}  // namespace dpsctp::sim::testing
