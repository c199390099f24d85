// Forward-TSN-Supported parameter (RFC 3758 §3.1), in INIT / INIT ACK: the sender supports
// PR-SCTP (FORWARD TSN chunks, RFC 3758 §3.2). It has no value.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Parameter Type = 0xC000  |      Parameter Length = 4     |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct ForwardTsnSupportedParameter {
  static constexpr uint16_t kType = param_type::kForwardTsnSupported;
  static constexpr size_t kSize = 4;

  static Result<ForwardTsnSupportedParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const { return "Forward-TSN Supported"; }
};

}  // namespace dpsctp::wire
