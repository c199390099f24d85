#include "core/tx/stream_scheduler.h"

#include <algorithm>
#include <cassert>

namespace dpsctp::core {

const char* to_string(SchedulerKind k) {
  switch (k) {
    case SchedulerKind::kFirstComeFirstServed:
      return "fcfs";
    case SchedulerKind::kRoundRobin:
      return "rr";
    case SchedulerKind::kRoundRobinPerPacket:
      return "rr_packet";
    case SchedulerKind::kPriority:
      return "priority";
    case SchedulerKind::kFairCapacity:
      return "fair_bandwidth";
    case SchedulerKind::kWeightedFairQueueing:
      return "wfq";
  }
  return "?";
}

bool StreamScheduler::Later::operator()(const Entry& a, const Entry& b) const {
  if (a.priority != b.priority) return a.priority > b.priority;
  // Serial comparison: virtual times may wrap; live keys are never 2^63 apart.
  const auto diff = static_cast<int64_t>(a.key - b.key);
  if (diff != 0) return diff > 0;
  return a.stamp > b.stamp;  // ties: the older head message first
}

StreamScheduler::StreamScheduler(SchedulerKind kind) : kind_(kind) {}

uint16_t StreamScheduler::default_value() const {
  // RFC 8260 §3.6: every stream weighs 1 until told otherwise (as Linux); §3.4: priority 0.
  return kind_ == SchedulerKind::kWeightedFairQueueing ? 1 : 0;
}

uint16_t StreamScheduler::value(StreamId stream) const {
  if (kind_ != SchedulerKind::kPriority && kind_ != SchedulerKind::kWeightedFairQueueing) return 0;
  return stream.value() < values_.size() ? values_[stream.value()] : default_value();
}

uint64_t StreamScheduler::cost(uint16_t stream, uint32_t size) const {
  // RFC 8260 §3.5: a turn costs the bytes it sends; §3.6: divided by the stream's weight.
  const uint64_t units = uint64_t{size} * kUnitsPerByte;
  if (kind_ != SchedulerKind::kWeightedFairQueueing) return units;
  return units / value(StreamId(stream));
}

void StreamScheduler::set_kind(SchedulerKind kind) {
  if (kind == kind_) return;
  kind_ = kind;
  std::vector<uint16_t>().swap(values_);  // values mean something else now (Linux resets)
  packet_stream_ = kNoStream;
  virtual_time_ = 0;
  // Arrival stamps come from the same clock as round-robin turns, so keying by them is
  // valid for FCFS, round robin and priority: each starts in head-message arrival order.
  // The fair schedulers restart every waiting stream at virtual time 0.
  for (Entry& e : heap_) {
    e.key = fair() ? cost(e.stream, e.size) : e.stamp;
    e.priority = 0;  // §3.4: every value is back to the default, 0
  }
  std::make_heap(heap_.begin(), heap_.end(), Later{});
}

bool StreamScheduler::set_value(StreamId stream, uint16_t value) {
  if (kind_ != SchedulerKind::kPriority && kind_ != SchedulerKind::kWeightedFairQueueing) {
    return true;  // no parameter: accepted and ignored, as Linux
  }
  if (kind_ == SchedulerKind::kWeightedFairQueueing && value == 0) return false;  // no weight
  const uint16_t s = stream.value();
  if (values_.size() <= s) values_.resize(size_t{s} + 1, default_value());
  values_[s] = value;
  if (kind_ == SchedulerKind::kPriority) {
    // A waiting stream moves to its new priority now (control plane: O(n) is fine).
    auto it =
        std::find_if(heap_.begin(), heap_.end(), [s](const Entry& e) { return e.stream == s; });
    if (it != heap_.end()) {
      it->priority = value;
      std::make_heap(heap_.begin(), heap_.end(), Later{});
    }
  }
  return true;
}

uint64_t StreamScheduler::key_for(uint16_t stream, uint64_t head_stamp, uint32_t head_size) {
  switch (kind_) {
    case SchedulerKind::kFirstComeFirstServed:
      // RFC 8260 §3.1: messages in the order they were passed down.
      return head_stamp;
    case SchedulerKind::kRoundRobinPerPacket:
      // RFC 8260 §3.3: the stream that owns the packet keeps being served until it ends:
      // it rejoins ahead of every other stream.
      if (stream == packet_stream_ && !heap_.empty()) return heap_.front().key - 1;
      return ++clock_;
    case SchedulerKind::kRoundRobin:
    case SchedulerKind::kPriority:
      // RFC 8260 §3.2: a stream joining or finishing a message goes to the back. §3.4:
      // the same among the streams of one priority.
      return ++clock_;
    case SchedulerKind::kFairCapacity:
    case SchedulerKind::kWeightedFairQueueing:
      // RFC 8260 §3.5/§3.6: the virtual time at which this turn would end if every
      // waiting stream were served its (weighted) share bit by bit.
      return virtual_time_ + cost(stream, head_size);
  }
  return ++clock_;
}

void StreamScheduler::push(StreamId stream, uint64_t head_stamp, uint32_t head_size) {
  const uint16_t s = stream.value();
  const uint16_t priority = kind_ == SchedulerKind::kPriority ? value(stream) : 0;
  heap_.push_back(Entry{key_for(s, head_stamp, head_size), head_stamp, head_size, s, priority});
  std::push_heap(heap_.begin(), heap_.end(), Later{});
}

void StreamScheduler::pop() {
  assert(!heap_.empty());
  const Entry& top = heap_.front();
  // Self-clocked fair queueing: the system's virtual time is the finish time served last.
  if (fair()) virtual_time_ = top.key;
  if (kind_ == SchedulerKind::kRoundRobinPerPacket && packet_stream_ == kNoStream) {
    packet_stream_ = top.stream;  // §3.3: this stream owns the packet being filled
  }
  std::pop_heap(heap_.begin(), heap_.end(), Later{});
  heap_.pop_back();
}

void StreamScheduler::remove_top() {
  assert(!heap_.empty());
  std::pop_heap(heap_.begin(), heap_.end(), Later{});
  heap_.pop_back();
}

void StreamScheduler::requeue_top(uint64_t head_stamp, uint32_t head_size) {
  assert(!heap_.empty());
  std::pop_heap(heap_.begin(), heap_.end(), Later{});
  Entry& e = heap_.back();
  if (kind_ == SchedulerKind::kFirstComeFirstServed) e.key = head_stamp;
  // The dropped message was never sent: the turn is charged for the new head instead.
  if (fair()) e.key = e.key - cost(e.stream, e.size) + cost(e.stream, head_size);
  e.stamp = head_stamp;
  e.size = head_size;
  std::push_heap(heap_.begin(), heap_.end(), Later{});
}

bool StreamScheduler::ready() const {
  if (heap_.empty()) return false;
  // RFC 8260 §3.3: a packet carries the DATA / I-DATA chunks of one stream only.
  return kind_ != SchedulerKind::kRoundRobinPerPacket || packet_stream_ == kNoStream ||
         heap_.front().stream == packet_stream_;
}

void StreamScheduler::begin_packet(std::optional<StreamId> continuing) {
  if (kind_ != SchedulerKind::kRoundRobinPerPacket) return;
  // RFC 8260 §3.3: the next packet goes to the next stream; the one that owned the last
  // packet (at the front if it still has data) goes to the back of the rotation.
  if (packet_stream_ != kNoStream && !heap_.empty() && heap_.front().stream == packet_stream_) {
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    heap_.back().key = ++clock_;
    std::push_heap(heap_.begin(), heap_.end(), Later{});
  }
  packet_stream_ = continuing ? continuing->value() : kNoStream;
}

void StreamScheduler::clear() {
  heap_.clear();
  packet_stream_ = kNoStream;
}

}  // namespace dpsctp::core
