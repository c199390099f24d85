// The outstanding DATA of one association, data sender side: RFC 9260 §6.1 A-C (peer rwnd
// accounting, zero window probe), §6.2.1 (SACK processing, renege detection), §6.3.1 C5
// (Karn's algorithm), §6.3.2 R2/R3 (when to stop / restart T3-rtx), §6.3.3 E3 (T3-rtx
// expiry), §7.2.4 (miss indications with HTNA, Fast Retransmit, Fast Recovery); PR-SCTP
// sender side: RFC 3758 §3.5 (abandoning messages, Advanced.Peer.Ack.Point, what the
// FORWARD TSN carries) with the timed reliability and RFC 7496 §3.1 limited
// retransmissions policies (see "PR-SCTP" below).
//
// Storage: TSNs are consecutive, so outstanding chunks live in a power-of-two ring indexed
// by their distance from the cumulative TSN ack point. Nothing is allocated until the first
// add() (an idle association costs only sizeof(RetransmissionQueue)); the ring then
// doubles only when more chunks are outstanding than ever before, i.e. while the window
// grows: steady state allocates nothing. Payload bytes are not copied: each entry holds
// the PayloadRef of its Fragment, dropped when the cumulative ack passes it.
//
// Byte unit: flight size, outstanding bytes, rwnd and bytes acked count DATA user-data
// bytes (Fragment::length), the "data size of the chunk" of §6.2.1 C.
#pragma once

#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/tx/fragment.h"
#include "dpsctp/time.h"
#include "dpsctp/types.h"
#include "wire/chunk/sack_chunk.h"
#include "wire/ext/forward_tsn_chunk.h"
#include "wire/ext/i_forward_tsn_chunk.h"

namespace dpsctp::core {

/// Paths (destination transport addresses) are numbered 0 .. kMaxPaths - 1 by the
/// association.
inline constexpr uint8_t kMaxPaths = 16;
using PathMask = uint16_t;  ///< bit p set = path p
static_assert(sizeof(PathMask) * 8 >= kMaxPaths);

/// What one SACK did; the association turns it into timer and congestion control actions.
struct SackOutcome {
  bool cum_ack_advanced = false;
  uint32_t bytes_acked_cum = 0;  ///< bytes newly acked by the cumulative TSN ack
  uint32_t bytes_acked_gap = 0;  ///< bytes newly acked by gap ack blocks
  /// Newly acked bytes (cum + gap) per path they were last sent on: the `bytes_acked` of
  /// CongestionControl::on_ack for that path.
  std::array<uint32_t, kMaxPaths> bytes_acked_on_path{};
  /// From the newest newly-acked chunk sent once only (Karn, §6.3.1 C5).
  std::optional<Duration> rtt_sample;
  uint8_t rtt_path = 0;  ///< the path rtt_sample was measured on
  bool fast_retransmit_triggered = false;  ///< a chunk reached 3 miss indications (§7.2.4)
  /// Paths the fast-retransmitted chunks were last sent on (§7.2.4 step 2).
  PathMask fast_retransmit_paths = 0;
  /// This SACK started Fast Recovery: apply CongestionControl::on_fast_retransmit() to the
  /// fast_retransmit_paths (§7.2.4 step 2: only "if not in Fast Recovery").
  bool entered_fast_recovery = false;
  bool exited_fast_recovery = false;  ///< the cum ack reached the exit point (§6.2.1 D iv)
  /// Fast Recovery state while this SACK's acks were applied (after a possible exit, before
  /// a possible entry): pass to CongestionControl::on_ack (§7.2.1, §7.2.4 Note).
  bool in_fast_recovery_at_ack = false;
  bool all_acked = false;  ///< nothing outstanding anymore (stop T3, §6.3.2 R2)
  /// §6.3.2 R3: the earliest outstanding TSN sent to some path was acked: restart that path's
  /// T3 with its current RTO if flight_size(path) > 0, else stop it (R2). restart_t3 is
  /// restart_t3_paths != 0.
  bool restart_t3 = false;
  PathMask restart_t3_paths = 0;
  /// §6.2.1 D iii: a TSN previously gap-acked is missing again (the peer reneged). The chunk
  /// is back in flight with one miss indication; start T3 on paths with data in flight
  /// and no running timer.
  bool reneged = false;
  /// §6.2.1 D i: cum ack older than our cumulative ack point (out-of-order SACK), or the
  /// SACK acks a TSN never sent (then `violation` too). Nothing else in the outcome is set.
  bool ignored = false;
  bool violation = false;
  uint32_t acked_messages_done = 0;  ///< messages whose last fragment got cum-acked
};

class RetransmissionQueue {
 public:
  /// `initial_tsn`: our Initial TSN (§5.1); `peer_rwnd`: the a_rwnd of the peer's INIT /
  /// INIT ACK (§6.2.1 A). `mtu` is ignored (the ring grows on demand instead of being
  /// sized for a full window); it stays until the callers are updated. Allocates nothing.
  RetransmissionQueue(Tsn initial_tsn, uint32_t mtu, uint32_t peer_rwnd);

  /// The TSN the next add() assigns.
  [[nodiscard]] Tsn next_tsn() const { return next_tsn_; }

  /// Takes a fragment just cut by the send queue when its DATA chunk is first sent: assigns
  /// the next TSN, records it in flight on `path` at `now` and subtracts its size from the
  /// peer rwnd (§6.2.1 C). Returns the TSN; view(tsn) gives the fields to write.
  Tsn add(Fragment&& f, uint8_t path, Instant now);

  /// RFC 9260 §6.2.1 SACK processing; see SackOutcome. Gap blocks may come in any order;
  /// blocks with start == 0 or start > end are skipped, overlapping ones merged.
  SackOutcome handle_sack(Tsn cum_tsn_ack, uint32_t a_rwnd, std::span<const wire::GapAckBlock> gaps,
                          Instant now);
  /// The same for a parsed SACK chunk (duplicate TSNs are not used by the sender).
  SackOutcome handle_sack(const wire::SackChunk& sack, Instant now);

  /// §6.3.3 E3: T3-rtx expired on `path`: every chunk in flight on that path is marked for
  /// retransmission and leaves the flight size. Call after CongestionControl::on_t3_expiry.
  void handle_t3_expiry(uint8_t path);

  /// A DATA chunk to (re)send, viewing the stored payload.
  struct ChunkToSend {
    Tsn tsn;
    StreamId stream;
    Ssn ssn;
    Ppid ppid;
    bool unordered, beginning, ending;
    wire::ByteSpan payload;
    bool is_retransmission;
    Mid mid;  ///< I-DATA (RFC 8260 §2.1): the message's MID
    Fsn fsn;  ///< I-DATA: the fragment's FSN
  };

  /// The lowest-TSN chunk marked for retransmission, if its payload fits `max_payload`
  /// bytes (nullopt otherwise: close the packet and ask again with a fresh one). After
  /// writing it, call mark_retransmitted().
  [[nodiscard]] std::optional<ChunkToSend> next_retransmission(size_t max_payload) const;
  /// The chunk `tsn` (outstanding) was just retransmitted on `path`: back in flight, its
  /// transmission count grows (Karn §6.3.1 C5: no RTT sample from it any more), its size
  /// is subtracted from the peer rwnd (§6.2.1 C).
  void mark_retransmitted(Tsn tsn, uint8_t path, Instant now);
  /// The fields of outstanding chunk `tsn` (e.g. the one add() just took).
  [[nodiscard]] ChunkToSend view(Tsn tsn) const;

  [[nodiscard]] bool has_retransmissions() const { return to_retransmit_ != 0; }
  /// §7.2.4 step 3: a SACK triggered Fast Retransmit and nothing was retransmitted since.
  /// Check before building a packet: if true, that one packet of retransmissions ignores
  /// cwnd. Cleared by the first mark_retransmitted(); chunks that did not fit wait for cwnd
  /// (step 5).
  [[nodiscard]] bool fast_retransmit_pending() const {
    return fast_retransmit_pending_ && to_retransmit_ != 0;
  }

  /// Bytes in flight: sent, not acked, not marked for retransmission (§6.1 B input).
  [[nodiscard]] uint32_t flight_size() const { return flight_; }
  [[nodiscard]] uint32_t flight_size(uint8_t path) const;
  /// §6.2.1: the peer's rwnd as we track it: a_rwnd minus bytes in flight at the last SACK,
  /// minus what was sent since (§6.2.1 C). §6.1 A: no new data when it is smaller than
  /// the chunk, except a zero window probe.
  [[nodiscard]] uint32_t peer_rwnd() const { return peer_rwnd_; }
  /// §6.1 A: "regardless of the value of rwnd (including if it is 0), the data sender can
  /// always have one DATA chunk in flight to the receiver if allowed by cwnd": true when
  /// nothing is in flight (the probe is one DATA chunk).
  [[nodiscard]] bool can_send_zero_window_probe() const { return flight_ == 0; }

  /// Chunks / bytes not yet covered by the cumulative TSN ack (incl. gap-acked).
  [[nodiscard]] size_t outstanding_chunks() const { return size_; }
  [[nodiscard]] uint32_t outstanding_bytes() const { return outstanding_bytes_; }
  /// Our Cumulative TSN Ack Point: the highest TSN such that it and all before are acked.
  [[nodiscard]] Tsn cumulative_tsn_ack() const { return cum_ack_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] bool in_fast_recovery() const { return fast_recovery_; }
  /// Ring slots allocated (for memory checks): 0 until the first add().
  [[nodiscard]] size_t capacity() const { return ring_.size(); }

  /// When the association fails: hands every message not yet acknowledged back once
  /// (RFC 6458 §6.1.4 SCTP_SEND_FAILED_EVENT, was_sent = true), in TSN order, as
  /// on_message(StreamId, Ppid, uint32_t context, wire::ByteSpan whole_message): the whole
  /// message bytes even if some fragments were acked. Messages whose remaining fragments
  /// are all gap-acked are not reported (the peer holds them). Empties the queue.
  template <class F>
  void drain(F&& on_message);

  // --- PR-SCTP (RFC 3758 §3.5, RFC 7496 §3.1) ------------------------------------------
  // Abandoning a message marks every fragment of it still held here kAbandoned (§3.5 A3):
  // out of flight, never retransmitted, never credited to cwnd (A2), not drained. The
  // Advanced.Peer.Ack.Point then moves across the abandoned TSNs (C1, C2) and a FORWARD TSN
  // becomes due (C3, A5). Decisions: abandon_expired() (timed reliability: Fragment::expires)
  // and every retransmission decision (RFC 7496 §3.1: Fragment::max_retransmits).

  /// Whether the peer announced Forward-TSN-Supported (RFC 3758 §3.3.1). Off by default:
  /// then a message that was sent is fully reliable (Fragment::expires and max_retransmits
  /// are ignored), because only a FORWARD TSN could make the peer skip it.
  void set_partial_reliability(bool on) { prsctp_ = on; }
  [[nodiscard]] bool partial_reliability() const { return prsctp_; }
  /// Timed reliability (RFC 3758 §3.5, RFC 7496 SCTP_PR_SCTP_TTL): abandons every message
  /// with a fragment not yet acked (or a rest not yet sent) whose lifetime ended before
  /// `now`. Costs nothing until the earliest lifetime here has ended. Returns the number of
  /// messages abandoned; take_abandoned() reports them.
  uint32_t abandon_expired(Instant now);
  /// RFC 3758 §3.5 A1: the Advanced.Peer.Ack.Point (never below cumulative_tsn_ack()).
  [[nodiscard]] Tsn advanced_peer_ack_point() const { return adv_ack_; }
  /// §3.5 C3 / A5: a FORWARD TSN should go out with the next packet.
  [[nodiscard]] bool forward_tsn_due() const { return prsctp_ && forward_tsn_due_; }
  /// §3.5 C3/C4: fills `skipped` (cleared first) with the highest SSN abandoned per ordered
  /// stream up to the Advanced.Peer.Ack.Point (unordered chunks are not listed, §3.2) and
  /// returns the New Cumulative TSN. With more than `max_streams` streams the TSN is lowered
  /// to the last one whose streams fit (C4: "fit in a single MTU"). Clears forward_tsn_due().
  Tsn make_forward_tsn(std::vector<wire::ForwardTsnChunk::SkippedStream>& skipped,
                       size_t max_streams);
  /// The same for I-FORWARD-TSN (RFC 8260 §2.3.1, with I-DATA): one entry per (stream, U)
  /// with the highest MID abandoned, unordered messages included; at most `max_entries`.
  Tsn make_i_forward_tsn(std::vector<wire::IForwardTsnChunk::SkippedMessage>& skipped,
                         size_t max_entries);
  /// Messages abandoned and not reported yet.
  [[nodiscard]] uint32_t abandoned_to_report() const { return unreported_; }
  /// Hands every message abandoned since the last call back once, in TSN order, as
  /// on_message(const Fragment& held, wire::ByteSpan whole_message): `held` is one fragment
  /// of it still held here (for SendQueue::discard_rest_of), `whole_message` all its bytes
  /// (RFC 6458 §6.1.4 SCTP_SEND_FAILED_EVENT with SCTP_DATA_SENT). `on_message` must not
  /// call back into the queue.
  template <class F>
  void take_abandoned(F&& on_message);

 private:
  enum class State : uint8_t {
    kInFlight,      // sent, unacked, counted in flight
    kAcked,         // gap-acked: not in flight, kept until the cum ack (renegable, §6.2.1)
    kToRetransmit,  // marked by T3 expiry or Fast Retransmit, out of flight
    kAbandoned,     // PR-SCTP (RFC 3758): out of flight, never resent
  };
  struct Entry {
    Fragment frag;
    Instant sent_at{};
    uint16_t transmissions = 0;  // 1 = sent once (Karn)
    uint8_t path = 0;
    uint8_t misses = 0;  // miss indications (§7.2.4)
    State state = State::kInFlight;
    bool fast_retransmitted = false;  // §7.2.4 step 5: ineligible for another
    bool reneged_now = false;         // transient within one handle_sack()
    bool report = false;  // PR-SCTP: first fragment held of a message abandoned, unreported
  };

  struct AckWalk {
    uint32_t covered = 0;  // entries [0, covered) lie at or below the highest TSN in the SACK
    std::optional<uint32_t> htna;  // offset of the highest TSN newly acked
  };

  static PathMask bit(uint8_t path) { return static_cast<PathMask>(1u << path); }
  Entry& at(uint32_t offset) { return ring_[(head_ + offset) & mask_]; }
  const Entry& at(uint32_t offset) const { return ring_[(head_ + offset) & mask_]; }
  [[nodiscard]] std::optional<uint32_t> offset_of(Tsn tsn) const;
  ChunkToSend to_send(uint32_t offset, bool retransmission) const;

  SackOutcome process_sack(Tsn cum, uint32_t a_rwnd, Instant now);
  bool normalize_gaps(uint32_t cum_off);
  AckWalk walk_acks(uint32_t cum_off, Instant now, SackOutcome& out);
  void ack_entry(Entry& e, bool by_cum, Instant now, SackOutcome& out);
  void advance_cum_ack(uint32_t count, SackOutcome& out);
  void apply_miss_indications(const AckWalk& walk, uint32_t cum_off, SackOutcome& out);
  void add_miss_indication(Entry& e, uint32_t offset, SackOutcome& out);
  void mark_for_retransmission(Entry& e, uint32_t offset);
  void add_to_flight(const Entry& e);
  void remove_from_flight(const Entry& e);
  void grow();
  void clear();
  // PR-SCTP
  void abandon(uint32_t offset);                 // the whole message of the entry at `offset`
  // Placeholder TSN for an uncut rest. By value: grow() may move the ring `sent` lives in.
  void add_abandoned_end(Fragment sent);
  void advance_peer_ack_point();

  std::vector<Entry> ring_;
  size_t mask_ = 0;
  size_t head_ = 0;    // slot of TSN cum_ack_ + 1
  uint32_t size_ = 0;  // outstanding chunks: TSNs cum_ack_ + 1 .. next_tsn_ - 1
  Tsn cum_ack_;
  Tsn next_tsn_;
  uint32_t flight_ = 0;
  std::array<uint32_t, kMaxPaths> path_flight_{};
  uint32_t outstanding_bytes_ = 0;
  uint32_t peer_rwnd_;
  uint32_t to_retransmit_ = 0;    // entries in kToRetransmit
  uint32_t retransmit_hint_ = 0;  // no kToRetransmit entry below this offset
  bool fast_retransmit_pending_ = false;
  bool fast_recovery_ = false;
  Tsn fast_recovery_exit_;               // §7.2.4 step 6 exit point
  std::vector<wire::GapAckBlock> gaps_;  // scratch: the SACK's blocks, sorted and merged
  // PR-SCTP (RFC 3758 §3.5)
  bool prsctp_ = false;
  bool forward_tsn_due_ = false;
  Tsn adv_ack_;                   // A1 Advanced.Peer.Ack.Point
  Instant next_expiry_ = kNever;  // no lifetime here ends before this (may be early)
  uint32_t unreported_ = 0;       // entries with `report` set
};

template <class F>
void RetransmissionQueue::drain(F&& on_message) {
  // The fragments of one message share one buffer and are held in TSN order. Without
  // I-DATA they are adjacent (RFC 9260 §6.9); with I-DATA (RFC 8260 §2.1) other streams'
  // fragments may sit between them. Each message is reported once, at its first fragment
  // held; the later ones are marked visited (their reference dropped: clear() follows),
  // and the scan for them stops at the message's ending fragment.
  for (uint32_t i = 0; i < size_; ++i) {
    const Entry& first = at(i);
    const wire::ByteSpan whole = first.frag.payload.bytes();
    if (whole.data() == nullptr) continue;  // visited: reported with an earlier fragment
    bool unacked = false;
    for (uint32_t j = i; j < size_; ++j) {
      Entry& e = at(j);
      if (e.frag.payload.bytes().data() != whole.data()) continue;
      // An abandoned message not reported yet is reported here instead (exactly once).
      unacked |= e.state == State::kInFlight || e.state == State::kToRetransmit || e.report;
      const bool ending = e.frag.ending;
      if (j != i) e.frag.payload.reset();
      if (ending) break;
    }
    if (unacked) on_message(first.frag.stream, first.frag.ppid, first.frag.context, whole);
  }
  clear();
}

template <class F>
void RetransmissionQueue::take_abandoned(F&& on_message) {
  for (uint32_t i = 0; i < size_ && unreported_ > 0; ++i) {
    Entry& e = at(i);
    if (!e.report) continue;
    e.report = false;
    --unreported_;
    on_message(static_cast<const Fragment&>(e.frag), e.frag.payload.bytes());
  }
}

}  // namespace dpsctp::core
