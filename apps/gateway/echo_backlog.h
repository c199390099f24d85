// EchoBacklog: the messages one association's echo could not hand to send() yet
// (SendStatus::kBufferFull: the peer reads slower than it writes). Order is kept: once
// something waits, every later message queues behind it, so the echo stays in order per
// stream (RFC 9260 §6.6 ordered delivery end to end).
//
// Backpressure: held_bytes() is reported to the core (Endpoint::set_receive_held), which
// subtracts it from the a_rwnd it advertises (RFC 9260 §6.2), so a client that writes
// faster than it reads sees its window close and is slowed down. The bounds are set above
// what a window-respecting client can push (see backlog_bounds()); only a client that
// ignores the window overflows them, and then the route ABORTs (never a silent drop).
//
// Cold path: it only fills under backpressure; each entry owns a copy of the payload
// (one allocation per backlogged message; the vectors are recycled through `spare_`).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <utility>
#include <vector>

#include "dpsctp/types.h"

namespace dpsctp::gateway {

/// Bounds {messages, bytes} for one direction's backlog: the window the client may fill
/// before it sees a_rwnd shrink (receive_window, in messages of at least one byte) plus
/// slack for what is in flight and a §6.1 rule A zero-window probe; never below the
/// old fixed bounds (4096 messages, the send buffer).
inline std::pair<size_t, size_t> backlog_bounds(uint32_t receive_window, uint32_t send_buffer) {
  const size_t messages = std::max<size_t>(4096, size_t{receive_window} + 1024);
  const size_t bytes = std::max<size_t>({size_t{send_buffer}, 64 * 1024,
                                         size_t{receive_window} + 64 * 1024});
  return {messages, bytes};
}

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
  /// What the backlog holds against the receive window: payload plus the 16-byte DATA
  /// chunk header per message (RFC 9260 §3.3.1), so tiny messages close it too.
  [[nodiscard]] uint32_t held_bytes() const {
    const size_t n = bytes_ + entries_.size() * kPerMessageOverhead;
    return n > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(n);
  }
  static constexpr size_t kPerMessageOverhead = 16;

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
