// Send queue: user messages waiting to be cut into DATA chunks.
//
// Implements RFC 9260 §6.1 (user data queued until the association may send it), §6.5
// (per-stream Stream Sequence Numbers, wrapping 65535 -> 0), §6.6 (ordered and unordered
// messages), §6.9 (fragmentation into B/E-flagged DATA chunks); RFC 3758 §3.5 A1
// (PR-SCTP timed reliability: unsent messages whose lifetime expired are dropped); RFC 6458
// §8.1.5 SCTP_DISABLE_FRAGMENTS and §6.1.4 send-failed (drain); RFC 8260 §3 stream
// scheduling (see stream_scheduler.h); RFC 6525 §5.1.2 / §5.1.5 hooks (add streams, reset
// SSN).
//
// Layout: each stream has an intrusive FIFO of message slots; the slots live in one vector
// recycled through a free list (it grows to the high-water mark of queued messages, then
// never allocates again). Nothing is allocated before the first add(): the per-stream
// table is created then, so an idle association holds no heap memory here. Payload bytes are copied once into the PayloadPool; fragments
// share that buffer. TSNs are not assigned here: the retransmission queue does that when
// it takes the fragment.
//
// One message at a time: once the first fragment of a message is cut, every following
// produce() continues that message, whatever the scheduler says, until its last fragment
// is cut. RFC 9260 §6.9: "the TSNs for each fragment of a fragmented user message MUST be
// strictly sequential", which holds only if the caller numbers fragments in the order
// produce() returns them and no other message is interleaved (I-DATA interleaving,
// RFC 8260, would lift this).
//
// I-DATA interleaving (RFC 8260 §2.2.2, set_interleaving(true) once both ends listed
// I-DATA): each stream may hold one partially cut message, and the scheduler chooses the
// stream for every fragment, so a large message on one stream does not hold back the
// small ones on others (under round robin they alternate fragment by fragment; FCFS still
// finishes the earliest message first). Fragments then carry a MID (RFC 8260 §2.1: per
// stream, ordered and unordered counted apart, 32 bits) and an FSN instead of the SSN.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/tx/fragment.h"
#include "core/tx/payload.h"
#include "core/tx/stream_scheduler.h"
#include "dpsctp/time.h"
#include "dpsctp/types.h"
#include "wire/byte_io.h"

namespace dpsctp::core {

struct SendOptions {
  bool unordered = false;  ///< RFC 9260 §6.6: U bit, delivered without SSN ordering
  uint32_t context = 0;    ///< returned in send-failed reports
  /// PR-SCTP timed reliability (RFC 3758 §3.5, RFC 7496 SCTP_PR_SCTP_TTL): the message is
  /// abandoned if still unsent (here) or unacknowledged (retransmission queue) this long
  /// after send(). Duration::max() = fully reliable; zero or negative = may go out only
  /// in a produce() at the same `now` as the add().
  Duration lifetime = Duration::max();
  uint16_t max_retransmits = 0xFFFF;  ///< RFC 7496 SCTP_PR_SCTP_RTX; 0xFFFF = no limit
};

enum class SendStatus : uint8_t {
  kOk,
  kInvalidStream,    ///< stream id >= outbound streams (RFC 9260 §6.5)
  kBufferFull,       ///< queued bytes + this message exceed the buffer limit: retry later
  kMessageTooLarge,  ///< disable_fragments and larger than one chunk, or larger than the
                     ///< whole buffer limit (could never be accepted; Linux EMSGSIZE)
  kEmptyMessage,     ///< RFC 9260 §6.2: a DATA chunk carries at least one byte
  kInvalidState,  ///< the association cannot take data now (closed, handshaking, shutting down)
};

class SendQueue {
 public:
  using Scheduler = SchedulerKind;  // SendQueue::Scheduler::kRoundRobin etc.

  /// `pool` must outlive the queue. `buffer_limit_bytes` bounds the bytes queued here
  /// (the association subtracts what it has in flight before calling add()).
  SendQueue(PayloadPool& pool, uint16_t outbound_streams, uint32_t buffer_limit_bytes);
  SendQueue(const SendQueue&) = delete;
  SendQueue& operator=(const SendQueue&) = delete;

  /// Called for each user send. Copies `data` into the pool (one copy, no other
  /// allocation in steady state) and queues it at the tail of `stream`.
  /// `disable_fragments` (RFC 6458 SCTP_DISABLE_FRAGMENTS): the message must travel in one
  /// DATA chunk; it is refused with kMessageTooLarge if larger than
  /// `max_fragment_payload` (0 = no check now; produce() still never splits it).
  SendStatus add(StreamId stream, Ppid ppid, wire::ByteSpan data, const SendOptions& opt,
                 Instant now, bool disable_fragments = false, size_t max_fragment_payload = 0);

  /// Called while building a packet: cuts the next DATA chunk payload, at most
  /// `max_payload` bytes (the room left in the packet), from the stream the scheduler
  /// picks, continuing a partially cut message first. Ordered messages take their
  /// stream's next SSN when their first fragment is cut; unordered ones carry SSN 0
  /// (RFC 9260 §3.3.1: the SSN of an unordered chunk is ignored by the receiver).
  /// A message whose lifetime ended before its first fragment was cut is dropped and
  /// reported as `on_expired(const Fragment& whole_message)` (SSN 0: none was consumed,
  /// so no FORWARD TSN is needed); the search then goes on.
  /// Returns nullopt when nothing is queued, when `max_payload` is 0, or when the next
  /// message is unfragmentable and larger than `max_payload` (call again with an empty
  /// packet). `on_expired` must not call back into the queue.
  template <class F>
  std::optional<Fragment> produce(size_t max_payload, Instant now, F&& on_expired);
  /// Same, dropping expired messages silently (they are counted in expired_messages()).
  std::optional<Fragment> produce(size_t max_payload, Instant now);

  /// The retransmission queue abandoned a fragment (PR-SCTP, RFC 3758 §3.5 A1-A3): if the
  /// rest of that message is still queued here, drops it so no more of it is sent.
  /// Returns whether anything was dropped.
  bool discard_rest_of(const Fragment& sent);

  [[nodiscard]] bool empty() const { return queued_messages_ == 0; }
  /// Bytes not yet cut into fragments.
  [[nodiscard]] size_t queued_bytes() const { return queued_bytes_; }
  /// Messages with at least one byte not yet cut (partially cut ones included).
  [[nodiscard]] size_t queued_messages() const { return queued_messages_; }
  [[nodiscard]] size_t queued_messages(StreamId stream) const;

  /// On association failure or abort: hands every queued message back once, per stream
  /// in FIFO order, as on_message(StreamId, Ppid, uint32_t context, bool partially_sent,
  /// wire::ByteSpan data), where `data` is the part never cut (the whole message unless
  /// partially_sent; the cut fragments are reported by whoever holds them), then empties
  /// the queue (RFC 6458 §6.1.4 SCTP_SEND_FAILED_EVENT). `data` is valid only during the
  /// call; `on_message` must not call back into the queue.
  template <class F>
  void drain(F&& on_message);

  /// RFC 8260 §2.2.1: I-DATA was negotiated: interleave fragments of messages of different
  /// streams and number them by MID/FSN. Set before the first add(); never switched back.
  void set_interleaving(bool on) { interleaving_ = on; }
  [[nodiscard]] bool interleaving() const { return interleaving_; }
  /// The MID the next ordered (or unordered) message of `s` will take (I-DATA).
  [[nodiscard]] Mid next_mid(StreamId s, bool unordered) const {
    if (s.value() >= streams_.size()) return Mid(0);
    return unordered ? streams_[s.value()].next_unordered_mid : streams_[s.value()].next_mid;
  }

  /// RFC 8260 §3: selects the stream scheduler; takes effect at the next message boundary.
  void set_scheduler(Scheduler s) { scheduler_.set_kind(s); }
  [[nodiscard]] Scheduler scheduler() const { return scheduler_.kind(); }
  /// RFC 8260 §4.3.3 SCTP_STREAM_SCHEDULER_VALUE (see StreamScheduler::set_value).
  bool set_stream_value(StreamId s, uint16_t v) { return scheduler_.set_value(s, v); }
  [[nodiscard]] uint16_t stream_value(StreamId s) const { return scheduler_.value(s); }
  /// RFC 8260 §3.3: call before filling each packet with new data (round robin per packet
  /// gives every packet to one stream, the next packet to the next stream).
  void begin_packet() {
    scheduler_.begin_packet(in_progress_ != kNoStream
                                ? std::optional(StreamId(static_cast<uint16_t>(in_progress_)))
                                : std::nullopt);
  }

  /// RFC 6525 §5.1.2: after an outgoing SSN reset of `s` was performed, its next SSN is 0.
  /// Call only when `s` has no partially cut message. Ignores invalid streams.
  void reset_ssn(StreamId s);
  /// The next SSN `s` will take (for tests and stream reset requests).
  [[nodiscard]] Ssn next_ssn(StreamId s) const {
    return s.value() < streams_.size() ? streams_[s.value()].next_ssn : Ssn(0);
  }
  /// RFC 6525 §5.1.5: `n` more outgoing streams (total capped at 65535), SSNs from 0.
  void add_streams(uint16_t n);
  [[nodiscard]] uint16_t outbound_streams() const { return outbound_streams_; }
  /// Messages dropped by produce() because their lifetime expired before being sent.
  [[nodiscard]] uint32_t expired_messages() const { return expired_; }
  /// Message slots allocated so far (high-water mark of queued messages).
  [[nodiscard]] size_t slot_capacity() const { return slots_.size(); }

 private:
  static constexpr uint32_t kNil = 0xFFFFFFFF;
  static constexpr uint32_t kNoStream = 0xFFFFFFFF;

  struct Message {
    PayloadRef payload;  ///< empty while the slot is free
    Instant expires = kNever;
    uint64_t stamp = 0;  ///< arrival order, for the scheduler
    Ppid ppid;
    uint32_t context = 0;
    uint32_t offset = 0;   ///< bytes already cut
    uint32_t next = kNil;  ///< next message of the stream, or next free slot
    Ssn ssn;
    Mid mid;               ///< I-DATA: taken when the first fragment is cut
    uint32_t next_fsn = 0;  ///< I-DATA: FSN of the next fragment
    uint16_t max_retransmits = 0xFFFF;
    bool unordered = false;
    bool unfragmentable = false;
  };
  struct StreamQueue {
    uint32_t head = kNil;
    uint32_t tail = kNil;
    uint32_t count = 0;
    Ssn next_ssn{0};  ///< RFC 9260 §6.5: the first message of a stream has SSN 0
    Mid next_mid{0};            ///< RFC 8260 §2.1: ordered MIDs, from 0
    Mid next_unordered_mid{0};  ///< RFC 8260 §2.1: unordered MIDs, counted apart
  };

  /// The stream whose head message goes next (partially cut one first), or kNoStream.
  [[nodiscard]] uint32_t pick_stream() const;
  /// The head message of `stream` if it is expired and untouched.
  [[nodiscard]] bool head_expired(uint32_t stream, Instant now) const;
  /// Removes the expired head of `stream` (the scheduler's top); returns it whole.
  Fragment take_expired_head(uint32_t stream);
  std::optional<Fragment> cut(uint32_t stream, size_t max_payload);
  /// Numbers a message whose first fragment is being cut: SSN (DATA) or MID (I-DATA).
  void take_sequence_number(StreamQueue& q, Message& m);
  static Fragment make_fragment(uint32_t stream, const Message& m, uint32_t length);
  /// Unlinks and frees the head message of `stream`; its uncut bytes leave the count.
  void pop_head(uint32_t stream);
  uint32_t alloc_slot();
  void clear();

  PayloadPool& pool_;
  uint16_t outbound_streams_;
  std::vector<StreamQueue> streams_;  ///< empty until the first add(), then outbound_streams_
  std::vector<Message> slots_;
  uint32_t free_ = kNil;
  StreamScheduler scheduler_;
  uint32_t in_progress_ = kNoStream;  ///< stream whose head message is partially cut
  uint32_t buffer_limit_;
  size_t queued_bytes_ = 0;
  size_t queued_messages_ = 0;
  uint32_t expired_ = 0;
  bool interleaving_ = false;  ///< RFC 8260 I-DATA negotiated
};

template <class F>
std::optional<Fragment> SendQueue::produce(size_t max_payload, Instant now, F&& on_expired) {
  if (max_payload == 0) return std::nullopt;
  for (;;) {
    const uint32_t s = pick_stream();
    if (s == kNoStream) return std::nullopt;
    if (streams_[s].head == kNil) {  // interleaving: its partial message was discarded
      scheduler_.remove_top();
      continue;
    }
    // RFC 3758 §3.5 A1: a message whose lifetime expired before it was sent is abandoned.
    if (head_expired(s, now)) {
      const Fragment whole = take_expired_head(s);
      on_expired(whole);
      continue;
    }
    return cut(s, max_payload);
  }
}

template <class F>
void SendQueue::drain(F&& on_message) {
  for (size_t s = 0; s < streams_.size(); ++s) {
    for (uint32_t i = streams_[s].head; i != kNil; i = slots_[i].next) {
      const Message& m = slots_[i];
      on_message(StreamId(static_cast<uint16_t>(s)), m.ppid, m.context, m.offset != 0,
                 m.payload.bytes().subspan(m.offset));
    }
  }
  clear();
}

}  // namespace dpsctp::core
