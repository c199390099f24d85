// Shard: the stack of one worker lcore on one (port, RX queue, TX queue) — design.md §3's
// unit of shared-nothing parallelism. It owns
//   - a core::Endpoint (sans-IO SCTP, flush_on_user_call = false: user calls queue, the
//     loop flushes once per iteration so messages bundle into full packets);
//   - an MbufSink whose TX hook (encapsulate) prepends Ethernet + IPv4/IPv6 headers, the
//     next hop being the peer itself when on-link, else the gateway (next_hop.h);
//   - a NeighbourCache (ARP, RFC 826; NDP, RFC 4861 §7.2) whose pending queues park SCTP
//     packets (mbufs) until the next hop resolves;
//   - the RX path: rte_eth_rx_burst(32) -> classify_frame -> ARP (answer requests for our
//     addresses, learn replies, release parked packets) | SCTP -> Endpoint::handle_packet |
//     ICMP / ICMPv6 echo -> reply | NDP NS -> NA, NA -> learn | frag-needed / PTB -> count.
//
// Ownership of mbufs ("whoever drops frees"): RX mbufs are freed after their burst is
// processed (the core copies what it keeps); a parked mbuf belongs to the neighbour cache
// until take_pending / overflow / expiry hands it back, and the receiver frees or sends it.
//
// SCTP over UDP (RFC 6951, ShardConfig::udp_encaps_port, shard_udp.cc): UDP datagrams to
// our encapsulation port are SCTP packets; each sender's UDP port is learnt per peer
// address (net::UdpEncapPeers) and packets to that address leave in UDP to it.
//
// Time: Instant from the TSC, read once per poll_once().
//
// Several endpoints (local SCTP ports) may share a shard: RX demultiplexes on the SCTP
// destination port (add_endpoint).
//
// Several shards per process (design.md §3; ShardConfig::links from a ShardMesh): each
// received SCTP packet is routed by route_sctp() (shard_route.h) — our tag names its owner;
// a packet for another shard goes zero-copy over the SP/SC ring for (self, owner), enqueued
// in one burst per RX burst and dequeued in bursts by the owner's poll_once(); INIT and
// T-bit ABORT / SHUTDOWN COMPLETE consult the cross-shard index. ARP and NDP frames are
// handled (answered) where they arrive and a reference-counted copy of the same mbuf goes
// to every other shard, which only learns from it: each shard has its own neighbour cache.
// A shard without a TX queue (ShardLinks::tx_out) sends through shard 0 (TX funnel).
// Ownership of handed-off mbufs: the ring owns them in transit, the receiver frees them
// after processing; whoever fails a handoff (full ring, refused tx_burst) frees and counts.
//
// ICMP frag-needed / ICMPv6 Packet Too Big quote the peer's tag: the cross-shard index
// routes them to the shard that owns the quoted association (route_icmp).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/endpoint.h"
#include "dpsctp/events.h"
#include "runtime/dpdk/mbuf_sink.h"
#include "runtime/dpdk/port.h"
#include "runtime/net/neighbour_cache.h"
#include "runtime/net/next_hop.h"
#include "runtime/net/udp_encap.h"
#include "runtime/stack/indexing_listener.h"
#include "runtime/stack/init_admission.h"
#include "runtime/stack/l2l3_encap.h"
#include "runtime/stack/rx_classify.h"
#include "runtime/stack/shard_counters.h"
#include "runtime/stack/shard_mesh.h"

struct rte_mbuf;
struct rte_mempool;

namespace dpsctp::runtime {

struct ShardConfig {
  /// false: this shard owns no RX queue (software distribution: shard 0 reads the only
  /// one) and gets its packets from the handoff rings alone.
  bool poll_rx = true;
  uint16_t rx_queue = 0;
  uint16_t tx_queue = 0;
  LinkIdentity link;              ///< our MAC (from the port) and optional VLAN tag
  core::EndpointConfig endpoint;  ///< addresses, SCTP port, options; flush_on_user_call
                                  ///< is forced false
  net::NeighbourConfig neighbours;
  /// This shard's rings to the others; the default is a lone shard. The Endpoint's
  /// shard / shards must match links.self / links.count (the Stack sets both).
  ShardLinks links;
  /// RFC 6951 SCTP-over-UDP: our UDP encapsulation port (0: off). See udp_encap.h; the
  /// endpoint's options.mtu must leave room for the 8-byte UDP header (§5.6).
  uint16_t udp_encaps_port = 0;
  size_t udp_encap_peers = 4096;  ///< capacity of the (peer IP) -> remote UDP port table
  /// On-link prefixes and gateways: which neighbour a packet is sent to (next_hop.h).
  /// Default (empty): every destination is its own next hop.
  net::NextHopTable routes;
  /// INITs this shard passes to its endpoints per second (token bucket, checked before the
  /// cookie HMAC / INIT ACK); beyond it they are dropped and counted (init_drop). Default:
  /// unlimited.
  InitAdmissionConfig init_admission;
};

class Shard {
 public:
  static constexpr uint16_t kRxBurst = 32;

  /// Builds the sink on `port`'s TX queue, the neighbour cache and the Endpoint (at the
  /// current TSC time). `port` and `listener` must outlive the shard. Call on the lcore
  /// that will poll it (the mempool cache is per lcore).
  Shard(const Port& port, ShardConfig config, Listener& listener);
  /// Frees parked mbufs and whatever the sink holds. Destroy before the Port.
  ~Shard();
  Shard(const Shard&) = delete;
  Shard& operator=(const Shard&) = delete;

  /// One loop iteration: read the TSC, rx_burst and process (handing other shards'
  /// packets to them), process what other shards handed us, shard 0: transmit the TX
  /// funnel, the Endpoints' timers if due, Endpoint::flush, neighbour solicitations /
  /// expiry, then TX bursts. Returns the number of frames received from the port and from
  /// other shards. Never blocks.
  uint32_t poll_once();
  /// poll_once() until `stop` becomes true (set from a signal handler or another thread).
  void run(volatile bool& stop);

  /// The primary SCTP endpoint (ShardConfig::endpoint). User calls made between
  /// poll_once() calls go out at the next one; pass now() as their time.
  core::Endpoint& endpoint() { return *endpoints_.front(); }
  [[nodiscard]] const core::Endpoint& endpoint() const { return *endpoints_.front(); }
  /// Adds an endpoint for another local SCTP port (a second listener, the local side of
  /// client associations) on the same port/queues. Empty `config.local_addresses`: the
  /// shard's. flush_on_user_call is forced false. `listener` must outlive the shard.
  /// Returns nullptr when the port is taken. Control plane: call on the shard's lcore,
  /// between poll_once() calls.
  core::Endpoint* add_endpoint(core::EndpointConfig config, Listener& listener);
  /// Calls l->commit() at the end of every poll_once() (multi-shard: the Stack registers
  /// the IndexingListeners of this shard's endpoints). Control plane, like add_endpoint.
  void add_indexer(IndexingListener* l) { indexers_.push_back(l); }
  /// The endpoint bound to local SCTP port `port`, or nullptr.
  core::Endpoint* endpoint_for_port(uint16_t port);
  [[nodiscard]] size_t endpoint_count() const { return endpoints_.size(); }
  core::Endpoint& endpoint_at(size_t i) { return *endpoints_[i]; }
  [[nodiscard]] const core::Endpoint& endpoint_at(size_t i) const { return *endpoints_[i]; }
  /// The time of the current (or last) loop iteration.
  [[nodiscard]] Instant now() const { return now_; }
  /// Reads the TSC into now() (for user calls made before the first poll_once()).
  Instant refresh_now();

  [[nodiscard]] const ShardCounters& counters() const { return counters_; }
  [[nodiscard]] const MbufSinkCounters& sink_counters() const { return sink_.counters(); }
  [[nodiscard]] const net::NeighbourCache& neighbours() const { return neighbours_; }
  [[nodiscard]] const LinkIdentity& link() const { return link_; }
  /// This shard's number and the number of shards of the process.
  [[nodiscard]] uint16_t index() const { return links_.self; }
  [[nodiscard]] uint16_t shard_count() const { return links_.count; }
  /// RFC 6951 §5.1: send to `peer` encapsulated in UDP to `remote_port` (a client that
  /// knows its server listens on UDP; servers learn it from received datagrams, §5.4).
  /// No effect unless ShardConfig::udp_encaps_port is set. Control plane.
  void set_udp_encaps_peer(const IpAddress& peer, uint16_t remote_port);
  [[nodiscard]] uint16_t udp_encaps_port() const { return udp_port_; }
  [[nodiscard]] const net::UdpEncapPeers& udp_encap_peers() const { return udp_peers_; }

 private:
  static TxVerdict tx_hook(void* context, TxFrame& frame);
  TxVerdict encapsulate(TxFrame& frame);
  /// Queues the packet behind the resolution of `next_hop` (the peer or the gateway).
  TxVerdict park(TxFrame& frame, size_t sctp_len, const IpAddress& next_hop);
  bool prepend_ethernet(rte_mbuf* m, const net::MacAddress& dst_mac, uint16_t ether_type);
  // RFC 6951 (shard_udp.cc).
  /// Prepends the IP header (and the UDP header for an encapsulated peer); returns the
  /// l3_len to report to the sink, 0 on failure.
  uint16_t prepend_ip(TxFrame& frame, size_t sctp_len);
  /// §5.4: learn / forget the sender's encapsulation port from a received SCTP packet.
  void note_encapsulation(const RxPacket& p);
  /// §5.5 / §5.6: frag-needed / Packet Too Big quoting an encapsulated packet of ours.
  void handle_encapsulated_too_big(uint8_t protocol, std::span<const std::byte> quoted,
                                   const IpAddress& peer, uint32_t mtu);

  // RX (shard.cc) and control protocols (shard_control.cc).
  /// Handles one received frame; true when the mbuf was handed to another shard (the
  /// caller must not free it).
  bool process(rte_mbuf* m);
  bool admit_sctp(std::span<const std::byte> sctp);
  // Multi-shard (shard_handoff.cc).
  bool route(rte_mbuf* m, const RxPacket& p);
  bool route_icmp(rte_mbuf* m, const RxPacket& p);
  uint16_t index_owner(const RxPacket& p, bool spread);
  void hand_off(rte_mbuf* m, uint16_t to);
  void copy_to_others(rte_mbuf* m);
  void flush_handoffs();
  uint32_t drain_handoffs();  ///< returns the frames taken
  void drain_funnel();
  /// rte_eth_tx_burst on our queue, or the TX funnel ring; returns how many were taken.
  uint16_t transmit(rte_mbuf** m, uint16_t n);
  /// The endpoint an SCTP packet's destination port selects (the primary if none).
  core::Endpoint& endpoint_for_sctp(std::span<const std::byte> sctp);
  void handle_arp(const RxPacket& p);
  void handle_icmp(const RxPacket& p);
  void handle_icmpv6(const RxPacket& p);
  void handle_ndp_solicitation(const RxPacket& p);
  void handle_ndp_advertisement(const RxPacket& p);
  void release(const IpAddress& ip);
  void neighbour_timers();
  void send_solicit(const net::SolicitRequest& req);
  /// A fresh mbuf to write a control frame into, and its writable span (tailroom).
  rte_mbuf* ctl_alloc(wire::MutableByteSpan& room);
  /// Sends `m` whose first `len` bytes were written (padded to 60 bytes, RFC 894).
  void ctl_send(rte_mbuf* m, size_t len);
  /// Queues a finished frame (a released parked packet) for the next TX burst.
  void ctl_queue(rte_mbuf* m);
  void ctl_flush();
  void drop_parked(uint64_t handle);
  [[nodiscard]] const IpAddress* first_local(IpAddress::Family f) const;

  ShardCounters counters_;
  uint16_t port_id_;
  bool poll_rx_;
  uint16_t rx_queue_;
  uint16_t tx_queue_;
  rte_mempool* pool_;
  bool rx_ipv4_cksum_;
  LinkIdentity link_;
  std::vector<IpAddress> local_;
  uint64_t tsc_hz_;
  Instant now_{};
  net::NeighbourCache neighbours_;
  net::NextHopTable routes_;
  std::vector<IpAddress> parked_ips_;  // next hops that ever held parked mbufs (teardown)
  std::array<rte_mbuf*, kRxBurst> rx_{};
  std::array<rte_mbuf*, MbufSink::kTxBurst> ctl_{};
  uint16_t ctl_count_ = 0;
  RxPacket rx_packet_;  // reused for every frame
  ShardLinks links_;
  uint16_t udp_port_ = 0;  // RFC 6951 local encapsulation port, 0: off
  net::UdpEncapPeers udp_peers_;
  bool handed_in_ = false;  // processing another shard's frame: no routing, no answers
  InitAdmission init_admission_;  // issue #10: INITs beyond the budget never reach the core
  // Per destination shard: mbufs to enqueue at the end of the RX burst.
  std::vector<std::array<rte_mbuf*, kRxBurst>> out_;
  std::vector<uint16_t> out_count_;
  std::vector<IndexingListener*> indexers_;
  std::array<rte_mbuf*, MbufSink::kTxBurst> funnel_{};  // shard 0: TX funnel bursts
  MbufSink sink_;
  // Last: they use sink_ and the hook. [0] is the primary; a packet to a port no endpoint
  // has goes to [0], whose RFC 9260 §8.4 OOTB handling answers it.
  std::vector<std::unique_ptr<core::Endpoint>> endpoints_;
};

}  // namespace dpsctp::runtime
