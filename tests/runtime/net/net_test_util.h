// Helpers shared by the src/runtime/net tests: hex <-> bytes, addresses from text, and
// serialise-into-a-vector. Test-only; allocations are fine here.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dpsctp/address.h"
#include "runtime/net/mac_address.h"
#include "wire/buffer_writer.h"

namespace dpsctp::net::testing {

using Bytes = std::vector<std::byte>;

inline Bytes from_hex(std::string_view hex) {
  Bytes out;
  int hi = -1;
  for (char c : hex) {
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    if (v < 0) continue;  // spaces, colons, separators
    if (hi < 0) {
      hi = v;
    } else {
      out.push_back(static_cast<std::byte>(hi * 16 + v));
      hi = -1;
    }
  }
  return out;
}

inline std::string to_hex(std::span<const std::byte> b) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  for (std::byte x : b) {
    s += kDigits[static_cast<uint8_t>(x) >> 4];
    s += kDigits[static_cast<uint8_t>(x) & 15];
  }
  return s;
}

inline Bytes concat(const Bytes& a, const Bytes& b) {
  Bytes r = a;
  r.insert(r.end(), b.begin(), b.end());
  return r;
}

/// IPv4 or IPv6 address from text (inet_pton; the net library does not link the core).
inline IpAddress ip(const char* text) {
  std::array<uint8_t, 16> b{};
  if (inet_pton(AF_INET, text, b.data()) == 1) return IpAddress::v4(b[0], b[1], b[2], b[3]);
  EXPECT_EQ(inet_pton(AF_INET6, text, b.data()), 1) << text;
  return IpAddress::v6(b);
}

inline MacAddress mac(const char* text) {
  const std::optional<MacAddress> m = MacAddress::parse(text);
  EXPECT_TRUE(m.has_value()) << text;
  return m.value_or(MacAddress{});
}

/// Runs `write(BufferWriter&)` into a fresh vector and returns what was written.
template <class F>
Bytes write_with(F&& write, size_t cap = 9000) {
  Bytes buf(cap);
  wire::BufferWriter w(buf);
  write(w);
  EXPECT_TRUE(w.ok());
  buf.resize(w.size());
  return buf;
}

}  // namespace dpsctp::net::testing
