// Outbound stream scheduler: picks which stream's next message the send queue cuts.
// Implements the six stream schedulers of RFC 8260 §3: §3.1 first-come, first-served,
// §3.2 round robin, §3.3 round robin per packet, §3.4 priority, §3.5 fair capacity and
// §3.6 weighted fair queueing, with the per-stream value of §4.3.3
// (SCTP_STREAM_SCHEDULER_VALUE: a priority for §3.4, a weight for §3.6).
//
// Every scheduler is one min-heap of the streams that have a message to send, ordered by
// (priority, key, stamp):
//   §3.1 FCFS      key = arrival stamp of the stream's head message
//   §3.2 RR        key = the moment the stream (re)joined the rotation (a clock tick)
//   §3.3 RR/packet as RR, but the stream served in the current packet rejoins at the
//                  front until begin_packet(); no other stream is served in that packet,
//                  and the packet does not start a message it cannot hold (else the
//                  message's tail would take the next packet too: packet_started())
//   §3.4 priority  priority = the stream's value (lower first), key as RR
//   §3.5 FC        key = virtual finish time: V + size
//   §3.6 WFQ       key = V + size / weight (fixed point)
// where size is what the turn sends: the whole head message with DATA (a message is never
// interleaved), about one fragment with I-DATA (the send queue then asks per fragment),
// and V is the key of the entry served last (self-clocked fair queueing: a backlogged
// stream's next finish time starts where its previous one ended, an idle stream that
// rejoins starts at the current V, so no per-stream history is kept). The stamp breaks
// ties in arrival order, so the order is total and deterministic. Keys are compared as
// serial numbers (the live keys always lie within 2^48 of each other), so a virtual clock
// that wraps after 2^64 is harmless.
//
// The heap never holds a stream twice. It starts empty (an idle association holds no heap
// memory here) and grows, doubling, to the most streams ever ready at once; from then on
// push/pop are allocation-free and O(log n). The per-stream values live in a table that
// exists only once the application set one (growing to the highest stream set).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "dpsctp/options.h"
#include "dpsctp/types.h"

namespace dpsctp::core {

/// The public enum (dpsctp/options.h), so options need no translation.
using SchedulerKind = StreamSchedulerKind;
const char* to_string(SchedulerKind k);

class StreamScheduler {
 public:
  /// Allocates nothing; room for ready streams is made on demand.
  explicit StreamScheduler(SchedulerKind kind = SchedulerKind::kFirstComeFirstServed);

  /// A fresh arrival stamp, strictly greater than every earlier one. The send queue stamps
  /// each message when it is added.
  uint64_t stamp() { return ++clock_; }

  /// Changes the algorithm. Every waiting stream is re-keyed for the new one, in the order
  /// its head message arrived; the next choice follows the new algorithm. As Linux does,
  /// every stream's value goes back to the new algorithm's default.
  void set_kind(SchedulerKind kind);
  [[nodiscard]] SchedulerKind kind() const { return kind_; }

  /// RFC 8260 §4.3.3: the stream's scheduler parameter. Priority: any value, lower is
  /// served first (default 0). WFQ: the weight, 1..65535 (default 1); 0 is refused
  /// (returns false, as Linux's EINVAL). The other algorithms take no parameter: the value
  /// is accepted and ignored (value() reads 0), as on Linux. A new priority re-orders a
  /// waiting stream now (O(n): a control-plane call); a new weight applies from the
  /// stream's next turn. May allocate (the value table), never on the data path.
  bool set_value(StreamId stream, uint16_t value);
  [[nodiscard]] uint16_t value(StreamId stream) const;

  /// True when a stream may be served now: one is waiting, and with §3.3 it is the stream
  /// of the packet being filled (or no stream was served in it yet).
  [[nodiscard]] bool ready() const;
  /// RFC 8260 §3.3: a stream owns the packet being filled (round robin per packet only).
  [[nodiscard]] bool packet_started() const { return packet_stream_ != kNoStream; }
  /// True when no stream is waiting.
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  /// The stream to serve next. Precondition: !empty().
  [[nodiscard]] StreamId top() const { return StreamId(heap_.front().stream); }

  /// A stream gets a new turn: it just got its first message, or its previous message was
  /// completely cut and it has another. `head_stamp` is its head message's stamp and
  /// `head_size` the bytes the turn serves (the head message). The stream must not
  /// already be in the scheduler. Allocates only when more streams are ready than ever.
  void push(StreamId stream, uint64_t head_stamp, uint32_t head_size);
  /// Removes the top stream: it is being served (its turn is used; with §3.3 it owns
  /// the packet being filled).
  void pop();
  /// Removes the top stream without serving it (it has nothing left to send).
  void remove_top();
  /// The top stream's head message was dropped without being served (PR-SCTP expiry): its
  /// new head has `head_stamp` / `head_size`. FCFS re-keys it by arrival; the fair
  /// schedulers replace the dropped size by the new one; the others keep the turn.
  void requeue_top(uint64_t head_stamp, uint32_t head_size);
  /// RFC 8260 §3.3: the association starts filling a new packet. With round robin per
  /// packet, the stream served in the previous packet goes to the back of the rotation;
  /// `continuing` is the stream whose partially cut message this packet must continue
  /// (it owns the packet). No-op for the other algorithms.
  void begin_packet(std::optional<StreamId> continuing);
  /// Forgets every stream.
  void clear();
  [[nodiscard]] size_t size() const { return heap_.size(); }

 private:
  static constexpr uint32_t kNoStream = 0xFFFFFFFF;
  /// §3.5/§3.6 fixed point: one byte at weight 1 advances virtual time by this much, so
  /// size / weight keeps 16 fractional bits (a weight-65535 stream still advances).
  static constexpr uint64_t kUnitsPerByte = 1u << 16;

  struct Entry {
    uint64_t key;    ///< smaller is served first (serial comparison)
    uint64_t stamp;  ///< arrival stamp of the stream's head message (tie-break)
    uint32_t size;   ///< bytes of the stream's head message
    uint16_t stream;
    uint16_t priority;  ///< §3.4 only; 0 otherwise
  };
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const;
  };

  /// The key a stream gets when it (re)joins now.
  uint64_t key_for(uint16_t stream, uint64_t head_stamp, uint32_t head_size);
  /// §3.5/§3.6: the virtual time one turn of `size` bytes costs `stream`.
  [[nodiscard]] uint64_t cost(uint16_t stream, uint32_t size) const;
  [[nodiscard]] uint16_t default_value() const;
  [[nodiscard]] bool fair() const {
    return kind_ == SchedulerKind::kFairCapacity || kind_ == SchedulerKind::kWeightedFairQueueing;
  }

  std::vector<Entry> heap_;
  std::vector<uint16_t> values_;        ///< §4.3.3 per-stream values; empty until one is set
  uint64_t clock_ = 0;                  ///< arrival stamps and round-robin turns
  uint64_t virtual_time_ = 0;           ///< §3.5/§3.6: key of the entry served last
  uint32_t packet_stream_ = kNoStream;  ///< §3.3: the stream served in the current packet
  SchedulerKind kind_;
};

}  // namespace dpsctp::core
