// EchoVerifier: per association, the sequence number to send next and the one expected
// next on each stream. An echo is accepted only if it decodes (magic, length, checksum:
// byte-exact), belongs to this association and stream, and carries exactly the expected
// sequence number — SCTP ordered delivery per stream (RFC 9260 §6.6) means anything else
// is a loss, a duplicate or a reordering.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "payload.h"

namespace dpsctp::loadgen {

enum class EchoVerdict : uint8_t {
  kOk,
  kUndecodable,   ///< bad magic / length / checksum: corrupted
  kWrongAssoc,    ///< another association's message
  kWrongStream,   ///< arrived on a stream other than the one it was sent on
  kDuplicate,     ///< seq below the expected one
  kGap,           ///< seq above the expected one: an earlier message was lost
  kNeverSent,     ///< seq not sent yet on that stream
};
const char* to_string(EchoVerdict v);

class EchoVerifier {
 public:
  EchoVerifier(uint32_t assoc_index, uint16_t streams)
      : assoc_(assoc_index), next_send_(streams, 0), next_expect_(streams, 0) {}

  /// The sequence number for the next message on `stream` (and advances it).
  uint64_t take_seq(uint16_t stream) {
    ++sent_;
    return next_send_[stream]++;
  }
  /// Undoes take_seq() when send() refused the message (backpressure).
  void untake_seq(uint16_t stream) {
    --sent_;
    --next_send_[stream];
  }
  /// Checks one received message that arrived on `stream`; h is filled when decodable.
  EchoVerdict check(std::span<const std::byte> data, uint16_t stream, MessageHeader& h);

  [[nodiscard]] uint64_t sent() const { return sent_; }
  /// Echoes accepted (kOk).
  [[nodiscard]] uint64_t received() const { return ok_; }
  [[nodiscard]] uint64_t outstanding() const { return sent() - received(); }
  [[nodiscard]] uint16_t streams() const { return static_cast<uint16_t>(next_send_.size()); }

 private:
  uint32_t assoc_;
  std::vector<uint64_t> next_send_;
  std::vector<uint64_t> next_expect_;
  uint64_t sent_ = 0;
  uint64_t ok_ = 0;
};

}  // namespace dpsctp::loadgen
