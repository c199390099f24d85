// Outbound stream scheduler: picks which stream's next message the send queue cuts.
// Implements RFC 8260 §3.1 (first-come, first-served) and §3.2 (simple round robin,
// one user message per stream per turn).
//
// Every scheduler is a min-heap of the streams that have a message to send, keyed by a
// 64-bit number: FCFS keys a stream by the arrival stamp of its head message, round robin
// by the moment the stream (re)joined the rotation. Both come from one monotonic clock,
// so switching algorithms at any time only re-keys to the arrival stamps. The other
// RFC 8260 schedulers fit the same shape: §3.5 priority keys by (priority, turn), §3.4
// fair bandwidth and §3.6 WFQ by a virtual finish time.
//
// The heap never holds a stream twice. It starts empty (an idle association holds no heap
// memory here) and grows, doubling, to the most streams ever ready at once; from then on
// push/pop are allocation-free.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "dpsctp/types.h"

namespace dpsctp::core {

enum class SchedulerKind : uint8_t {
  kFirstComeFirstServed,  ///< RFC 8260 §3.1: messages in the order the user sent them
  kRoundRobin,            ///< RFC 8260 §3.2: one message per stream, streams in turn
};

class StreamScheduler {
 public:
  /// Allocates nothing; room for ready streams is made on demand.
  explicit StreamScheduler(SchedulerKind kind = SchedulerKind::kFirstComeFirstServed);

  /// A fresh arrival stamp, strictly greater than every earlier one. The send queue stamps
  /// each message when it is added.
  uint64_t stamp() { return ++clock_; }

  /// Changes the algorithm. Streams keep their place relative to their head message's
  /// arrival; the next choice follows the new algorithm.
  void set_kind(SchedulerKind kind);
  [[nodiscard]] SchedulerKind kind() const { return kind_; }

  /// True when no stream is waiting.
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  /// The stream to serve next. Precondition: !empty().
  [[nodiscard]] StreamId top() const { return StreamId(heap_.front().stream); }

  /// A stream gets a new turn: it just got its first message, or its previous message was
  /// completely cut and it has another. `head_stamp` is its head message's stamp. The
  /// stream must not already be in the scheduler. Allocates only when more streams are
  /// ready than ever before.
  void push(StreamId stream, uint64_t head_stamp);
  /// Removes the top stream (it is being served, or has nothing left).
  void pop();
  /// The top stream's head message was dropped without being served (PR-SCTP expiry): its
  /// new head has `head_stamp`. FCFS re-keys it; round robin keeps its turn.
  void requeue_top(uint64_t head_stamp);
  /// Forgets every stream.
  void clear() { heap_.clear(); }
  [[nodiscard]] size_t size() const { return heap_.size(); }

 private:
  struct Entry {
    uint64_t key;    ///< smaller is served first
    uint64_t stamp;  ///< arrival stamp of the stream's head message
    uint16_t stream;
  };
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const { return a.key > b.key; }
  };

  std::vector<Entry> heap_;
  uint64_t clock_ = 0;
  SchedulerKind kind_;
};

}  // namespace dpsctp::core
