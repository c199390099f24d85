// ReassemblyQueue: turns received DATA chunks into user messages.
//
// Implements, receiver side:
//   RFC 9260 §6.5  ordered delivery by Stream Sequence Number per stream; an unknown stream
//                  is reported as kInvalidStream (the caller sends the ERROR chunk)
//   RFC 9260 §6.6  unordered messages bypass the stream order
//   RFC 9260 §6.9  reassembly of fragments by consecutive TSNs from B to E
//   RFC 3758 §3.6  FORWARD TSN: abandoned fragments dropped, skipped SSNs stepped over
//
// Zero copy where possible: a complete single-fragment message (B and E set) that is
// unordered, or ordered with the next expected SSN on a stream with nothing queued, is
// handed to the caller straight from the packet. Everything else is copied into pooled
// buffers (core/tx/payload.h: recycled per size class, no malloc in steady state) and kept
// in one vector sorted by TSN; a multi-fragment message is assembled into one reusable
// contiguous buffer when it is delivered.
//
// Sorting by TSN works with serial arithmetic because everything queued lies within the
// receive window. The sender assigns SSNs and TSNs in the same order on a stream, so the
// next ordered message is looked for after the one just delivered first (and before it
// only if that stream still has chunks unaccounted for), which keeps a delivery cascade
// linear in practice.
//
// Not reentrant: the `deliver` callback must not call back into the same queue.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "core/tx/payload.h"
#include "dpsctp/types.h"
#include "wire/byte_io.h"

namespace dpsctp::core {

/// A complete user message. `data` is valid only during the deliver callback.
struct DeliveredMessage {
  StreamId stream;
  Ssn ssn;
  Ppid ppid;  ///< from the first fragment
  Tsn tsn;    ///< of the last fragment
  bool unordered = false;
  wire::ByteSpan data;
};

class ReassemblyQueue {
 public:
  enum class AddResult : uint8_t {
    kDelivered,      ///< zero-copy fast path: delivered straight from `payload`
    kQueued,         ///< copied into the queue (and possibly already delivered as part of an
                     ///< assembled / unblocked message), or ignored as a duplicate of data
                     ///< already queued or delivered; acknowledge the TSN either way
    kNoSpace,        ///< over max_buffered_bytes: nothing changed; drop it and do not ack the TSN
    kInvalidStream,  ///< stream >= inbound_streams: send Invalid Stream Identifier (§6.5)
  };

  /// `inbound_streams` is the negotiated number of incoming streams (§5.1.1: MIS / OS);
  /// `max_buffered_bytes` bounds the payload bytes held (normally the receive window).
  ReassemblyQueue(uint16_t inbound_streams, uint32_t max_buffered_bytes);

  /// Adds one DATA chunk whose TSN the DataTracker found new. `deliver(const
  /// DeliveredMessage&)` is called synchronously for every message this chunk completes or
  /// unblocks, in delivery order. `in_sequence`: the TSN is the cumulative TSN ack + 1;
  /// such a chunk is taken past max_buffered_bytes, up to twice that (see enqueue()).
  template <class F>
  AddResult add(Tsn tsn, StreamId stream, Ssn ssn, Ppid ppid, bool unordered, bool beginning,
                bool ending, wire::ByteSpan payload, F&& deliver, bool in_sequence = false) {
    // RFC 9260 §6.5: "If an endpoint receives a DATA chunk with an invalid stream
    // identifier, it MUST acknowledge ... send an ERROR chunk ... and discard the DATA".
    if (stream.value() >= streams_.size()) return AddResult::kInvalidStream;
    if (beginning && ending && fast_path_ok(stream, ssn, unordered)) {
      // RFC 9260 §6.6: an unordered message is delivered as soon as it is complete; an
      // ordered one when its SSN is the next expected on the stream (§6.5).
      if (!unordered) streams_[stream.value()].next_ssn = ssn.next();
      deliver(DeliveredMessage{stream, ssn, ppid, tsn, unordered, payload});
      return AddResult::kDelivered;
    }
    const uint8_t flags = static_cast<uint8_t>((beginning ? kFlagB : 0) | (ending ? kFlagE : 0) |
                                               (unordered ? kFlagU : 0));
    const AddResult r = enqueue(tsn, stream, ssn, ppid, flags, payload, in_sequence);
    if (r == AddResult::kQueued) deliver_ready(deliver);
    return r;
  }

  /// RFC 3758 §3.6, after the DataTracker accepted a FORWARD TSN: drops the fragments of
  /// unordered and incomplete messages at or below `new_cumulative_tsn` and, for each
  /// listed (stream, ssn), the ordered messages up to that SSN; moves each listed stream's
  /// next expected SSN past it and delivers whatever is now in order.
  template <class F>
  void handle_forward_tsn(Tsn new_cumulative_tsn, std::span<const std::pair<StreamId, Ssn>> skipped,
                          F&& deliver) {
    forward_tsn_core(new_cumulative_tsn, skipped);
    deliver_ready(deliver);
  }

  /// Payload bytes held (counts against the advertised a_rwnd, RFC 9260 §6.2).
  [[nodiscard]] uint32_t buffered_bytes() const { return buffered_; }
  /// Chunks held.
  [[nodiscard]] size_t queued_chunks() const { return chunks_.size(); }
  /// The SSN the next ordered message on `s` must carry; Ssn(0) for an invalid stream.
  [[nodiscard]] Ssn next_expected_ssn(StreamId s) const {
    return s.value() < streams_.size() ? streams_[s.value()].next_ssn : Ssn(0);
  }
  /// RFC 6525 §5.2.2 / §5.2.4: the peer reset its outgoing stream `s`: the next ordered
  /// message carries SSN 0. Call once everything sent before the reset was delivered.
  void reset_ssn(StreamId s) {
    if (s.value() < streams_.size()) streams_[s.value()].next_ssn = Ssn(0);
  }
  /// RFC 6525 §5.2.5: `n` more incoming streams (the total stays within 65535).
  void add_streams(uint16_t n) {
    streams_.resize(std::min<size_t>(65535, streams_.size() + n));
  }

 private:
  static constexpr uint8_t kFlagB = 0x01;     ///< first fragment
  static constexpr uint8_t kFlagE = 0x02;     ///< last fragment
  static constexpr uint8_t kFlagU = 0x04;     ///< unordered
  static constexpr uint8_t kFlagDrop = 0x08;  ///< marked by forward_tsn_core()

  /// Trivially copyable, so inserting into the sorted vector is a memmove; the payload
  /// reference lives in slots_.
  struct Chunk {
    Tsn tsn;
    StreamId stream;
    Ssn ssn;
    Ppid ppid;
    uint8_t flags = 0;
    uint32_t slot = 0;  ///< index into slots_
    uint32_t size = 0;  ///< payload bytes
  };
  struct StreamState {
    Ssn next_ssn{0};              ///< RFC 9260 §6.5: the first SSN is 0
    uint32_t queued_ordered = 0;  ///< ordered chunks of this stream in chunks_
  };
  enum class Cursor : uint8_t { kNone, kAt, kStream };

  [[nodiscard]] bool fast_path_ok(StreamId s, Ssn ssn, bool unordered) const {
    const StreamState& st = streams_[s.value()];
    return unordered || (ssn == st.next_ssn && st.queued_ordered == 0);
  }

  template <class F>
  void deliver_ready(F& deliver) {
    DeliveredMessage m;
    while (next_ready(m)) {
      deliver(static_cast<const DeliveredMessage&>(m));
      finish_delivery();
    }
  }

  /// Copies a chunk into the queue; sets the cursor to look for a message it completes.
  AddResult enqueue(Tsn tsn, StreamId stream, Ssn ssn, Ppid ppid, uint8_t flags,
                    wire::ByteSpan payload, bool in_sequence);
  void forward_tsn_core(Tsn new_cum, std::span<const std::pair<StreamId, Ssn>> skipped);
  /// Finds the next deliverable message, fills `out` and remembers its chunk range.
  bool next_ready(DeliveredMessage& out);
  /// Removes the message last returned by next_ready() and moves the cursor on.
  void finish_delivery();

  [[nodiscard]] size_t lower_bound(Tsn tsn) const;
  /// True if chunk i belongs to a complete message (consecutive TSNs from B to E, §6.9);
  /// its chunk range is returned in [first, last].
  [[nodiscard]] bool complete_run(size_t i, size_t& first, size_t& last) const;
  [[nodiscard]] bool deliverable(const Chunk& head) const;
  /// Index of the B chunk of ordered message (s, next_ssn), searching from `hint` first.
  [[nodiscard]] bool find_stream_head(uint16_t s, size_t hint, size_t& out) const;
  void make_message(size_t first, size_t last, DeliveredMessage& out);
  void erase_chunks(size_t first, size_t end);
  /// Accounting and payload release for a chunk leaving the queue.
  void release(const Chunk& c);
  [[nodiscard]] wire::ByteSpan bytes(const Chunk& c) const { return slots_[c.slot].bytes(); }

  std::unique_ptr<PayloadPool> pool_;  // before slots_: outlives every PayloadRef
  std::vector<StreamState> streams_;
  std::vector<Chunk> chunks_;      // sorted by TSN (serial order)
  std::vector<PayloadRef> slots_;  // payloads of queued chunks; grows to the peak only
  std::vector<uint32_t> free_slots_;
  std::vector<std::byte> assembly_;  // reused for multi-fragment messages
  uint32_t max_buffered_;
  uint32_t buffered_ = 0;

  // Delivery iteration state (one add() / handle_forward_tsn() call).
  Cursor cursor_ = Cursor::kNone;
  size_t cursor_index_ = 0;
  uint16_t cursor_stream_ = 0;
  std::span<const std::pair<StreamId, Ssn>> fwd_streams_;
  size_t fwd_pos_ = 0;
  size_t current_first_ = 0;
  size_t current_last_ = 0;
};

}  // namespace dpsctp::core
