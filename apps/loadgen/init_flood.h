// InitFlood: the `--scenario initflood` attack generator (issue #10, "INIT flood"). While
// the LoadShard's established echo associations run, it crafts raw INIT packets (RFC 9260
// §3.3.2) from random spoofed IPv4 sources in an off-link range (default 10.0.0.0/8),
// random ports and initiate tags, and sends them to the server through the same DPDK port
// (TX queue 0, between the shard's own bursts: one lcore), paced by a token bucket or as
// fast as the port takes them.
//
// The server answers every INIT statelessly with an INIT ACK (§5.1: no state before
// COOKIE ECHO) addressed to the spoofed source; that source is off-link, so the server
// sends it to its next hop — this generator's MAC when the server's `gateway:` is our
// address. An ethdev RX callback takes those frames out of every burst before the shard
// sees them and checks each one: IPv4 header checksum, SCTP CRC32c (§6.8), a lone INIT
// ACK chunk, and Verification Tag == the Initiate Tag of our INIT (§8.5.1, the tag is a
// keyed hash of the spoofed address and port, so nothing is stored per INIT).
//
// Figures: INITs sent (accepted by rte_eth_tx_burst) and their rate, INIT ACKs received
// (good / bad CRC / bad tag / other chunk) and their rate, and the established traffic's
// echoes during the flood (from the LoadShard's counters).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "dpsctp/address.h"
#include "pacing.h"
#include "runtime/net/mac_address.h"
#include "scenario.h"

struct rte_mbuf;
struct rte_mempool;

namespace dpsctp::runtime {
class Stack;
}

namespace dpsctp::loadgen {

struct InitFloodConfig {
  uint64_t count = 1'000'000;  ///< INITs to send
  double rate = 0;             ///< INITs/s; 0: as fast as the port accepts them
  uint32_t src_net = 0x0a000000;  ///< spoofed sources: src_net/src_len (host order)
  uint8_t src_len = 8;
  IpAddress target;          ///< the server's address (IPv4)
  uint16_t target_port = 0;  ///< the server's SCTP port
  uint64_t seed = 1;
  double start_after_s = 1;  ///< after the established traffic started
  double grace_s = 1;        ///< after the last INIT: wait for trailing INIT ACKs
};

struct InitFloodStats {
  uint64_t sent = 0;          ///< INITs accepted by rte_eth_tx_burst
  uint64_t tx_refused = 0;    ///< built but refused by a full TX ring (freed, rebuilt later)
  uint64_t no_mbuf = 0;       ///< pool empty when building an INIT (retried later)
  uint64_t acks_ok = 0;       ///< well-formed INIT ACKs with the right tag
  uint64_t acks_bad_crc = 0;  ///< CRC32c (or IPv4 header checksum / structure) wrong
  uint64_t acks_bad_tag = 0;  ///< Verification Tag != the INIT's Initiate Tag
  uint64_t other = 0;         ///< to a spoofed source but not an INIT ACK (e.g. ABORT)
  uint64_t first_tx_ns = 0, last_tx_ns = 0;
  uint64_t first_ack_ns = 0, last_ack_ns = 0;
  uint64_t echoes_at_start = 0, echoes_at_end = 0;  ///< established echoes received
  uint64_t run_start_ns = 0, echoes_at_run_start = 0;  ///< the baseline before the flood
};

class InitFlood {
 public:
  explicit InitFlood(const InitFloodConfig& c);
  ~InitFlood();
  InitFlood(const InitFlood&) = delete;
  InitFlood& operator=(const InitFlood&) = delete;

  /// Installs the RX callback on the stack's port (queue 0). False plus `error` if
  /// RTE_ETHDEV_RXTX_CALLBACKS is off or the target is not IPv4.
  bool install(runtime::Stack& stack, std::string& error);
  /// Removes the RX callback (before the port closes).
  void remove();
  /// After each poll_once(): sends what the pacing allows once the established traffic
  /// runs (`running`, since `run_start_ns`), records rates. `echoes`: the LoadShard's
  /// verified echoes so far.
  void step(uint64_t now_ns, bool running, uint64_t echoes);
  /// Every INIT sent and the grace period over.
  [[nodiscard]] bool done() const { return done_; }
  [[nodiscard]] const InitFloodStats& stats() const { return stats_; }
  /// Figures plus "ok": all sent, no malformed INIT ACK.
  [[nodiscard]] nlohmann::json report() const;

  /// The Initiate Tag of the INIT from `src_ip`:`src_port` (keyed hash, never 0).
  [[nodiscard]] uint32_t tag_for(uint32_t src_ip, uint16_t src_port) const;

 private:
  static uint16_t on_rx(uint16_t port, uint16_t queue, rte_mbuf* pkts[], uint16_t n,
                        uint16_t max, void* self);
  /// True when the frame is addressed to a spoofed source (then it is counted and freed).
  bool inspect(const rte_mbuf* m);
  /// Builds one INIT frame in a fresh mbuf; nullptr when the pool is empty.
  rte_mbuf* build_init();
  void send_burst(uint64_t n);

  InitFloodConfig c_;
  InitFloodStats stats_;
  Rng rng_;
  runtime::Stack* stack_ = nullptr;
  uint16_t port_ = 0;
  rte_mempool* pool_ = nullptr;
  const void* rx_cb_ = nullptr;
  net::MacAddress our_mac_;
  net::MacAddress target_mac_;
  uint32_t src_mask_ = 0;
  std::optional<TokenBucket> bucket_;
  uint64_t start_ns_ = 0;  ///< when sending may start (0: traffic not running yet)
  uint64_t acks_seen_ = 0;  ///< acks_ok at the previous step (ack timestamps)
  bool done_ = false;
};

}  // namespace dpsctp::loadgen
