// CRC32c implementations; see crc32c.h. RFC 9260 Appendix B defines the algorithm
// (reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF).
#include "wire/crc32c.h"

#include <isa-l/crc.h>

#include <array>
#include <bit>
#include <climits>
#include <cstring>

#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

#include "wire/common_header.h"

namespace dpsctp::wire {
namespace {

// Portable slicing-by-8: hand-written because ISA-L is the fast path and this only
// serves CPUs without it, and as an independent reference in tests.
constexpr uint32_t kPolyReflected = 0x82F63B78u;

constexpr std::array<std::array<uint32_t, 256>, 8> make_tables() {
  std::array<std::array<uint32_t, 256>, 8> t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ kPolyReflected : c >> 1;
    t[0][i] = c;
  }
  for (size_t s = 1; s < 8; ++s) {
    for (size_t i = 0; i < 256; ++i) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFF];
  }
  return t;
}
constexpr auto kTables = make_tables();

// The shortest length at which ISA-L's folding beats one crc32 instruction per 8 bytes
// (measured on this machine's Xeon, see docs/performance.md).
constexpr size_t kIsalThreshold = 128;

const bool kHaveSse42 = [] {
#if defined(__x86_64__)
  return __builtin_cpu_supports("sse4.2") != 0;
#else
  return false;
#endif
}();

}  // namespace

uint32_t crc32c_update_portable(uint32_t crc, ByteSpan data) {
  const auto* p = reinterpret_cast<const uint8_t*>(data.data());
  size_t n = data.size();
  while (n >= 8) {
    uint32_t lo;
    uint32_t hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + 4, 4);
    if constexpr (std::endian::native == std::endian::big) {
      lo = __builtin_bswap32(lo);
      hi = __builtin_bswap32(hi);
    }
    lo ^= crc;
    crc = kTables[7][lo & 0xFF] ^ kTables[6][(lo >> 8) & 0xFF] ^ kTables[5][(lo >> 16) & 0xFF] ^
          kTables[4][lo >> 24] ^ kTables[3][hi & 0xFF] ^ kTables[2][(hi >> 8) & 0xFF] ^
          kTables[1][(hi >> 16) & 0xFF] ^ kTables[0][hi >> 24];
    p += 8;
    n -= 8;
  }
  while (n-- > 0) crc = (crc >> 8) ^ kTables[0][(crc ^ *p++) & 0xFF];
  return crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) static uint32_t sse42_impl(uint32_t crc, const uint8_t* p,
                                                               size_t n) {
  uint64_t c = crc;
  while (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    c = _mm_crc32_u64(c, v);
    p += 8;
    n -= 8;
  }
  auto c32 = static_cast<uint32_t>(c);
  if (n >= 4) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    c32 = _mm_crc32_u32(c32, v);
    p += 4;
    n -= 4;
  }
  while (n-- > 0) c32 = _mm_crc32_u8(c32, *p++);
  return c32;
}
#endif

uint32_t crc32c_update_sse42(uint32_t crc, ByteSpan data) {
#if defined(__x86_64__)
  if (kHaveSse42) {
    return sse42_impl(crc, reinterpret_cast<const uint8_t*>(data.data()), data.size());
  }
#endif
  return crc32c_update_portable(crc, data);
}

uint32_t crc32c_update_isal(uint32_t crc, ByteSpan data) {
  // ISA-L takes a non-const pointer and an int length; it does not write the buffer.
  auto* p = const_cast<unsigned char*>(reinterpret_cast<const unsigned char*>(data.data()));
  size_t n = data.size();
  while (n > 0) {
    const size_t step = n > static_cast<size_t>(INT_MAX) ? static_cast<size_t>(INT_MAX) : n;
    crc = crc32_iscsi(p, static_cast<int>(step), crc);
    p += step;
    n -= step;
  }
  return crc;
}

uint32_t crc32c_update(uint32_t crc, ByteSpan data) {
  if (data.size() < kIsalThreshold && kHaveSse42) return crc32c_update_sse42(crc, data);
  return crc32c_update_isal(crc, data);
}

bool crc32c_have_sse42() { return kHaveSse42; }

uint32_t sctp_checksum(ByteSpan packet) {
  static constexpr std::array<std::byte, 4> kZero{};
  if (packet.size() < CommonHeader::kSize) return crc32c(packet);  // no checksum field
  uint32_t c = crc32c_update(kCrc32cInit, packet.first(CommonHeader::kChecksumOffset));
  c = crc32c_update(c, kZero);
  c = crc32c_update(c, packet.subspan(CommonHeader::kChecksumOffset + 4));
  return ~c;
}

uint32_t stored_sctp_checksum(ByteSpan packet) {
  uint32_t v;
  std::memcpy(&v, packet.data() + CommonHeader::kChecksumOffset, 4);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
  return v;
}

void write_sctp_checksum(MutableByteSpan packet) {
  if (packet.size() < CommonHeader::kSize) return;
  // Appendix B: the CRC goes on the wire least significant byte first.
  uint32_t c = sctp_checksum(packet);
  if constexpr (std::endian::native == std::endian::big) c = __builtin_bswap32(c);
  std::memcpy(packet.data() + CommonHeader::kChecksumOffset, &c, 4);
}

bool verify_sctp_checksum(ByteSpan packet) {
  if (packet.size() < CommonHeader::kSize) return false;
  return sctp_checksum(packet) == stored_sctp_checksum(packet);
}

}  // namespace dpsctp::wire
