// The loadgen's message payload: a 32-byte header the echo server returns unchanged,
// then filler. The receiver checks the header and a checksum of the rest, so an echo is
// verified byte-exact without keeping a copy of what was sent.
//
//   0  magic     u32  "LGv1"
//   4  assoc     u32  the sender's association index
//   8  seq       u64  per (association, stream) sequence number, from 0
//  16  sent_ns   u64  send time (steady clock, ns): RTT = receive time - sent_ns
//  24  stream    u16  the SCTP stream it was sent on
//  26  length    u16  total message length, header included
//  28  checksum  u32  FNV-1a over bytes 0..27 and 32..length-1
//  32  filler         bytes derived from (assoc, stream, seq)
// All little-endian. Pure: no allocation, no clock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace dpsctp::loadgen {

inline constexpr size_t kHeaderSize = 32;
inline constexpr size_t kMaxMessageSize = 65535;
inline constexpr uint32_t kMagic = 0x3176474c;  // "LGv1" little-endian

struct MessageHeader {
  uint32_t assoc = 0;
  uint64_t seq = 0;
  uint64_t sent_ns = 0;
  uint16_t stream = 0;
  uint16_t length = 0;
};

enum class DecodeError : uint8_t { kOk, kTooShort, kBadMagic, kBadLength, kBadChecksum };
const char* to_string(DecodeError e);

/// Writes header + filler into out (out.size() = the message length, kHeaderSize..65535);
/// h.length is taken from out.size(). Returns false if the size is out of range.
bool encode_message(const MessageHeader& h, std::span<std::byte> out);
/// Parses and checks a received message; h is filled when the result is kOk.
DecodeError decode_message(std::span<const std::byte> in, MessageHeader& h);

/// FNV-1a 32 over `data`, continuing from `state` (start with kFnvBasis).
inline constexpr uint32_t kFnvBasis = 2166136261u;
uint32_t fnv1a(std::span<const std::byte> data, uint32_t state = kFnvBasis);

}  // namespace dpsctp::loadgen
