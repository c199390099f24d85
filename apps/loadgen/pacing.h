// Pacing of the senders. Open loop: a token bucket over a target rate (messages/s) —
// sends do not wait for echoes, so latency under a fixed offered load is measured.
// Closed loop: a window of outstanding messages per association — each echo releases
// the next send, so the rate adapts to the round trip. Pure: time is passed in (ns).
#pragma once

#include <algorithm>
#include <cstdint>

namespace dpsctp::loadgen {

class TokenBucket {
 public:
  /// `rate` tokens per second, at most `burst` accumulated (>= 1).
  TokenBucket(double rate, double burst, uint64_t now_ns)
      : rate_per_ns_(rate / 1e9), burst_(std::max(burst, 1.0)), last_ns_(now_ns) {}

  /// Whole tokens available at now_ns (refills first).
  uint64_t available(uint64_t now_ns) {
    if (now_ns > last_ns_) {
      tokens_ = std::min(burst_, tokens_ + static_cast<double>(now_ns - last_ns_) * rate_per_ns_);
      last_ns_ = now_ns;
    }
    return static_cast<uint64_t>(tokens_);
  }
  /// Spends n tokens (n <= available()).
  void consume(uint64_t n) { tokens_ = std::max(0.0, tokens_ - static_cast<double>(n)); }

 private:
  double rate_per_ns_;
  double burst_;
  double tokens_ = 0;
  uint64_t last_ns_;
};

/// Closed loop: how many more messages may be sent with `outstanding` unanswered.
inline uint64_t window_room(uint64_t window, uint64_t outstanding) {
  return outstanding >= window ? 0 : window - outstanding;
}

}  // namespace dpsctp::loadgen
