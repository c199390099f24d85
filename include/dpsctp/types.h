// dpsctp — strong types shared by the wire codec, the core and the public API.
//
// Only meaningful arithmetic compiles: a StreamId cannot be added to a Ppid, and the
// sequence-number types (Tsn, Ssn, Mid, Fsn) compare with serial-number arithmetic
// (RFC 1982, required by RFC 9260 §1.6) instead of plain integer order.
#pragma once

#include <compare>
#include <cstdint>
#include <type_traits>

namespace dpsctp {

/// An integer with a name: equality and total order, no arithmetic.
template <class Tag, class T>
class StrongId {
 public:
  using value_type = T;
  constexpr StrongId() = default;
  constexpr explicit StrongId(T v) : v_(v) {}
  [[nodiscard]] constexpr T value() const { return v_; }
  friend constexpr bool operator==(StrongId, StrongId) = default;
  friend constexpr auto operator<=>(StrongId, StrongId) = default;

 private:
  T v_{};
};

/// A serial number (RFC 1982): wraps at 2^bits, `a < b` means "b is after a" within
/// half the number space. Never use it as a key of an ordered container.
template <class Tag, class T>
class SerialNumber {
  static_assert(std::is_unsigned_v<T>);

 public:
  using value_type = T;
  static constexpr T kHalf = T{1} << (sizeof(T) * 8 - 1);

  constexpr SerialNumber() = default;
  constexpr explicit SerialNumber(T v) : v_(v) {}
  [[nodiscard]] constexpr T value() const { return v_; }

  friend constexpr bool operator==(SerialNumber, SerialNumber) = default;
  // RFC 1982 §3.2: s1 < s2 iff (i1 < i2 and i2 - i1 < 2^(SERIAL_BITS - 1)) or
  // (i1 > i2 and i1 - i2 > 2^(SERIAL_BITS - 1)); equivalently (i2 - i1) mod 2^n in (0, 2^(n-1)).
  friend constexpr bool operator<(SerialNumber a, SerialNumber b) {
    const T d = static_cast<T>(b.v_ - a.v_);
    return d != 0 && d < kHalf;
  }
  friend constexpr bool operator>(SerialNumber a, SerialNumber b) { return b < a; }
  friend constexpr bool operator<=(SerialNumber a, SerialNumber b) { return !(b < a); }
  friend constexpr bool operator>=(SerialNumber a, SerialNumber b) { return !(a < b); }

  /// Serial addition (RFC 1982 §3.1): adding n < 2^(bits-1).
  [[nodiscard]] constexpr SerialNumber next(T n = 1) const { return SerialNumber(static_cast<T>(v_ + n)); }
  /// Forward distance from `from` to this number, modulo 2^bits.
  [[nodiscard]] constexpr T distance_from(SerialNumber from) const {
    return static_cast<T>(v_ - from.v_);
  }

 private:
  T v_{};
};

using StreamId = StrongId<struct StreamIdTag, uint16_t>;
using Ppid = StrongId<struct PpidTag, uint32_t>;
using VerificationTag = StrongId<struct VerificationTagTag, uint32_t>;
using AssocId = StrongId<struct AssocIdTag, uint32_t>;
using ShardId = StrongId<struct ShardIdTag, uint16_t>;

using Tsn = SerialNumber<struct TsnTag, uint32_t>;  ///< Transmission Sequence Number (§3.3.1)
using Ssn = SerialNumber<struct SsnTag, uint16_t>;  ///< Stream Sequence Number (§3.3.1)
using Mid = SerialNumber<struct MidTag, uint32_t>;  ///< Message Identifier (RFC 8260 §2.1)
using Fsn = SerialNumber<struct FsnTag, uint32_t>;  ///< Fragment Sequence Number (RFC 8260)

/// Well-known payload protocol identifiers (IANA "SCTP Payload Protocol Identifiers").
namespace ppid {
inline constexpr Ppid kS1ap{18};
inline constexpr Ppid kDiameter{46};
inline constexpr Ppid kNgap{60};
}  // namespace ppid

}  // namespace dpsctp
