// RetransmissionQueue, PR-SCTP sender side: abandoning messages (RFC 3758 §3.5 A2, A3,
// timed reliability; RFC 7496 §3.1 limited retransmissions), the Advanced.Peer.Ack.Point
// (C1, C2), when a FORWARD TSN is due (C3, A5) and what it lists (C4, §3.2).
#include <gtest/gtest.h>

#include <vector>

#include "core/tx/retransmission_queue.h"

namespace dpsctp::core {
namespace {

using wire::GapAckBlock;
using Skipped = wire::ForwardTsnChunk::SkippedStream;

const Instant kT0 = Instant{} + 1000s;

struct Report {
  uint32_t context;
  size_t size;
};

class PrsctpQueueTest : public ::testing::Test {
 protected:
  struct Msg {
    uint16_t stream = 1;
    uint16_t ssn = 0;
    bool unordered = false;
    Duration lifetime = Duration::max();
    uint16_t max_retransmits = 0xFFFF;
    uint32_t fragments = 1;
    uint32_t context = 0;
    bool last_cut = true;  // false: the rest of the message is still in the send queue
  };
  // Adds one message of `m.fragments` 100-byte fragments (one shared buffer, consecutive
  // TSNs, as the send queue cuts them) on path 0; returns the TSN of its first fragment.
  Tsn add(RetransmissionQueue& q, const Msg& m) {
    const std::vector<std::byte> data(100 * m.fragments, std::byte{0x5A});
    const PayloadRef buf = pool_.copy_in(data);
    const Tsn first = q.next_tsn();
    for (uint32_t i = 0; i < m.fragments; ++i) {
      Fragment f;
      f.stream = StreamId(m.stream);
      f.ssn = Ssn(m.ssn);
      f.ppid = Ppid(51);
      f.unordered = m.unordered;
      f.beginning = i == 0;
      f.ending = m.last_cut && i + 1 == m.fragments;
      f.payload = buf;
      f.offset = 100 * i;
      f.length = 100;
      f.context = m.context;
      f.expires = m.lifetime == Duration::max() ? kNever : kT0 + m.lifetime;
      f.max_retransmits = m.max_retransmits;
      q.add(std::move(f), 0, kT0);
    }
    return first;
  }
  static std::vector<Report> take(RetransmissionQueue& q) {
    std::vector<Report> r;
    q.take_abandoned([&](const Fragment& f, wire::ByteSpan whole) {
      r.push_back({f.context, whole.size()});
    });
    return r;
  }
  static RetransmissionQueue pr_queue() {
    RetransmissionQueue q(Tsn(100), 1500, 100000);
    q.set_partial_reliability(true);
    return q;
  }

  PayloadPool pool_;
};

TEST_F(PrsctpQueueTest, WithoutPeerSupportLifetimeAndRetransmitLimitAreIgnored) {
  // RFC 3758 §3.3.1: without Forward-TSN-Supported the peer could never skip the TSN, so a
  // sent message stays fully reliable.
  RetransmissionQueue q(Tsn(100), 1500, 100000);
  add(q, {.lifetime = 10ms, .max_retransmits = 0});
  EXPECT_EQ(q.abandon_expired(kT0 + 1s), 0u);
  q.handle_t3_expiry(0);
  EXPECT_TRUE(q.has_retransmissions());
  EXPECT_FALSE(q.forward_tsn_due());
  EXPECT_EQ(q.abandoned_to_report(), 0u);
}

TEST_F(PrsctpQueueTest, Rfc3758_3_5_TimedReliabilityAbandonsExpiredMessageInFlight) {
  RetransmissionQueue q = pr_queue();
  add(q, {.ssn = 0, .context = 1});
  add(q, {.ssn = 1, .lifetime = 50ms, .context = 2});
  add(q, {.ssn = 2, .context = 3});
  EXPECT_EQ(q.abandon_expired(kT0 + 50ms), 0u);  // ends at 50 ms: still alive then
  EXPECT_EQ(q.abandon_expired(kT0 + 51ms), 1u);
  EXPECT_EQ(q.flight_size(), 200u);  // the abandoned chunk left the flight
  EXPECT_EQ(q.outstanding_chunks(), 3u);
  const std::vector<Report> r = take(q);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].context, 2u);
  EXPECT_TRUE(take(q).empty());  // reported once
  EXPECT_EQ(q.abandon_expired(kT0 + 1s), 0u);
  // TSN 100 is not acked: nothing to skip yet (C2 starts at the cumulative ack).
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(99));
  EXPECT_FALSE(q.forward_tsn_due());
  // A T3 expiry does not resend the abandoned chunk.
  q.handle_t3_expiry(0);
  for (auto c = q.next_retransmission(1500); c; c = q.next_retransmission(1500)) {
    EXPECT_NE(c->tsn, Tsn(101));
    q.mark_retransmitted(c->tsn, 0, kT0 + 1s);
  }
}

TEST_F(PrsctpQueueTest, Rfc3758_3_5_C1_C2_C3_SackMovesAckPointAcrossAbandonedTsns) {
  RetransmissionQueue q = pr_queue();
  add(q, {.ssn = 0});
  add(q, {.ssn = 1, .lifetime = 10ms});
  add(q, {.ssn = 2});
  ASSERT_EQ(q.abandon_expired(kT0 + 20ms), 1u);
  (void)take(q);
  // C1: the SACK's cum ack 100 becomes the ack point; C2: 101 is abandoned: 101.
  // C3: 101 > the SACK's cum ack: a FORWARD TSN is due.
  const SackOutcome o = q.handle_sack(Tsn(100), 100000, {}, kT0 + 30ms);
  EXPECT_EQ(o.bytes_acked_cum, 100u);
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(101));
  ASSERT_TRUE(q.forward_tsn_due());
  std::vector<Skipped> skipped;
  EXPECT_EQ(q.make_forward_tsn(skipped, 100), Tsn(101));
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].stream, StreamId(1));
  EXPECT_EQ(skipped[0].ssn, Ssn(1));
  EXPECT_FALSE(q.forward_tsn_due());
  // The peer took the FORWARD TSN: its SACK acks 101, the abandoned buffer is released
  // and §3.5 A2: "MUST NOT credit an abandoned data chunk" to cwnd.
  const size_t live = pool_.live_buffers();
  const SackOutcome o2 = q.handle_sack(Tsn(101), 100000, {}, kT0 + 40ms);
  EXPECT_EQ(o2.bytes_acked_cum, 0u);
  EXPECT_EQ(o2.acked_messages_done, 0u);
  EXPECT_EQ(pool_.live_buffers(), live - 1);
  EXPECT_FALSE(q.forward_tsn_due());
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(101));
}

TEST_F(PrsctpQueueTest, Rfc3758_3_5_C2_AckPointStopsAtTheFirstChunkNotAbandoned) {
  // The RFC's example: 102 acked, 103 and 104 abandoned, 105 outstanding, 106 acked:
  // the Advanced.Peer.Ack.Point moves from 102 to 104.
  RetransmissionQueue q(Tsn(102), 1500, 100000);
  q.set_partial_reliability(true);
  add(q, {.ssn = 0});                    // 102
  add(q, {.ssn = 1, .lifetime = 10ms});  // 103
  add(q, {.ssn = 2, .lifetime = 10ms});  // 104
  add(q, {.ssn = 3});                    // 105
  add(q, {.ssn = 4, .lifetime = 10ms});  // 106, gap-acked below: not abandoned
  const GapAckBlock gap[] = {{4, 4}};
  (void)q.handle_sack(Tsn(102), 100000, gap, kT0 + 5ms);
  EXPECT_FALSE(q.forward_tsn_due());
  ASSERT_EQ(q.abandon_expired(kT0 + 20ms), 2u);
  EXPECT_EQ(take(q).size(), 2u);
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(104));
  EXPECT_TRUE(q.forward_tsn_due());  // new TSNs to skip: due without waiting for a SACK
  std::vector<Skipped> skipped;
  EXPECT_EQ(q.make_forward_tsn(skipped, 100), Tsn(104));
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].ssn, Ssn(2));  // C4: only the highest SSN of the stream
}

TEST_F(PrsctpQueueTest, Rfc3758_3_5_A3_EveryFragmentOfTheMessageIsAbandonedAndReportedOnce) {
  RetransmissionQueue q = pr_queue();
  const Tsn first = add(q, {.ssn = 0, .lifetime = 10ms, .fragments = 3, .context = 9});
  add(q, {.ssn = 1});
  // The middle fragment is gap-acked, the first is marked for retransmission.
  const GapAckBlock gap[] = {{2, 2}};
  (void)q.handle_sack(first.next(0xFFFFFFFFu), 100000, gap, kT0 + 1ms);
  q.handle_t3_expiry(0);
  EXPECT_TRUE(q.has_retransmissions());
  ASSERT_EQ(q.abandon_expired(kT0 + 11ms), 1u);
  // Fragments 100 and 102 were due for retransmission: none is any more; only message 2
  // (TSN 103) would still be retransmitted.
  const auto c = q.next_retransmission(1500);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->tsn, Tsn(103));
  const std::vector<Report> r = take(q);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].context, 9u);
  EXPECT_EQ(r[0].size, 300u);  // the whole message is handed back
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(102));
  std::vector<Skipped> skipped;
  EXPECT_EQ(q.make_forward_tsn(skipped, 100), Tsn(102));
}

TEST_F(PrsctpQueueTest, Rfc3758_3_5_PartlySentMessageGetsAnAbandonedEndTsnToSkip) {
  // Two fragments sent, the rest never cut. Even if the peer holds both sent TSNs, its
  // ordered stream must learn that SSN 5 is skipped: a placeholder end TSN (never sent)
  // lets the FORWARD TSN go past the peer's cumulative TSN.
  RetransmissionQueue q = pr_queue();
  add(q, {.ssn = 5, .lifetime = 1ms, .fragments = 2, .context = 4, .last_cut = false});
  ASSERT_EQ(q.abandon_expired(kT0 + 2ms), 1u);
  EXPECT_EQ(q.next_tsn(), Tsn(103));  // 100, 101 sent; 102 the placeholder
  EXPECT_EQ(q.flight_size(), 0u);
  EXPECT_EQ(q.outstanding_bytes(), 200u);
  const std::vector<Report> r = take(q);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].size, 200u);
  // The peer had both fragments: its SACK says 101; C3 still asks for a FORWARD TSN.
  (void)q.handle_sack(Tsn(101), 100000, {}, kT0 + 5ms);
  EXPECT_TRUE(q.forward_tsn_due());
  std::vector<Skipped> skipped;
  EXPECT_EQ(q.make_forward_tsn(skipped, 100), Tsn(102));
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].ssn, Ssn(5));
  const SackOutcome o = q.handle_sack(Tsn(102), 100000, {}, kT0 + 10ms);
  EXPECT_FALSE(o.violation);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(pool_.live_buffers(), 0u);
}

TEST_F(PrsctpQueueTest, Rfc3758_3_2_C4_OneEntryPerOrderedStreamUnorderedNotListed) {
  RetransmissionQueue q = pr_queue();
  add(q, {.stream = 1, .ssn = 3, .lifetime = 1ms});
  add(q, {.stream = 2, .ssn = 9, .lifetime = 1ms, .fragments = 2});
  add(q, {.stream = 3, .unordered = true, .lifetime = 1ms});
  add(q, {.stream = 1, .ssn = 4, .lifetime = 1ms});
  add(q, {.stream = 4, .ssn = 0});
  ASSERT_EQ(q.abandon_expired(kT0 + 2ms), 4u);
  EXPECT_EQ(take(q).size(), 4u);
  std::vector<Skipped> skipped;
  EXPECT_EQ(q.make_forward_tsn(skipped, 100), Tsn(104));
  ASSERT_EQ(skipped.size(), 2u);
  EXPECT_EQ(skipped[0].stream, StreamId(1));
  EXPECT_EQ(skipped[0].ssn, Ssn(4));
  EXPECT_EQ(skipped[1].stream, StreamId(2));
  EXPECT_EQ(skipped[1].ssn, Ssn(9));
  // C4: a FORWARD TSN that would not fit lowers the New Cumulative TSN to the last TSN
  // whose streams fit: with room for one stream, up to 100 (stream 2 starts at 101).
  EXPECT_EQ(q.make_forward_tsn(skipped, 1), Tsn(100));
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_EQ(skipped[0].ssn, Ssn(3));
}

TEST_F(PrsctpQueueTest, Rfc3758_3_5_A5_T3ExpiryMakesAnUnansweredForwardTsnDueAgain) {
  RetransmissionQueue q = pr_queue();
  add(q, {.lifetime = 1ms});
  add(q, {.ssn = 1});
  ASSERT_EQ(q.abandon_expired(kT0 + 2ms), 1u);
  (void)take(q);
  std::vector<Skipped> skipped;
  ASSERT_TRUE(q.forward_tsn_due());
  EXPECT_EQ(q.make_forward_tsn(skipped, 100), Tsn(100));
  EXPECT_FALSE(q.forward_tsn_due());
  // The FORWARD TSN was lost: the next SACK still says 99 (C3), and so does T3 (A5).
  (void)q.handle_sack(Tsn(99), 100000, {}, kT0 + 10ms);
  EXPECT_TRUE(q.forward_tsn_due());
  (void)q.make_forward_tsn(skipped, 100);
  q.handle_t3_expiry(0);
  EXPECT_TRUE(q.forward_tsn_due());
}

TEST_F(PrsctpQueueTest, Rfc7496_3_1_RetransmitLimitZeroAbandonsAtTheFirstRetransmission) {
  RetransmissionQueue q = pr_queue();
  add(q, {.max_retransmits = 0, .context = 5});
  add(q, {.ssn = 1});
  q.handle_t3_expiry(0);
  const auto c = q.next_retransmission(1500);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->tsn, Tsn(101));  // only the fully reliable one
  const std::vector<Report> r = take(q);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].context, 5u);
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(100));
  EXPECT_TRUE(q.forward_tsn_due());
}

TEST_F(PrsctpQueueTest, Rfc7496_3_1_RetransmitLimitOneAllowsOneRetransmission) {
  RetransmissionQueue q = pr_queue();
  add(q, {.max_retransmits = 1});
  q.handle_t3_expiry(0);
  auto c = q.next_retransmission(1500);
  ASSERT_TRUE(c.has_value());
  q.mark_retransmitted(c->tsn, 0, kT0 + 1s);
  EXPECT_EQ(q.abandoned_to_report(), 0u);
  q.handle_t3_expiry(0);  // the second retransmission would exceed the limit
  EXPECT_FALSE(q.has_retransmissions());
  EXPECT_EQ(q.flight_size(), 0u);
  EXPECT_EQ(take(q).size(), 1u);
}

TEST_F(PrsctpQueueTest, Rfc7496_3_1_FastRetransmitPastTheLimitAbandonsInstead) {
  RetransmissionQueue q = pr_queue();
  add(q, {.max_retransmits = 0});
  for (int i = 0; i < 4; ++i) add(q, {.ssn = static_cast<uint16_t>(i + 1)});
  SackOutcome o;
  for (uint16_t end = 2; end <= 4; ++end) {  // three SACKs each newly acking one TSN
    const GapAckBlock gap[] = {{2, end}};
    o = q.handle_sack(Tsn(99), 100000, gap, kT0 + std::chrono::milliseconds(end));
  }
  EXPECT_TRUE(o.fast_retransmit_triggered);  // the loss is still a congestion signal
  EXPECT_FALSE(q.has_retransmissions());
  EXPECT_FALSE(q.fast_retransmit_pending());
  EXPECT_EQ(take(q).size(), 1u);
  EXPECT_TRUE(q.forward_tsn_due());
  EXPECT_EQ(q.advanced_peer_ack_point(), Tsn(100));
}

TEST_F(PrsctpQueueTest, Rfc6458_6_1_4_DrainReportsOnlyAbandonedMessagesNotReportedYet) {
  RetransmissionQueue q = pr_queue();
  add(q, {.lifetime = 1ms, .context = 1});  // abandoned and reported
  add(q, {.ssn = 1, .context = 2});         // in flight
  ASSERT_EQ(q.abandon_expired(kT0 + 2ms), 1u);
  ASSERT_EQ(take(q).size(), 1u);
  add(q, {.ssn = 2, .max_retransmits = 0, .context = 3});
  q.handle_t3_expiry(0);  // abandons message 3, not reported yet
  std::vector<uint32_t> drained;
  q.drain([&](StreamId, Ppid, uint32_t ctx, wire::ByteSpan) { drained.push_back(ctx); });
  EXPECT_EQ(drained, (std::vector<uint32_t>{2, 3}));
  EXPECT_EQ(q.abandoned_to_report(), 0u);
  EXPECT_TRUE(take(q).empty());
  EXPECT_EQ(pool_.live_buffers(), 0u);
}

}  // namespace
}  // namespace dpsctp::core
