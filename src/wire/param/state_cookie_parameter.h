// State Cookie parameter (RFC 9260 §3.3.3.1), mandatory in INIT ACK: the cookie the
// peer returns verbatim in COOKIE ECHO (§5.1.3).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Type = 7             |     Length = variable         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                             Cookie                            /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct StateCookieParameter {
  static constexpr uint16_t kType = param_type::kStateCookie;
  static constexpr size_t kHeaderSize = 4;
  static constexpr size_t kMinSize = kHeaderSize + 1;  ///< a cookie of at least one byte

  ByteSpan cookie;  ///< opaque; only its creator interprets it

  /// An empty cookie cannot be echoed (§5.1.3): kParamTooShortForType.
  static Result<StateCookieParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + cookie.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "State Cookie len=N"
};

}  // namespace dpsctp::wire
