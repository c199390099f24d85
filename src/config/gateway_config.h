// GatewayConfig: what config/*.yaml describes for dpsctp-gateway (and, for the EAL / port
// / addresses / tunables part, dpsctp-loadgen). Plain data, no DPDK: the loader
// (config_loader.h) fills it from YAML and validates it; apps/ maps it onto
// runtime::StackConfig.
//
// YAML schema (every key optional unless marked required; unknown keys are errors, so
// are keys written twice). A section left empty (`tunables:` with every line commented
// out) is the same as an absent one. Names (listeners, upstreams, file_prefix) are 1..32
// of [A-Za-z0-9_.-] starting with a letter or digit. Addresses are unicast IPv4 / IPv6
// text; a list of them may not repeat one. Integers are plain decimal.
//
//   eal:
//     lcores: [0]                 # worker lcores 0..127, non-empty; the first is the main lcore
//     hugepages: false            # false -> --no-huge
//     memory_mb: 256              # 16..1048576
//     file_prefix: dpsctp-gw      # --file-prefix (two DPDK processes need distinct ones)
//     vdevs: ["net_memif0,role=server,socket=/tmp/x/memif.sock,socket-abstract=no"]
//     pci: []                     # PCI addresses ([DDDD:]BB:DD.F) to allow (then --no-pci
//                                 #   is not passed)
//     extra_args: []
//   port:
//     device: net_memif0          # required: vdev name (text before ',') or PCI address;
//                                 #   must name an eal.vdevs entry or an eal.pci address
//     mtu: 1500                   # 576..9000 (1280.. with any IPv6 address, RFC 8200 §5);
//                                 #   also AssociationOptions::mtu (the path MTU start)
//     vlan: 100                   # optional 802.1Q VLAN id 1..4094
//     link_timeout: 30s           # 0..10m
//     udp_encapsulation:          # optional: SCTP over UDP (RFC 6951) besides plain SCTP
//       port: 9899                # required in it, 1..65535 (9899 = IANA sctp-tunneling);
//                                 #   peers are answered in UDP once they send in UDP
//   addresses: [192.168.100.1, fd00::1]  # required: local IPs; several = multi-homing.
//                                 #   "IP/LEN" gives the on-link prefix (default /24, /64)
//   gateway: [192.168.100.254]    # optional next hop, at most one per family, on the link
//                                 #   of an address: off-link destinations are sent to it
//   tunables:                     # Linux sysctl names (/proc/sys/net/sctp), RFC 9260 §16
//     rto_initial: 1s             # durations: "250ms", "3s", "1m", "1h", or an integer = ms
//     rto_min: 1s                 # rto_*: 1ms..24h, rto_min <= rto_initial <= rto_max
//     rto_max: 60s                #   (RFC 9260 §6.3.1)
//     hb_interval: 30s            # 0..24h; 0 disables heartbeats (heartbeat_enabled = false)
//     path_max_retrans: 5         # 1..65535
//     pf_retrans: 0               # 0..65535 -> AssociationOptions::pf_max_retrans
//     association_max_retrans: 10 # 1..65535
//     max_init_retransmits: 8     # 1..65535
//     sack_timeout: 200ms         # 1ms..500ms (RFC 9260 §6.2)
//     sack_freq: 2                # 1..255
//     max_burst: 4                # 1..255
//     valid_cookie_life: 60s      # 1s..24h
//     cookie_preserve_enable: true
//     prsctp_enable: true
//     interleaving_enable: false # RFC 8260 I-DATA, used if the peer also lists it
//     stream_reset: true         # RFC 6525 RE-CONFIG (stream / association reset, add streams)
//     nodelay: false
//     max_associations: 65536     # 1..16777216 -> Limits
//     init_rate: 0                # INITs/s per shard passed to the core, 0..10000000; 0 =
//                                 #   unlimited. Beyond it INITs are dropped before the
//                                 #   cookie / INIT ACK is built (stats: init_drop) -> Limits
//     init_burst: 1000            # INITs admitted back to back, 1..1048576 -> Limits
//     send_buffer: 1048576        # bytes per association (send() backpressure), 1500..2^30
//     receive_window: 262144      # bytes per association (a_rwnd), 1500..2^30
//     stream_scheduler: fcfs      # RFC 8260 §3: fcfs | rr | rr_packet | priority |
//                                 #   fair_bandwidth | wfq (per association: the API)
//   listeners:                    # required, at least one
//     - name: s1-mme              # required, unique
//       port: 36412               # required, 1..65535, unique
//       outbound_streams: 10      # 1..65535
//       max_inbound_streams: 65535  # 1..65535
//       ppids: [18]               # accepted PPIDs (0..2^32-1, no repeats); empty/absent = all.
//                                 #   Others: counted, dropped
//       route: echo               # required: echo | sink | relay
//       upstream: mme-pool        # required iff route == relay: an upstreams[].name
//   upstreams:
//     - name: mme-pool            # required, unique
//       selection: round-robin    # round-robin | hash (of the client association)
//       local_port: 40000         # our SCTP port toward the pool; 0 = listener port + 1000
//                                 #   (first relay listener naming it; stays 0 if none does);
//                                 #   never a listener's port
//       members:                  # required, at least one
//         - addresses: [10.0.0.2, 10.0.1.2]  # required: the upstream's IPs (multi-homed)
//           port: 36412           # required, 1..65535
//       reconnect_interval: 1s    # retry a failed member this often, 10ms..1h
//   logging:
//     level: info                 # trace | debug | info | warn | error | critical | off
//     file: ""                    # empty = stderr
//   stats:
//     interval: 1s                # periodic one-line summary; 0 = off; up to 1h
//     telemetry: true             # DPDK telemetry commands /dpsctp/*
//   capture:
//     file: ""                    # pcapng of every frame the port sends/receives; empty = off
//     snaplen: 65535              # 64..65535
//   shutdown:
//     timeout: 5s                 # graceful SHUTDOWN bound on SIGINT/SIGTERM, then ABORT
//                                 #   (0..10m)
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dpsctp/address.h"
#include "dpsctp/options.h"

namespace dpsctp::config {

struct EalSection {
  std::vector<unsigned> lcores{0};
  bool hugepages = false;
  unsigned memory_mb = 256;
  std::string file_prefix = "dpsctp";
  std::vector<std::string> vdevs;
  std::vector<std::string> pci;
  std::vector<std::string> extra_args;
};

struct PortSection {
  std::string device;
  uint32_t mtu = 1500;
  std::optional<uint16_t> vlan;
  std::chrono::milliseconds link_timeout{30000};
  /// RFC 6951 SCTP-over-UDP: our UDP encapsulation port; absent = off.
  std::optional<uint16_t> udp_encapsulation_port;
};

enum class Route : uint8_t { kEcho, kSink, kRelay };
enum class Selection : uint8_t { kRoundRobin, kHash };

struct Listener {
  std::string name;
  uint16_t port = 0;
  uint16_t outbound_streams = 10;
  uint16_t max_inbound_streams = 65535;
  std::vector<uint32_t> ppids;  ///< empty: accept all
  Route route = Route::kEcho;
  std::string upstream;  ///< an Upstream::name when route == kRelay
  // Where the entry starts in the file (for later messages that need it).
  int line = 0;
};

struct UpstreamMember {
  std::vector<IpAddress> addresses;
  uint16_t port = 0;
};

struct Upstream {
  std::string name;
  Selection selection = Selection::kRoundRobin;
  uint16_t local_port = 0;  ///< 0: resolved by the loader to (first listener using it).port + 1000
  std::vector<UpstreamMember> members;
  std::chrono::milliseconds reconnect_interval{1000};
};

struct Limits {
  uint32_t max_associations = 65536;
  /// Per shard: INITs per second handed to the SCTP core (0 = unlimited) and the bucket
  /// depth; INITs beyond are dropped and counted (init_drop). Issue #10.
  uint32_t init_rate = 0;
  uint32_t init_burst = 1000;
};

struct LoggingSection {
  std::string level = "info";
  std::string file;
};

struct StatsSection {
  std::chrono::milliseconds interval{1000};
  bool telemetry = true;
};

struct CaptureSection {
  std::string file;  ///< empty: off
  uint32_t snaplen = 65535;
};

struct GatewayConfig {
  std::string source;  ///< the file it came from
  EalSection eal;
  PortSection port;
  std::vector<IpAddress> addresses;
  std::vector<IpAddress> gateways;
  AssociationOptions options;  ///< tunables (protocol part)
  Limits limits;
  std::vector<Listener> listeners;
  std::vector<Upstream> upstreams;
  LoggingSection logging;
  StatsSection stats;
  CaptureSection capture;
  std::chrono::milliseconds shutdown_timeout{5000};
  /// On-link prefix length of addresses[i] (the "/LEN" suffix; default 24 / 64).
  std::vector<uint8_t> prefix_lengths;

  [[nodiscard]] const Upstream* find_upstream(const std::string& name) const {
    for (const auto& u : upstreams)
      if (u.name == name) return &u;
    return nullptr;
  }
};

}  // namespace dpsctp::config
