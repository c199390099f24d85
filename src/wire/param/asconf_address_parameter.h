// Shared codec of the three ASCONF parameters that carry one address, which differ only in
// their type: Add IP Address (RFC 5061 §4.2.1, 0xC001), Delete IP Address (§4.2.2, 0xC002)
// and Set Primary Address (§4.2.4, 0xC004). Each has its own header naming its
// instantiation.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 0xC001/0xC002/0xC004 |    Length = Variable          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |               ASCONF-Request Correlation ID                   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Address Parameter                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The Address Parameter is a complete IPv4 (8 bytes) or IPv6 (20 bytes) Address
// parameter (RFC 9260 §3.3.2.1), so the Length is 16 or 28.
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/ipv4_address_parameter.h"
#include "wire/param/ipv6_address_parameter.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

namespace asconf_address {

inline constexpr size_t kFixedSize = 8;  ///< header + correlation id
inline constexpr size_t kMinSize = kFixedSize + Ipv4AddressParameter::kSize;

/// The decoded fields common to the three parameters.
struct Fields {
  uint32_t correlation_id = 0;
  TlvView address;
};

/// Type and length checks, then the nested address: its TLV errors as they are
/// (kParamLengthExceedsChunk ...), its own IPv4 / IPv6 errors (kParamLengthMismatch),
/// kParamInvalidField for another type, kParamLengthMismatch for bytes after it.
Result<Fields> parse(const TlvView& t, uint16_t type);
void serialize(BufferWriter& w, uint16_t type, const Fields& f);
/// "Add IP Address id=7 IPv4 10.0.0.1"
std::string to_string(uint16_t type, const Fields& f);

}  // namespace asconf_address

template <uint16_t kTypeValue>
struct AsconfAddressParameter {
  static constexpr uint16_t kType = kTypeValue;
  static constexpr size_t kFixedSize = asconf_address::kFixedSize;
  static constexpr size_t kMinSize = asconf_address::kMinSize;

  uint32_t correlation_id = 0;  ///< ASCONF-Request Correlation ID
  TlvView address;              ///< validated nested IPv4 / IPv6 Address parameter

  static Result<AsconfAddressParameter> parse(const TlvView& t) {
    Result<asconf_address::Fields> f = asconf_address::parse(t, kType);
    if (!f) return f.error();
    return AsconfAddressParameter{f->correlation_id, f->address};
  }
  /// Builder from a typed address (Ipv4AddressParameter or Ipv6AddressParameter).
  template <class Address>
  static void write(BufferWriter& w, uint32_t correlation_id, const Address& a) {
    const BufferWriter::Mark m = w.begin_tlv(kType);
    w.put_u32(correlation_id);
    a.serialize_to(w);
    w.end_tlv(m);
  }

  [[nodiscard]] size_t serialized_size() const { return kFixedSize + address.bytes.size(); }
  void serialize_to(BufferWriter& w) const {
    asconf_address::serialize(w, kType, {correlation_id, address});
  }
  [[nodiscard]] std::string to_string() const {
    return asconf_address::to_string(kType, {correlation_id, address});
  }
};

}  // namespace dpsctp::wire
