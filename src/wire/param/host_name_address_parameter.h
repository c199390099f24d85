// Host Name Address parameter (RFC 9260 §3.3.2.1), deprecated. Decoded only so that it
// can be recognised and refused: RFC 9260 §3.3.2.1 says a receiver MUST NOT resolve it
// and answers with an ABORT carrying an Unresolvable Address error cause (the core does
// that); an endpoint MUST NOT send it, the builder exists for tests.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Type = 11            |          Length               |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                          Host Name                            /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>
#include <string_view>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct HostNameAddressParameter {
  static constexpr uint16_t kType = param_type::kHostNameAddress;
  static constexpr size_t kHeaderSize = 4;
  static constexpr size_t kMinSize = kHeaderSize + 1;  ///< at least the NUL terminator

  std::string_view host_name;    ///< without the terminator; a view into the packet
  size_t terminator_length = 1;  ///< NUL bytes after the name (>= 1), kept for re-serialising

  /// kParamTooShortForType without a value; kParamInvalidField if the value has no NUL or
  /// a non-NUL byte after the first NUL.
  static Result<HostNameAddressParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const {
    return kHeaderSize + host_name.size() + nul_bytes();
  }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Host Name Address example.com"

 private:
  /// RFC 9260 §3.3.2.1: at least one NUL terminator, whatever terminator_length says.
  [[nodiscard]] size_t nul_bytes() const { return terminator_length > 0 ? terminator_length : 1; }
};

}  // namespace dpsctp::wire
