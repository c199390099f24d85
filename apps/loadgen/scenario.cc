// Scenario message generators and their size tables (see scenario.h).
#include "scenario.h"

#include <array>

namespace dpsctp::loadgen {
namespace {

// Weights are per mille of messages. Sizes: S1AP PDU (APER) plus embedded NAS PDU.
constexpr std::array<SizeClass, 10> kS1apMix{{
    {"paging", 120, 40, 64, false},                          // non-UE, stream 0
    {"enb_configuration_update", 10, 100, 300, false},       // non-UE, stream 0
    {"initial_ue_message", 130, 60, 120, true},              // attach / service request
    {"downlink_nas_transport", 180, 50, 150, true},          // auth, security mode, ...
    {"uplink_nas_transport", 170, 50, 130, true},
    {"initial_context_setup_request", 90, 150, 400, true},   // E-RABs + security key
    {"initial_context_setup_response", 90, 40, 80, true},
    {"ue_context_release", 150, 40, 60, true},               // command + complete
    {"erab_setup_request", 40, 200, 600, true},              // with NAS activate bearer
    {"handover_or_path_switch", 20, 300, 600, true},         // transparent container
}};

constexpr std::array<SizeClass, 6> kDiameterMix{{
    {"cer_cea_dwr_dwa", 50, 150, 250, false},   // base protocol
    {"ccr_initial_update", 300, 300, 900, true},  // Gx/Gy credit control requests
    {"cca", 300, 200, 700, true},
    {"air_aia", 100, 400, 1500, true},  // S6a authentication information (vectors)
    {"ulr_ula", 150, 400, 1500, true},  // S6a update location (subscription data)
    {"rar_raa", 100, 150, 400, true},
}};

}  // namespace

std::span<const SizeClass> s1ap_mix() { return kS1apMix; }
std::span<const SizeClass> diameter_mix() { return kDiameterMix; }

std::optional<Scenario> parse_scenario(std::string_view s) {
  if (s == "echo") return Scenario::kEcho;
  if (s == "s1ap") return Scenario::kS1ap;
  if (s == "diameter") return Scenario::kDiameter;
  if (s == "churn") return Scenario::kChurn;
  if (s == "multihome") return Scenario::kMultihome;
  if (s == "initflood") return Scenario::kInitFlood;
  return std::nullopt;
}

const char* to_string(Scenario s) {
  switch (s) {
    case Scenario::kEcho: return "echo";
    case Scenario::kS1ap: return "s1ap";
    case Scenario::kDiameter: return "diameter";
    case Scenario::kChurn: return "churn";
    case Scenario::kMultihome: return "multihome";
    case Scenario::kInitFlood: return "initflood";
  }
  return "?";
}

MessageGenerator::MessageGenerator(const GeneratorConfig& c)
    : c_(c), rng_(c.seed * 0x2545f4914f6cdd1dull + c.assoc_index + 1) {
  if (c_.streams == 0) c_.streams = 1;
}

const SizeClass& MessageGenerator::pick(std::span<const SizeClass> mix, uint8_t& kind) {
  uint64_t total = 0;
  for (const auto& m : mix) total += m.weight;
  uint64_t r = rng_.next() % total;
  for (size_t i = 0; i < mix.size(); ++i) {
    if (r < mix[i].weight) {
      kind = static_cast<uint8_t>(i);
      return mix[i];
    }
    r -= mix[i].weight;
  }
  kind = static_cast<uint8_t>(mix.size() - 1);
  return mix.back();
}

MessageSpec MessageGenerator::next() {
  MessageSpec m;
  const uint64_t n = count_++;
  switch (c_.scenario) {
    case Scenario::kS1ap: {
      const SizeClass& k = pick(s1ap_mix(), m.kind);
      m.ppid = kPpidS1ap;
      m.size = static_cast<uint16_t>(rng_.uniform(k.min_size, k.max_size));
      if (k.ue_associated && c_.streams > 1) {
        const uint64_t ue = rng_.uniform(0, c_.ue_count == 0 ? 0 : c_.ue_count - 1);
        m.stream = static_cast<uint16_t>(1 + ue % (c_.streams - 1u));
      }
      return m;
    }
    case Scenario::kDiameter: {
      const SizeClass& k = pick(diameter_mix(), m.kind);
      m.ppid = kPpidDiameter;
      m.size = static_cast<uint16_t>(rng_.uniform(k.min_size, k.max_size));
      m.stream = static_cast<uint16_t>(rng_.uniform(0, c_.streams - 1u));  // session -> stream
      return m;
    }
    case Scenario::kEcho:
    case Scenario::kChurn:
    case Scenario::kMultihome:
    case Scenario::kInitFlood:  // the established traffic beside the flood is echo
      break;
  }
  m.ppid = c_.echo_ppid;
  m.size = c_.echo_size;
  m.stream = static_cast<uint16_t>(n % c_.streams);
  return m;
}

}  // namespace dpsctp::loadgen
