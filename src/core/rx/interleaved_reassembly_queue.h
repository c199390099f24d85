// InterleavedReassemblyQueue: turns received I-DATA chunks into user messages.
//
// Implements, receiver side of RFC 8260 (I-DATA, used when both ends listed it, §2.2.1):
//   §2.1    a message is identified by (stream, U flag, MID); its fragments by the FSN:
//           0 on the first (B), +1 per fragment, the last with E. TSNs of one message need
//           not be consecutive: fragments of other messages may be interleaved (§2.2.2)
//   §2.2.3  reassembly by (stream, U, MID) and FSN order; ordered messages delivered in MID
//           order per stream (ordered and unordered MIDs are separate counters); unordered
//           ones as soon as complete
//   §2.3.1  I-FORWARD-TSN: each (stream, U, MID) entry abandons that message and the ones
//           before it; an ordered entry moves the stream's next expected MID past it
// and, as the DATA ReassemblyQueue does, RFC 9260 §6.2 bounded buffering (the receive
// window) and §6.5 kInvalidStream for a stream we do not have.
//
// Layout: queued fragments sit in one vector sorted by (stream, U, MID serial order, FSN),
// so a message's fragments are adjacent and found by binary search; payloads are copied
// into pooled buffers (core/tx/payload.h), allocated only up to the peak. A complete
// single-fragment message that can go at once is delivered straight from the packet.
//
// MIDs are compared with serial arithmetic (RFC 1982 via SerialNumber): what is queued for
// one (stream, U) lies within the receive window, far less than 2^31 messages apart.
//
// Not reentrant: the `deliver` callback must not call back into the same queue.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/rx/reassembly_queue.h"
#include "core/tx/payload.h"
#include "dpsctp/types.h"
#include "wire/byte_io.h"
#include "wire/ext/i_forward_tsn_chunk.h"

namespace dpsctp::core {

class InterleavedReassemblyQueue {
 public:
  using AddResult = ReassemblyQueue::AddResult;
  using Skipped = wire::IForwardTsnChunk::SkippedMessage;

  /// As ReassemblyQueue: negotiated inbound streams, bound on buffered payload bytes.
  InterleavedReassemblyQueue(uint16_t inbound_streams, uint32_t max_buffered_bytes);

  /// Adds one I-DATA chunk whose TSN the DataTracker found new; `deliver(const
  /// DeliveredMessage&)` is called for each message it completes or unblocks, in order.
  /// The DeliveredMessage's `ssn` holds the low 16 bits of the MID. `in_sequence`: as in
  /// ReassemblyQueue::add (taken past the limit, up to twice it).
  template <class F>
  AddResult add(Tsn tsn, StreamId stream, Mid mid, Fsn fsn, Ppid ppid, bool unordered,
                bool beginning, bool ending, wire::ByteSpan payload, F&& deliver,
                bool in_sequence = false) {
    // RFC 9260 §6.5 (RFC 8260 §2.2.3 keeps it): an invalid stream is reported, not queued.
    if (stream.value() >= streams_.size()) return AddResult::kInvalidStream;
    StreamState& st = streams_[stream.value()];
    if (beginning && ending && (unordered || (mid == st.next_mid && st.queued_ordered == 0))) {
      // RFC 8260 §2.2.3: a whole unordered message goes at once; an ordered one when its
      // MID is the next expected on the stream.
      if (!unordered) st.next_mid = mid.next();
      deliver(DeliveredMessage{stream, ssn_of(mid), ppid, tsn, unordered, payload});
      return AddResult::kDelivered;
    }
    const AddResult r = enqueue(tsn, stream, mid, fsn, ppid, flags_of(unordered, beginning, ending),
                                payload, in_sequence);
    if (r != AddResult::kQueued) return r;
    if (unordered) {
      (void)deliver_message(stream.value(), kFlagU, mid, deliver);
    } else {
      deliver_in_order(stream.value(), deliver);
    }
    return r;
  }

  /// RFC 8260 §2.3.1, for a well-formed I-FORWARD-TSN: for each entry, the messages of
  /// that (stream, U) with MIDs up to the entry's are abandoned. Unordered: their queued
  /// fragments are dropped. Ordered: complete ones among them are still delivered, in MID
  /// order, incomplete ones dropped (as RFC 3758 §3.6 does by SSN); the stream's next
  /// expected MID moves past the entry's and whatever is then in order is delivered.
  /// Entries for unknown streams are ignored. Repeating an entry changes nothing.
  template <class F>
  void handle_forward_tsn(std::span<const Skipped> skipped, F&& deliver) {
    for (const Skipped& s : skipped) {
      const uint16_t stream = s.stream.value();
      if (stream >= streams_.size()) continue;
      if (s.unordered) {
        skip_unordered(stream, s.mid);
        continue;
      }
      StreamState& st = streams_[stream];
      for (;;) {  // each queued ordered message up to the entry's MID, lowest first
        const size_t i = lower_bound(stream, 0, st.next_mid, Fsn(0));
        if (i == chunks_.size() || chunks_[i].stream.value() != stream ||
            (chunks_[i].flags & kFlagU) != 0 || s.mid < chunks_[i].mid) {
          break;
        }
        const Mid mid = chunks_[i].mid;
        if (!deliver_message(stream, 0, mid, deliver)) drop_message(stream, 0, mid);
        st.next_mid = mid.next();
      }
      if (!(s.mid < st.next_mid)) st.next_mid = s.mid.next();
      deliver_in_order(stream, deliver);
    }
  }

  /// Payload bytes held (counts against the advertised a_rwnd, RFC 9260 §6.2).
  [[nodiscard]] uint32_t buffered_bytes() const { return buffered_; }
  [[nodiscard]] size_t queued_chunks() const { return chunks_.size(); }
  /// The MID the next ordered message of `s` must carry; Mid(0) for an invalid stream.
  [[nodiscard]] Mid next_expected_mid(StreamId s) const {
    return s.value() < streams_.size() ? streams_[s.value()].next_mid : Mid(0);
  }
  /// RFC 8260 §2.3.2 with RFC 6525 §5.2.2: the peer reset its outgoing stream `s`; the
  /// next ordered message carries MID 0. Call once everything sent before was delivered.
  void reset_mid(StreamId s) {
    if (s.value() < streams_.size()) streams_[s.value()].next_mid = Mid(0);
  }
  /// RFC 6525 §5.2.5: `n` more incoming streams (the total stays within 65535).
  void add_streams(uint16_t n) {
    streams_.resize(std::min<size_t>(65535, streams_.size() + n));
  }

 private:
  static constexpr uint8_t kFlagB = 0x01;
  static constexpr uint8_t kFlagE = 0x02;
  static constexpr uint8_t kFlagU = 0x04;

  struct Chunk {  // trivially copyable: the sorted vector moves it with memmove
    Tsn tsn;
    Mid mid;
    Fsn fsn;
    Ppid ppid;
    StreamId stream;
    uint8_t flags = 0;
    uint32_t slot = 0;  ///< index into slots_
    uint32_t size = 0;  ///< payload bytes
  };
  struct StreamState {
    Mid next_mid{0};              ///< RFC 8260 §2.1: ordered MIDs start at 0
    uint32_t queued_ordered = 0;  ///< ordered chunks of this stream in chunks_
  };

  static uint8_t flags_of(bool u, bool b, bool e) {
    return static_cast<uint8_t>((u ? kFlagU : 0) | (b ? kFlagB : 0) | (e ? kFlagE : 0));
  }
  static Ssn ssn_of(Mid mid) { return Ssn(static_cast<uint16_t>(mid.value())); }
  /// Sort order: stream, then ordered before unordered, then MID, then FSN.
  static bool before(const Chunk& c, uint16_t stream, uint8_t u, Mid mid, Fsn fsn);

  AddResult enqueue(Tsn tsn, StreamId stream, Mid mid, Fsn fsn, Ppid ppid, uint8_t flags,
                    wire::ByteSpan payload, bool in_sequence);
  /// Index of the first chunk not before (stream, u, mid, fsn).
  [[nodiscard]] size_t lower_bound(uint16_t stream, uint8_t u, Mid mid, Fsn fsn) const;
  /// The chunks [first, end) of message (stream, u, mid) if it is complete (§2.1: FSN 0
  /// with B, consecutive FSNs, the last with E).
  [[nodiscard]] bool complete(uint16_t stream, uint8_t u, Mid mid, size_t& first,
                              size_t& end) const;
  void make_message(size_t first, size_t end, DeliveredMessage& out);
  void erase_chunks(size_t first, size_t end);
  void release(const Chunk& c);
  /// Drops the queued fragments of unordered messages of `stream` with MIDs up to `last`.
  void skip_unordered(uint16_t stream, Mid last);
  /// Drops the queued fragments of message (stream, u, mid).
  void drop_message(uint16_t stream, uint8_t u, Mid mid);

  template <class F>
  bool deliver_message(uint16_t stream, uint8_t u, Mid mid, F& deliver) {
    size_t first = 0;
    size_t end = 0;
    if (!complete(stream, u, mid, first, end)) return false;
    DeliveredMessage m;
    make_message(first, end, m);
    deliver(static_cast<const DeliveredMessage&>(m));
    erase_chunks(first, end);
    return true;
  }
  template <class F>
  void deliver_in_order(uint16_t stream, F& deliver) {
    // RFC 8260 §2.2.3: ordered messages of a stream in MID order.
    StreamState& st = streams_[stream];
    while (st.queued_ordered > 0 && deliver_message(stream, 0, st.next_mid, deliver)) {
      st.next_mid = st.next_mid.next();
    }
  }

  std::unique_ptr<PayloadPool> pool_;  // before slots_: outlives every PayloadRef
  std::vector<StreamState> streams_;
  std::vector<Chunk> chunks_;
  std::vector<PayloadRef> slots_;
  std::vector<uint32_t> free_slots_;
  std::vector<std::byte> assembly_;  // reused for multi-fragment messages
  uint32_t max_buffered_;
  uint32_t buffered_ = 0;
};

}  // namespace dpsctp::core
