// SSN/TSN Reset Request parameter (RFC 6525 §4.3), in RE-CONFIG: the sender asks the peer
// to reset every stream and both TSN sequences; the answer carries the new TSNs (§4.4).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 15       |      Parameter Length = 8     |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |         Re-configuration Request Sequence Number              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct SsnTsnResetRequestParameter {
  static constexpr uint16_t kType = param_type::kSsnTsnResetRequest;
  static constexpr size_t kSize = 8;

  uint32_t request_sn = 0;  ///< Re-configuration Request Sequence Number

  static Result<SsnTsnResetRequestParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "SSN/TSN Reset Request req=N"
};

}  // namespace dpsctp::wire
