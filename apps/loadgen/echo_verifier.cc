// EchoVerifier (see echo_verifier.h).
#include "echo_verifier.h"

namespace dpsctp::loadgen {

const char* to_string(EchoVerdict v) {
  switch (v) {
    case EchoVerdict::kOk: return "ok";
    case EchoVerdict::kUndecodable: return "corrupted";
    case EchoVerdict::kWrongAssoc: return "wrong_assoc";
    case EchoVerdict::kWrongStream: return "wrong_stream";
    case EchoVerdict::kDuplicate: return "duplicate";
    case EchoVerdict::kGap: return "gap";
    case EchoVerdict::kNeverSent: return "never_sent";
  }
  return "?";
}

EchoVerdict EchoVerifier::check(std::span<const std::byte> data, uint16_t stream,
                                MessageHeader& h) {
  if (decode_message(data, h) != DecodeError::kOk) return EchoVerdict::kUndecodable;
  if (h.assoc != assoc_) return EchoVerdict::kWrongAssoc;
  if (h.stream != stream || stream >= next_expect_.size()) return EchoVerdict::kWrongStream;
  uint64_t& expect = next_expect_[stream];
  if (h.seq >= next_send_[stream]) return EchoVerdict::kNeverSent;
  if (h.seq < expect) return EchoVerdict::kDuplicate;
  if (h.seq > expect) {
    expect = h.seq + 1;  // resynchronise so one loss is reported once
    return EchoVerdict::kGap;
  }
  ++expect;
  ++ok_;
  return EchoVerdict::kOk;
}

}  // namespace dpsctp::loadgen
