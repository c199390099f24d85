// IEEE 802 MAC addresses (see mac_address.h).
#include "runtime/net/mac_address.h"

#include <cstring>

namespace dpsctp::net {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

MacAddress MacAddress::load(const std::byte* p) {
  MacAddress m;
  std::memcpy(m.bytes_.data(), p, kSize);
  return m;
}

void MacAddress::store(std::byte* p) const { std::memcpy(p, bytes_.data(), kSize); }

std::optional<MacAddress> MacAddress::parse(std::string_view text) {
  // Exactly "xx?xx?xx?xx?xx?xx": 17 characters, one separator kind throughout.
  if (text.size() != 17) return std::nullopt;
  const char sep = text[2];
  if (sep != ':' && sep != '-') return std::nullopt;
  MacAddress m;
  for (size_t i = 0; i < kSize; ++i) {
    const size_t at = i * 3;
    if (i > 0 && text[at - 1] != sep) return std::nullopt;
    const int hi = hex_digit(text[at]);
    const int lo = hex_digit(text[at + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    m.bytes_[i] = static_cast<uint8_t>(hi * 16 + lo);
  }
  return m;
}

std::string MacAddress::to_string() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s(17, ':');
  for (size_t i = 0; i < kSize; ++i) {
    s[i * 3] = kDigits[bytes_[i] >> 4];
    s[i * 3 + 1] = kDigits[bytes_[i] & 15];
  }
  return s;
}

}  // namespace dpsctp::net
