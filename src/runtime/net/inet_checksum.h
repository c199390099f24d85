// The Internet checksum: RFC 1071 (16-bit ones' complement of the ones' complement sum),
// used by the IPv4 header (RFC 791), ICMP (RFC 792) and ICMPv6 (RFC 4443 §2.3, over the
// IPv6 pseudo-header of RFC 8200 §8.1); RFC 1624 incremental update.
//
// SCTP itself uses CRC32c (wire/crc32c.h); this is only for the L3 headers around it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "dpsctp/address.h"

namespace dpsctp::net {

using ByteSpan = std::span<const std::byte>;

/// Accumulates the ones' complement sum over any sequence of byte ranges, as if they were
/// one contiguous buffer (an odd-length range shifts the next one by a byte). Add the
/// packet with its checksum field zeroed (to compute) or as received (to verify).
class InetChecksum {
 public:
  /// Adds `data` (any length, any alignment).
  void add(ByteSpan data);
  /// Adds a 16-bit value in host order, as if written in network order at this position.
  void add_u16(uint16_t v);
  /// Adds a 32-bit value in host order (network order on the wire).
  void add_u32(uint32_t v);
  /// Adds the 4 or 16 address bytes (pseudo-headers).
  void add(const IpAddress& a);

  /// The folded 16-bit ones' complement sum (RFC 1071 §2 (1)-(3)), not complemented.
  [[nodiscard]] uint16_t sum() const;
  /// The checksum field value: ~sum(). Zero sum over received data means "verifies"
  /// (RFC 1071 §2 (4)), i.e. finish() == 0.
  [[nodiscard]] uint16_t finish() const { return static_cast<uint16_t>(~sum()); }

 private:
  void add_byte(uint8_t b);

  uint64_t acc_ = 0;  // sum of 16-bit words; folded only in sum()
  bool odd_ = false;  // the last byte added was the high half of a word
};

/// One-shot checksum field value over `data` (checksum field zeroed inside it).
uint16_t inet_checksum(ByteSpan data);

/// True when `data` (checksum field included, as received) sums to 0xffff.
bool inet_checksum_ok(ByteSpan data);

/// RFC 1624 §3 eqn. 3: the new checksum field after one 16-bit word of the covered data
/// changed from `old_word` to `new_word`: HC' = ~(~HC + ~m + m'). Avoids recomputing
/// over the whole header (TTL / address rewrite).
uint16_t inet_checksum_update(uint16_t old_checksum, uint16_t old_word, uint16_t new_word);

}  // namespace dpsctp::net
