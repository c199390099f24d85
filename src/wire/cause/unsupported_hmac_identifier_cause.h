// Unsupported HMAC Identifier error cause (RFC 4895 §4.1): an AUTH chunk used an HMAC
// algorithm the receiver does not support.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Cause Code = 0x0105      |       Cause Length = 6        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        HMAC Identifier        |            Padding            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The padding is the ordinary TLV padding: not counted in the Cause Length (6).
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/cause/cause_code.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct UnsupportedHmacIdentifierCause {
  static constexpr uint16_t kCode = cause_code::kUnsupportedHmacIdentifier;
  static constexpr size_t kSize = 6;

  uint16_t hmac_id = 0;  ///< RFC 4895 §3.3 / IANA: 1 = SHA-1, 3 = SHA-256

  static Result<UnsupportedHmacIdentifierCause> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Unsupported HMAC Identifier hmac_id=2"
};

}  // namespace dpsctp::wire
