// Supported Address Types parameter (RFC 9260 §3.3.2.1), optional in INIT: the address
// types the sender can use; without it the peer supports all types (§5.1.2).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Type = 12            |          Length               |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Address Type #1        |        Address Type #2        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                            ......                             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// With an odd number of types the Length excludes the 2 trailing padding bytes
// (e.g. Linux: "000c 0006 0005 0000", IPv4 only).
#pragma once

#include <span>
#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/param_codec.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct SupportedAddressTypesParameter {
  static constexpr uint16_t kType = param_type::kSupportedAddressTypes;
  static constexpr size_t kHeaderSize = 4;
  static constexpr size_t kMinSize = kHeaderSize + 2;  ///< Address Type #1
  // Address types are parameter types (RFC 9260 §3.3.2.1).
  static constexpr uint16_t kIpv4 = param_type::kIpv4Address;          // 5
  static constexpr uint16_t kIpv6 = param_type::kIpv6Address;          // 6
  static constexpr uint16_t kHostName = param_type::kHostNameAddress;  // 11

  ByteSpan address_types;  ///< wire bytes: count() big-endian u16 types

  /// kParamTooShortForType without any type; kParamInvalidField for an odd value length
  /// (half a type: there is no separate "trailing bytes" error for parameters).
  static Result<SupportedAddressTypesParameter> parse(const TlvView& t);
  /// Builder: writes the whole parameter for `types`.
  static void write(BufferWriter& w, std::span<const uint16_t> types);

  [[nodiscard]] size_t count() const { return address_types.size() / 2; }
  [[nodiscard]] uint16_t type_at(size_t i) const { return param_codec::u16_at(address_types, i); }
  [[nodiscard]] bool has(uint16_t type) const {
    return param_codec::contains_u16(address_types, type);
  }

  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + address_types.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Supported Address Types 5,6"
};

}  // namespace dpsctp::wire
