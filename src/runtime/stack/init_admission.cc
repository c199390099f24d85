// The INIT admission token bucket; see init_admission.h.
#include "runtime/stack/init_admission.h"

#include <algorithm>

namespace dpsctp::runtime {

InitAdmission::InitAdmission(InitAdmissionConfig config, uint64_t hz, uint64_t now)
    : rate_(config.rate),
      hz_(hz == 0 ? 1 : hz),
      cap_(static_cast<uint64_t>(std::max<uint32_t>(config.burst, 1)) * hz_),
      credit_(cap_),
      last_(now) {}

bool InitAdmission::admit(uint64_t now) {
  if (rate_ == 0) return true;
  if (now > last_) {
    // Elapsed ticks beyond what refills the bucket add nothing: clamping first keeps
    // elapsed * rate_ <= cap_ + rate_ (no overflow after long idle periods).
    const uint64_t room = cap_ - credit_;
    const uint64_t elapsed = std::min(now - last_, room / rate_ + 1);
    credit_ = std::min(cap_, credit_ + elapsed * rate_);
    last_ = now;
  }
  if (credit_ < hz_) return false;
  credit_ -= hz_;
  return true;
}

}  // namespace dpsctp::runtime
