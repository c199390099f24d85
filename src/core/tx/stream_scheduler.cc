#include "core/tx/stream_scheduler.h"

#include <algorithm>
#include <cassert>

namespace dpsctp::core {

StreamScheduler::StreamScheduler(SchedulerKind kind) : kind_(kind) {}

void StreamScheduler::set_kind(SchedulerKind kind) {
  if (kind == kind_) return;
  kind_ = kind;
  // Arrival stamps come from the same clock as round-robin turns, so keying by them is
  // valid for both algorithms: FCFS needs exactly that, and round robin starts its new
  // rotation in the order the head messages arrived.
  for (Entry& e : heap_) e.key = e.stamp;
  std::make_heap(heap_.begin(), heap_.end(), Later{});
}

void StreamScheduler::push(StreamId stream, uint64_t head_stamp) {
  // RFC 8260 §3.1: FCFS serves messages in the order they were passed down.
  // RFC 8260 §3.2: round robin; a stream joining or finishing a message goes to the back.
  const uint64_t key = kind_ == SchedulerKind::kFirstComeFirstServed ? head_stamp : ++clock_;
  heap_.push_back(Entry{key, head_stamp, stream.value()});
  std::push_heap(heap_.begin(), heap_.end(), Later{});
}

void StreamScheduler::pop() {
  assert(!heap_.empty());
  std::pop_heap(heap_.begin(), heap_.end(), Later{});
  heap_.pop_back();
}

void StreamScheduler::requeue_top(uint64_t head_stamp) {
  assert(!heap_.empty());
  std::pop_heap(heap_.begin(), heap_.end(), Later{});
  Entry& e = heap_.back();
  e.stamp = head_stamp;
  if (kind_ == SchedulerKind::kFirstComeFirstServed) e.key = head_stamp;
  std::push_heap(heap_.begin(), heap_.end(), Later{});
}

}  // namespace dpsctp::core
