// Helpers shared by the wire codec tests: hex <-> bytes, and serialise-then-frame for
// round trips. Test-only; allocations are fine here.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"
#include "wire/tlv.h"

namespace dpsctp::wire::testing {

using Bytes = std::vector<std::byte>;

inline Bytes from_hex(std::string_view hex) {
  Bytes out;
  auto nib = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  int hi = -1;
  for (char c : hex) {
    const int v = nib(c);
    if (v < 0) continue;  // allow spaces, colons
    if (hi < 0) {
      hi = v;
    } else {
      out.push_back(static_cast<std::byte>(hi * 16 + v));
      hi = -1;
    }
  }
  return out;
}

inline std::string to_hex(ByteSpan b) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  for (std::byte x : b) {
    s += kDigits[static_cast<uint8_t>(x) >> 4];
    s += kDigits[static_cast<uint8_t>(x) & 15];
  }
  return s;
}

/// Serialises anything with serialize_to(BufferWriter&) into a fresh vector.
template <class T>
Bytes serialize(const T& x, size_t cap = 70000) {
  Bytes buf(cap);
  BufferWriter w(buf);
  x.serialize_to(w);
  EXPECT_TRUE(w.ok());
  buf.resize(w.size());
  return buf;
}

/// Frames serialised chunk bytes as a ChunkView (asserting the frame is valid).
inline ChunkView chunk_of(const Bytes& b) {
  Result<ChunkView> c = ChunkView::parse(b);
  EXPECT_TRUE(c.ok()) << to_string(c.error());
  return c.ok() ? *c : ChunkView{};
}

/// Frames serialised parameter / cause bytes as a TlvView.
inline TlvView tlv_of(const Bytes& b, TlvKind kind = TlvKind::kParameter) {
  Result<TlvView> t = TlvView::parse(b, kind);
  EXPECT_TRUE(t.ok()) << to_string(t.error());
  return t.ok() ? *t : TlvView{};
}

/// Overwrites the 16-bit length field at offset 2 (chunk and TLV headers alike).
inline void set_length(Bytes& b, uint16_t len) {
  b[2] = static_cast<std::byte>(len >> 8);
  b[3] = static_cast<std::byte>(len);
}

}  // namespace dpsctp::wire::testing
