// EchoBacklog: the messages one association's echo could not hand to send() yet
// (SendStatus::kBufferFull: the peer reads slower than it writes). Bounded in messages and
// bytes; the route ABORTs the association when a message does not fit (never a silent
// drop). Order is kept: once something waits, every later message queues behind it, so
// the echo stays in order per stream (RFC 9260 §6.6 ordered delivery end to end).
//
// Cold path: it only fills under backpressure; each entry owns a copy of the payload
// (one allocation per backlogged message; the vectors are recycled through `spare_`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

#include "dpsctp/types.h"

namespace dpsctp::gateway {

class EchoBacklog {
 public:
  struct Entry {
    StreamId stream;
    Ppid ppid;
    std::vector<std::byte> data;
  };

  EchoBacklog(size_t max_messages, size_t max_bytes)
      : max_messages_(max_messages), max_bytes_(max_bytes) {}

  [[nodiscard]] bool empty() const { return entries_.empty(); }
  [[nodiscard]] size_t size() const { return entries_.size(); }
  [[nodiscard]] size_t bytes() const { return bytes_; }

  /// Queues a copy of the message; false (nothing queued) when it would pass a bound.
  bool push(StreamId stream, Ppid ppid, std::span<const std::byte> data) {
    if (entries_.size() >= max_messages_ || bytes_ + data.size() > max_bytes_) return false;
    std::vector<std::byte> copy;
    if (!spare_.empty()) {
      copy = std::move(spare_.back());
      spare_.pop_back();
    }
    copy.assign(data.begin(), data.end());
    bytes_ += data.size();
    entries_.push_back(Entry{stream, ppid, std::move(copy)});
    return true;
  }
  [[nodiscard]] const Entry& front() const { return entries_.front(); }
  void pop() {
    bytes_ -= entries_.front().data.size();
    if (spare_.size() < kMaxSpare) spare_.push_back(std::move(entries_.front().data));
    entries_.pop_front();
  }
  void clear() {
    entries_.clear();
    bytes_ = 0;
  }

 private:
  static constexpr size_t kMaxSpare = 64;
  size_t max_messages_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::deque<Entry> entries_;
  std::vector<std::vector<std::byte>> spare_;
};

}  // namespace dpsctp::gateway
