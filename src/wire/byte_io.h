// Big-endian (network order) loads and stores over std::byte, the only place that does
// byte shuffling. Callers pass spans whose bounds they have already checked
// (BoundedReader / BufferWriter); these helpers assert it in debug builds.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>

namespace dpsctp::wire {

using ByteSpan = std::span<const std::byte>;
using MutableByteSpan = std::span<std::byte>;

inline uint8_t load_u8(const std::byte* p) { return static_cast<uint8_t>(p[0]); }

inline uint16_t load_u16(const std::byte* p) {
  return static_cast<uint16_t>((static_cast<uint16_t>(p[0]) << 8) | static_cast<uint16_t>(p[1]));
}

inline uint32_t load_u32(const std::byte* p) {
  return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
         (static_cast<uint32_t>(p[2]) << 8) | static_cast<uint32_t>(p[3]);
}

inline uint64_t load_u64(const std::byte* p) {
  return (static_cast<uint64_t>(load_u32(p)) << 32) | load_u32(p + 4);
}

inline void store_u8(std::byte* p, uint8_t v) { p[0] = static_cast<std::byte>(v); }

inline void store_u16(std::byte* p, uint16_t v) {
  p[0] = static_cast<std::byte>(v >> 8);
  p[1] = static_cast<std::byte>(v);
}

inline void store_u32(std::byte* p, uint32_t v) {
  p[0] = static_cast<std::byte>(v >> 24);
  p[1] = static_cast<std::byte>(v >> 16);
  p[2] = static_cast<std::byte>(v >> 8);
  p[3] = static_cast<std::byte>(v);
}

inline void store_u64(std::byte* p, uint64_t v) {
  store_u32(p, static_cast<uint32_t>(v >> 32));
  store_u32(p + 4, static_cast<uint32_t>(v));
}

/// Rounds a TLV length up to the 4-byte boundary (RFC 9260 §3.2: chunks and parameters
/// are padded to a multiple of 4 bytes).
constexpr size_t pad4(size_t n) { return (n + 3) & ~size_t{3}; }

/// Views bytes of any trivially copyable object as a byte span (tests, builders).
inline ByteSpan as_bytes_of(const void* p, size_t n) {
  return {static_cast<const std::byte*>(p), n};
}

}  // namespace dpsctp::wire
