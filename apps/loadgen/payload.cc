// Message payload encoding and verification (see payload.h).
#include "payload.h"

namespace dpsctp::loadgen {
namespace {

template <class T>
void put(std::span<std::byte> out, size_t at, T v) {
  for (size_t i = 0; i < sizeof(T); ++i) out[at + i] = static_cast<std::byte>(v >> (8 * i));
}

template <class T>
T get(std::span<const std::byte> in, size_t at) {
  T v = 0;
  for (size_t i = 0; i < sizeof(T); ++i) {
    v = static_cast<T>(v | static_cast<T>(static_cast<T>(in[at + i]) << (8 * i)));
  }
  return v;
}

uint32_t message_checksum(std::span<const std::byte> m) {
  return fnv1a(m.subspan(kHeaderSize), fnv1a(m.first(28)));
}

}  // namespace

const char* to_string(DecodeError e) {
  switch (e) {
    case DecodeError::kOk: return "ok";
    case DecodeError::kTooShort: return "too_short";
    case DecodeError::kBadMagic: return "bad_magic";
    case DecodeError::kBadLength: return "bad_length";
    case DecodeError::kBadChecksum: return "bad_checksum";
  }
  return "?";
}

uint32_t fnv1a(std::span<const std::byte> data, uint32_t state) {
  for (std::byte b : data) state = (state ^ static_cast<uint8_t>(b)) * 16777619u;
  return state;
}

bool encode_message(const MessageHeader& h, std::span<std::byte> out) {
  if (out.size() < kHeaderSize || out.size() > kMaxMessageSize) return false;
  put<uint32_t>(out, 0, kMagic);
  put<uint32_t>(out, 4, h.assoc);
  put<uint64_t>(out, 8, h.seq);
  put<uint64_t>(out, 16, h.sent_ns);
  put<uint16_t>(out, 24, h.stream);
  put<uint16_t>(out, 26, static_cast<uint16_t>(out.size()));
  // Filler differs per message so a stale or misrouted buffer fails the checksum.
  uint64_t x = (h.seq * 0x9e3779b97f4a7c15ull) ^ (uint64_t{h.assoc} << 16) ^ h.stream;
  for (size_t i = kHeaderSize; i < out.size(); ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    out[i] = static_cast<std::byte>(x >> 56);
  }
  put<uint32_t>(out, 28, message_checksum(out));
  return true;
}

DecodeError decode_message(std::span<const std::byte> in, MessageHeader& h) {
  if (in.size() < kHeaderSize) return DecodeError::kTooShort;
  if (get<uint32_t>(in, 0) != kMagic) return DecodeError::kBadMagic;
  if (get<uint16_t>(in, 26) != in.size()) return DecodeError::kBadLength;
  if (get<uint32_t>(in, 28) != message_checksum(in)) return DecodeError::kBadChecksum;
  h.assoc = get<uint32_t>(in, 4);
  h.seq = get<uint64_t>(in, 8);
  h.sent_ns = get<uint64_t>(in, 16);
  h.stream = get<uint16_t>(in, 24);
  h.length = get<uint16_t>(in, 26);
  return DecodeError::kOk;
}

}  // namespace dpsctp::loadgen
