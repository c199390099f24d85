// Error Cause Indication parameter (RFC 5061 §4.2.3), in ASCONF-ACK: the request with
// this correlation id failed, for the reasons in the error causes (RFC 9260 §3.3.10
// format; RFC 5061 §5.1 adds ASCONF-specific ones).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Type = 0xC003          |    Length = Variable          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |               ASCONF-Response Correlation ID                  |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      Error Cause(s)                           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct ErrorCauseIndicationParameter {
  static constexpr uint16_t kType = param_type::kErrorCauseIndication;
  static constexpr size_t kFixedSize = 8;

  uint32_t correlation_id = 0;  ///< ASCONF-Response Correlation ID (the request's)
  ByteSpan cause_area;          ///< the error causes, validated TLVs
  size_t cause_count = 0;

  /// The cause area is checked with validate_tlvs(kCause): its TLV errors are returned as
  /// they are (kCauseLengthTooSmall ...). An empty area is accepted (nothing to report is
  /// odd but harmless; the core decides).
  static Result<ErrorCauseIndicationParameter> parse(const TlvView& t);
  [[nodiscard]] TlvRange causes() const { return {cause_area, TlvKind::kCause}; }

  [[nodiscard]] size_t serialized_size() const { return kFixedSize + cause_area.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Error Cause Indication id=N causes=M"
};

}  // namespace dpsctp::wire
