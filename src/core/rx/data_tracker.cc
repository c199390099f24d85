// DataTracker (RFC 9260 §6.2, §6.2.1, §6.7; RFC 7053; RFC 3758 §3.6); see data_tracker.h.
#include "core/rx/data_tracker.h"

#include <algorithm>
#include <span>

namespace dpsctp::core {

DataTracker::DataTracker(Tsn peer_initial_tsn, const AssociationOptions& o)
    : sack_timeout_(o.sack_timeout),
      // RFC 9260 §6.2.1: the cumulative TSN ack starts at the peer's Initial TSN - 1.
      cum_ack_(Tsn(peer_initial_tsn.value() - 1U)),
      sack_freq_(o.sack_freq) {
  // Nothing reserved: in-order data never needs a range, and reserving kMaxGapRanges up
  // front cost ~6 KB per idle association. ranges_ and gap_scratch_ grow on first use.
}

bool DataTracker::is_new(Tsn tsn) const {
  const uint32_t off = offset(tsn);
  if (off == 0 || off >= Tsn::kHalf || off > kMaxTsnAhead) return false;
  if (off == 1) return true;
  auto it = std::lower_bound(ranges_.begin(), ranges_.end(), off,
                             [this](const Range& r, uint32_t o) { return offset(r.last) < o; });
  if (it != ranges_.end() && offset(it->first) <= off) return false;  // already received
  // A new range is needed unless the TSN touches a neighbour.
  const bool joins_prev = it != ranges_.begin() && offset((it - 1)->last) + 1 == off;
  const bool joins_next = it != ranges_.end() && offset(it->first) == off + 1;
  return joins_prev || joins_next || ranges_.size() < kMaxGapRanges;
}

void DataTracker::begin_packet_if_needed() {
  if (in_packet_) return;
  in_packet_ = true;
  pkt_started_with_gaps_ = !ranges_.empty();
}

DataTracker::Observation DataTracker::observe_tsn(Tsn tsn, bool immediate_bit) {
  begin_packet_if_needed();
  // RFC 7053 §4: "the receiver SHOULD immediately respond with the corresponding SACK".
  pkt_immediate_ = pkt_immediate_ || immediate_bit;
  const uint32_t off = offset(tsn);
  if (off == 0 || off >= Tsn::kHalf) {
    // RFC 9260 §6.2: a TSN at or below the cum ack is a duplicate, reported in the SACK.
    record_duplicate(tsn);
    return Observation::kDuplicate;
  }
  if (off > kMaxTsnAhead) {
    pkt_rejected_ = true;  // not representable in a Gap Ack Block: drop, do not ack
    return Observation::kRejected;
  }
  if (off == 1) {
    cum_ack_ = tsn;  // RFC 9260 §6.2.1: in sequence, the cum ack advances
    absorb_front_range();
  } else {
    auto it = std::lower_bound(ranges_.begin(), ranges_.end(), off,
                               [this](const Range& r, uint32_t o) { return offset(r.last) < o; });
    if (it != ranges_.end() && offset(it->first) <= off) {
      record_duplicate(tsn);  // already received above the cum ack
      return Observation::kDuplicate;
    }
    if (!insert_above_gap(it, tsn, off)) {
      pkt_rejected_ = true;
      return Observation::kRejected;
    }
  }
  pkt_new_ = true;
  return Observation::kNew;
}

bool DataTracker::insert_above_gap(std::vector<Range>::iterator it, Tsn tsn, uint32_t off) {
  const bool joins_prev = it != ranges_.begin() && offset((it - 1)->last) + 1 == off;
  const bool joins_next = it != ranges_.end() && offset(it->first) == off + 1;
  if (joins_prev && joins_next) {
    (it - 1)->last = it->last;  // the TSN fills the hole between two ranges
    ranges_.erase(it);
  } else if (joins_prev) {
    (it - 1)->last = tsn;
  } else if (joins_next) {
    it->first = tsn;
  } else {
    if (ranges_.size() >= kMaxGapRanges) return false;
    // Allocates only when more gaps are open than ever before on this association (at
    // most kMaxGapRanges): with a steady loss pattern the capacity is already there.
    ranges_.insert(it, Range{tsn, tsn});
  }
  return true;
}

void DataTracker::absorb_front_range() {
  if (!ranges_.empty() && ranges_.front().first == cum_ack_.next()) {
    cum_ack_ = ranges_.front().last;  // RFC 9260 §6.7: the gap is filled
    ranges_.erase(ranges_.begin());
  }
}

void DataTracker::record_duplicate(Tsn tsn) {
  pkt_dup_ = true;
  ++duplicates_total_;
  // RFC 9260 §6.2: "the data receiver SHOULD add [the TSN] to the list of duplicates";
  // the list is bounded, the rest are only counted.
  if (dups_.size() < kMaxDuplicates) {
    if (dups_.capacity() == 0) dups_.reserve(kMaxDuplicates);  // once per association
    dups_.push_back(tsn);
  }
}

void DataTracker::on_packet_end(Instant now) {
  if (!in_packet_) return;
  in_packet_ = false;
  const bool had_data = pkt_new_ || pkt_dup_;
  bool immediate = pkt_immediate_ || pkt_rejected_;
  // RFC 9260 §6.2: "When a packet arrives with duplicate DATA chunk(s) and with no new
  // DATA chunk(s), the endpoint MUST immediately send a SACK with no delay."
  immediate = immediate || (pkt_dup_ && !pkt_new_);
  // RFC 9260 §6.7: SACK immediately on a gap, after "each SCTP packet that doesn't fill
  // the gap", and when the gap is filled (it existed when the packet started).
  immediate = immediate || !ranges_.empty() || (pkt_started_with_gaps_ && pkt_new_);
  if (had_data) {
    unacked_ = true;
    // RFC 9260 §6.2: "a SACK SHOULD be generated for at least every second packet".
    ++packets_since_sack_;
    if (packets_since_sack_ >= sack_freq_) immediate = true;
    // RFC 9260 §6.2: "... within 200 ms of the arrival of any unacknowledged DATA chunk"
    // (sack_timeout, at most 500 ms): the timer starts at the first unacked packet.
    if (deadline_ == kNever) deadline_ = now + sack_timeout_;
  }
  if (immediate) immediate_ = true;
  pkt_started_with_gaps_ = pkt_new_ = pkt_dup_ = pkt_immediate_ = pkt_rejected_ = false;
}

void DataTracker::on_delayed_sack_timeout(Instant now) {
  if (deadline_ == kNever || now < deadline_) return;  // stale or early timer
  if (unacked_) immediate_ = true;
}

size_t DataTracker::write_sack(wire::BufferWriter& w, uint32_t a_rwnd, size_t max_size) {
  using wire::SackChunk;
  const size_t limit = std::min(max_size, w.remaining());
  if (limit < SackChunk::kFixedSize) return 0;
  size_t room = (limit - SackChunk::kFixedSize) / 4;  // 4-byte entries (§3.3.4)
  const size_t n_gaps = std::min(ranges_.size(), room);
  room -= n_gaps;
  const size_t n_dups = std::min(dups_.size(), room);
  gap_scratch_.clear();  // keeps its capacity: grows only past the largest SACK so far
  for (size_t i = 0; i < n_gaps; ++i) {
    // RFC 9260 §3.3.4: block start/end are offsets from the Cumulative TSN Ack; every
    // range is within kMaxTsnAhead of it, so they fit 16 bits.
    gap_scratch_.push_back(wire::GapAckBlock{static_cast<uint16_t>(offset(ranges_[i].first)),
                                             static_cast<uint16_t>(offset(ranges_[i].last))});
  }
  const size_t before = w.size();
  SackChunk::write(w, cum_ack_, a_rwnd, gap_scratch_, std::span<const Tsn>(dups_.data(), n_dups));
  return w.ok() ? w.size() - before : 0;
}

void DataTracker::on_sack_sent() {
  immediate_ = false;
  unacked_ = false;
  deadline_ = kNever;
  packets_since_sack_ = 0;
  dups_.clear();  // keeps the capacity
}

bool DataTracker::handle_forward_tsn(Tsn new_cumulative_tsn) {
  begin_packet_if_needed();
  if (new_cumulative_tsn <= cum_ack_) {
    // RFC 3758 §3.6: "the data receiver MUST treat this FORWARD TSN as out-of-date and
    // MUST NOT update its Cumulative TSN. The receiver SHOULD send a SACK to its peer ...
    // since such a duplicate may indicate the previous SACK was lost": handled as a
    // duplicate DATA chunk (§6.2: SACK at once), which also makes the SACK due when
    // everything was acked already.
    immediate_ = true;
    pkt_dup_ = true;
    return false;
  }
  // RFC 3758 §3.6: "update its cumulative TSN point to the value carried in the FORWARD
  // TSN chunk", dropping the ranges it covers; a range reaching past it extends it.
  Tsn new_cum = new_cumulative_tsn;
  size_t covered = 0;
  while (covered < ranges_.size() && ranges_[covered].first <= new_cum) {
    if (new_cum < ranges_[covered].last) new_cum = ranges_[covered].last;
    ++covered;
  }
  ranges_.erase(ranges_.begin(), ranges_.begin() + static_cast<std::ptrdiff_t>(covered));
  cum_ack_ = new_cum;
  // "... and then MUST further advance its cumulative TSN point locally if possible".
  absorb_front_range();
  // "for the purposes of sending a SACK, the receiver MUST follow the same rules as if a
  // DATA chunk had been received".
  pkt_new_ = true;
  return true;
}

}  // namespace dpsctp::core
