// Unrecognized Parameter (RFC 9260 §3.3.3.1), in INIT ACK: reports an INIT parameter
// whose type asked to be reported (upper bits 01 or 11, §3.2.1). Its value is that
// parameter copied complete with its Type, Length and Value fields.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Type = 8             |     Length = variable         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Unrecognized Param Type     |   Unrecognized Param Length   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                  Unrecognized Parameter Value                 /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct UnrecognizedParameter {
  static constexpr uint16_t kType = param_type::kUnrecognizedParameter;
  static constexpr size_t kHeaderSize = 4;
  static constexpr size_t kMinSize = kHeaderSize + TlvView::kHeaderSize;

  /// The reported parameter TLV(s) as received (a validated parameter area).
  ByteSpan unrecognized;

  /// The value must be a well-formed parameter TLV (validate_tlvs): RFC 9260 §3.3.3.1
  /// reports one parameter per Unrecognized Parameter, but a robust receiver also accepts
  /// several back to back, the layout of the Unrecognized Parameters cause (§3.3.10.8).
  static Result<UnrecognizedParameter> parse(const TlvView& t);
  /// Builder: reports `p` (an INIT parameter we did not recognise), header included.
  static UnrecognizedParameter wrap(const TlvView& p) { return {p.bytes}; }

  /// The (first) reported parameter.
  [[nodiscard]] TlvView parameter() const { return *parameters().begin(); }
  /// Every reported parameter (one, unless the peer packed several).
  [[nodiscard]] TlvRange parameters() const { return {unrecognized, TlvKind::kParameter}; }

  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + unrecognized.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Unrecognized Parameter type=0xc00b ..."
};

}  // namespace dpsctp::wire
