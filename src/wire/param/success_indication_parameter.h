// Success Indication parameter (RFC 5061 §4.2.5), in ASCONF-ACK: the request with this
// correlation id succeeded (optional: a request not reported on also succeeded, §5.2).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Type = 0xC005          |      Length = 8               |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |               ASCONF-Response Correlation ID                  |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct SuccessIndicationParameter {
  static constexpr uint16_t kType = param_type::kSuccessIndication;
  static constexpr size_t kSize = 8;

  uint32_t correlation_id = 0;  ///< ASCONF-Response Correlation ID (the request's)

  static Result<SuccessIndicationParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Success Indication id=N"
};

}  // namespace dpsctp::wire
