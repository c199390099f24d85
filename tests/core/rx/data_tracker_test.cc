#include "core/rx/data_tracker.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "wire/chunk/sack_chunk.h"
#include "wire/chunk_view.h"

namespace dpsctp::core {
namespace {

constexpr Instant kT0 = Instant(1000s);

struct ParsedSack {
  Tsn cum;
  uint32_t a_rwnd = 0;
  std::vector<wire::GapAckBlock> gaps;
  std::vector<uint32_t> dups;
  size_t length = 0;
};

class DataTrackerTest : public ::testing::Test {
 protected:
  explicit DataTrackerTest(uint32_t initial = 100) : t_(Tsn(initial), AssociationOptions{}) {}

  // Observes one packet carrying `tsns`, ends it at `now`.
  void packet(std::initializer_list<uint32_t> tsns, Instant now = kT0, bool ibit = false) {
    for (uint32_t v : tsns) t_.observe(Tsn(v), ibit);
    t_.on_packet_end(now);
  }

  ParsedSack sack(size_t max_size = 1500, uint32_t a_rwnd = 4096) {
    std::array<std::byte, 2048> buf{};
    wire::BufferWriter w(buf);
    ParsedSack p;
    p.length = t_.write_sack(w, a_rwnd, max_size);
    if (p.length == 0) return p;
    EXPECT_TRUE(w.ok());
    EXPECT_EQ(p.length, w.size());
    const auto view = wire::ChunkView::parse(w.written());
    EXPECT_TRUE(view.ok());
    if (!view.ok()) return p;
    auto s = wire::SackChunk::parse(*view);
    EXPECT_TRUE(s.ok());
    if (!s.ok()) return p;
    p.cum = s->cum_tsn_ack;
    p.a_rwnd = s->a_rwnd;
    for (size_t i = 0; i < s->num_gap_blocks; ++i) p.gaps.push_back(s->gap_block(i));
    for (size_t i = 0; i < s->num_dup_tsns; ++i) p.dups.push_back(s->dup_tsn(i).value());
    return p;
  }

  DataTracker t_;
};

class DataTrackerWrapTest : public DataTrackerTest {
 protected:
  DataTrackerWrapTest() : DataTrackerTest(0xFFFFFFFE) {}
};

TEST_F(DataTrackerTest, Rfc9260_6_2_1_CumAckStartsBelowInitialTsn) {
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(99));
  EXPECT_EQ(t_.gap_block_count(), 0u);
  EXPECT_FALSE(t_.has_unacked_data());
  EXPECT_FALSE(t_.sack_needed_now());
  EXPECT_EQ(t_.delayed_sack_deadline(), kNever);
}

TEST_F(DataTrackerTest, Rfc9260_6_2_1_InSequenceAdvancesCumAck) {
  EXPECT_TRUE(t_.observe(Tsn(100), false));
  EXPECT_TRUE(t_.observe(Tsn(101), false));
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(101));
  EXPECT_EQ(t_.gap_block_count(), 0u);
}

TEST_F(DataTrackerTest, Rfc9260_6_2_DelayedSackForFirstPacket) {
  packet({100});
  EXPECT_FALSE(t_.sack_needed_now());
  EXPECT_TRUE(t_.has_unacked_data());
  EXPECT_EQ(t_.delayed_sack_deadline(), kT0 + 200ms);
}

TEST_F(DataTrackerTest, Rfc9260_6_2_SackEverySecondPacket) {
  packet({100});
  packet({101}, kT0 + 10ms);
  EXPECT_TRUE(t_.sack_needed_now());
  // The deadline stays where the first unacked packet put it.
  EXPECT_EQ(t_.delayed_sack_deadline(), kT0 + 200ms);
  t_.on_sack_sent();
  EXPECT_FALSE(t_.sack_needed_now());
  EXPECT_FALSE(t_.has_unacked_data());
  EXPECT_EQ(t_.delayed_sack_deadline(), kNever);
  packet({102}, kT0 + 20ms);
  EXPECT_FALSE(t_.sack_needed_now());
  EXPECT_EQ(t_.delayed_sack_deadline(), kT0 + 220ms);
}

TEST(DataTracker, Rfc9260_6_2_SackFrequencyOneAcksEveryPacket) {
  AssociationOptions o;
  o.sack_freq = 1;
  o.sack_timeout = 50ms;
  DataTracker t(Tsn(1), o);
  t.observe(Tsn(1), false);
  t.on_packet_end(kT0);
  EXPECT_TRUE(t.sack_needed_now());
  EXPECT_EQ(t.delayed_sack_deadline(), kT0 + 50ms);
}

TEST_F(DataTrackerTest, Rfc9260_6_2_DelayedSackTimeout) {
  packet({100});
  t_.on_delayed_sack_timeout(kT0 + 199ms);  // early: ignored
  EXPECT_FALSE(t_.sack_needed_now());
  t_.on_delayed_sack_timeout(kT0 + 200ms);
  EXPECT_TRUE(t_.sack_needed_now());
}

TEST_F(DataTrackerTest, Rfc9260_6_2_TimeoutWithoutPendingDataDoesNothing) {
  t_.on_delayed_sack_timeout(kT0 + 10s);
  EXPECT_FALSE(t_.sack_needed_now());
}

TEST_F(DataTrackerTest, Rfc9260_6_2_MultipleChunksInOnePacketCountOnce) {
  packet({100, 101, 102});
  EXPECT_FALSE(t_.sack_needed_now());
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(102));
}

TEST_F(DataTrackerTest, Rfc9260_6_7_GapTriggersImmediateSack) {
  packet({100});
  packet({102});
  EXPECT_TRUE(t_.sack_needed_now());
  EXPECT_EQ(t_.gap_block_count(), 1u);
  const ParsedSack s = sack();
  EXPECT_EQ(s.cum, Tsn(100));
  ASSERT_EQ(s.gaps.size(), 1u);
  EXPECT_EQ(s.gaps[0], (wire::GapAckBlock{2, 2}));
}

TEST_F(DataTrackerTest, Rfc9260_6_7_EveryPacketWhileGapPersists) {
  packet({101});
  t_.on_sack_sent();
  packet({103});
  EXPECT_TRUE(t_.sack_needed_now());
  t_.on_sack_sent();
  packet({104});  // in sequence with the last range, gap remains
  EXPECT_TRUE(t_.sack_needed_now());
}

TEST_F(DataTrackerTest, Rfc9260_6_7_FilledGapTriggersImmediateSack) {
  packet({101, 102});
  t_.on_sack_sent();
  packet({100});
  EXPECT_TRUE(t_.sack_needed_now());
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(102));
  EXPECT_EQ(t_.gap_block_count(), 0u);
  t_.on_sack_sent();
  packet({103});  // back to delayed acknowledgement
  EXPECT_FALSE(t_.sack_needed_now());
}

TEST_F(DataTrackerTest, Rfc9260_3_3_4_GapBlocksMergeAndSplit) {
  packet({102, 103, 105, 107, 106});
  EXPECT_EQ(t_.gap_block_count(), 2u);
  ParsedSack s = sack();
  EXPECT_EQ(s.cum, Tsn(99));
  ASSERT_EQ(s.gaps.size(), 2u);
  EXPECT_EQ(s.gaps[0], (wire::GapAckBlock{3, 4}));
  EXPECT_EQ(s.gaps[1], (wire::GapAckBlock{6, 8}));
  packet({104});  // joins the two ranges
  EXPECT_EQ(t_.gap_block_count(), 1u);
  packet({100, 101});  // fills the gap
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(107));
  EXPECT_EQ(t_.gap_block_count(), 0u);
  s = sack();
  EXPECT_EQ(s.cum, Tsn(107));
  EXPECT_TRUE(s.gaps.empty());
  EXPECT_EQ(s.length, 16u);
}

TEST_F(DataTrackerTest, Rfc9260_6_2_DuplicatesListedAndCounted) {
  packet({100, 101});
  EXPECT_FALSE(t_.observe(Tsn(100), false));  // at the cum ack
  EXPECT_FALSE(t_.observe(Tsn(101), false));
  EXPECT_TRUE(t_.observe(Tsn(103), false));
  EXPECT_FALSE(t_.observe(Tsn(103), false));  // above the cum ack, already received
  t_.on_packet_end(kT0);
  EXPECT_EQ(t_.duplicate_tsns_total(), 3u);
  const ParsedSack s = sack();
  EXPECT_EQ(s.dups, (std::vector<uint32_t>{100, 101, 103}));
  t_.on_sack_sent();
  EXPECT_EQ(t_.pending_duplicate_count(), 0u);
  EXPECT_TRUE(sack().dups.empty());
}

TEST_F(DataTrackerTest, Rfc9260_6_2_DuplicateOnlyPacketSacksImmediately) {
  packet({100});
  t_.on_sack_sent();
  packet({100});
  EXPECT_TRUE(t_.sack_needed_now());
  EXPECT_EQ(t_.observe_tsn(Tsn(100), false), DataTracker::Observation::kDuplicate);
}

TEST_F(DataTrackerTest, Rfc9260_6_2_DuplicateListIsBounded) {
  packet({100});
  for (int i = 0; i < 100; ++i) t_.observe(Tsn(100), false);
  t_.on_packet_end(kT0);
  EXPECT_EQ(t_.pending_duplicate_count(), DataTracker::kMaxDuplicates);
  EXPECT_EQ(t_.duplicate_tsns_total(), 100u);
  EXPECT_EQ(sack().dups.size(), DataTracker::kMaxDuplicates);
}

TEST_F(DataTrackerTest, Rfc7053_4_ImmediateBitSacksAtOnce) {
  packet({100}, kT0, /*ibit=*/true);
  EXPECT_TRUE(t_.sack_needed_now());
}

TEST_F(DataTrackerTest, Rfc9260_9_2_ForceImmediateSack) {
  t_.force_immediate_sack();
  EXPECT_TRUE(t_.sack_needed_now());
  EXPECT_FALSE(t_.has_unacked_data());
  EXPECT_EQ(sack().cum, Tsn(99));
}

TEST_F(DataTrackerTest, Rfc9260_3_3_4_SackRespectsMaxSize) {
  packet({102, 104, 106, 108});
  t_.observe(Tsn(102), false);
  t_.observe(Tsn(104), false);
  t_.on_packet_end(kT0);
  ParsedSack s = sack(1500);
  EXPECT_EQ(s.gaps.size(), 4u);
  EXPECT_EQ(s.dups.size(), 2u);
  EXPECT_EQ(s.length, 16u + 4 * 6);
  s = sack(16 + 4 * 5);  // one duplicate dropped first
  EXPECT_EQ(s.gaps.size(), 4u);
  EXPECT_EQ(s.dups, (std::vector<uint32_t>{102}));
  s = sack(16 + 4 * 3 + 2);  // then trailing gap blocks
  EXPECT_EQ(s.length, 28u);
  ASSERT_EQ(s.gaps.size(), 3u);
  EXPECT_EQ(s.gaps[2], (wire::GapAckBlock{7, 7}));
  EXPECT_TRUE(s.dups.empty());
  s = sack(15);
  EXPECT_EQ(s.length, 0u);
}

TEST_F(DataTrackerTest, Rfc9260_3_3_4_SackRespectsWriterSpace) {
  packet({102, 104});
  std::array<std::byte, 20> buf{};
  wire::BufferWriter w(buf);
  EXPECT_EQ(t_.write_sack(w, 1, 1500), 20u);
  EXPECT_TRUE(w.ok());
  std::array<std::byte, 8> small{};
  wire::BufferWriter w2(small);
  EXPECT_EQ(t_.write_sack(w2, 1, 1500), 0u);
  EXPECT_EQ(w2.size(), 0u);
}

TEST_F(DataTrackerTest, Rfc9260_3_3_4_AdvertisesGivenWindow) {
  packet({100});
  EXPECT_EQ(sack(1500, 123456).a_rwnd, 123456u);
}

TEST_F(DataTrackerWrapTest, Rfc9260_1_6_TsnWrapAround) {
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(0xFFFFFFFD));
  packet({0xFFFFFFFE, 0x00000001, 0x00000002});
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(0xFFFFFFFE));
  ParsedSack s = sack();
  ASSERT_EQ(s.gaps.size(), 1u);
  EXPECT_EQ(s.gaps[0], (wire::GapAckBlock{3, 4}));
  packet({0xFFFFFFFF});
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(0xFFFFFFFF));
  EXPECT_FALSE(t_.observe(Tsn(0xFFFFFFFE), false));
  packet({0});
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(2));
  EXPECT_EQ(t_.gap_block_count(), 0u);
}

TEST_F(DataTrackerWrapTest, Rfc3758_3_6_ForwardTsnAcrossWrap) {
  packet({0xFFFFFFFE, 3});
  EXPECT_TRUE(t_.handle_forward_tsn(Tsn(1)));
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(1));
  EXPECT_EQ(t_.gap_block_count(), 1u);
  EXPECT_TRUE(t_.handle_forward_tsn(Tsn(2)));
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(3));  // absorbed the range at 3
  EXPECT_EQ(t_.gap_block_count(), 0u);
}

TEST_F(DataTrackerTest, Rfc3758_3_6_ForwardTsnMovesCumAckAndDropsRanges) {
  packet({102, 103, 105, 108, 109});
  EXPECT_TRUE(t_.handle_forward_tsn(Tsn(104)));
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(105));
  EXPECT_EQ(t_.gap_block_count(), 1u);
  // A range straddling the new cum ack extends it.
  EXPECT_TRUE(t_.handle_forward_tsn(Tsn(108)));
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(109));
  EXPECT_EQ(t_.gap_block_count(), 0u);
  EXPECT_FALSE(t_.observe(Tsn(107), false));  // covered by the FORWARD TSN
}

TEST_F(DataTrackerTest, Rfc3758_3_6_StaleForwardTsnIgnoredAndSacked) {
  packet({100, 101});
  t_.on_sack_sent();
  EXPECT_FALSE(t_.handle_forward_tsn(Tsn(101)));
  EXPECT_FALSE(t_.handle_forward_tsn(Tsn(50)));
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(101));
  EXPECT_TRUE(t_.sack_needed_now());
}

TEST_F(DataTrackerTest, Rfc3758_3_6_ForwardTsnFollowsDataSackRules) {
  EXPECT_TRUE(t_.handle_forward_tsn(Tsn(110)));
  t_.on_packet_end(kT0);
  EXPECT_FALSE(t_.sack_needed_now());
  EXPECT_EQ(t_.delayed_sack_deadline(), kT0 + 200ms);
  EXPECT_TRUE(t_.has_unacked_data());
}

TEST_F(DataTrackerTest, Rfc9260_3_3_4_TsnBeyondGapOffsetRangeRejected) {
  EXPECT_EQ(t_.observe_tsn(Tsn(99 + 0x10000), false), DataTracker::Observation::kRejected);
  EXPECT_FALSE(t_.is_new(Tsn(99 + 0x10000)));
  EXPECT_TRUE(t_.is_new(Tsn(99 + 0xFFFF)));
  EXPECT_TRUE(t_.observe(Tsn(99 + 0xFFFF), false));
  t_.on_packet_end(kT0);
  EXPECT_EQ(t_.gap_block_count(), 1u);
  EXPECT_EQ(sack().gaps[0], (wire::GapAckBlock{0xFFFF, 0xFFFF}));
}

TEST_F(DataTrackerTest, Rfc9260_6_2_FarBehindTsnIsDuplicate) {
  EXPECT_EQ(t_.observe_tsn(Tsn(99 - 0x70000000U), false), DataTracker::Observation::kDuplicate);
}

TEST_F(DataTrackerTest, Rfc9260_6_2_RangeCapacityBoundsAbusivePeer) {
  // Every other TSN: one range each, until the list is full.
  for (uint32_t i = 0; i < DataTracker::kMaxGapRanges; ++i) {
    EXPECT_TRUE(t_.observe(Tsn(101 + 2 * i), false));
  }
  const Tsn extra(101 + 2 * static_cast<uint32_t>(DataTracker::kMaxGapRanges));
  EXPECT_FALSE(t_.is_new(extra));
  EXPECT_EQ(t_.observe_tsn(extra, false), DataTracker::Observation::kRejected);
  // A TSN next to an existing range still fits.
  EXPECT_TRUE(t_.is_new(Tsn(102)));
  EXPECT_TRUE(t_.observe(Tsn(102), false));
  t_.on_packet_end(kT0);
  EXPECT_TRUE(t_.sack_needed_now());
  EXPECT_EQ(t_.gap_block_count(), DataTracker::kMaxGapRanges - 1);
}

TEST_F(DataTrackerTest, Rfc9260_6_2_IsNewIsPure) {
  EXPECT_TRUE(t_.is_new(Tsn(100)));
  EXPECT_TRUE(t_.is_new(Tsn(100)));
  EXPECT_EQ(t_.cumulative_tsn_ack(), Tsn(99));
  EXPECT_FALSE(t_.is_new(Tsn(99)));
  t_.observe(Tsn(105), false);
  EXPECT_FALSE(t_.is_new(Tsn(105)));
  EXPECT_TRUE(t_.is_new(Tsn(104)));
}

TEST_F(DataTrackerTest, Rfc9260_6_2_OnPacketEndWithoutDataIsNoop) {
  t_.on_packet_end(kT0);
  EXPECT_FALSE(t_.sack_needed_now());
  EXPECT_EQ(t_.delayed_sack_deadline(), kNever);
}

}  // namespace
}  // namespace dpsctp::core
