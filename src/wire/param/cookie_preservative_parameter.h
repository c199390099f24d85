// Cookie Preservative parameter (RFC 9260 §3.3.2.1), optional in INIT: after a Stale
// Cookie error the sender asks for a longer cookie life span (§5.2.6).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Type = 9             |          Length = 8           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |         Suggested Cookie Life-Span Increment (msec.)          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct CookiePreservativeParameter {
  static constexpr uint16_t kType = param_type::kCookiePreservative;
  static constexpr size_t kSize = 8;

  uint32_t life_span_increment_ms = 0;  ///< the receiver MAY ignore it (§5.2.6)

  static Result<CookiePreservativeParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Cookie Preservative +N ms"
};

}  // namespace dpsctp::wire
