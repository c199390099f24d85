// IEEE 802 48-bit MAC address (EUI-48) as used by Ethernet II (RFC 894), ARP (RFC 826)
// and IPv6 over Ethernet (RFC 2464). Bit 0 of the first octet is the Individual/Group
// bit (multicast), bit 1 the Universal/Local bit (IEEE 802-2014 §8.2).
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dpsctp::net {

class MacAddress {
 public:
  static constexpr size_t kSize = 6;

  /// 00:00:00:00:00:00 (ARP requests leave the target hardware address zero).
  constexpr MacAddress() = default;
  constexpr explicit MacAddress(const std::array<uint8_t, kSize>& b) : bytes_(b) {}

  /// ff:ff:ff:ff:ff:ff, the Ethernet broadcast address.
  static constexpr MacAddress broadcast() {
    return MacAddress({0xff, 0xff, 0xff, 0xff, 0xff, 0xff});
  }
  /// Reads 6 bytes at `p`; the caller has checked they are in bounds.
  static MacAddress load(const std::byte* p);
  /// Parses "aa:bb:cc:dd:ee:ff" (or '-' separated), hex digits in either case; nullopt if
  /// the text is anything else.
  static std::optional<MacAddress> parse(std::string_view text);

  /// Writes the 6 bytes at `p`; the caller has checked they are in bounds.
  void store(std::byte* p) const;
  [[nodiscard]] constexpr const std::array<uint8_t, kSize>& bytes() const { return bytes_; }
  /// "aa:bb:cc:dd:ee:ff", lower case.
  [[nodiscard]] std::string to_string() const;

  [[nodiscard]] constexpr bool is_zero() const { return *this == MacAddress(); }
  [[nodiscard]] constexpr bool is_broadcast() const { return *this == broadcast(); }
  /// Group address (I/G bit set): multicast, broadcast included.
  [[nodiscard]] constexpr bool is_multicast() const { return (bytes_[0] & 0x01) != 0; }
  /// Individual address: what a neighbour's interface may legitimately have.
  [[nodiscard]] constexpr bool is_unicast() const { return !is_multicast(); }
  [[nodiscard]] constexpr bool is_locally_administered() const { return (bytes_[0] & 0x02) != 0; }

  friend constexpr bool operator==(const MacAddress&, const MacAddress&) = default;
  friend constexpr auto operator<=>(const MacAddress&, const MacAddress&) = default;

 private:
  std::array<uint8_t, kSize> bytes_{};
};

}  // namespace dpsctp::net
