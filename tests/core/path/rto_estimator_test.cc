#include "core/path/rto_estimator.h"

#include <gtest/gtest.h>

namespace dpsctp::core {
namespace {

using std::chrono::microseconds;

AssociationOptions lan_options() {
  AssociationOptions o;
  o.rto_initial = 3s;
  o.rto_min = 10ms;
  o.rto_max = 60s;
  return o;  // alpha 1/8 (shift 3), beta 1/4 (shift 2)
}

TEST(RtoEstimator, Rfc9260_6_3_1_C1_InitialRtoBeforeAnyMeasurement) {
  RtoEstimator e(lan_options());
  EXPECT_FALSE(e.has_measurement());
  EXPECT_EQ(e.rto(), 3s);
  EXPECT_EQ(e.srtt(), 0us);
  EXPECT_EQ(e.rttvar(), 0us);
}

TEST(RtoEstimator, Rfc9260_6_3_1_C2_FirstMeasurement) {
  RtoEstimator e(lan_options());
  e.on_rtt_measurement(100ms);
  EXPECT_TRUE(e.has_measurement());
  EXPECT_EQ(e.srtt(), microseconds(100000));
  EXPECT_EQ(e.rttvar(), microseconds(50000));
  EXPECT_EQ(e.rto(), microseconds(300000));  // SRTT + 4 * RTTVAR
}

TEST(RtoEstimator, Rfc9260_6_3_1_C3_SubsequentMeasurementsUseOldSrttForRttvar) {
  RtoEstimator e(lan_options());
  e.on_rtt_measurement(100ms);
  e.on_rtt_measurement(200ms);
  // RTTVAR = 50000 - 12500 + |100000 - 200000| / 4 = 62500 (old SRTT used)
  // SRTT = 100000 - 12500 + 200000 / 8 = 112500
  EXPECT_EQ(e.rttvar(), microseconds(62500));
  EXPECT_EQ(e.srtt(), microseconds(112500));
  EXPECT_EQ(e.rto(), microseconds(362500));
  e.on_rtt_measurement(50ms);
  // delta = 62500: RTTVAR = 62500 - 15625 + 15625 = 62500; SRTT = 112500 - 14062 + 6250
  EXPECT_EQ(e.rttvar(), microseconds(62500));
  EXPECT_EQ(e.srtt(), microseconds(104688));
  EXPECT_EQ(e.rto(), microseconds(354688));
}

TEST(RtoEstimator, Rfc9260_6_3_1_C3_ConfiguredAlphaBetaShifts) {
  AssociationOptions o = lan_options();
  o.rto_alpha_exp_divisor = 1;  // alpha 1/2
  o.rto_beta_exp_divisor = 1;   // beta 1/2
  RtoEstimator e(o);
  e.on_rtt_measurement(100ms);
  e.on_rtt_measurement(300ms);
  EXPECT_EQ(e.rttvar(), microseconds(125000));  // 50000 - 25000 + 200000 / 2
  EXPECT_EQ(e.srtt(), microseconds(200000));    // 100000 - 50000 + 150000
  EXPECT_EQ(e.rto(), microseconds(700000));
}

TEST(RtoEstimator, Rfc9260_6_3_1_G1_ZeroRttvarBecomesClockGranularity) {
  AssociationOptions o = lan_options();
  o.rto_min = 0us;
  RtoEstimator e(o);
  e.on_rtt_measurement(1us);  // RTTVAR = 1/2 = 0 -> G
  EXPECT_EQ(e.srtt(), 1us);
  EXPECT_EQ(e.rttvar(), 1ms);
  EXPECT_EQ(e.rto(), microseconds(4001));
  // Identical samples decay RTTVAR towards, but never to, 0 with beta = 1/4.
  for (int i = 0; i < 100; ++i) e.on_rtt_measurement(1us);
  EXPECT_EQ(e.rttvar(), 3us);  // 1000 -> 750 -> 563 -> ... -> 4 -> 3 -> 3
}

TEST(RtoEstimator, Rfc9260_6_3_1_G1_AppliesToSubsequentMeasurementsToo) {
  AssociationOptions o = lan_options();
  o.rto_min = 0us;
  o.rto_beta_exp_divisor = 0;  // beta = 1: RTTVAR = |SRTT - R'|
  RtoEstimator e(o);
  e.on_rtt_measurement(2ms);
  e.on_rtt_measurement(2ms);  // |SRTT - R'| = 0 -> G
  EXPECT_EQ(e.rttvar(), 1ms);
  EXPECT_EQ(e.rto(), 6ms);
}

TEST(RtoEstimator, Rfc9260_6_3_1_C6_RoundedUpToRtoMin) {
  AssociationOptions o;  // RTO.Min 1 s
  RtoEstimator e(o);
  e.on_rtt_measurement(10ms);
  EXPECT_EQ(e.srtt(), 10ms);
  EXPECT_EQ(e.rttvar(), 5ms);
  EXPECT_EQ(e.rto(), 1s);
}

TEST(RtoEstimator, Rfc9260_6_3_1_C7_CappedAtRtoMax) {
  AssociationOptions o = lan_options();
  o.rto_max = 5s;
  RtoEstimator e(o);
  e.on_rtt_measurement(2s);  // 2 s + 4 s
  EXPECT_EQ(e.rto(), 5s);
  EXPECT_EQ(e.srtt(), 2s);
}

TEST(RtoEstimator, Rfc9260_6_3_3_E2_BackOffDoublesUpToRtoMax) {
  AssociationOptions o = lan_options();
  o.rto_max = 10s;
  RtoEstimator e(o);
  e.back_off();
  EXPECT_EQ(e.rto(), 6s);
  e.back_off();
  EXPECT_EQ(e.rto(), 10s);
  e.back_off();
  EXPECT_EQ(e.rto(), 10s);
  EXPECT_FALSE(e.has_measurement());
}

TEST(RtoEstimator, Rfc9260_6_3_3_E2_BackOffExactlyReachingMax) {
  AssociationOptions o = lan_options();
  o.rto_initial = microseconds(1500001);
  o.rto_max = microseconds(3000003);
  RtoEstimator e(o);
  e.back_off();
  EXPECT_EQ(e.rto(), microseconds(3000002));
  e.back_off();
  EXPECT_EQ(e.rto(), microseconds(3000003));
}

TEST(RtoEstimator, Rfc9260_6_3_1_NewMeasurementUndoesBackOff) {
  RtoEstimator e(lan_options());
  e.on_rtt_measurement(100ms);
  e.back_off();
  e.back_off();
  EXPECT_EQ(e.rto(), microseconds(1200000));
  e.on_rtt_measurement(100ms);
  // RTTVAR = 50000 - 12500 + 0 = 37500; SRTT = 100000; RTO = 250000
  EXPECT_EQ(e.rttvar(), microseconds(37500));
  EXPECT_EQ(e.rto(), microseconds(250000));
}

TEST(RtoEstimator, Rfc9260_6_3_1_AbusiveSamplesAreClamped) {
  AssociationOptions o = lan_options();
  o.rto_min = 0us;
  RtoEstimator e(o);
  e.on_rtt_measurement(-5ms);  // clock went backwards in the caller: counts as 0
  EXPECT_EQ(e.srtt(), 0us);
  EXPECT_EQ(e.rttvar(), 1ms);  // G1
  EXPECT_EQ(e.rto(), 4ms);
  e.on_rtt_measurement(Duration::max());  // no overflow: clamped to kMaxRtt
  EXPECT_EQ(e.srtt(), RtoEstimator::kMaxRtt / 8);
  EXPECT_EQ(e.rto(), 60s);
}

TEST(RtoEstimator, Rfc9260_6_3_1_HugeShiftsDoNotInvokeUndefinedBehaviour) {
  AssociationOptions o = lan_options();
  o.rto_alpha_exp_divisor = 200;
  o.rto_beta_exp_divisor = 64;
  RtoEstimator e(o);
  e.on_rtt_measurement(100ms);
  e.on_rtt_measurement(900ms);  // gains are ~0: nothing moves
  EXPECT_EQ(e.srtt(), 100ms);
  EXPECT_EQ(e.rttvar(), 50ms);
  EXPECT_EQ(e.rto(), 300ms);
}

}  // namespace
}  // namespace dpsctp::core
