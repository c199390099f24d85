// Requested HMAC Algorithm parameter (RFC 4895 §3.3), "HMAC-ALGO", in INIT / INIT ACK:
// the HMAC identifiers the sender accepts for AUTH, most preferred first.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 0x8004   |       Parameter Length        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          HMAC Identifier 1    |      HMAC Identifier 2        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  \                              ...                              /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        HMAC Identifier n      |           Padding             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <span>
#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/param_codec.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct RequestedHmacAlgorithmParameter {
  static constexpr uint16_t kType = param_type::kRequestedHmacAlgorithm;
  static constexpr size_t kHeaderSize = 4;
  static constexpr size_t kMinSize = kHeaderSize + 2;  ///< HMAC Identifier 1
  // RFC 4895 §3.3 / IANA "HMAC Identifiers".
  static constexpr uint16_t kSha1 = 1;
  static constexpr uint16_t kSha256 = 3;

  ByteSpan hmac_ids;  ///< wire bytes: count() big-endian u16 identifiers

  /// kParamTooShortForType without any identifier, kParamInvalidField for an odd value
  /// length. Whether SHA-1 is listed (RFC 4895 §6.1: it MUST be) is the core's check.
  static Result<RequestedHmacAlgorithmParameter> parse(const TlvView& t);
  static void write(BufferWriter& w, std::span<const uint16_t> ids);

  [[nodiscard]] size_t count() const { return hmac_ids.size() / 2; }
  [[nodiscard]] uint16_t id_at(size_t i) const { return param_codec::u16_at(hmac_ids, i); }
  [[nodiscard]] bool has(uint16_t id) const { return param_codec::contains_u16(hmac_ids, id); }

  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + hmac_ids.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Requested HMAC Algorithm 3,1"
};

}  // namespace dpsctp::wire
