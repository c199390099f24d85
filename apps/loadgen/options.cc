// dpsctp-loadgen command-line parsing and validation (see options.h).
#include "options.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>

namespace dpsctp::loadgen {
namespace {

template <class T>
bool parse_uint(std::string_view s, T& out, uint64_t max = std::numeric_limits<T>::max()) {
  uint64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || v > max) return false;
  out = static_cast<T>(v);
  return true;
}

bool parse_double(std::string_view s, double& out) {
  const std::string copy(s);
  char* end = nullptr;
  const double v = std::strtod(copy.c_str(), &end);
  if (copy.empty() || end != copy.c_str() + copy.size() || !std::isfinite(v)) return false;
  out = v;
  return true;
}

// "A.B.C.D/LEN" with LEN 1..31 and no host bits set.
bool parse_ipv4_net(std::string_view s, uint32_t& net, uint8_t& len) {
  const size_t slash = s.find('/');
  if (slash == std::string_view::npos || !parse_uint(s.substr(slash + 1), len, 31) || len == 0) {
    return false;
  }
  uint32_t a = 0;
  std::string_view rest = s.substr(0, slash);
  for (int i = 0; i < 4; ++i) {
    const size_t dot = i < 3 ? rest.find('.') : rest.size();
    uint8_t b = 0;
    if (dot == std::string_view::npos || !parse_uint(rest.substr(0, dot), b)) return false;
    a = (a << 8) | b;
    rest = i < 3 ? rest.substr(dot + 1) : std::string_view{};
  }
  net = a;
  return (a & (0xffffffffu >> len)) == 0;
}

bool apply(Options& o, std::string_view k, std::string_view v) {
  if (k == "vdev") return o.vdevs.emplace_back(v), true;
  if (k == "ip") return o.ips.emplace_back(v), true;
  if (k == "peer-ip") return o.peer_ips.emplace_back(v), true;
  if (k == "file-prefix") return o.file_prefix = v, !v.empty();
  if (k == "json") return o.json_path = v, !v.empty();
  if (k == "lcore") return parse_uint(v, o.lcore, 1023);
  if (k == "port") return parse_uint(v, o.port) && o.port != 0;
  if (k == "local-port") return parse_uint(v, o.local_port) && o.local_port != 0;
  if (k == "mtu") return parse_uint(v, o.mtu, 9000);
  if (k == "scenario") {
    const auto s = parse_scenario(v);
    if (s) o.scenario = *s;
    return s.has_value();
  }
  if (k == "associations") return parse_uint(v, o.associations, 60000);
  if (k == "streams") return parse_uint(v, o.streams) && o.streams != 0;
  if (k == "rate") return parse_double(v, o.rate) && o.rate > 0;
  if (k == "window") return parse_uint(v, o.window, 1u << 20) && o.window != 0;
  if (k == "duration") return parse_double(v, o.duration_s) && o.duration_s > 0;
  if (k == "messages") return parse_uint(v, o.messages) && o.messages != 0;
  if (k == "warmup") return parse_double(v, o.warmup_s) && o.warmup_s >= 0;
  if (k == "size") return parse_uint(v, o.size);
  if (k == "ppid") return parse_uint(v, o.ppid);
  if (k == "ues") return parse_uint(v, o.ue_count) && o.ue_count != 0;
  if (k == "seed") return parse_uint(v, o.seed);
  if (k == "timeout") return parse_double(v, o.timeout_s) && o.timeout_s > 0;
  if (k == "cut-path-at") return parse_double(v, o.cut_path_at_s) && o.cut_path_at_s >= 0;
  if (k == "flood-inits") return parse_uint(v, o.flood_inits) && o.flood_inits != 0;
  if (k == "flood-rate") return parse_double(v, o.flood_rate) && o.flood_rate >= 0;
  if (k == "flood-start") return parse_double(v, o.flood_start_s) && o.flood_start_s >= 0;
  if (k == "flood-src") return parse_ipv4_net(v, o.flood_src_net, o.flood_src_len);
  return false;
}

}  // namespace

bool parse_options(int argc, const char* const* argv, Options& o, std::string& error) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--help" || a == "-h") {
      o.help = true;
      return true;
    }
    if (!a.starts_with("--")) {
      error = "unexpected argument '" + std::string(a) + "'";
      return false;
    }
    if (a == "--expect-peer-shutdown" || a == "--no-echo" || a == "--hold-port") {
      // the flags without a value
      (a == "--no-echo" ? o.no_echo : a == "--hold-port" ? o.hold_port : o.expect_peer_shutdown) =
          true;
      continue;
    }
    a.remove_prefix(2);
    std::string_view key = a, value;
    if (const auto eq = a.find('='); eq != std::string_view::npos) {
      key = a.substr(0, eq);
      value = a.substr(eq + 1);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      error = "--" + std::string(key) + " needs a value";
      return false;
    }
    if (!apply(o, key, value)) {
      error = "bad flag or value: --" + std::string(key) + " " + std::string(value);
      return false;
    }
  }
  error = validate(o);
  return error.empty();
}

std::string validate(Options& o) {
  if (o.vdevs.empty()) return "--vdev is required";
  if (o.ips.empty()) return "--ip is required";
  if (o.peer_ips.empty()) return "--peer-ip is required";
  if (o.size < kHeaderSize) return "--size must be at least 32 (the payload header)";
  if (o.window != 0 && o.rate > 0 && o.scenario != Scenario::kChurn) {
    return "--rate (open loop) and --window (closed loop) exclude each other";
  }
  if (o.duration_s > 0 && o.messages != 0) return "--duration and --messages exclude each other";
  if (o.duration_s <= 0 && o.messages == 0) o.duration_s = 10;
  if (o.associations == 0) return "--associations must be at least 1";
  if (uint32_t{o.local_port} + o.associations > 65536) return "--local-port + --associations > 65535";
  if (o.scenario == Scenario::kMultihome && (o.ips.size() < 2 || o.peer_ips.size() < 2)) {
    return "--scenario multihome needs two --ip and two --peer-ip";
  }
  if (o.cut_path_at_s >= 0 && o.scenario != Scenario::kMultihome) {
    return "--cut-path-at applies to --scenario multihome only";
  }
  if (o.scenario == Scenario::kChurn && o.rate <= 0) o.rate = 100;  // handshakes/s
  if (o.no_echo && (o.rate <= 0 || o.scenario != Scenario::kEcho)) {
    return "--no-echo needs --rate (open loop) and --scenario echo";
  }
  if (o.scenario == Scenario::kInitFlood && o.peer_ips[0].find(':') != std::string::npos) {
    return "--scenario initflood needs an IPv4 --peer-ip";
  }
  return {};
}

std::string usage_text(const char* program) {
  return std::string("usage: ") + program + R"( --vdev VDEV --ip A [--ip A2] --peer-ip B [--peer-ip B2] [options]

dpsctp load generator: SCTP associations on a DPDK port (the dpsctp stack as a client)
that send scenario traffic to an echo server, verify every echo (exactly once, byte-exact,
in order per stream) and measure throughput and round-trip latency.

DPDK and addressing:
  --vdev VDEV          DPDK virtual device, e.g. net_memif0,role=client,socket=/tmp/x.sock,
                       socket-abstract=no (several allowed; the first is the port used)
  --lcore N            lcore to run on (default 0)
  --file-prefix P      EAL --file-prefix (default dpsctp-lg)
  --ip A               local address; twice = multi-homed (IPv4 or IPv6)
  --peer-ip B          server address; twice = the server's two addresses
  --port P             server SCTP port (default 36412)
  --local-port P       first local SCTP port; association i uses P+i (default 40000)
  --mtu M              IP MTU (default 1500)
Traffic:
  --scenario S         echo | s1ap | diameter | churn | multihome | initflood (default echo)
                         echo: --size B messages, PPID --ppid, round-robin over streams
                         s1ap: PPID 18, 40-600 B mix, stream 0 non-UE, 1..N-1 per UE
                         diameter: PPID 46, 150-1500 B mix, streams per session
                         churn: associations set up and torn down at --rate per second,
                                at most --associations at once, one echo each
                         multihome: echo over dual-homed associations (two --ip, two
                                --peer-ip); --cut-path-at S drops all frames to and from
                                the first peer address from S seconds on
                         initflood: echo traffic, and meanwhile --flood-inits raw INITs
                                from random spoofed sources in --flood-src (the server's
                                next hop must be us: INIT ACKs are counted and checked);
                                the run ends 1 s after the last INIT (--duration: at most)
  --associations N     associations (default 1)
  --streams N          outbound streams used per association (default 4)
  --rate R             open loop: R messages/s in total, paced (churn: handshakes/s)
  --window W           closed loop: W messages outstanding per association (default 16)
  --duration S         send for S seconds after the warm-up (default 10)
  --messages N         or send N messages in total
  --warmup S           seconds of traffic before measuring starts (default 0)
  --size B             message size for echo/churn/multihome, >= 32 (default 128)
  --ppid P             PPID for echo/churn/multihome (default 0)
  --ues N              s1ap: UE population (default 1000)
  --seed N             traffic seed (default 1)
  --timeout S          limit for handshakes, draining echoes and shutdown (default 30)
  --cut-path-at S      multihome: cut the path to the first --peer-ip at S seconds
  --flood-inits N      initflood: INITs to send (default 1000000)
  --flood-rate R       initflood: INITs/s (default 0: as fast as the port takes them)
  --flood-start S      initflood: seconds after the traffic starts (default 1)
  --flood-src NET/LEN  initflood: spoofed IPv4 sources (default 10.0.0.0/8)
  --expect-peer-shutdown  the server's SHUTDOWN ends the run as expected (a graceful
                       server stop): exact accounting sent = echoed + send-failed +
                       unanswered at the close, every association must end in
                       SHUTDOWN_COMP (not COMM_LOST)
  --no-echo            the server is a sink: expect nothing back (needs --rate); the
                       payloads still carry association, stream and sequence number
  --hold-port          after the report, keep the port open until SIGTERM (lets a test
                       stop a memif server before this client disconnects)
  --json FILE          write the full report (config, figures, histogram buckets)
  --help               this text

Progress is printed to stderr once a second when stderr is a terminal. Exit status: 0 if
every message was echoed intact and every association closed gracefully; 1 on any loss,
corruption or association failure; 2 on bad usage.
)";
}

nlohmann::json to_json(const Options& o) {
  return {
      {"vdevs", o.vdevs},
      {"lcore", o.lcore},
      {"file_prefix", o.file_prefix},
      {"ips", o.ips},
      {"peer_ips", o.peer_ips},
      {"port", o.port},
      {"local_port", o.local_port},
      {"mtu", o.mtu},
      {"scenario", to_string(o.scenario)},
      {"associations", o.associations},
      {"streams", o.streams},
      {"mode", o.closed_loop() ? "closed_loop" : "open_loop"},
      {"rate", o.rate},
      {"window", o.closed_loop() ? o.effective_window() : 0},
      {"duration_s", o.duration_s},
      {"messages", o.messages},
      {"warmup_s", o.warmup_s},
      {"size", o.size},
      {"ppid", o.ppid},
      {"ues", o.ue_count},
      {"seed", o.seed},
      {"timeout_s", o.timeout_s},
      {"cut_path_at_s", o.cut_path_at_s},
      {"flood_inits", o.flood_inits},
      {"flood_rate", o.flood_rate},
      {"flood_start_s", o.flood_start_s},
      {"expect_peer_shutdown", o.expect_peer_shutdown},
      {"no_echo", o.no_echo},
      {"hold_port", o.hold_port},
  };
}

}  // namespace dpsctp::loadgen
