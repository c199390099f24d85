// Scenario message generators: for each message the next (stream, PPID, size), drawn
// deterministically from a seed. One generator per association (seeded from the run seed
// and the association index), so a run is reproducible whatever the interleaving.
//
//  echo      fixed size, PPID --ppid (default 0), round-robin over the streams.
//  s1ap      PPID 18 (RFC 9260 §14.4 / 3GPP TS 36.412 S1AP), sizes from kS1apMix (40-600 B).
//            Non-UE-associated signalling (paging, eNB configuration) on stream 0, and
//            UE-associated procedures on streams 1..N-1 chosen by UE id (TS 36.412 §7:
//            one stream pair reserved for non-UE signalling, UE-associated spread over
//            the others, a UE kept on one stream so its messages stay ordered).
//  diameter  PPID 46 (RFC 6733), sizes from kDiameterMix (150-1500 B); each message
//            belongs to a session drawn uniformly, its stream is session % N.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace dpsctp::loadgen {

enum class Scenario : uint8_t { kEcho, kS1ap, kDiameter, kChurn, kMultihome, kInitFlood };
std::optional<Scenario> parse_scenario(std::string_view s);
const char* to_string(Scenario s);

inline constexpr uint32_t kPpidS1ap = 18;
inline constexpr uint32_t kPpidDiameter = 46;

/// One row of a weighted size table: a message kind, sizes uniform in [min, max].
struct SizeClass {
  const char* name;
  uint32_t weight;
  uint16_t min_size;
  uint16_t max_size;
  bool ue_associated;  ///< s1ap: false = non-UE signalling on stream 0
};

/// The S1AP mix (sizes of the S1AP PDU with its NAS payload, as seen in eNB <-> MME
/// captures of attach / service request / TAU / release / handover flows).
std::span<const SizeClass> s1ap_mix();
/// The Diameter mix (S6a/Gx/Gy request and answer sizes including AVPs).
std::span<const SizeClass> diameter_mix();

/// splitmix64: small, fast, good enough for traffic shapes; deterministic per seed.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi].
  uint64_t uniform(uint64_t lo, uint64_t hi) { return lo + next() % (hi - lo + 1); }

 private:
  uint64_t s_;
};

struct MessageSpec {
  uint16_t stream = 0;
  uint32_t ppid = 0;
  uint16_t size = 0;
  uint8_t kind = 0;  ///< index into the scenario's size table (0 for echo)
};

struct GeneratorConfig {
  Scenario scenario = Scenario::kEcho;
  uint16_t streams = 1;      ///< outbound streams used (>= 1)
  uint16_t echo_size = 128;  ///< echo / churn / multihome message size
  uint32_t echo_ppid = 0;
  uint32_t ue_count = 1000;  ///< s1ap: UE population the UE ids are drawn from
  uint64_t seed = 1;
  uint32_t assoc_index = 0;
};

class MessageGenerator {
 public:
  explicit MessageGenerator(const GeneratorConfig& c);
  MessageSpec next();

 private:
  const SizeClass& pick(std::span<const SizeClass> mix, uint8_t& kind);

  GeneratorConfig c_;
  Rng rng_;
  uint64_t count_ = 0;
};

}  // namespace dpsctp::loadgen
