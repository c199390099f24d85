// Stack: a whole dpsctp process in one object — EAL, one port, one Shard on the main
// lcore — built from a StackConfig. What a small program (tests/runtime/stack/
// stack_peer.cc, later the gateway) instantiates.
//
// One shard only, for now. Later steps (design.md §3): one Shard per worker lcore with
// its own RX/TX queue pair, RSS (OffloadPlan::rss) or software distribution, verification
// tags encoding the shard (EndpointConfig::shard / shards) so any lcore routes a packet to
// its owner over SP/SC rte_rings, and a control-plane index for INIT / OOTB lookups.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/endpoint.h"
#include "dpsctp/address.h"
#include "dpsctp/events.h"
#include "dpsctp/options.h"
#include "runtime/dpdk/eal.h"
#include "runtime/dpdk/port.h"
#include "runtime/net/ethernet.h"
#include "runtime/net/neighbour_cache.h"
#include "runtime/stack/shard.h"

namespace dpsctp::runtime {

struct StackConfig {
  EalConfig eal;  ///< lcores, vdevs, file prefix, ...; the main lcore runs the shard
  /// The ethdev to open: a vdev's name (text before its first ','), e.g. "net_memif0".
  /// Empty: the name of the first of eal.vdevs.
  std::string port_name;
  std::vector<IpAddress>
      local_addresses;  ///< ours, IPv4 and/or IPv6; the first is the default source
  uint16_t sctp_port = 0;
  AssociationOptions options;
  uint32_t mtu = 1500;  ///< IP MTU of the port; also options.mtu unless that is smaller
  std::optional<net::VlanTag> vlan;  ///< tag every frame we send
  /// 32 bytes of HMAC key for State Cookies; all zero: drawn from std::random_device.
  std::array<std::byte, 32> cookie_secret{};
  uint64_t seed = 0;  ///< tags and TSNs; 0: drawn from std::random_device
  net::NeighbourConfig neighbours;
  std::chrono::milliseconds link_timeout{10000};  ///< memif: ~1 s, and the peer must start
  bool require_link_up = true;
  uint32_t extra_mbufs = 4096;  ///< see PortConfig::extra_mbufs
};

class Stack {
 public:
  /// rte_eal_init, opens the port (waits for its link), reads its MAC, builds the shard.
  /// `listener` receives the Endpoint's events and messages (calls come from poll_once()
  /// on the main lcore) and must outlive the Stack. nullptr plus a message on failure.
  static std::unique_ptr<Stack> create(const StackConfig& config, Listener& listener,
                                       std::string* error);
  ~Stack();  ///< shard, then port (stop, close), then EAL cleanup
  Stack(const Stack&) = delete;
  Stack& operator=(const Stack&) = delete;

  Shard& shard() { return *shard_; }
  core::Endpoint& endpoint() { return shard_->endpoint(); }
  [[nodiscard]] const Port& port() const { return *port_; }
  [[nodiscard]] const net::MacAddress& mac() const { return shard_->link().mac; }
  /// One loop iteration of the (only) shard; see Shard::poll_once.
  uint32_t poll_once() { return shard_->poll_once(); }
  /// Shard time of the current iteration: pass it to user calls.
  [[nodiscard]] Instant now() const { return shard_->now(); }

 private:
  Stack() = default;

  std::optional<Eal> eal_;  // destroyed last
  std::optional<Port> port_;
  std::unique_ptr<Shard> shard_;  // destroyed first
};

}  // namespace dpsctp::runtime
