// IP addresses (IPv4 and IPv6 in one type) and transport addresses (address + port).
// An association has lists of both sides' addresses (multi-homing, RFC 9260 §6.4).
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace dpsctp {

class IpAddress {
 public:
  enum class Family : uint8_t { kV4 = 4, kV6 = 6 };

  constexpr IpAddress() = default;
  static constexpr IpAddress v4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
    IpAddress ip;
    ip.family_ = Family::kV4;
    ip.bytes_ = {a, b, c, d};
    return ip;
  }
  /// From a host-order 32-bit value (0x7f000001 = 127.0.0.1).
  static constexpr IpAddress v4(uint32_t host_order) {
    return v4(static_cast<uint8_t>(host_order >> 24), static_cast<uint8_t>(host_order >> 16),
              static_cast<uint8_t>(host_order >> 8), static_cast<uint8_t>(host_order));
  }
  static constexpr IpAddress v6(const std::array<uint8_t, 16>& b) {
    IpAddress ip;
    ip.family_ = Family::kV6;
    ip.bytes_ = b;
    return ip;
  }
  /// Parses dotted-quad IPv4 or RFC 4291 text IPv6; nullopt if neither.
  static std::optional<IpAddress> parse(std::string_view text);

  [[nodiscard]] constexpr Family family() const { return family_; }
  [[nodiscard]] constexpr bool is_v4() const { return family_ == Family::kV4; }
  [[nodiscard]] constexpr bool is_v6() const { return family_ == Family::kV6; }
  /// 4 bytes for IPv4, 16 for IPv6, network order.
  [[nodiscard]] const uint8_t* data() const { return bytes_.data(); }
  [[nodiscard]] constexpr size_t size() const { return is_v4() ? 4 : 16; }
  [[nodiscard]] uint32_t v4_host_order() const {
    return (uint32_t{bytes_[0]} << 24) | (uint32_t{bytes_[1]} << 16) |
           (uint32_t{bytes_[2]} << 8) | bytes_[3];
  }
  [[nodiscard]] std::string to_string() const;

  friend constexpr bool operator==(const IpAddress&, const IpAddress&) = default;
  friend constexpr auto operator<=>(const IpAddress&, const IpAddress&) = default;

 private:
  Family family_ = Family::kV4;
  std::array<uint8_t, 16> bytes_{};  // IPv4 uses the first 4, the rest stay zero
};

struct TransportAddress {
  IpAddress ip;
  uint16_t port = 0;
  friend constexpr bool operator==(const TransportAddress&, const TransportAddress&) = default;
  friend constexpr auto operator<=>(const TransportAddress&, const TransportAddress&) = default;
  [[nodiscard]] std::string to_string() const;  ///< "127.0.0.1:36412", "[::1]:3868"
};

/// FNV-1a over family and bytes: for hash maps keyed by address (control plane).
struct IpAddressHash {
  size_t operator()(const IpAddress& a) const {
    uint64_t h = 1469598103934665603ull ^ static_cast<uint8_t>(a.family());
    for (size_t i = 0; i < a.size(); ++i) h = (h ^ a.data()[i]) * 1099511628211ull;
    return static_cast<size_t>(h);
  }
};

}  // namespace dpsctp
