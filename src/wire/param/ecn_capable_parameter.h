// ECN Capable parameter (RFC 9260 Appendix A), in INIT / INIT ACK: the sender supports
// Explicit Congestion Notification (ECNE / CWR chunks). It has no value.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Parameter Type = 0x8000  |      Parameter Length = 4     |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct EcnCapableParameter {
  static constexpr uint16_t kType = param_type::kEcnCapable;
  static constexpr size_t kSize = 4;

  static Result<EcnCapableParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const { return "ECN Capable"; }
};

}  // namespace dpsctp::wire
