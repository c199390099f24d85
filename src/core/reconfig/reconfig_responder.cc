// RE-CONFIG responder bookkeeping (RFC 6525 §5.2.1, §5.2.2); see reconfig_responder.h.
#include "core/reconfig/reconfig_responder.h"

namespace dpsctp::core {

ReconfigResponder::Verdict ReconfigResponder::check(uint32_t request_sn, Result* last) const {
  if (request_sn == expected_) return Verdict::kNew;
  // RFC 6525 §5.2.1: a request already processed (a retransmission whose answer was
  // lost) is answered again with the same result, without processing it twice. A
  // RE-CONFIG chunk may carry two requests, so the last two results are kept.
  const uint32_t back = expected_ - request_sn;  // modulo 2^32
  if (back >= 1 && back <= kept_) {
    if (last != nullptr) *last = last_[back - 1];
    return Verdict::kRepeat;
  }
  // RFC 6525 §5.2.1: any other number: "Error - Bad Sequence Number".
  return Verdict::kBadSequence;
}

void ReconfigResponder::record(Result r) {
  last_[1] = last_[0];
  last_[0] = r;
  if (kept_ < last_.size()) ++kept_;
  ++expected_;
}

void ReconfigResponder::update(uint32_t request_sn, Result r) {
  const uint32_t back = expected_ - request_sn;
  if (back >= 1 && back <= kept_) last_[back - 1] = r;
}

bool ReconfigResponder::respond(uint32_t request_sn, Result r,
                                std::optional<Response::NextTsns> tsns) {
  if (responses_.size() >= kMaxPendingResponses) return false;
  Response p;
  p.response_sn = request_sn;
  p.result = r;
  p.next_tsns = tsns;
  responses_.push_back(p);
  return true;
}

void ReconfigResponder::consume(size_t n) {
  if (n >= responses_.size()) {
    responses_.clear();
  } else {
    responses_.erase(responses_.begin(), responses_.begin() + static_cast<long>(n));
  }
}

}  // namespace dpsctp::core
