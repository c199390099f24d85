// Stale Cookie error cause (RFC 9260 §3.3.10.3): a COOKIE ECHO arrived with an expired
// State Cookie; the sender says by how much it was late (§5.2.6: the peer may then ask
// for a longer Cookie Preservative).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Cause Code = 3         |       Cause Length = 8        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                 Measure of Staleness (usec.)                  |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct StaleCookieCause {
  static constexpr uint16_t kCode = cause_code::kStaleCookie;
  static constexpr size_t kSize = cause_codec::kU32CauseSize;

  /// RFC 9260 §3.3.10.3: the difference, in microseconds, between the time the cookie
  /// was received and the time it expired.
  uint32_t staleness_us = 0;

  static Result<StaleCookieCause> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Stale Cookie Error staleness=1500us"
};

}  // namespace dpsctp::wire
