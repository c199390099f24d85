// RFC 1071 Internet checksum and RFC 1624 incremental update (see inet_checksum.h).
#include "runtime/net/inet_checksum.h"

#include "wire/byte_io.h"

namespace dpsctp::net {
namespace {

// RFC 1071 §2 (C): end-around carry, folded until it fits 16 bits.
uint16_t fold(uint64_t acc) {
  while (acc >> 16) acc = (acc & 0xffff) + (acc >> 16);
  return static_cast<uint16_t>(acc);
}

}  // namespace

void InetChecksum::add_byte(uint8_t b) {
  acc_ += odd_ ? uint64_t{b} : uint64_t{b} << 8;
  odd_ = !odd_;
}

void InetChecksum::add(ByteSpan data) {
  size_t i = 0;
  if (odd_ && !data.empty()) add_byte(wire::load_u8(data.data() + i++));
  // RFC 1071 §2 (B): the sum is independent of the order of 16-bit words, and a 64-bit
  // accumulator defers carries; 32-bit loads sum two words at once.
  for (; i + 4 <= data.size(); i += 4) acc_ += wire::load_u32(data.data() + i);
  for (; i + 2 <= data.size(); i += 2) acc_ += wire::load_u16(data.data() + i);
  if (i < data.size()) add_byte(wire::load_u8(data.data() + i));
}

void InetChecksum::add_u16(uint16_t v) {
  add_byte(static_cast<uint8_t>(v >> 8));
  add_byte(static_cast<uint8_t>(v));
}

void InetChecksum::add_u32(uint32_t v) {
  add_u16(static_cast<uint16_t>(v >> 16));
  add_u16(static_cast<uint16_t>(v));
}

void InetChecksum::add(const IpAddress& a) {
  add(ByteSpan(reinterpret_cast<const std::byte*>(a.data()), a.size()));
}

uint16_t InetChecksum::sum() const { return fold(acc_); }

uint16_t inet_checksum(ByteSpan data) {
  InetChecksum c;
  c.add(data);
  return c.finish();
}

bool inet_checksum_ok(ByteSpan data) {
  InetChecksum c;
  c.add(data);
  return c.sum() == 0xffff;
}

uint16_t inet_checksum_update(uint16_t old_checksum, uint16_t old_word, uint16_t new_word) {
  // RFC 1624 §3 eqn. 3 (eqn. 2 can yield -0 = 0xffff where the full sum gives 0x0000).
  uint64_t acc = static_cast<uint16_t>(~old_checksum);
  acc += static_cast<uint16_t>(~old_word);
  acc += new_word;
  return static_cast<uint16_t>(~fold(acc));
}

}  // namespace dpsctp::net
