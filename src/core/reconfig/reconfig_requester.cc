// RE-CONFIG requester state machine (RFC 6525 §5.1.1, §5.2.7); see reconfig_requester.h.
#include "core/reconfig/reconfig_requester.h"

#include <algorithm>

namespace dpsctp::core {

bool ReconfigRequester::prepare(ReconfigRequest r) {
  if (!outstanding_.empty() || prepared_.size() >= kMaxRequests) return false;
  prepared_.push_back(std::move(r));
  return true;
}

void ReconfigRequester::send_prepared(Instant now, Duration rto) {
  if (prepared_.empty() || !outstanding_.empty()) return;
  // RFC 6525 §4.1-§4.6: each request carries its own sequence number, incremented by
  // one per request (§5.1.1), wrapping at 2^32.
  for (ReconfigRequest& r : prepared_) r.request_sn = next_sn_++;
  outstanding_.swap(prepared_);
  prepared_.clear();
  transmit_ = true;
  grace_ = false;
  deadline_ = now + rto;
}

bool ReconfigRequester::on_timeout() {
  if (outstanding_.empty()) {
    deadline_ = kNever;
    return false;
  }
  // RFC 6525 §5.1.1: on expiry the RE-CONFIG chunk is retransmitted with the same
  // Re-configuration Request Sequence Numbers.
  transmit_ = true;
  ++retransmissions_;
  const bool counts = !grace_;
  grace_ = false;
  return counts;
}

const ReconfigRequest* ReconfigRequester::find(uint32_t request_sn) const {
  for (const ReconfigRequest& r : outstanding_) {
    if (r.request_sn == request_sn) return &r;
  }
  return nullptr;
}

const ReconfigRequest* ReconfigRequester::find_kind(ReconfigKind kind) const {
  for (const ReconfigRequest& r : outstanding_) {
    if (r.kind == kind) return &r;
  }
  return nullptr;
}

void ReconfigRequester::in_progress(Instant now, Duration rto) {
  if (outstanding_.empty()) return;
  // RFC 6525 §5.2.7: "If the Result field indicates 'In progress', the timer for the
  // Re-configuration Request Sequence Number is started again. If the timer runs out,
  // the RE-CONFIG chunk MUST be retransmitted but the corresponding error counters MUST
  // NOT be incremented."
  deadline_ = now + rto;
  grace_ = true;
}

std::optional<ReconfigRequest> ReconfigRequester::complete(uint32_t request_sn) {
  auto it = std::find_if(outstanding_.begin(), outstanding_.end(),
                         [&](const ReconfigRequest& r) { return r.request_sn == request_sn; });
  if (it == outstanding_.end()) return std::nullopt;
  ReconfigRequest r = std::move(*it);
  outstanding_.erase(it);
  if (outstanding_.empty()) {
    // Every request of the chunk answered: stop the timer (§5.2.7).
    deadline_ = kNever;
    transmit_ = false;
    grace_ = false;
  }
  return r;
}

}  // namespace dpsctp::core
