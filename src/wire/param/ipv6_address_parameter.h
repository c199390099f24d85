// IPv6 Address parameter (RFC 9260 §3.3.2.1), in INIT / INIT ACK and nested in the
// ASCONF address parameters (RFC 5061 §4.2.1 - §4.2.4).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |            Type = 6           |          Length = 20          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                                                               |
//  |                         IPv6 Address                          |
//  |                                                               |
//  |                                                               |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <array>
#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct Ipv6AddressParameter {
  static constexpr uint16_t kType = param_type::kIpv6Address;
  static constexpr size_t kSize = 20;

  std::array<uint8_t, 16> address{};  ///< network order

  static Result<Ipv6AddressParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "IPv6 2001:db8::1" (RFC 5952 form)
};

}  // namespace dpsctp::wire
