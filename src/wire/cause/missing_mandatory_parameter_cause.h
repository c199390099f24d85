// Missing Mandatory Parameter error cause (RFC 9260 §3.3.10.2): an INIT or INIT ACK
// lacked one or more mandatory TLV parameters; lists their types.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Cause Code = 2         |   Cause Length = 8 + N * 2    |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                  Number of missing params = N                 |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Missing Param Type #1      |    Missing Param Type #2      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Missing Param Type #N-1    |    Missing Param Type #N      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <span>
#include <string>

#include "wire/buffer_writer.h"
#include "wire/cause/cause_code.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct MissingMandatoryParameterCause {
  static constexpr uint16_t kCode = cause_code::kMissingMandatoryParameter;
  static constexpr size_t kFixedSize = 8;  ///< header + Number of missing params
  static constexpr size_t kTypeSize = 2;   ///< one Missing Param Type

  uint32_t count = 0;  ///< Number of missing params (N)
  ByteSpan types;      ///< the N big-endian 16-bit parameter types, as on the wire

  /// kCauseLengthMismatch when N disagrees with the Cause Length (8 + N * 2), including
  /// an odd byte left after the types: there is no kCauseCountMismatch.
  static Result<MissingMandatoryParameterCause> parse(const TlvView& t);
  /// The type of the i-th missing parameter, i < count.
  [[nodiscard]] uint16_t missing_type(size_t i) const;
  [[nodiscard]] size_t serialized_size() const { return kFixedSize + types.size(); }
  void serialize_to(BufferWriter& w) const;
  /// Builds the cause from parameter types (param_type::k...).
  static void write(BufferWriter& w, std::span<const uint16_t> missing);
  [[nodiscard]] std::string to_string() const;  ///< "... [State Cookie, 0x1234]"
};

}  // namespace dpsctp::wire
