// ReconfigResponder: RFC 6525 §5.2.1 sequence-number handling (new, repeated, bad) and
// the bounded queue of Response parameters (§4.4).
#include "core/reconfig/reconfig_responder.h"

#include <gtest/gtest.h>

namespace dpsctp::core {
namespace {

using Result = wire::ReconfigResult;
using Verdict = ReconfigResponder::Verdict;

TEST(ReconfigResponder, Rfc6525_5_2_1_ExpectedNumberIsNewAndAdvances) {
  ReconfigResponder r(Tsn(1000));
  EXPECT_EQ(r.check(1000, nullptr), Verdict::kNew);
  EXPECT_EQ(r.last_processed(), 999u);  // §4.1: "next expected minus 1"
  r.record(Result::kSuccessPerformed);
  EXPECT_EQ(r.check(1001, nullptr), Verdict::kNew);
  EXPECT_EQ(r.last_processed(), 1000u);
}

TEST(ReconfigResponder, Rfc6525_5_2_1_RepeatedRequestGetsTheSameResultAgain) {
  ReconfigResponder r(Tsn(5));
  r.record(Result::kDenied);            // request 5
  r.record(Result::kSuccessPerformed);  // request 6
  Result last{};
  EXPECT_EQ(r.check(6, &last), Verdict::kRepeat);
  EXPECT_EQ(last, Result::kSuccessPerformed);
  EXPECT_EQ(r.check(5, &last), Verdict::kRepeat);  // two requests may share a chunk
  EXPECT_EQ(last, Result::kDenied);
  EXPECT_EQ(r.check(4, &last), Verdict::kBadSequence);  // older than what is kept
}

TEST(ReconfigResponder, Rfc6525_5_2_1_UnexpectedNumbersAreBadSequence) {
  ReconfigResponder r(Tsn(0xFFFFFFFF));
  EXPECT_EQ(r.check(0, nullptr), Verdict::kBadSequence);           // from the future
  EXPECT_EQ(r.check(0xFFFFFFFE, nullptr), Verdict::kBadSequence);  // nothing processed yet
  EXPECT_EQ(r.check(12345, nullptr), Verdict::kBadSequence);
  r.record(Result::kSuccessPerformed);  // wraps to 0
  EXPECT_EQ(r.check(0, nullptr), Verdict::kNew);
  EXPECT_EQ(r.check(0xFFFFFFFF, nullptr), Verdict::kRepeat);
}

TEST(ReconfigResponder, Rfc6525_5_2_2_DeferredResetUpdatesTheKeptResult) {
  ReconfigResponder r(Tsn(20));
  r.deferred = ReconfigResponder::Deferred{20, Tsn(777), {StreamId(1)}};
  r.record(Result::kInProgress);
  Result last{};
  ASSERT_EQ(r.check(20, &last), Verdict::kRepeat);
  EXPECT_EQ(last, Result::kInProgress);  // a retransmission while deferred
  r.update(20, Result::kSuccessPerformed);
  ASSERT_EQ(r.check(20, &last), Verdict::kRepeat);
  EXPECT_EQ(last, Result::kSuccessPerformed);  // after the reset was performed
  r.update(99, Result::kDenied);               // unknown numbers change nothing
  ASSERT_EQ(r.check(20, &last), Verdict::kRepeat);
  EXPECT_EQ(last, Result::kSuccessPerformed);
}

TEST(ReconfigResponder, Rfc6525_4_4_ResponsesAreQueuedBoundedAndConsumedInOrder) {
  ReconfigResponder r(Tsn(1));
  for (uint32_t i = 0; i < ReconfigResponder::kMaxPendingResponses; ++i) {
    EXPECT_TRUE(r.respond(i, Result::kErrorBadSequenceNumber));
  }
  EXPECT_FALSE(r.respond(100, Result::kDenied));  // a flood cannot grow the queue
  ASSERT_EQ(r.responses().size(), ReconfigResponder::kMaxPendingResponses);
  r.consume(2);
  ASSERT_EQ(r.responses().size(), ReconfigResponder::kMaxPendingResponses - 2);
  EXPECT_EQ(r.responses()[0].response_sn, 2u);
  EXPECT_TRUE(r.respond(7, Result::kSuccessPerformed,
                        wire::ReconfigurationResponseParameter::NextTsns{Tsn(1), Tsn(2)}));
  EXPECT_TRUE(r.responses().back().next_tsns.has_value());
  r.consume(100);
  EXPECT_TRUE(r.responses().empty());
}

}  // namespace
}  // namespace dpsctp::core
