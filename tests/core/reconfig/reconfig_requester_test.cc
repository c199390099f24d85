// ReconfigRequester: the requesting side of RFC 6525 (§5.1.1 numbering, one outstanding
// chunk, RE-CONFIG timer and retransmission; §5.2.7 response matching and "In progress").
#include "core/reconfig/reconfig_requester.h"

#include <gtest/gtest.h>

namespace dpsctp::core {
namespace {

using namespace std::chrono_literals;

constexpr Instant kT0 = Instant{} + 1s;

ReconfigRequest outgoing(std::vector<StreamId> streams) {
  return {.kind = ReconfigKind::kOutgoingSsnReset, .streams = std::move(streams)};
}

TEST(ReconfigRequester, Rfc6525_5_1_1_FirstRequestNumberIsTheInitialTsnThenIncrements) {
  ReconfigRequester r(Tsn(0xFFFFFFFF));
  ASSERT_TRUE(r.prepare(outgoing({StreamId(1)})));
  ASSERT_TRUE(r.prepare({.kind = ReconfigKind::kIncomingSsnReset}));
  r.send_prepared(kT0, 1s);
  ASSERT_EQ(r.outstanding().size(), 2u);
  EXPECT_EQ(r.outstanding()[0].request_sn, 0xFFFFFFFFu);
  EXPECT_EQ(r.outstanding()[1].request_sn, 0u);  // wraps modulo 2^32
  EXPECT_EQ(r.next_request_sn(), 1u);
  EXPECT_TRUE(r.transmit_pending());
  EXPECT_EQ(r.deadline(), kT0 + 1s);
}

TEST(ReconfigRequester, Rfc6525_3_1_AtMostTwoRequestsPerChunk_5_1_1_OneOutstanding) {
  ReconfigRequester r(Tsn(10));
  EXPECT_FALSE(r.busy());
  EXPECT_TRUE(r.prepare(outgoing({})));
  EXPECT_TRUE(r.busy());
  EXPECT_TRUE(r.prepare(outgoing({})));
  EXPECT_FALSE(r.prepare(outgoing({})));  // a third parameter does not fit §3.1
  r.send_prepared(kT0, 1s);
  EXPECT_FALSE(r.prepare(outgoing({})));  // §5.1.1: one outstanding chunk at a time
  ASSERT_TRUE(r.complete(10).has_value());
  EXPECT_TRUE(r.busy());  // the second request is still unanswered
  EXPECT_NE(r.deadline(), kNever);
  ASSERT_TRUE(r.complete(11).has_value());
  EXPECT_FALSE(r.busy());
  EXPECT_EQ(r.deadline(), kNever);  // §5.2.7: all answered, timer stopped
}

TEST(ReconfigRequester, Rfc6525_5_1_1_TimerExpiryRetransmitsTheSameNumbersAndCountsAnError) {
  ReconfigRequester r(Tsn(100));
  ASSERT_TRUE(r.prepare(outgoing({StreamId(3)})));
  r.send_prepared(kT0, 1s);
  r.on_transmitted();
  EXPECT_FALSE(r.transmit_pending());
  EXPECT_TRUE(r.on_timeout());  // counts against the error counters
  EXPECT_TRUE(r.transmit_pending());
  r.restart_timer(kT0 + 3s);
  EXPECT_EQ(r.deadline(), kT0 + 3s);
  ASSERT_EQ(r.outstanding().size(), 1u);
  EXPECT_EQ(r.outstanding()[0].request_sn, 100u);  // same number on retransmission
  EXPECT_EQ(r.retransmissions(), 1u);
  EXPECT_EQ(r.next_request_sn(), 101u);
}

TEST(ReconfigRequester, Rfc6525_5_2_7_InProgressRestartsTheTimerWithoutCountingAnError) {
  ReconfigRequester r(Tsn(7));
  ASSERT_TRUE(r.prepare(outgoing({})));
  r.send_prepared(kT0, 1s);
  r.on_transmitted();
  ASSERT_NE(r.find(7), nullptr);
  r.in_progress(kT0 + 500ms, 1s);
  EXPECT_EQ(r.deadline(), kT0 + 1500ms);
  EXPECT_FALSE(r.on_timeout());  // the expiry after "In progress" is not an error
  EXPECT_TRUE(r.transmit_pending());
  r.restart_timer(kT0 + 3s);
  EXPECT_TRUE(r.on_timeout());   // a plain expiry again is
}

TEST(ReconfigRequester, Rfc6525_5_2_7_ResponsesMatchOnlyOutstandingNumbers) {
  ReconfigRequester r(Tsn(50));
  EXPECT_FALSE(r.complete(50).has_value());  // nothing sent yet
  ASSERT_TRUE(r.prepare({.kind = ReconfigKind::kAddOutgoingStreams, .new_streams = 4}));
  r.send_prepared(kT0, 1s);
  EXPECT_EQ(r.find(49), nullptr);
  EXPECT_FALSE(r.complete(51).has_value());
  ASSERT_NE(r.find_kind(ReconfigKind::kAddOutgoingStreams), nullptr);
  EXPECT_EQ(r.find_kind(ReconfigKind::kSsnTsnReset), nullptr);
  std::optional<ReconfigRequest> done = r.complete(50);
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->new_streams, 4);
  EXPECT_FALSE(r.complete(50).has_value());  // a duplicate response finds nothing
  EXPECT_FALSE(r.on_timeout());              // and no timer is left to fire
}

}  // namespace
}  // namespace dpsctp::core
