// DataTracker: the receiver's view of the peer's TSN sequence and the SACK schedule.
//
// Implements, receiver side:
//   RFC 9260 §6.2    acknowledgement on reception of DATA (delayed SACK: every second
//                    packet, within the SACK timeout; duplicates reported and SACKed at once)
//   RFC 9260 §6.2.1  processing of received DATA (cumulative TSN ack, gap ack blocks)
//   RFC 9260 §6.7    immediate SACK while gaps exist and when a gap is filled
//   RFC 9260 §3.3.4  the SACK chunk it writes
//   RFC 7053 §4      the I bit: SACK immediately
//   RFC 3758 §3.6    FORWARD TSN moves the cumulative TSN ack
//
// Received TSNs above the cumulative TSN ack are kept as a sorted list of disjoint ranges
// in a vector that starts empty and grows to the most gaps ever open at once (at most
// kMaxGapRanges): an idle or loss-free association holds no heap memory here, and once the
// high-water mark is reached observing a TSN never allocates.
// All ordering uses serial arithmetic (offsets from the cumulative TSN ack), so the TSN
// space wraps from 0xFFFFFFFF to 0 without special cases.
//
// Contract with the caller, per received DATA / I-DATA chunk:
//   1. `if (!tracker.is_new(tsn)) { tracker.observe(tsn, i_bit); continue; }`
//      (observe() records the duplicate for the next SACK, or rejects the TSN).
//   2. Hand the chunk to the reassembly queue. If it had no room (kNoSpace), do NOT call
//      observe(): the TSN stays unacknowledged and the peer retransmits it. Call
//      force_immediate_sack() instead (RFC 9260 §6.2: "if such a DATA chunk is dropped,
//      the receiver MUST immediately send back a SACK ... The dropped DATA chunk(s) MUST
//      NOT be included in the SACK").
//   3. Otherwise call observe(tsn, i_bit). (An invalid stream is acknowledged too, §6.5.)
// After the last chunk of the packet: on_packet_end(now). Then, if sack_needed_now(),
// write_sack() into the outgoing packet and on_sack_sent(); else arm a timer at
// delayed_sack_deadline() that calls on_delayed_sack_timeout().
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "dpsctp/options.h"
#include "dpsctp/time.h"
#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/chunk/sack_chunk.h"

namespace dpsctp::core {

class DataTracker {
 public:
  /// Most disjoint ranges held above the cumulative TSN ack (more than a 1500-byte MTU SACK
  /// can carry: (1500 - 20 - 12 - 16) / 4 = 363). A TSN that would need one more range is
  /// rejected (not acknowledged; the peer retransmits it once the gaps close).
  static constexpr size_t kMaxGapRanges = 512;
  /// Duplicate TSNs remembered for the next SACK (§6.2: the list is the receiver's choice).
  static constexpr size_t kMaxDuplicates = 32;
  /// Farthest a TSN may be ahead of the cumulative TSN ack: a Gap Ack Block offset is 16
  /// bits (§3.3.4), so a TSN farther ahead could not be reported.
  static constexpr uint32_t kMaxTsnAhead = 0xFFFF;

  enum class Observation : uint8_t {
    kNew,        ///< first time seen: process it
    kDuplicate,  ///< at or below the cum ack, or already received: listed in the next SACK
    kRejected,   ///< too far ahead or no range left: ignored, not acknowledged
  };

  /// `peer_initial_tsn` is the Initial TSN of the peer's INIT / INIT ACK: the cumulative
  /// TSN ack starts one below it (RFC 9260 §6.2.1 / §5.1).
  DataTracker(Tsn peer_initial_tsn, const AssociationOptions& o);

  /// True if observe(tsn) would return true now (the TSN is new and acceptable). Pure.
  [[nodiscard]] bool is_new(Tsn tsn) const;

  /// Records a received DATA / I-DATA TSN (see the contract above). Returns true if the
  /// TSN is new and must be processed; false for a duplicate (recorded for the next SACK
  /// and counted) or a rejected TSN. `immediate_bit` is the RFC 7053 I bit.
  bool observe(Tsn tsn, bool immediate_bit) {
    return observe_tsn(tsn, immediate_bit) == Observation::kNew;
  }
  /// observe() with the reason for a false.
  Observation observe_tsn(Tsn tsn, bool immediate_bit);

  /// Call once per received packet that carried DATA or FORWARD TSN, after all its chunks:
  /// decides between an immediate and a delayed SACK.
  void on_packet_end(Instant now);

  /// A SACK should be sent now (bundled into the next outgoing packet).
  [[nodiscard]] bool sack_needed_now() const { return immediate_; }
  /// When the delayed SACK is due; kNever if no SACK is pending.
  [[nodiscard]] Instant delayed_sack_deadline() const { return deadline_; }
  /// The delayed-SACK timer fired: makes sack_needed_now() true if a SACK is pending and
  /// `now` has reached the deadline (a stale timer is ignored).
  void on_delayed_sack_timeout(Instant now);
  /// Requests a SACK now even without new data (SHUTDOWN-SENT §9.2, window update §6.2,
  /// dropped DATA §6.2, stale FORWARD TSN).
  void force_immediate_sack() { immediate_ = true; }

  [[nodiscard]] Tsn cumulative_tsn_ack() const { return cum_ack_; }
  /// Number of disjoint ranges received above the cumulative TSN ack.
  [[nodiscard]] size_t gap_block_count() const { return ranges_.size(); }
  /// Duplicates received so far, listed or not (for DpsctpDuplicateTsns).
  [[nodiscard]] uint64_t duplicate_tsns_total() const { return duplicates_total_; }
  /// Duplicates that the next SACK will list.
  [[nodiscard]] size_t pending_duplicate_count() const { return dups_.size(); }

  /// Writes a complete SACK chunk (RFC 9260 §3.3.4): Gap Ack Blocks relative to the cum
  /// ack, then the duplicate TSNs. The chunk never exceeds min(max_size, w.remaining()):
  /// trailing duplicates, then trailing gap blocks, are left out to fit. Returns the chunk
  /// length written; 0 (and nothing written) if not even the 16-byte fixed part fits.
  size_t write_sack(wire::BufferWriter& w, uint32_t a_rwnd, size_t max_size);
  /// The SACK was sent: clears the pending-SACK state, the timer and the duplicate list.
  void on_sack_sent();

  /// RFC 3758 §3.6: moves the cum ack to `new_cumulative_tsn` (everything up to it counts
  /// as received) and further over ranges now adjacent. Returns false, and requests an
  /// immediate SACK, if it is not ahead of the current cum ack. Counts as DATA for the
  /// SACK rules: call on_packet_end() after the packet.
  bool handle_forward_tsn(Tsn new_cumulative_tsn);

  /// DATA (new or duplicate) was received since the last SACK was sent.
  [[nodiscard]] bool has_unacked_data() const { return unacked_; }

 private:
  struct Range {
    Tsn first;
    Tsn last;
  };

  /// Offset of `t` above the cum ack (0 = the cum ack itself; >= 2^31 = behind it).
  [[nodiscard]] uint32_t offset(Tsn t) const { return t.distance_from(cum_ack_); }
  void begin_packet_if_needed();
  void record_duplicate(Tsn tsn);
  /// Inserts a TSN at offset >= 2 before `it` (the first range ending at or after it);
  /// false if it needs a new range and none is left.
  bool insert_above_gap(std::vector<Range>::iterator it, Tsn tsn, uint32_t off);
  /// Moves the cum ack over the first range if it now starts right after the cum ack.
  void absorb_front_range();

  // Wide members first, then the narrow ones: the tracker is embedded in every
  // Association, so padding counts per association.
  Duration sack_timeout_;
  Instant deadline_ = kNever;  // SACK schedule: delayed SACK due
  uint64_t duplicates_total_ = 0;
  std::vector<Range> ranges_;  // sorted, disjoint, non-adjacent, all above cum_ack_
  std::vector<wire::GapAckBlock> gap_scratch_;  // write_sack() staging, grown on demand
  // Duplicates for the next SACK, at most kMaxDuplicates; reserved at the first duplicate.
  std::vector<Tsn> dups_;
  Tsn cum_ack_;
  uint32_t packets_since_sack_ = 0;  // SACK schedule
  uint8_t sack_freq_;

  // SACK schedule.
  bool immediate_ = false;
  bool unacked_ = false;

  // Current packet (between the first observe and on_packet_end).
  bool in_packet_ = false;
  bool pkt_started_with_gaps_ = false;
  bool pkt_new_ = false;
  bool pkt_dup_ = false;
  bool pkt_immediate_ = false;
  bool pkt_rejected_ = false;
};

}  // namespace dpsctp::core
