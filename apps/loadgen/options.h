// dpsctp-loadgen's command line: parsing and validation (pure, unit-tested), the --help
// text, and the JSON echo of the configuration in the report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "payload.h"
#include "scenario.h"

namespace dpsctp::loadgen {

struct Options {
  // DPDK / addressing
  std::vector<std::string> vdevs;        ///< --vdev (several allowed)
  unsigned lcore = 0;                    ///< --lcore
  std::string file_prefix = "dpsctp-lg";  ///< --file-prefix
  std::vector<std::string> ips;          ///< --ip (several = multi-homed)
  std::vector<std::string> peer_ips;     ///< --peer-ip (several = the peer's addresses)
  uint16_t port = 36412;                 ///< --port: the server's SCTP port
  uint16_t local_port = 40000;           ///< --local-port: first local port (one per association)
  uint32_t mtu = 1500;                   ///< --mtu
  // Traffic
  Scenario scenario = Scenario::kEcho;   ///< --scenario
  uint32_t associations = 1;             ///< --associations (churn: at most this many at once)
  uint16_t streams = 4;                  ///< --streams
  double rate = 0;                       ///< --rate msgs/s in total (churn: handshakes/s); 0: closed loop
  uint32_t window = 0;                   ///< --window per association (closed loop); 0: default 16
  double duration_s = 0;                 ///< --duration
  uint64_t messages = 0;                 ///< --messages in total
  double warmup_s = 0;                   ///< --warmup: traffic runs but is not measured
  uint16_t size = 128;                   ///< --size (echo, churn, multihome), >= 32
  uint32_t ppid = 0;                     ///< --ppid (echo, churn, multihome)
  uint32_t ue_count = 1000;              ///< --ues (s1ap UE population)
  uint64_t seed = 1;                     ///< --seed
  double timeout_s = 30;                 ///< --timeout: handshake, drain and shutdown limit
  double cut_path_at_s = -1;             ///< --cut-path-at (multihome), < 0: never
  std::string json_path;                 ///< --json
  bool help = false;
  // --scenario initflood (init_flood.h): spoofed INITs beside the echo traffic
  uint64_t flood_inits = 1'000'000;      ///< --flood-inits
  double flood_rate = 0;                 ///< --flood-rate INITs/s; 0: as fast as the port takes
  double flood_start_s = 1;              ///< --flood-start: seconds after traffic starts
  uint32_t flood_src_net = 0x0a000000;   ///< --flood-src NET/LEN (default 10.0.0.0/8)
  uint8_t flood_src_len = 8;
  /// --expect-peer-shutdown: the server's SHUTDOWN (e.g. it was stopped) is an expected end,
  /// not a failure; the report then accounts for every message sent exactly (echoed,
  /// handed back by SEND_FAILED, or unanswered when the association closed).
  bool expect_peer_shutdown = false;
  /// --no-echo: the server consumes the messages (a sink, e.g. a relay to recording
  /// upstreams): nothing is expected back; open loop only. The report then checks only
  /// that nothing was handed back (SEND_FAILED) and every association closed gracefully.
  bool no_echo = false;
  /// --hold-port: after the report, keep the port open (no more polling) until SIGTERM or
  /// SIGINT, so a test can stop the server first: a DPDK 22.11 memif server whose lcore is
  /// preempted inside rx_burst while its control thread handles the client's disconnect
  /// reads unmapped rings (seen as a gateway SIGSEGV in memif's Rx on a loaded machine).
  bool hold_port = false;

  [[nodiscard]] bool closed_loop() const { return rate <= 0; }
  [[nodiscard]] uint32_t effective_window() const { return window == 0 ? 16 : window; }
};

/// Parses argv (flags as "--name value" or "--name=value"). On failure returns false and
/// sets `error`; --help sets options.help and returns true.
bool parse_options(int argc, const char* const* argv, Options& options, std::string& error);
/// Cross-flag checks (called by parse_options): empty string when valid.
std::string validate(Options& options);
std::string usage_text(const char* program);
nlohmann::json to_json(const Options& o);

}  // namespace dpsctp::loadgen
