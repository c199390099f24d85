// Stack: a whole dpsctp process in one object — EAL, one port, one Shard per lcore, the
// rings between the shards and the cross-shard index — built from a StackConfig. What a
// program (tests/runtime/stack/stack_peer.cc, the gateway, the load generator)
// instantiates.
//
// Shards (design.md §3): one per lcore of StackConfig::eal.lcores (N; empty: one). Shard i
// polls RX queue i if the port spreads packets by RSS (OffloadPlan::rss: IP addresses plus
// SCTP ports where the device hashes them), else every packet arrives on RX queue 0 at
// shard 0, which distributes in software: our verification tags encode their shard
// (tag % N == shard), so any shard routes a packet to its owner over the SP/SC ring for
// that pair (shard_mesh.h), and INITs of new associations go to init_shard() of their
// flow. Shard i transmits on TX queue i when the port has one for it (with RSS), else
// through shard 0 (TX funnel): a device without RSS (memif, af_packet) is point-to-point
// and its peer may run a single queue pair.
//
// Threading rules:
//   - create(), add_endpoint() and the destructor run on the main lcore (the thread that
//     called create()), never while run() is running.
//   - Shard i, its Endpoints and its Listener are touched only by the lcore that polls
//     it: the main lcore for shard 0, worker lcore i under run(). Listener callbacks come
//     from that lcore, inside poll_once(); user calls on an Endpoint (connect, send,
//     shutdown, ...) must be made from the same lcore (from a callback, or from run()'s
//     per-iteration function for that shard) with that shard's now().
//   - With one shard, poll_once() on the main thread is all there is (as before run()).
//   - find_association() (the cross-shard index) is safe from any thread.
//   - AssocIds are per Endpoint: shard 0 and shard 1 may both have an association 1;
//     (shard, AssocId) names one.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
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
#include "runtime/stack/cross_shard_index.h"
#include "runtime/stack/indexing_listener.h"
#include "runtime/stack/shard.h"
#include "runtime/stack/shard_mesh.h"

namespace dpsctp::runtime {

struct StackConfig {
  /// lcores (one shard each; the first is the main lcore and runs shard 0), vdevs, file
  /// prefix, oversubscribe, ...
  EalConfig eal;
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
  /// Per endpoint and shard: beyond it an INIT gets ABORT with "Out of Resource"
  /// (RFC 9260 §3.3.10.4) and no state is kept (core::EndpointConfig::max_associations).
  uint32_t max_associations = 65536;
  net::NeighbourConfig neighbours;
  std::chrono::milliseconds link_timeout{10000};  ///< memif: ~1 s, and the peer must start
  bool require_link_up = true;
  uint32_t extra_mbufs = 4096;  ///< see PortConfig::extra_mbufs (the rings are added)
  /// TX queues to configure with several shards: 0 = one per shard when the port does RSS,
  /// one (shard 0's, the others funnel through it) otherwise. Shards beyond the queues
  /// the port grants funnel through shard 0.
  uint16_t tx_queues = 0;
  unsigned handoff_ring_size = 1024;  ///< per (from, to) ring, a power of two
  /// run(): an iteration that received nothing calls sched_yield(). For lcores sharing
  /// CPUs (always on with eal.oversubscribe): a busy-polling thread would otherwise hold
  /// its CPU for a whole scheduler slice while the shard it waits for cannot run.
  bool yield_when_idle = false;
  /// RFC 6951 SCTP-over-UDP: our UDP encapsulation port (net::kSctpTunnelingPort, 9899,
  /// is IANA's "sctp-tunneling"); 0 = off. On: UDP datagrams to it carry SCTP packets and
  /// each peer address they come from is answered in UDP (§5.4); every association's MTU
  /// leaves room for the 8-byte UDP header (§5.6), as the core cannot tell which paths
  /// are encapsulated.
  uint16_t udp_encaps_port = 0;
  /// Peers sent to in UDP from the first packet (a client whose server listens on UDP):
  /// peer IP and its remote encapsulation port. Needs udp_encaps_port.
  std::vector<TransportAddress> udp_encaps_remotes;
  size_t udp_encap_table_size = 4096;  ///< per shard: peer addresses with a learnt port
  /// On-link prefix length of local_addresses[i] (missing: /24 IPv4, /64 IPv6) and the
  /// next hops (at most one per family is used): destinations outside every prefix are
  /// sent to the gateway of their family, resolved by ARP / NDP like any neighbour
  /// (net/next_hop.h). No gateway of a family: its destinations are treated as on-link.
  std::vector<uint8_t> prefix_lengths;
  std::vector<IpAddress> gateways;
  /// Per shard: INITs per second handed to the core (rate 0 = unlimited, the default) and
  /// the bucket depth. INITs beyond it are dropped before the State Cookie HMAC and the
  /// INIT ACK are built (ShardCounters::init_drop), so a flood cannot starve established
  /// associations; the peers' T1-init retransmits them (RFC 9260 §5.1).
  InitAdmissionConfig init_admission;
};

class Stack {
 public:
  /// Which Listener receives shard i's events (called once per shard, and once per shard
  /// again by add_endpoint). The listeners must outlive the Stack.
  using ListenerFor = std::function<Listener&(unsigned shard)>;
  /// Called by run() after each poll_once() of a shard, on that shard's lcore.
  using PerIteration = std::function<void(Shard& shard, unsigned index)>;

  /// One shard (eal.lcores has at most one entry): rte_eal_init, opens the port (waits
  /// for its link), reads its MAC, builds the shard. `listener` receives the Endpoint's
  /// events and messages (calls come from poll_once() on the main lcore) and must outlive
  /// the Stack. nullptr plus a message on failure (also for several lcores: use the
  /// ListenerFor form).
  static std::unique_ptr<Stack> create(const StackConfig& config, Listener& listener,
                                       std::string* error);
  /// Any number of shards, one per lcore; shard i's events go to listener_for(i).
  static std::unique_ptr<Stack> create(const StackConfig& config, const ListenerFor& listener_for,
                                       std::string* error);
  ~Stack();  ///< shards, rings (their mbufs freed), port (stop, close), EAL cleanup
  Stack(const Stack&) = delete;
  Stack& operator=(const Stack&) = delete;

  [[nodiscard]] size_t shard_count() const { return shards_.size(); }
  Shard& shard(size_t i = 0) { return *shards_[i]; }

  /// Another local SCTP port on the same addresses (a second listener, or the local side
  /// of client associations, e.g. a relay's upstream pool): the stack's cookie secret,
  /// a seed derived from the stack's and the port, `options` for its associations.
  /// nullptr when the port is already bound, or when there are several shards (use the
  /// ListenerFor form). `listener` must outlive the Stack.
  core::Endpoint* add_endpoint(uint16_t sctp_port, const AssociationOptions& options,
                               Listener& listener);
  /// The same on every shard, shard i's events to listener_for(i). Returns shard 0's
  /// endpoint (the others: shard(i).endpoint_for_port(port)); nullptr if the port is bound.
  core::Endpoint* add_endpoint(uint16_t sctp_port, const AssociationOptions& options,
                               const ListenerFor& listener_for);
  /// Shard 0's primary endpoint.
  core::Endpoint& endpoint() { return shards_.front()->endpoint(); }
  [[nodiscard]] const Port& port() const { return *port_; }
  [[nodiscard]] const net::MacAddress& mac() const { return shards_.front()->link().mac; }
  /// One loop iteration of shard 0 on the calling (main) lcore; see Shard::poll_once.
  /// With several shards, use run().
  uint32_t poll_once() { return shards_.front()->poll_once(); }
  /// Shard 0's time of the current iteration: pass it to user calls on its endpoints.
  [[nodiscard]] Instant now() const { return shards_.front()->now(); }

  /// Polls every shard on its own lcore until `stop` becomes true: launches shards
  /// 1..N-1 on the worker lcores (rte_eal_remote_launch), runs shard 0 on the calling
  /// main lcore, then waits for the workers. `per_iteration` (may be empty) runs after
  /// every poll_once() of each shard, on that shard's lcore. Returns false (launching
  /// nothing) if a worker lcore is busy.
  bool run(const PerIteration& per_iteration, const std::atomic<bool>& stop);

  /// Admin lookup: which shard owns the association of `peer`:`peer_port` on our port
  /// `local_port` (the cross-shard index; with one shard, shard 0's endpoints). Any thread
  /// for several shards; the main lcore, between poll_once() calls, for one.
  [[nodiscard]] std::optional<IndexEntry> find_association(const IpAddress& peer,
                                                           uint16_t peer_port,
                                                           uint16_t local_port);
  [[nodiscard]] const CrossShardIndex& index() const { return index_; }
  /// The EAL lcore that polls shard i under run().
  [[nodiscard]] unsigned lcore_of(size_t shard) const { return lcores_[shard]; }

 private:
  Stack() = default;
  bool build_shards(const StackConfig& config, const ListenerFor& listener_for,
                    std::string* error);
  /// Shard i's Listener for an endpoint: the app's own with one shard, else an
  /// IndexingListener in front of it (attach() it to the endpoint once built).
  Listener& wrap(Listener& app, uint16_t shard);
  void attach(Listener& wrapped, Shard& shard, const core::Endpoint* e);

  std::optional<Eal> eal_;  // destroyed last
  std::optional<Port> port_;
  CrossShardIndex index_;
  std::optional<ShardMesh> mesh_;  // after the shards (it frees their in-flight mbufs)
  core::EndpointConfig base_;  // what add_endpoint() copies
  std::vector<unsigned> lcores_;
  bool yield_when_idle_ = false;
  std::vector<std::unique_ptr<IndexingListener>> wrappers_;  // outlive the endpoints
  std::vector<std::unique_ptr<Shard>> shards_;  // destroyed first
};

}  // namespace dpsctp::runtime
