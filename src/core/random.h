// Injected randomness for the core: verification tags and initial TSNs (RFC 9260 §5.1.3
// asks for good random tags; RFC 4086). xoshiro256** seeded by the embedder — from
// getrandom()/rte_rand() in production, from a fixed seed in tests and the simulator so
// runs are reproducible.
#pragma once

#include <cstdint>

namespace dpsctp::core {

class Random {
 public:
  explicit Random(uint64_t seed) {
    for (uint64_t& w : s_) {  // splitmix64 expands the seed
      seed += 0x9e3779b97f4a7c15ull;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      w = z ^ (z >> 31);
    }
  }
  uint64_t next64() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  uint32_t next32() { return static_cast<uint32_t>(next64() >> 32); }
  /// Uniform in [0, n) (n > 0), Lemire's multiply-shift.
  uint32_t below(uint32_t n) {
    return static_cast<uint32_t>((static_cast<uint64_t>(next32()) * n) >> 32);
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4]{};
};

}  // namespace dpsctp::core
