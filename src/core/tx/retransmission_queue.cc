#include "core/tx/retransmission_queue.h"

#include <algorithm>

namespace dpsctp::core {

namespace {

// First ring allocation, at the first add(): enough for a few packets of small messages.
// An idle association holds no ring at all.
constexpr size_t kFirstRingSlots = 16;
constexpr uint8_t kFastRetransmitThreshold = 3;  // RFC 9260 §7.2.4: "third ... miss"

uint32_t saturating_sub(uint32_t a, uint32_t b) { return a > b ? a - b : 0; }

}  // namespace

RetransmissionQueue::RetransmissionQueue(Tsn initial_tsn, uint32_t /*mtu*/, uint32_t peer_rwnd)
    : cum_ack_(initial_tsn.next(0xFFFFFFFFu)),  // "Initial TSN - 1": nothing acked yet
      next_tsn_(initial_tsn),
      peer_rwnd_(peer_rwnd),
      adv_ack_(cum_ack_) {
  // Nothing is allocated here: most associations (signalling) keep a handful of chunks in
  // flight, and a ring sized for the full peer window cost ~18 KB and most of the
  // handshake CPU. The ring is created by the first add() (see grow()), the gap scratch
  // by the first SACK with Gap Ack Blocks.
}

std::optional<uint32_t> RetransmissionQueue::offset_of(Tsn tsn) const {
  const uint32_t d = tsn.distance_from(cum_ack_);
  if (d == 0 || d > size_) return std::nullopt;
  return d - 1;
}

uint32_t RetransmissionQueue::flight_size(uint8_t path) const {
  assert(path < kMaxPaths);
  return path_flight_[path];
}

void RetransmissionQueue::add_to_flight(const Entry& e) {
  flight_ += e.frag.length;
  path_flight_[e.path] += e.frag.length;
}

void RetransmissionQueue::remove_from_flight(const Entry& e) {
  flight_ -= e.frag.length;
  path_flight_[e.path] -= e.frag.length;
}

// Doubles the ring (first call: kFirstRingSlots). Runs only when more chunks are
// outstanding than ever before on this association, i.e. while the window opens up; once
// the ring covers the largest flight, add() never allocates again (steady state).
void RetransmissionQueue::grow() {
  std::vector<Entry> bigger(ring_.empty() ? kFirstRingSlots : ring_.size() * 2);
  for (uint32_t i = 0; i < size_; ++i) bigger[i] = std::move(at(i));
  ring_.swap(bigger);
  mask_ = ring_.size() - 1;
  head_ = 0;
}

Tsn RetransmissionQueue::add(Fragment&& f, uint8_t path, Instant now) {
  assert(path < kMaxPaths);
  if (size_ == ring_.size()) grow();
  const Tsn tsn = next_tsn_;
  Entry& e = at(size_);
  e.frag = std::move(f);
  e.sent_at = now;
  e.transmissions = 1;
  e.path = path;
  e.misses = 0;
  e.state = State::kInFlight;
  e.fast_retransmitted = false;
  e.reneged_now = false;
  e.report = false;
  next_expiry_ = std::min(next_expiry_, e.frag.expires);
  ++size_;
  next_tsn_ = next_tsn_.next();
  outstanding_bytes_ += e.frag.length;
  add_to_flight(e);
  // RFC 9260 §6.2.1 C: "Any time a DATA chunk is transmitted (or retransmitted) to a peer,
  // the endpoint subtracts the data size of the chunk from the rwnd of that peer."
  peer_rwnd_ = saturating_sub(peer_rwnd_, e.frag.length);
  return tsn;
}

SackOutcome RetransmissionQueue::handle_sack(Tsn cum_tsn_ack, uint32_t a_rwnd,
                                             std::span<const wire::GapAckBlock> gaps, Instant now) {
  // Reuses the scratch; it grows only when a SACK carries more blocks than any before.
  gaps_.assign(gaps.begin(), gaps.end());
  return process_sack(cum_tsn_ack, a_rwnd, now);
}

SackOutcome RetransmissionQueue::handle_sack(const wire::SackChunk& sack, Instant now) {
  gaps_.clear();
  for (size_t i = 0; i < sack.num_gap_blocks; ++i) gaps_.push_back(sack.gap_block(i));
  return process_sack(sack.cum_tsn_ack, sack.a_rwnd, now);
}

SackOutcome RetransmissionQueue::process_sack(Tsn cum, uint32_t a_rwnd, Instant now) {
  SackOutcome out;
  // RFC 9260 §6.2.1 D i: "If Cumulative TSN Ack is less than the Cumulative TSN Ack Point,
  // then drop the SACK chunk. Since Cumulative TSN Ack is monotonically increasing, a SACK
  // chunk whose Cumulative TSN Ack is less than the Cumulative TSN Ack Point indicates an
  // out-of-order SACK chunk."
  if (cum < cum_ack_) {
    out.ignored = true;
    return out;
  }
  const uint32_t cum_off = cum.distance_from(cum_ack_);  // chunks the cum ack covers
  if (cum_off > size_ || !normalize_gaps(cum_off)) {
    // Acknowledges a TSN we never sent: a protocol violation (RFC 9260 §6.2.1 offers no
    // way to process it; the association decides whether to ABORT).
    out.ignored = true;
    out.violation = true;
    return out;
  }
  const AckWalk walk = walk_acks(cum_off, now, out);
  advance_cum_ack(cum_off, out);
  // §6.2.1 D iv: "If the Cumulative TSN Ack matches or exceeds the Fast Recovery exitpoint
  // (Section 7.2.4), Fast Recovery is exited."
  if (fast_recovery_ && cum >= fast_recovery_exit_) {
    fast_recovery_ = false;
    out.exited_fast_recovery = true;
  }
  out.in_fast_recovery_at_ack = fast_recovery_;
  apply_miss_indications(walk, cum_off, out);
  // §7.2.4 step 6: "If any DATA chunk is found to have been fast retransmitted and the
  // endpoint is not in Fast Recovery, enter Fast Recovery and mark the highest outstanding
  // TSN as the Fast Recovery exit point."
  if (out.fast_retransmit_triggered) {
    fast_retransmit_pending_ = true;
    if (!fast_recovery_) {
      fast_recovery_ = true;
      fast_recovery_exit_ = next_tsn_.next(0xFFFFFFFFu);
      out.entered_fast_recovery = true;
    }
  }
  // §6.2.1 D ii: "Set rwnd equal to the newly received a_rwnd minus the number of bytes
  // still outstanding after processing the Cumulative TSN Ack and the Gap Ack Blocks."
  peer_rwnd_ = saturating_sub(a_rwnd, flight_);
  if (prsctp_) {
    // RFC 3758 §3.5 C1, C2: move the Advanced.Peer.Ack.Point up to the new cum ack, then
    // across abandoned TSNs. C3: "If, after step C1 and C2, the Advanced.Peer.Ack.Point is
    // greater than the Cumulative TSN ACK carried in the received SACK chunk, the data
    // sender MUST send the data receiver a FORWARD TSN chunk".
    advance_peer_ack_point();
    forward_tsn_due_ = adv_ack_ > cum_ack_;
  }
  out.restart_t3 = out.restart_t3_paths != 0;
  out.all_acked = size_ == 0;
  return out;
}

bool RetransmissionQueue::normalize_gaps(uint32_t cum_off) {
  // Gap Ack Block offsets count from the Cumulative TSN Ack (§3.3.4), so a block must
  // start at 1 or later and end no earlier than it starts; other blocks carry no usable
  // information and are skipped (as FreeBSD does), not treated as fatal.
  std::erase_if(gaps_, [](const wire::GapAckBlock& g) { return g.start == 0 || g.start > g.end; });
  if (gaps_.empty()) return true;
  if (!std::is_sorted(gaps_.begin(), gaps_.end(),
                      [](const auto& a, const auto& b) { return a.start < b.start; })) {
    std::sort(gaps_.begin(), gaps_.end(),
              [](const auto& a, const auto& b) { return a.start < b.start; });
  }
  size_t w = 0;  // merge overlapping / adjacent blocks in place
  for (size_t r = 1; r < gaps_.size(); ++r) {
    if (uint32_t{gaps_[r].start} <= uint32_t{gaps_[w].end} + 1) {
      gaps_[w].end = std::max(gaps_[w].end, gaps_[r].end);
    } else {
      gaps_[++w] = gaps_[r];
    }
  }
  gaps_.resize(w + 1);
  // The highest TSN a block acknowledges must have been sent.
  return uint64_t{cum_off} + gaps_.back().end <= size_;
}

RetransmissionQueue::AckWalk RetransmissionQueue::walk_acks(uint32_t cum_off, Instant now,
                                                            SackOutcome& out) {
  AckWalk walk;
  walk.covered = gaps_.empty() ? cum_off : cum_off + gaps_.back().end;
  PathMask seen = 0;  // paths whose earliest in-flight chunk has been met
  size_t g = 0;
  for (uint32_t i = 0; i < walk.covered; ++i) {
    bool acked = i < cum_off;
    if (!acked) {
      const uint32_t rel = i + 1 - cum_off;  // offset from the cum ack, as in the blocks
      while (gaps_[g].end < rel) ++g;        // the last block ends at `covered`: in range
      acked = gaps_[g].start <= rel;
    }
    Entry& e = at(i);
    if (e.state == State::kInFlight && (seen & bit(e.path)) == 0) {
      seen |= bit(e.path);
      // §6.3.2 R3: "Whenever a SACK chunk is received that acknowledges the DATA chunk with
      // the earliest outstanding TSN for that address, restart the T3-rtx timer for that
      // address with its current RTO (if there is still outstanding data on that address)."
      if (acked) out.restart_t3_paths |= bit(e.path);
    }
    if (acked) {
      if (e.state != State::kAcked && e.state != State::kAbandoned) walk.htna = i;
      ack_entry(e, i < cum_off, now, out);
    } else if (e.state == State::kAcked) {
      // §6.2.1 D iii: "If the SACK is missing a TSN that was previously acknowledged via a
      // Gap Ack Block (e.g., the data receiver reneged on the data), then consider the
      // corresponding DATA that might be possibly missing: Count one miss indication towards
      // Fast Retransmit ..., and if no retransmit timer is running for the destination
      // address to which the DATA chunk was originally transmitted, then T3-rtx is started."
      // Only TSNs below the highest one this SACK reports are checked (as FreeBSD): a SACK
      // reordered behind a newer one with the same cum ack must not look like reneging.
      e.state = State::kInFlight;
      e.reneged_now = true;
      add_to_flight(e);
      out.reneged = true;
    }
  }
  return walk;
}

void RetransmissionQueue::ack_entry(Entry& e, bool by_cum, Instant now, SackOutcome& out) {
  if (e.state == State::kAcked || e.state == State::kAbandoned) return;  // acked before
  if (e.state == State::kInFlight) remove_from_flight(e);
  if (e.state == State::kToRetransmit) --to_retransmit_;
  (by_cum ? out.bytes_acked_cum : out.bytes_acked_gap) += e.frag.length;
  out.bytes_acked_on_path[e.path] += e.frag.length;
  // §6.3.1 C5: "RTT measurements MUST NOT be made using chunks that were retransmitted
  // (and thus for which it is ambiguous whether the reply was for the first instance of
  // the chunk or for a later instance)." The walk is in TSN order, so the last sample set
  // comes from the newest chunk sent once.
  if (e.transmissions == 1) {
    out.rtt_sample = now - e.sent_at;
    out.rtt_path = e.path;  // §6.3.1: the measurement belongs to the path it was sent on
  }
  e.state = State::kAcked;
}

void RetransmissionQueue::advance_cum_ack(uint32_t count, SackOutcome& out) {
  if (count == 0) return;
  out.cum_ack_advanced = true;
  // §6.2.1: data covered by the Cumulative TSN Ack is released: the payload references are
  // dropped here (the last one returns the message buffer to its pool).
  for (uint32_t i = 0; i < count; ++i) {
    Entry& e = at(i);
    assert(!e.report);  // abandoned messages are reported before the next SACK
    if (e.frag.ending && e.state != State::kAbandoned) ++out.acked_messages_done;
    outstanding_bytes_ -= e.frag.length;
    e.frag.payload.reset();
  }
  head_ = (head_ + count) & mask_;
  size_ -= count;
  cum_ack_ = cum_ack_.next(count);
  retransmit_hint_ = saturating_sub(retransmit_hint_, count);
  if (adv_ack_ < cum_ack_) adv_ack_ = cum_ack_;  // RFC 3758 §3.5 C1
}

void RetransmissionQueue::apply_miss_indications(const AckWalk& walk, uint32_t cum_off,
                                                 SackOutcome& out) {
  // §7.2.4: "Miss indications SHOULD follow the HTNA (Highest TSN Newly Acknowledged)
  // algorithm. For each incoming SACK, miss indications are incremented only for missing
  // TSNs prior to the highest TSN newly acknowledged in the SACK. ... If an endpoint is in
  // Fast Recovery and a SACK arrives that advances the Cumulative TSN Ack Point, the miss
  // indications are incremented for all TSNs reported missing in the SACK."
  // Offsets below are relative to the new cum ack point (cum_off entries were released).
  const uint32_t end = walk.covered - cum_off;  // entries up to the highest reported TSN
  uint32_t limit = 0;                           // entries [0, limit) are prior to the HTNA
  if (fast_recovery_ && out.cum_ack_advanced) {
    limit = end;
  } else if (walk.htna.has_value() && *walk.htna >= cum_off) {
    limit = *walk.htna - cum_off;
  }
  for (uint32_t i = 0; i < end; ++i) {
    Entry& e = at(i);
    if (e.state != State::kInFlight) continue;
    if (e.reneged_now) {
      e.reneged_now = false;
      add_miss_indication(e, i, out);  // §6.2.1 D iii: "Count one miss indication"
    } else if (i < limit) {
      add_miss_indication(e, i, out);
    }
  }
}

void RetransmissionQueue::add_miss_indication(Entry& e, uint32_t offset, SackOutcome& out) {
  if (e.misses < 0xFF) ++e.misses;
  // §7.2.4: "When the third consecutive miss indication is received for a TSN(s), the data
  // sender shall ... 1) Mark the DATA chunk(s) with three miss indications for
  // retransmission." Step 5: fast retransmitted chunks are "ineligible for a subsequent
  // Fast Retransmit" (for the chunk's lifetime: a lost fast retransmission is left to T3).
  if (e.misses < kFastRetransmitThreshold || e.fast_retransmitted) return;
  e.fast_retransmitted = true;
  out.fast_retransmit_triggered = true;
  out.fast_retransmit_paths |= bit(e.path);
  mark_for_retransmission(e, offset);
}

void RetransmissionQueue::mark_for_retransmission(Entry& e, uint32_t offset) {
  // RFC 7496 §3.1 limited retransmissions: a message whose chunk would be retransmitted
  // more often than its limit is abandoned instead (0: sent once, never retransmitted).
  // `transmissions - 1` retransmissions happened; this one would be number `transmissions`.
  if (prsctp_ && e.transmissions > e.frag.max_retransmits) {
    abandon(offset);
    return;
  }
  if (e.state == State::kInFlight) remove_from_flight(e);
  if (e.state != State::kToRetransmit) ++to_retransmit_;
  e.state = State::kToRetransmit;
  e.misses = 0;
  retransmit_hint_ = std::min(retransmit_hint_, offset);
}

void RetransmissionQueue::handle_t3_expiry(uint8_t path) {
  assert(path < kMaxPaths);
  // §6.3.3 E3: "Determine how many of the earliest (i.e., lowest TSN) outstanding DATA
  // chunks for the address for which the T3-rtx has expired will fit into a single packet
  // ... Any remaining DATA chunks which are 'outstanding' on that address and were not sent
  // ... should be marked for retransmission and sent as soon as cwnd allows." All of them
  // are marked; next_retransmission() hands them out lowest TSN first.
  for (uint32_t i = 0; i < size_; ++i) {
    Entry& e = at(i);
    if (e.state == State::kInFlight && e.path == path) mark_for_retransmission(e, i);
  }
  // RFC 3758 §3.5 A5: "Any time the T3-rtx timer expires, on any destination, the sender
  // SHOULD try to advance the Advanced.Peer.Ack.Point by following the procedures outlined
  // in C2 - C5": an unanswered FORWARD TSN is sent again.
  if (prsctp_) {
    advance_peer_ack_point();
    forward_tsn_due_ = adv_ack_ > cum_ack_;
  }
}

RetransmissionQueue::ChunkToSend RetransmissionQueue::to_send(uint32_t offset,
                                                              bool retransmission) const {
  const Entry& e = at(offset);
  return ChunkToSend{
      cum_ack_.next(offset + 1), e.frag.stream, e.frag.ssn,     e.frag.ppid,   e.frag.unordered,
      e.frag.beginning,          e.frag.ending, e.frag.bytes(), retransmission,
      e.frag.mid,                e.frag.fsn};
}

RetransmissionQueue::ChunkToSend RetransmissionQueue::view(Tsn tsn) const {
  const std::optional<uint32_t> off = offset_of(tsn);
  assert(off.has_value());
  return to_send(*off, at(*off).transmissions > 1 || at(*off).state == State::kToRetransmit);
}

std::optional<RetransmissionQueue::ChunkToSend> RetransmissionQueue::next_retransmission(
    size_t max_payload) const {
  if (to_retransmit_ == 0) return std::nullopt;
  for (uint32_t i = retransmit_hint_; i < size_; ++i) {
    const Entry& e = at(i);
    if (e.state != State::kToRetransmit) continue;
    if (e.frag.length > max_payload) return std::nullopt;  // lowest TSN first: no skipping
    return to_send(i, true);
  }
  return std::nullopt;
}

void RetransmissionQueue::mark_retransmitted(Tsn tsn, uint8_t path, Instant now) {
  assert(path < kMaxPaths);
  const std::optional<uint32_t> off = offset_of(tsn);
  if (!off.has_value() || at(*off).state != State::kToRetransmit) return;
  Entry& e = at(*off);
  e.state = State::kInFlight;
  e.path = path;
  e.sent_at = now;
  if (e.transmissions < 0xFFFF) ++e.transmissions;  // Karn §6.3.1 C5: no RTT from it now
  e.misses = 0;
  --to_retransmit_;
  if (*off == retransmit_hint_) retransmit_hint_ = *off + 1;
  fast_retransmit_pending_ = false;
  add_to_flight(e);
  peer_rwnd_ = saturating_sub(peer_rwnd_, e.frag.length);  // §6.2.1 C
}

void RetransmissionQueue::clear() {
  for (uint32_t i = 0; i < size_; ++i) at(i).frag.payload.reset();
  cum_ack_ = cum_ack_.next(size_);
  head_ = 0;
  size_ = 0;
  flight_ = 0;
  path_flight_.fill(0);
  outstanding_bytes_ = 0;
  to_retransmit_ = 0;
  retransmit_hint_ = 0;
  fast_retransmit_pending_ = false;
  fast_recovery_ = false;
  adv_ack_ = cum_ack_;
  forward_tsn_due_ = false;
  next_expiry_ = kNever;
  unreported_ = 0;
}

// --- PR-SCTP (RFC 3758 §3.5, RFC 7496 §3.1) ------------------------------------------------

void RetransmissionQueue::abandon(uint32_t offset) {
  if (at(offset).state == State::kAbandoned) return;  // all its fragments already are
  // RFC 3758 §3.5 A3: "When a TSN is 'abandoned', if it is part of a fragmented message,
  // all other TSN's within that fragmented message MUST be abandoned at the same time."
  // The fragments of a message share its buffer; with I-DATA interleaving (RFC 8260) they
  // need not be adjacent, so the whole queue is searched (abandoning is not a fast path).
  // The fragments not sent yet are dropped by the caller (SendQueue::discard_rest_of).
  const std::byte* const msg = at(offset).frag.payload.bytes().data();
  bool first = true;
  uint32_t last = offset;
  for (uint32_t i = 0; i < size_; ++i) {
    Entry& e = at(i);
    if (e.frag.payload.bytes().data() != msg) continue;
    if (e.state == State::kInFlight) remove_from_flight(e);
    if (e.state == State::kToRetransmit) --to_retransmit_;
    e.state = State::kAbandoned;
    e.misses = 0;
    e.report = first;  // reported once, at its lowest TSN held
    first = false;
    last = i;
  }
  ++unreported_;
  // Its last fragment was never cut: the peer may already hold (and have cum-acked) every
  // TSN sent of it, so no FORWARD TSN would ever name its SSN and the partial message
  // would block its ordered stream at the receiver for good. A placeholder end fragment
  // takes the next TSN, abandoned and never sent, so the Advanced.Peer.Ack.Point moves
  // past the peer's cumulative TSN and the FORWARD TSN lists the SSN (as dcSCTP does).
  if (!at(last).frag.ending) add_abandoned_end(at(last).frag);
  const Tsn before = adv_ack_;
  advance_peer_ack_point();
  // New TSNs to skip: tell the peer now rather than at the next SACK (C3 allows earlier).
  if (adv_ack_ != before) forward_tsn_due_ = true;
}

void RetransmissionQueue::add_abandoned_end(Fragment sent) {
  if (size_ == ring_.size()) grow();
  Entry& e = at(size_);
  e.frag = std::move(sent);  // shares the message's buffer: same message for abandon() and drain()
  e.frag.beginning = false;
  e.frag.ending = true;
  e.frag.offset += e.frag.length;
  e.frag.length = 0;  // never sent: no bytes in flight, outstanding or off the peer's rwnd
  e.sent_at = Instant{};
  e.transmissions = 0;
  e.path = 0;
  e.misses = 0;
  e.state = State::kAbandoned;
  e.fast_retransmitted = false;
  e.reneged_now = false;
  e.report = false;
  ++size_;
  next_tsn_ = next_tsn_.next();
}

void RetransmissionQueue::advance_peer_ack_point() {
  // C1: never below the cumulative ack. C2: "move Advanced.Peer.Ack.Point up as long as the
  // chunk next in the out-queue space is marked as 'abandoned'". Entries [0, off) are
  // abandoned by construction.
  if (adv_ack_ < cum_ack_) adv_ack_ = cum_ack_;
  uint32_t off = adv_ack_.distance_from(cum_ack_);
  while (off < size_ && at(off).state == State::kAbandoned) ++off;
  adv_ack_ = cum_ack_.next(off);
}

uint32_t RetransmissionQueue::abandon_expired(Instant now) {
  if (!prsctp_ || size_ == 0 || now <= next_expiry_) return 0;
  uint32_t abandoned = 0;
  Instant next = kNever;
  for (uint32_t i = 0; i < size_; ++i) {
    const Entry& e = at(i);
    // Only messages still to be delivered: a fragment unacked. A message whose fragments
    // held here are all gap-acked is left alone (its unsent rest, if any, is checked once
    // it is in flight).
    if (e.state != State::kInFlight && e.state != State::kToRetransmit) continue;
    if (now > e.frag.expires) {
      // RFC 3758 §3.5 / RFC 7496 SCTP_PR_SCTP_TTL: a message whose lifetime ended is not
      // transmitted or retransmitted any more: it is abandoned.
      abandon(i);
      ++abandoned;
    } else {
      next = std::min(next, e.frag.expires);
    }
  }
  next_expiry_ = next;
  return abandoned;
}

Tsn RetransmissionQueue::make_forward_tsn(
    std::vector<wire::ForwardTsnChunk::SkippedStream>& skipped, size_t max_streams) {
  skipped.clear();
  forward_tsn_due_ = false;
  const uint32_t n = adv_ack_.distance_from(cum_ack_);  // entries [0, n) are abandoned
  for (uint32_t i = 0; i < n; ++i) {
    const Fragment& f = at(i).frag;
    if (f.unordered) continue;  // §3.2: only ordered streams carry an SSN to skip
    // C4: "Each stream SHOULD only be reported once; ... only the highest abandoned stream
    // sequence number is reported." TSN order is SSN order within a stream.
    auto it = std::find_if(skipped.begin(), skipped.end(),
                           [&](const auto& s) { return s.stream == f.stream; });
    if (it != skipped.end()) {
      it->ssn = f.ssn;
    } else if (skipped.size() < max_streams) {
      skipped.push_back({f.stream, f.ssn});
    } else {
      // C4: "If the total size of the FORWARD TSN does NOT fit in a single MTU then the
      // sender of the FORWARD TSN SHOULD lower the Advanced.Peer.Ack.Point to the last TSN
      // that will fit in a single MTU." Entry i starts a message of a stream not listed.
      return cum_ack_.next(i);
    }
  }
  return adv_ack_;
}

Tsn RetransmissionQueue::make_i_forward_tsn(
    std::vector<wire::IForwardTsnChunk::SkippedMessage>& skipped, size_t max_entries) {
  skipped.clear();
  forward_tsn_due_ = false;
  const uint32_t n = adv_ack_.distance_from(cum_ack_);  // entries [0, n) are abandoned
  for (uint32_t i = 0; i < n; ++i) {
    const Fragment& f = at(i).frag;
    // RFC 8260 §2.3.1: ordered and unordered messages alike are listed by (stream, U, MID);
    // as RFC 3758 §3.5 C4, each once with its highest MID (MIDs grow with the TSN of a
    // message's first fragment on one (stream, U)).
    auto it = std::find_if(skipped.begin(), skipped.end(), [&](const auto& s) {
      return s.stream == f.stream && s.unordered == f.unordered;
    });
    if (it != skipped.end()) {
      if (it->mid < f.mid) it->mid = f.mid;
    } else if (skipped.size() < max_entries) {
      skipped.push_back({f.stream, f.unordered, f.mid});
    } else {
      return cum_ack_.next(i);  // C4: lowered to what fits in one packet
    }
  }
  return adv_ack_;
}

}  // namespace dpsctp::core
