// RFC 8260 §4.3.2 SCTP_STREAM_SCHEDULER and §4.3.3 SCTP_STREAM_SCHEDULER_VALUE through the
// embedding API: endpoint default, per-association switch, per-stream values, and the
// Linux-like validation (EINVAL -> kInvalidArgument).
#include <gtest/gtest.h>

#include "socket_host.h"

namespace dpsctp::testing {
namespace {

using K = StreamSchedulerKind;

TEST(ApiSockopt, Rfc8260_4_3_2_StreamSchedulerDefaultAndPerAssociation) {
  Pair p;
  Socket& s = p.a.socket();
  StreamSchedulerOption o;
  ASSERT_EQ(s.get(o), ApiStatus::kOk);
  EXPECT_EQ(o.value, K::kFirstComeFirstServed) << "Linux default";
  ASSERT_EQ(s.set(StreamSchedulerOption{.value = K::kWeightedFairQueueing}), ApiStatus::kOk);
  EXPECT_EQ(s.set(StreamSchedulerOption{.value = static_cast<K>(6)}), ApiStatus::kInvalidArgument);

  const AssocId id = p.connect();
  StreamSchedulerOption live{.assoc_id = id};
  ASSERT_EQ(s.get(live), ApiStatus::kOk);
  EXPECT_EQ(live.value, K::kWeightedFairQueueing) << "new associations take the default";
  ASSERT_EQ(s.set(StreamSchedulerOption{.assoc_id = id, .value = K::kPriority}), ApiStatus::kOk);
  ASSERT_EQ(s.get(live), ApiStatus::kOk);
  EXPECT_EQ(live.value, K::kPriority);
  EXPECT_EQ(s.set(StreamSchedulerOption{.value = K::kRoundRobin}), ApiStatus::kEndpointActive);
  EXPECT_EQ(s.set(StreamSchedulerOption{.assoc_id = AssocId(99), .value = K::kRoundRobin}),
            ApiStatus::kNoSuchAssociation);
  EXPECT_EQ(s.set(StreamSchedulerOption{.assoc_id = id, .value = static_cast<K>(200)}),
            ApiStatus::kInvalidArgument);
}

TEST(ApiSockopt, Rfc8260_4_3_3_StreamSchedulerValueValidation) {
  Pair p;
  Socket& s = p.a.socket();
  EXPECT_EQ(s.set(StreamSchedulerValue{.stream = StreamId(1), .value = 3}),
            ApiStatus::kInvalidArgument)
      << "association only";
  const AssocId id = p.connect();
  ASSERT_EQ(s.set(StreamSchedulerOption{.assoc_id = id, .value = K::kWeightedFairQueueing}),
            ApiStatus::kOk);
  StreamSchedulerValue v{.assoc_id = id, .stream = StreamId(2)};
  ASSERT_EQ(s.get(v), ApiStatus::kOk);
  EXPECT_EQ(v.value, 1) << "§3.6 default weight";
  ASSERT_EQ(s.set(StreamSchedulerValue{.assoc_id = id, .stream = StreamId(2), .value = 4}),
            ApiStatus::kOk);
  ASSERT_EQ(s.get(v), ApiStatus::kOk);
  EXPECT_EQ(v.value, 4);
  EXPECT_EQ(s.set(StreamSchedulerValue{.assoc_id = id, .stream = StreamId(2), .value = 0}),
            ApiStatus::kInvalidArgument)
      << "weight 0";
  AssocStatusInfo st{.assoc_id = id};
  ASSERT_EQ(s.get(st), ApiStatus::kOk);
  EXPECT_EQ(
      s.set(StreamSchedulerValue{.assoc_id = id, .stream = StreamId(st.outstreams), .value = 2}),
      ApiStatus::kInvalidArgument)
      << "not an outbound stream";
  EXPECT_EQ(s.set(StreamSchedulerValue{.assoc_id = AssocId(99), .value = 2}),
            ApiStatus::kNoSuchAssociation);

  // Switching the scheduler resets the values (as Linux); priority defaults to 0.
  ASSERT_EQ(s.set(StreamSchedulerOption{.assoc_id = id, .value = K::kPriority}), ApiStatus::kOk);
  ASSERT_EQ(s.get(v), ApiStatus::kOk);
  EXPECT_EQ(v.value, 0);
  ASSERT_EQ(s.set(StreamSchedulerValue{.assoc_id = id, .stream = StreamId(2), .value = 0}),
            ApiStatus::kOk)
      << "priority 0 is valid";
}

}  // namespace
}  // namespace dpsctp::testing
