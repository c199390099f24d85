// libFuzzer target: the YAML config loader (src/config) on arbitrary text. yaml-cpp throws
// on bad YAML and our readers throw ConfigError; none of it may escape, crash or leak, and
// the result must keep the loader's contract: either a config that passed validation, or
// exactly one error line naming the source. Build with scripts/fuzz; in the regular build
// the same function replays the seed corpus as a test (replay_main.cc).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/config_loader.h"

namespace {

using namespace dpsctp::config;

// What load_gateway_config promises about an accepted config (gateway_config.h schema).
bool valid(const GatewayConfig& c) {
  if (c.listeners.empty() || c.addresses.empty() || c.eal.lcores.empty()) return false;
  for (const Listener& l : c.listeners) {
    if (l.port == 0 || (l.route == Route::kRelay) != !l.upstream.empty()) return false;
    if (l.route == Route::kRelay && c.find_upstream(l.upstream) == nullptr) return false;
  }
  for (const Upstream& u : c.upstreams)
    if (u.members.empty()) return false;
  const dpsctp::AssociationOptions& o = c.options;  // RFC 9260 §6.3.1, §6.2
  return o.rto_min <= o.rto_initial && o.rto_initial <= o.rto_max &&
         o.sack_timeout <= std::chrono::milliseconds(500);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const LoadResult r = load_gateway_config(text, "fuzz.yaml");
  if (r.ok) {
    if (!r.error.empty() || !valid(r.config)) __builtin_trap();
  } else if (r.error.rfind("fuzz.yaml:", 0) != 0 || r.error.find('\n') != std::string::npos) {
    __builtin_trap();  // every failure is one FILE:LINE:COLUMN: line
  }
  return 0;
}
