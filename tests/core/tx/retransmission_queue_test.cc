#include "core/tx/retransmission_queue.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace dpsctp::core {
namespace {

using wire::GapAckBlock;

const Instant kT0 = Instant{} + 1000s;

class RetransmissionQueueTest : public ::testing::Test {
 protected:
  // One single-fragment message of `len` bytes, filled with `fill`.
  Fragment message(uint32_t len, uint8_t fill = 0xAB, uint16_t stream = 1) {
    const std::vector<std::byte> data(len, std::byte{fill});
    Fragment f;
    f.stream = StreamId(stream);
    f.ssn = Ssn(7);
    f.ppid = Ppid(46);
    f.payload = pool_.copy_in(data);
    f.length = len;
    f.context = fill;
    return f;
  }
  // Adds `n` single-fragment messages of `len` bytes on `path`; returns the first TSN.
  Tsn add_n(RetransmissionQueue& q, int n, uint32_t len = 1000, uint8_t path = 0,
            Instant at = kT0) {
    const Tsn first = q.next_tsn();
    for (int i = 0; i < n; ++i) q.add(message(len), path, at);
    return first;
  }

  PayloadPool pool_;
};

TEST_F(RetransmissionQueueTest, AddAssignsConsecutiveTsnsAndCountsFlight) {
  RetransmissionQueue q(Tsn(100), 1500, 100000);
  EXPECT_EQ(q.cumulative_tsn_ack(), Tsn(99));
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.add(message(300), 0, kT0), Tsn(100));
  EXPECT_EQ(q.add(message(200), 1, kT0), Tsn(101));
  EXPECT_EQ(q.next_tsn(), Tsn(102));
  EXPECT_EQ(q.flight_size(), 500u);
  EXPECT_EQ(q.flight_size(0), 300u);
  EXPECT_EQ(q.flight_size(1), 200u);
  EXPECT_EQ(q.outstanding_chunks(), 2u);
  EXPECT_EQ(q.outstanding_bytes(), 500u);
  const auto v = q.view(Tsn(101));
  EXPECT_EQ(v.tsn, Tsn(101));
  EXPECT_EQ(v.stream, StreamId(1));
  EXPECT_EQ(v.ssn, Ssn(7));
  EXPECT_EQ(v.ppid, Ppid(46));
  EXPECT_EQ(v.payload.size(), 200u);
  EXPECT_FALSE(v.is_retransmission);
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_2_1_CumAckFreesPayloadRefs) {
  RetransmissionQueue q(Tsn(1), 1500, 100000);
  add_n(q, 4);
  EXPECT_EQ(pool_.live_buffers(), 4u);
  SackOutcome o = q.handle_sack(Tsn(2), 100000, {}, kT0 + 10ms);
  EXPECT_FALSE(o.ignored);
  EXPECT_TRUE(o.cum_ack_advanced);
  EXPECT_EQ(o.bytes_acked_cum, 2000u);
  EXPECT_EQ(o.bytes_acked_gap, 0u);
  EXPECT_EQ(o.bytes_acked_on_path[0], 2000u);
  EXPECT_EQ(o.acked_messages_done, 2u);
  EXPECT_FALSE(o.all_acked);
  EXPECT_EQ(pool_.live_buffers(), 2u);
  EXPECT_EQ(q.cumulative_tsn_ack(), Tsn(2));
  EXPECT_EQ(q.flight_size(), 2000u);
  EXPECT_EQ(q.outstanding_chunks(), 2u);
  o = q.handle_sack(Tsn(4), 100000, {}, kT0 + 20ms);
  EXPECT_TRUE(o.all_acked);
  EXPECT_EQ(pool_.live_buffers(), 0u);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.flight_size(), 0u);
  EXPECT_EQ(q.outstanding_bytes(), 0u);
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_2_1_MultiFragmentMessageFreedWhenLastFragmentAcked) {
  RetransmissionQueue q(Tsn(1), 1500, 100000);
  Fragment whole = message(3000);
  for (uint32_t i = 0; i < 3; ++i) {
    Fragment f = whole;
    f.offset = i * 1000;
    f.length = 1000;
    f.beginning = i == 0;
    f.ending = i == 2;
    q.add(std::move(f), 0, kT0);
  }
  whole.payload.reset();
  EXPECT_EQ(q.view(Tsn(2)).payload.data(), q.view(Tsn(1)).payload.data() + 1000);
  SackOutcome o = q.handle_sack(Tsn(2), 100000, {}, kT0);
  EXPECT_EQ(o.acked_messages_done, 0u);
  EXPECT_EQ(pool_.live_buffers(), 1u);
  o = q.handle_sack(Tsn(3), 100000, {}, kT0);
  EXPECT_EQ(o.acked_messages_done, 1u);
  EXPECT_EQ(pool_.live_buffers(), 0u);
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_2_1_GapAckedChunksKeptUntilCumAck) {
  RetransmissionQueue q(Tsn(100), 1500, 100000);
  add_n(q, 5);                                      // 100..104
  const std::array<GapAckBlock, 1> gaps{{{2, 3}}};  // 102, 103
  SackOutcome o = q.handle_sack(Tsn(100), 100000, gaps, kT0);
  EXPECT_EQ(o.bytes_acked_cum, 1000u);
  EXPECT_EQ(o.bytes_acked_gap, 2000u);
  EXPECT_EQ(q.flight_size(), 2000u);  // 101 and 104
  EXPECT_EQ(q.outstanding_chunks(), 4u);
  EXPECT_EQ(q.outstanding_bytes(), 4000u);
  EXPECT_EQ(pool_.live_buffers(), 4u);  // gap-acked data is renegable: kept
  // The same gaps again: nothing newly acked.
  o = q.handle_sack(Tsn(100), 100000, gaps, kT0);
  EXPECT_FALSE(o.cum_ack_advanced);
  EXPECT_EQ(o.bytes_acked_gap, 0u);
  o = q.handle_sack(Tsn(104), 100000, {}, kT0);
  EXPECT_EQ(o.bytes_acked_cum, 2000u);  // only 101 and 104 are new
  EXPECT_EQ(o.bytes_acked_gap, 0u);
  EXPECT_TRUE(o.all_acked);
  EXPECT_EQ(pool_.live_buffers(), 0u);
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_2_1_UnsortedOverlappingAndMalformedGapBlocks) {
  RetransmissionQueue q(Tsn(10), 1500, 100000);
  add_n(q, 8);  // 10..17
  // {6,6} before {2,3}, overlapping {3,4}, malformed {5,4} and {0,1} skipped.
  const std::array<GapAckBlock, 5> gaps{{{6, 6}, {2, 3}, {5, 4}, {3, 4}, {0, 1}}};
  SackOutcome o = q.handle_sack(Tsn(10), 100000, gaps, kT0);
  EXPECT_FALSE(o.ignored);
  EXPECT_EQ(o.bytes_acked_gap, 4000u);  // 12, 13, 14, 16
  EXPECT_EQ(q.flight_size(), 3000u);    // 11, 15, 17
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_2_1_SackChunkOverload) {
  RetransmissionQueue q(Tsn(10), 1500, 100000);
  add_n(q, 5);  // 10..14
  const std::array<std::byte, 4> block{std::byte{0}, std::byte{2}, std::byte{0}, std::byte{3}};
  wire::SackChunk sack;
  sack.cum_tsn_ack = Tsn(10);
  sack.a_rwnd = 50000;
  sack.num_gap_blocks = 1;
  sack.gap_blocks = block;
  const SackOutcome o = q.handle_sack(sack, kT0);
  EXPECT_EQ(o.bytes_acked_cum, 1000u);
  EXPECT_EQ(o.bytes_acked_gap, 2000u);  // 12, 13
  EXPECT_EQ(q.peer_rwnd(), 48000u);     // 11 and 14 in flight
}

TEST_F(RetransmissionQueueTest, Rfc9260_7_2_4_ThreeMissIndicationsFastRetransmitExactlyOnce) {
  RetransmissionQueue q(Tsn(10), 1500, 100000);
  add_n(q, 10);  // 10..19, 11 is lost
  SackOutcome o;
  for (uint16_t end = 2; end <= 4; ++end) {  // 12, 13, 14 newly acked: misses for 11
    EXPECT_FALSE(o.fast_retransmit_triggered);
    const std::array<GapAckBlock, 1> g{{{2, end}}};
    o = q.handle_sack(Tsn(10), 100000, g, kT0);
  }
  EXPECT_TRUE(o.fast_retransmit_triggered);
  EXPECT_TRUE(o.entered_fast_recovery);
  EXPECT_FALSE(o.in_fast_recovery_at_ack);
  EXPECT_EQ(o.fast_retransmit_paths, 1u);
  EXPECT_TRUE(q.in_fast_recovery());
  EXPECT_TRUE(q.fast_retransmit_pending());
  EXPECT_TRUE(q.has_retransmissions());
  EXPECT_EQ(q.flight_size(), 5000u);  // 15..19; 11 left the flight
  auto c = q.next_retransmission(1452);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->tsn, Tsn(11));
  EXPECT_TRUE(c->is_retransmission);
  EXPECT_FALSE(q.next_retransmission(999).has_value());  // does not fit
  q.mark_retransmitted(Tsn(11), 0, kT0 + 1ms);
  EXPECT_FALSE(q.fast_retransmit_pending());
  EXPECT_FALSE(q.has_retransmissions());
  EXPECT_EQ(q.flight_size(), 6000u);
  // The retransmission is lost too: more miss indications, but §7.2.4 step 5 makes the
  // chunk ineligible for another Fast Retransmit (T3 recovers it).
  for (uint16_t end = 5; end <= 9; ++end) {
    const std::array<GapAckBlock, 1> g{{{2, end}}};
    o = q.handle_sack(Tsn(10), 100000, g, kT0);
    EXPECT_FALSE(o.fast_retransmit_triggered);
  }
  EXPECT_FALSE(q.has_retransmissions());
}

TEST_F(RetransmissionQueueTest, Rfc9260_7_2_4_HtnaOnlyTsnsBelowHighestNewlyAckedMiss) {
  RetransmissionQueue q(Tsn(10), 1500, 100000);
  add_n(q, 10);  // 10..19
  // 14 newly acked: 11, 12, 13 get one miss each.
  std::array<GapAckBlock, 1> g1{{{4, 4}}};
  q.handle_sack(Tsn(10), 100000, g1, kT0);
  // Repeating the SACK acks nothing new: no miss indications at all.
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(q.handle_sack(Tsn(10), 100000, g1, kT0).fast_retransmit_triggered);
  }
  // 12 newly acked: only 11 (below the HTNA 12) misses; 13 is above it.
  std::array<GapAckBlock, 2> g2{{{2, 2}, {4, 4}}};
  EXPECT_FALSE(q.handle_sack(Tsn(10), 100000, g2, kT0).fast_retransmit_triggered);
  // 15 newly acked: 11 reaches 3 misses, 13 only 2.
  std::array<GapAckBlock, 2> g3{{{2, 2}, {4, 5}}};
  const SackOutcome o = q.handle_sack(Tsn(10), 100000, g3, kT0);
  EXPECT_TRUE(o.fast_retransmit_triggered);
  auto c = q.next_retransmission(1452);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->tsn, Tsn(11));
  q.mark_retransmitted(Tsn(11), 0, kT0);
  EXPECT_FALSE(q.next_retransmission(1452).has_value());
  // 16 newly acked: 13 reaches 3, a second Fast Retransmit within Fast Recovery.
  std::array<GapAckBlock, 2> g4{{{2, 2}, {4, 6}}};
  const SackOutcome o2 = q.handle_sack(Tsn(10), 100000, g4, kT0);
  EXPECT_TRUE(o2.fast_retransmit_triggered);
  EXPECT_FALSE(o2.entered_fast_recovery);  // §7.2.4 step 6: no further cwnd reduction
  EXPECT_TRUE(o2.in_fast_recovery_at_ack);
  ASSERT_TRUE(q.next_retransmission(1452).has_value());
  EXPECT_EQ(q.next_retransmission(1452)->tsn, Tsn(13));
}

TEST_F(RetransmissionQueueTest, Rfc9260_7_2_4_MarkedChunkAckedBeforeRetransmission) {
  RetransmissionQueue q(Tsn(10), 1500, 100000);
  add_n(q, 5);                               // 10..14, 10 delayed
  for (uint16_t end = 2; end <= 4; ++end) {  // 11..13 acked: 10 marked
    const std::array<GapAckBlock, 1> g{{{2, end}}};
    q.handle_sack(Tsn(9), 100000, g, kT0);
  }
  ASSERT_TRUE(q.fast_retransmit_pending());
  EXPECT_EQ(q.flight_size(), 1000u);  // 14
  // The original 10 arrives after all: the mark is dropped, its bytes count as acked.
  const SackOutcome o = q.handle_sack(Tsn(13), 100000, {}, kT0 + 30ms);
  EXPECT_EQ(o.bytes_acked_cum, 1000u);
  ASSERT_TRUE(o.rtt_sample.has_value());  // sent once: 10 was never retransmitted
  EXPECT_EQ(*o.rtt_sample, 30ms);
  EXPECT_FALSE(q.has_retransmissions());
  EXPECT_FALSE(q.fast_retransmit_pending());
  EXPECT_FALSE(q.next_retransmission(1452).has_value());
  EXPECT_EQ(q.flight_size(), 1000u);
}

TEST_F(RetransmissionQueueTest, Rfc9260_7_2_4_FastRecoveryExitPoint) {
  RetransmissionQueue q(Tsn(10), 1500, 100000);
  add_n(q, 6);                               // 10..15, 10 is lost
  for (uint16_t end = 2; end <= 4; ++end) {  // 11..13 acked: 10 fast retransmitted
    const std::array<GapAckBlock, 1> g{{{2, end}}};
    q.handle_sack(Tsn(9), 100000, g, kT0);
  }
  ASSERT_TRUE(q.in_fast_recovery());  // exit point: 15, the highest outstanding TSN
  q.mark_retransmitted(Tsn(10), 0, kT0);
  add_n(q, 2);  // 16, 17: sent during Fast Recovery
  SackOutcome o = q.handle_sack(Tsn(14), 100000, {}, kT0);
  EXPECT_TRUE(o.cum_ack_advanced);
  EXPECT_FALSE(o.exited_fast_recovery);
  EXPECT_TRUE(o.in_fast_recovery_at_ack);
  EXPECT_TRUE(q.in_fast_recovery());
  o = q.handle_sack(Tsn(15), 100000, {}, kT0);
  EXPECT_TRUE(o.exited_fast_recovery);
  EXPECT_FALSE(o.in_fast_recovery_at_ack);
  EXPECT_FALSE(q.in_fast_recovery());
}

TEST_F(RetransmissionQueueTest, Rfc9260_7_2_4_InFastRecoveryCumAdvanceMissesAllReported) {
  RetransmissionQueue q(Tsn(10), 1500, 100000);
  add_n(q, 10);                              // 10..19; 10 and 15 lost
  for (uint16_t end = 2; end <= 4; ++end) {  // 11..13: 10 fast retransmitted
    const std::array<GapAckBlock, 1> g{{{2, end}}};
    q.handle_sack(Tsn(9), 100000, g, kT0);
  }
  ASSERT_TRUE(q.in_fast_recovery());
  q.mark_retransmitted(Tsn(10), 0, kT0);
  // 16 acked: 15 gets its first miss (HTNA 16).
  const std::array<GapAckBlock, 2> g1{{{2, 5}, {7, 7}}};
  q.handle_sack(Tsn(9), 100000, g1, kT0);
  // The cum ack advances to 14 (the retransmitted 10 arrived) and 16 is reported again:
  // nothing above 15 is newly acked, so the HTNA rule alone would give 15 no miss; in Fast
  // Recovery a cum-advancing SACK counts one for every TSN reported missing.
  const std::array<GapAckBlock, 1> g2{{{2, 2}}};  // 16, relative to 14
  SackOutcome o = q.handle_sack(Tsn(14), 100000, g2, kT0);
  EXPECT_TRUE(o.in_fast_recovery_at_ack);
  EXPECT_FALSE(o.fast_retransmit_triggered);    // 15: 2 misses
  o = q.handle_sack(Tsn(14), 100000, g2, kT0);  // no advance, nothing new: no miss
  EXPECT_FALSE(o.fast_retransmit_triggered);
  const std::array<GapAckBlock, 1> g3{{{2, 3}}};  // 17 newly acked: 15's third miss
  o = q.handle_sack(Tsn(14), 100000, g3, kT0);
  EXPECT_TRUE(o.fast_retransmit_triggered);
  EXPECT_FALSE(o.entered_fast_recovery);
  ASSERT_TRUE(q.next_retransmission(1452).has_value());
  EXPECT_EQ(q.next_retransmission(1452)->tsn, Tsn(15));
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_3_3_E3_T3ExpiryMarksChunksOfThatPath) {
  RetransmissionQueue q(Tsn(1), 1500, 100000);
  add_n(q, 2, 1000, 0);                          // 1, 2 on path 0
  add_n(q, 2, 800, 1);                           // 3, 4 on path 1
  add_n(q, 2, 1000, 0);                          // 5, 6 on path 0
  const std::array<GapAckBlock, 1> g{{{6, 6}}};  // 6 gap-acked
  q.handle_sack(Tsn(0), 100000, g, kT0);
  EXPECT_EQ(q.flight_size(0), 3000u);
  q.handle_t3_expiry(0);
  EXPECT_EQ(q.flight_size(0), 0u);
  EXPECT_EQ(q.flight_size(1), 1600u);
  EXPECT_EQ(q.flight_size(), 1600u);
  EXPECT_EQ(q.outstanding_chunks(), 6u);
  EXPECT_TRUE(q.has_retransmissions());
  EXPECT_FALSE(q.fast_retransmit_pending());
  // Lowest TSN first; the gap-acked 6 is not marked.
  std::vector<uint32_t> order;
  while (auto c = q.next_retransmission(1452)) {
    order.push_back(c->tsn.value());
    q.mark_retransmitted(c->tsn, 1, kT0 + 1s);
  }
  EXPECT_EQ(order, (std::vector<uint32_t>{1, 2, 5}));
  EXPECT_EQ(q.flight_size(1), 4600u);  // retransmitted on the alternate path
  EXPECT_EQ(q.flight_size(0), 0u);
  q.handle_t3_expiry(0);  // nothing left in flight there
  EXPECT_FALSE(q.has_retransmissions());
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_3_1_C5_KarnNoRttSampleFromRetransmittedChunk) {
  RetransmissionQueue q(Tsn(1), 1500, 100000);
  q.add(message(100), 0, kT0);
  q.handle_t3_expiry(0);
  q.mark_retransmitted(Tsn(1), 0, kT0 + 3s);
  EXPECT_TRUE(q.view(Tsn(1)).is_retransmission);
  SackOutcome o = q.handle_sack(Tsn(1), 100000, {}, kT0 + 3100ms);
  EXPECT_TRUE(o.cum_ack_advanced);
  EXPECT_FALSE(o.rtt_sample.has_value());
  // Newest newly-acked chunk sent once gives the sample (3 retransmitted, so 2 counts).
  q.add(message(100), 0, kT0 + 10s);         // 2
  q.add(message(100), 0, kT0 + 10s + 20ms);  // 3
  q.handle_t3_expiry(0);
  q.mark_retransmitted(Tsn(2), 0, kT0 + 11s);  // 2 retransmitted; 3 still marked
  o = q.handle_sack(Tsn(3), 100000, {}, kT0 + 11s + 50ms);
  ASSERT_TRUE(o.rtt_sample.has_value());
  EXPECT_EQ(*o.rtt_sample, 1030ms);         // from 3: sent once at +20ms
  q.add(message(100), 0, kT0 + 20s);        // 4
  q.add(message(100), 0, kT0 + 20s + 5ms);  // 5
  o = q.handle_sack(Tsn(5), 100000, {}, kT0 + 20s + 45ms);
  ASSERT_TRUE(o.rtt_sample.has_value());
  EXPECT_EQ(*o.rtt_sample, 40ms);
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_3_2_R3_RestartT3WhenEarliestTsnOfPathAcked) {
  RetransmissionQueue q(Tsn(1), 1500, 100000);
  add_n(q, 2, 1000, 0);  // 1, 2
  add_n(q, 2, 1000, 1);  // 3, 4
  SackOutcome o = q.handle_sack(Tsn(1), 100000, {}, kT0);
  EXPECT_TRUE(o.restart_t3);
  EXPECT_EQ(o.restart_t3_paths, 0b01);
  const std::array<GapAckBlock, 1> g{{{3, 3}}};  // 4: not the earliest of path 1
  o = q.handle_sack(Tsn(1), 100000, g, kT0);
  EXPECT_FALSE(o.restart_t3);
  const std::array<GapAckBlock, 1> g2{{{2, 3}}};  // 3: the earliest of path 1
  o = q.handle_sack(Tsn(1), 100000, g2, kT0);
  EXPECT_EQ(o.restart_t3_paths, 0b10);
  EXPECT_EQ(q.flight_size(1), 0u);  // R2: the association stops path 1's T3
  o = q.handle_sack(Tsn(4), 100000, {}, kT0);
  EXPECT_EQ(o.restart_t3_paths, 0b01);
  EXPECT_TRUE(o.all_acked);
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_2_1_D_iii_RenegedTsnBackInFlightWithMiss) {
  RetransmissionQueue q(Tsn(10), 1500, 100000);
  add_n(q, 6);                                    // 10..15
  const std::array<GapAckBlock, 1> g1{{{2, 3}}};  // 12, 13
  q.handle_sack(Tsn(10), 100000, g1, kT0);
  EXPECT_EQ(q.flight_size(), 3000u);              // 11, 14, 15
  const std::array<GapAckBlock, 1> g2{{{3, 3}}};  // 13 only: 12 reneged
  SackOutcome o = q.handle_sack(Tsn(10), 100000, g2, kT0);
  EXPECT_TRUE(o.reneged);
  EXPECT_EQ(o.bytes_acked_gap, 0u);
  EXPECT_EQ(q.flight_size(), 4000u);  // 12 is back in flight
  // 12 now has 1 miss; two SACKs with new acks above it make three.
  const std::array<GapAckBlock, 1> g3{{{3, 4}}};
  EXPECT_FALSE(q.handle_sack(Tsn(10), 100000, g3, kT0).fast_retransmit_triggered);
  const std::array<GapAckBlock, 1> g4{{{3, 5}}};
  o = q.handle_sack(Tsn(10), 100000, g4, kT0);
  EXPECT_TRUE(o.fast_retransmit_triggered);  // 11 (3 misses) and 12 (3 misses)
  EXPECT_EQ(q.next_retransmission(1452)->tsn, Tsn(11));
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_2_1_D_i_OlderSackIgnored) {
  RetransmissionQueue q(Tsn(50), 1500, 100000);
  add_n(q, 4);  // 50..53
  q.handle_sack(Tsn(51), 90000, {}, kT0);
  const uint32_t rwnd = q.peer_rwnd();
  const std::array<GapAckBlock, 1> g{{{2, 2}}};
  const SackOutcome o = q.handle_sack(Tsn(50), 1, g, kT0);
  EXPECT_TRUE(o.ignored);
  EXPECT_FALSE(o.violation);
  EXPECT_EQ(o.bytes_acked_gap, 0u);
  EXPECT_EQ(q.peer_rwnd(), rwnd);  // a_rwnd of a stale SACK is not used
  EXPECT_EQ(q.cumulative_tsn_ack(), Tsn(51));
  EXPECT_EQ(q.flight_size(), 2000u);
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_2_1_SackAckingUnsentTsnIsViolation) {
  RetransmissionQueue q(Tsn(50), 1500, 100000);
  add_n(q, 3);  // 50..52
  SackOutcome o = q.handle_sack(Tsn(53), 100000, {}, kT0);
  EXPECT_TRUE(o.ignored);
  EXPECT_TRUE(o.violation);
  const std::array<GapAckBlock, 1> g{{{2, 3}}};  // 52 ok, 53 never sent
  o = q.handle_sack(Tsn(50), 100000, g, kT0);
  EXPECT_TRUE(o.ignored);
  EXPECT_TRUE(o.violation);
  EXPECT_EQ(q.cumulative_tsn_ack(), Tsn(49));
  EXPECT_EQ(q.flight_size(), 3000u);
  // Nothing sent at all: any cum ack above the point is a violation.
  RetransmissionQueue empty(Tsn(7), 1500, 100000);
  EXPECT_TRUE(empty.handle_sack(Tsn(7), 100000, {}, kT0).violation);
  EXPECT_FALSE(empty.handle_sack(Tsn(6), 100000, {}, kT0).ignored);
}

TEST_F(RetransmissionQueueTest, Rfc9260_6_2_1_PeerRwndArithmetic) {
  RetransmissionQueue q(Tsn(1), 1500, 10000);
  add_n(q, 3);
  EXPECT_EQ(q.peer_rwnd(), 7000u);  // §6.2.1 C: minus each chunk sent
  q.handle_sack(Tsn(1), 9000, {}, kT0);
  EXPECT_EQ(q.peer_rwnd(), 7000u);  // D ii: a_rwnd 9000 - 2000 in flight
  q.handle_sack(Tsn(1), 1500, {}, kT0);
  EXPECT_EQ(q.peer_rwnd(), 0u);  // saturates
  EXPECT_FALSE(q.can_send_zero_window_probe());
  q.handle_t3_expiry(0);
  EXPECT_EQ(q.flight_size(), 0u);
  q.handle_sack(Tsn(1), 5000, {}, kT0);
  EXPECT_EQ(q.peer_rwnd(), 5000u);  // marked chunks are not in flight
  q.mark_retransmitted(Tsn(2), 0, kT0);
  EXPECT_EQ(q.peer_rwnd(), 4000u);  // C: retransmissions count too
  q.handle_sack(Tsn(3), 0, {}, kT0);
  EXPECT_EQ(q.peer_rwnd(), 0u);
  EXPECT_TRUE(q.empty());
  EXPECT_TRUE(q.can_send_zero_window_probe());  // §6.1 A
  q.add(message(500), 0, kT0);
  EXPECT_FALSE(q.can_send_zero_window_probe());
}

TEST_F(RetransmissionQueueTest, Rfc1982_TsnWrapAround) {
  RetransmissionQueue q(Tsn(0xFFFFFFFE), 1500, 100000);
  const Tsn first = add_n(q, 6);  // FFFFFFFE, FFFFFFFF, 0, 1, 2, 3
  EXPECT_EQ(first, Tsn(0xFFFFFFFE));
  EXPECT_EQ(q.next_tsn(), Tsn(4));
  EXPECT_EQ(q.view(Tsn(0)).tsn, Tsn(0));
  const std::array<GapAckBlock, 1> g{{{2, 3}}};  // 1, 2
  SackOutcome o = q.handle_sack(Tsn(0xFFFFFFFF), 100000, g, kT0);
  EXPECT_EQ(o.bytes_acked_cum, 2000u);
  EXPECT_EQ(o.bytes_acked_gap, 2000u);
  EXPECT_EQ(q.cumulative_tsn_ack(), Tsn(0xFFFFFFFF));
  EXPECT_TRUE(q.handle_sack(Tsn(0xFFFFFFFD), 100000, {}, kT0).ignored);
  o = q.handle_sack(Tsn(3), 100000, {}, kT0);
  EXPECT_EQ(o.bytes_acked_cum, 2000u);
  EXPECT_TRUE(o.all_acked);
  EXPECT_EQ(q.cumulative_tsn_ack(), Tsn(3));
  EXPECT_EQ(pool_.live_buffers(), 0u);
}

TEST_F(RetransmissionQueueTest, HundredThousandChunksMemoryBounded) {
  RetransmissionQueue q(Tsn(0xFFFF0000), 1500, 65536);
  EXPECT_EQ(q.capacity(), 0u);  // nothing allocated before the first add()
  size_t capacity = 0;
  uint64_t acked = 0;
  for (int round = 0; round < 5000; ++round) {
    if (round == 1) capacity = q.capacity();  // the high-water mark is reached in round 0
    add_n(q, 20, 100);
    const std::array<GapAckBlock, 1> g{{{2, 20}}};
    SackOutcome o = q.handle_sack(q.cumulative_tsn_ack(), 65536, g, kT0);
    acked += o.bytes_acked_gap;
    o = q.handle_sack(q.next_tsn().next(0xFFFFFFFF), 65536, {}, kT0);
    acked += o.bytes_acked_cum;
    ASSERT_TRUE(o.all_acked);
  }
  EXPECT_EQ(acked, 100000u * 100u);
  EXPECT_EQ(q.next_tsn(), Tsn(0xFFFF0000).next(100000));  // wrapped past 2^32
  EXPECT_EQ(q.capacity(), capacity);
  EXPECT_EQ(pool_.live_buffers(), 0u);
  EXPECT_LE(pool_.free_buffers(), 20u);
}

TEST_F(RetransmissionQueueTest, IdleQueueAllocatesNothingAndGrowsOnlyToTheHighWaterMark) {
  // A peer window of 64 MB of 1500-byte chunks used to size the ring at creation.
  RetransmissionQueue q(Tsn(1), 1500, 64 * 1024 * 1024);
  EXPECT_EQ(q.capacity(), 0u);
  add_n(q, 1, 100);
  const size_t first = q.capacity();
  EXPECT_GT(first, 0u);
  EXPECT_LE(first, 64u);
  // 200 chunks outstanding: a few doublings, to a power of two covering them.
  add_n(q, 199, 100);
  const size_t high = q.capacity();
  EXPECT_GE(high, 200u);
  EXPECT_LT(high, 400u);
  EXPECT_EQ(high & (high - 1), 0u);
  // Acking everything and sending the same amount again reuses the ring.
  for (int round = 0; round < 10; ++round) {
    ASSERT_TRUE(q.handle_sack(q.next_tsn().next(0xFFFFFFFF), 64 * 1024 * 1024, {}, kT0).all_acked);
    add_n(q, 200, 100);
    ASSERT_EQ(q.capacity(), high);
  }
}

TEST_F(RetransmissionQueueTest, RingGrowsBeyondInitialCapacityKeepingOrder) {
  RetransmissionQueue q(Tsn(0xFFFFFF00), 1500, 1000);
  add_n(q, 10, 10);
  q.handle_sack(Tsn(0xFFFFFF04), 1000, {}, kT0);  // head not at slot 0
  const size_t capacity = q.capacity();
  add_n(q, static_cast<int>(capacity), 10);
  EXPECT_GT(q.capacity(), capacity);
  const Tsn last = q.next_tsn().next(0xFFFFFFFF);
  EXPECT_EQ(q.view(Tsn(0xFFFFFF05)).tsn, Tsn(0xFFFFFF05));
  EXPECT_EQ(q.view(last).payload.size(), 10u);
  const SackOutcome o = q.handle_sack(last, 1000, {}, kT0);
  EXPECT_EQ(o.bytes_acked_cum, (5 + capacity) * 10);
  EXPECT_TRUE(o.all_acked);
}

TEST_F(RetransmissionQueueTest, Rfc6458_6_1_4_DrainReportsEachUnackedMessageOnce) {
  RetransmissionQueue q(Tsn(1), 1500, 100000);
  q.add(message(100, 1), 0, kT0);  // 1: acked
  Fragment whole = message(3000, 2);
  for (uint32_t i = 0; i < 3; ++i) {  // 2, 3, 4: one message, 2 acked
    Fragment f = whole;
    f.offset = i * 1000;
    f.length = 1000;
    f.beginning = i == 0;
    f.ending = i == 2;
    q.add(std::move(f), 0, kT0);
  }
  whole.payload.reset();
  q.add(message(200, 3), 0, kT0);  // 5: gap-acked, not reported
  q.add(message(300, 4), 0, kT0);  // 6: in flight
  const std::array<GapAckBlock, 1> g{{{3, 3}}};
  q.handle_sack(Tsn(2), 100000, g, kT0);
  struct Report {
    uint32_t context;
    size_t size;
  };
  std::vector<Report> reports;
  q.drain([&](StreamId s, Ppid p, uint32_t context, wire::ByteSpan whole_message) {
    EXPECT_EQ(s, StreamId(1));
    EXPECT_EQ(p, Ppid(46));
    reports.push_back({context, whole_message.size()});
  });
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].context, 2u);
  EXPECT_EQ(reports[0].size, 3000u);
  EXPECT_EQ(reports[1].context, 4u);
  EXPECT_EQ(reports[1].size, 300u);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.flight_size(), 0u);
  EXPECT_EQ(pool_.live_buffers(), 0u);
  int again = 0;
  q.drain([&](StreamId, Ppid, uint32_t, wire::ByteSpan) { ++again; });
  EXPECT_EQ(again, 0);
}

TEST_F(RetransmissionQueueTest, Rfc8260_2_1_DrainReportsInterleavedMessagesOnce) {
  // With I-DATA the fragments of two messages alternate in TSN order: A1 B1 A2 B2.
  RetransmissionQueue q(Tsn(1), 1500, 100000);
  Fragment a = message(2000, 5);
  Fragment b = message(1600, 6, 2);
  for (uint32_t i = 0; i < 2; ++i) {
    for (Fragment* whole : {&a, &b}) {
      Fragment f = *whole;
      f.length = whole->length / 2;
      f.offset = i * f.length;
      f.beginning = i == 0;
      f.ending = i == 1;
      q.add(std::move(f), 0, kT0);
    }
  }
  a.payload.reset();
  b.payload.reset();
  std::vector<std::pair<uint32_t, size_t>> reports;
  q.drain([&](StreamId, Ppid, uint32_t context, wire::ByteSpan whole_message) {
    reports.emplace_back(context, whole_message.size());
  });
  const std::vector<std::pair<uint32_t, size_t>> expected{{5u, 2000u}, {6u, 1600u}};
  EXPECT_EQ(reports, expected);
  EXPECT_EQ(pool_.live_buffers(), 0u);
}

TEST_F(RetransmissionQueueTest, MarkRetransmittedIgnoresUnknownOrUnmarkedTsn) {
  RetransmissionQueue q(Tsn(1), 1500, 100000);
  add_n(q, 2);
  q.mark_retransmitted(Tsn(2), 0, kT0);   // not marked
  q.mark_retransmitted(Tsn(99), 0, kT0);  // not outstanding
  EXPECT_EQ(q.flight_size(), 2000u);
  EXPECT_FALSE(q.view(Tsn(2)).is_retransmission);
}

}  // namespace
}  // namespace dpsctp::core
