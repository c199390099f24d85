#include "core/tx/congestion_control.h"

#include <gtest/gtest.h>

namespace dpsctp::core {
namespace {

constexpr uint32_t kMtu = 1500;

TEST(CongestionControl, Rfc9260_7_2_1_InitialCwnd) {
  // min(4*MTU, max(2*MTU, 4404))
  EXPECT_EQ(CongestionControl(1500, 4).cwnd(), 4404u);
  EXPECT_EQ(CongestionControl(1000, 4).cwnd(), 4000u);
  EXPECT_EQ(CongestionControl(9000, 4).cwnd(), 18000u);
  EXPECT_EQ(CongestionControl(1500, 4).ssthresh(), CongestionControl::kUnknownSsthresh);
  CongestionControl cc(kMtu, 4);
  cc.set_initial_ssthresh(65536);
  EXPECT_EQ(cc.ssthresh(), 65536u);
  EXPECT_EQ(cc.partial_bytes_acked(), 0u);
  EXPECT_TRUE(cc.in_slow_start());
}

TEST(CongestionControl, Rfc9260_7_2_1_SlowStartIncreasesByAtMostOneMtu) {
  CongestionControl cc(kMtu, 4);
  cc.set_initial_ssthresh(10000);
  cc.on_ack(1200, 4404, true, false);
  EXPECT_EQ(cc.cwnd(), 5604u);  // + bytes acked
  cc.on_ack(3000, 5604, true, false);
  EXPECT_EQ(cc.cwnd(), 7104u);  // + MTU (ACK-splitting bound)
  EXPECT_EQ(cc.partial_bytes_acked(), 0u);
}

TEST(CongestionControl, Rfc9260_7_2_1_SlowStartNeedsFullWindowCumAdvanceAndNoFastRecovery) {
  CongestionControl cc(kMtu, 4);
  cc.set_initial_ssthresh(10000);
  cc.on_ack(1500, 4403, true, false);  // window not fully used
  EXPECT_EQ(cc.cwnd(), 4404u);
  cc.on_ack(1500, 4404, false, false);  // cumulative ack did not advance
  EXPECT_EQ(cc.cwnd(), 4404u);
  cc.on_ack(1500, 4404, true, true);  // in Fast Recovery
  EXPECT_EQ(cc.cwnd(), 4404u);
  cc.on_ack(0, 4404, true, false);
  EXPECT_EQ(cc.cwnd(), 4404u);
  cc.on_ack(1500, 4404, true, false);
  EXPECT_EQ(cc.cwnd(), 5904u);
}

TEST(CongestionControl, Rfc9260_7_2_SlowStartToAvoidanceToFastRetransmitToT3) {
  CongestionControl cc(kMtu, 4);
  cc.set_initial_ssthresh(10000);
  // Slow start: 4404 -> 5904 -> 7404 -> 8904 -> 10404 (> ssthresh: congestion avoidance).
  for (uint32_t expect : {5904u, 7404u, 8904u, 10404u}) {
    cc.on_ack(1500, cc.cwnd(), true, false);
    EXPECT_EQ(cc.cwnd(), expect);
    EXPECT_EQ(cc.partial_bytes_acked(), 0u);
  }
  EXPECT_FALSE(cc.in_slow_start());
  // §7.2.2: pba accumulates cum and gap acked bytes; cwnd grows by one MTU per cwnd acked.
  cc.on_ack(4000, 10404, true, false);
  EXPECT_EQ(cc.partial_bytes_acked(), 4000u);
  cc.on_ack(4000, 10404, false, false);  // gap acks count too
  EXPECT_EQ(cc.partial_bytes_acked(), 8000u);
  EXPECT_EQ(cc.cwnd(), 10404u);
  cc.on_ack(4000, 10404, true, false);  // pba 12000 >= cwnd, flight was >= cwnd
  EXPECT_EQ(cc.cwnd(), 11904u);
  EXPECT_EQ(cc.partial_bytes_acked(), 1596u);
  // pba >= cwnd but the window was not full before the SACK: pba clamps to cwnd.
  cc.on_ack(11000, 5000, true, false);
  EXPECT_EQ(cc.cwnd(), 11904u);
  EXPECT_EQ(cc.partial_bytes_acked(), 11904u);
  // Full window but no cumulative advance: no increase yet, pba kept.
  cc.on_ack(100, 11904, false, false);
  EXPECT_EQ(cc.cwnd(), 11904u);
  EXPECT_EQ(cc.partial_bytes_acked(), 12004u);
  cc.on_ack(100, 11904, true, false);
  EXPECT_EQ(cc.cwnd(), 13404u);
  EXPECT_EQ(cc.partial_bytes_acked(), 200u);
  // §7.2.4 / §7.2.3: ssthresh = max(13404/2, 6000) = 6702, cwnd = ssthresh.
  cc.on_fast_retransmit();
  EXPECT_EQ(cc.ssthresh(), 6702u);
  EXPECT_EQ(cc.cwnd(), 6702u);
  EXPECT_EQ(cc.partial_bytes_acked(), 0u);
  // cwnd == ssthresh is slow start (§7.2.1 "less than or equal to").
  cc.on_ack(1500, 6702, true, false);
  EXPECT_EQ(cc.cwnd(), 8202u);
  cc.on_ack(8202, 8202, true, false);
  EXPECT_EQ(cc.cwnd(), 9702u);
  EXPECT_EQ(cc.partial_bytes_acked(), 0u);
  // §7.2.3: T3 expiry: ssthresh = max(9702/2, 6000) = 6000, cwnd = 1 MTU.
  cc.on_ack(3000, 9702, true, false);
  EXPECT_EQ(cc.partial_bytes_acked(), 3000u);
  cc.on_t3_expiry();
  EXPECT_EQ(cc.ssthresh(), 6000u);
  EXPECT_EQ(cc.cwnd(), 1500u);
  EXPECT_EQ(cc.partial_bytes_acked(), 0u);
  cc.on_ack(1500, 1500, true, false);
  EXPECT_EQ(cc.cwnd(), 3000u);
}

TEST(CongestionControl, Rfc9260_7_2_3_SsthreshFloorIsFourMtu) {
  CongestionControl cc(kMtu, 4);
  cc.on_fast_retransmit();  // cwnd 4404: max(2202, 6000)
  EXPECT_EQ(cc.ssthresh(), 6000u);
  EXPECT_EQ(cc.cwnd(), 6000u);
  cc.on_t3_expiry();
  EXPECT_EQ(cc.ssthresh(), 6000u);
  EXPECT_EQ(cc.cwnd(), 1500u);
  cc.on_t3_expiry();  // repeated expiry: cwnd stays 1 MTU
  EXPECT_EQ(cc.cwnd(), 1500u);
}

TEST(CongestionControl, Rfc9260_7_2_2_AllAckedResetsPartialBytesAcked) {
  CongestionControl cc(kMtu, 4);
  cc.set_initial_ssthresh(4000);
  cc.on_ack(1000, 4404, true, false);
  EXPECT_EQ(cc.partial_bytes_acked(), 1000u);
  cc.on_all_acked();
  EXPECT_EQ(cc.partial_bytes_acked(), 0u);
  EXPECT_EQ(cc.cwnd(), 4404u);
}

TEST(CongestionControl, Rfc9260_7_2_2_NoIncreaseInFastRecovery) {
  CongestionControl cc(kMtu, 4);
  cc.set_initial_ssthresh(4000);
  cc.on_ack(5000, 4404, true, true);
  EXPECT_EQ(cc.cwnd(), 4404u);
  EXPECT_EQ(cc.partial_bytes_acked(), 5000u);
  cc.on_ack(1, 4404, true, false);
  EXPECT_EQ(cc.cwnd(), 5904u);
  EXPECT_EQ(cc.partial_bytes_acked(), 597u);
}

TEST(CongestionControl, Rfc9260_7_2_1_IdleHalvesPerRtoDownToFourMtu) {
  CongestionControl cc(kMtu, 4);
  cc.set_initial_ssthresh(1000000);
  for (int i = 0; i < 12; ++i) cc.on_ack(1500, cc.cwnd(), true, false);
  EXPECT_EQ(cc.cwnd(), 22404u);
  cc.on_idle(999ms, 1s);  // less than one RTO
  EXPECT_EQ(cc.cwnd(), 22404u);
  cc.on_idle(1500ms, 1s);  // one RTO: 11202
  EXPECT_EQ(cc.cwnd(), 11202u);
  cc.on_idle(2s, 1s);  // two RTOs: 5601 -> floor 6000
  EXPECT_EQ(cc.cwnd(), 6000u);
  cc.on_idle(std::chrono::hours(24 * 365), 1s);  // bounded loop, stays at the floor
  EXPECT_EQ(cc.cwnd(), 6000u);
  cc.on_t3_expiry();
  cc.on_idle(10s, 1s);  // never raises a small cwnd
  EXPECT_EQ(cc.cwnd(), 1500u);
  cc.on_idle(10s, 0s);
  EXPECT_EQ(cc.cwnd(), 1500u);
}

TEST(CongestionControl, Rfc9260_6_1_B_SendAllowanceAndMaxBurst) {
  CongestionControl cc(kMtu, 4);
  EXPECT_EQ(cc.send_allowance(0), 4404u + 1499u);  // rule B: cwnd + PMTU - 1
  EXPECT_EQ(cc.send_allowance(4000), 1903u);
  EXPECT_EQ(cc.send_allowance(4404), 0u);
  EXPECT_EQ(cc.send_allowance(9000), 0u);
  cc.set_initial_ssthresh(1000000);
  for (int i = 0; i < 20; ++i) cc.on_ack(1500, cc.cwnd(), true, false);
  EXPECT_EQ(cc.cwnd(), 34404u);
  EXPECT_EQ(cc.send_allowance(0), 6000u);      // Max.Burst 4 * MTU
  EXPECT_EQ(cc.send_allowance(31000), 4903u);  // rule B is tighter
  CongestionControl unlimited(kMtu, 0);
  unlimited.set_initial_ssthresh(1000000);
  for (int i = 0; i < 20; ++i) unlimited.on_ack(1500, unlimited.cwnd(), true, false);
  EXPECT_EQ(unlimited.send_allowance(0), 34404u + 1499u);
}

TEST(CongestionControl, Rfc9260_8_4_MtuChange) {
  CongestionControl cc(kMtu, 4);
  cc.on_t3_expiry();
  EXPECT_EQ(cc.cwnd(), 1500u);
  cc.set_mtu(9000);
  EXPECT_EQ(cc.mtu(), 9000u);
  EXPECT_EQ(cc.cwnd(), 9000u);  // at least one MTU
  cc.set_mtu(1200);
  EXPECT_EQ(cc.cwnd(), 9000u);
  cc.on_t3_expiry();
  EXPECT_EQ(cc.ssthresh(), 4800u);  // max(4500, 4 * 1200)
  EXPECT_EQ(cc.cwnd(), 1200u);
}

TEST(CongestionControl, SaturatesInsteadOfOverflowing) {
  CongestionControl cc(kMtu, 0);
  for (int i = 0; i < 4000000; ++i) cc.on_ack(1500, cc.cwnd(), true, false);
  EXPECT_EQ(cc.cwnd(), 0xFFFFFFFFu);
  EXPECT_EQ(cc.send_allowance(0), 0xFFFFFFFFu);
}

}  // namespace
}  // namespace dpsctp::core
