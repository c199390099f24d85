// Shard: the stack of one worker lcore on one (port, RX queue, TX queue) — design.md §3's
// unit of shared-nothing parallelism. It owns
//   - a core::Endpoint (sans-IO SCTP, flush_on_user_call = false: user calls queue, the
//     loop flushes once per iteration so messages bundle into full packets);
//   - an MbufSink whose TX hook (encapsulate) prepends Ethernet + IPv4/IPv6 headers, the
//     next hop being the peer IP on the same link (no routing table yet);
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
// Time: Instant from the TSC, read once per poll_once().
//
// Not yet: one shard per process only (Stack builds one, on the main lcore). Multi-shard
// needs vtag routing (design.md §3: tag % shards == shard), RSS queues and SP/SC rings for
// packets that land on a non-owner lcore. ICMP frag-needed / PTB are counted, not fed
// into the core's path MTU (RFC 9260 §7.3, RFC 8201) — the core has no entry point yet.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/endpoint.h"
#include "dpsctp/events.h"
#include "runtime/dpdk/mbuf_sink.h"
#include "runtime/dpdk/port.h"
#include "runtime/net/neighbour_cache.h"
#include "runtime/stack/l2l3_encap.h"
#include "runtime/stack/rx_classify.h"
#include "runtime/stack/shard_counters.h"

struct rte_mbuf;
struct rte_mempool;

namespace dpsctp::runtime {

struct ShardConfig {
  uint16_t rx_queue = 0;
  uint16_t tx_queue = 0;
  LinkIdentity link;              ///< our MAC (from the port) and optional VLAN tag
  core::EndpointConfig endpoint;  ///< addresses, SCTP port, options; flush_on_user_call
                                  ///< is forced false
  net::NeighbourConfig neighbours;
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

  /// One loop iteration: read the TSC, rx_burst and process, the Endpoint's timers if
  /// due, Endpoint::flush, neighbour solicitations / expiry, then TX bursts. Returns the
  /// number of frames received. Never blocks.
  uint32_t poll_once();
  /// poll_once() until `stop` becomes true (set from a signal handler or another thread).
  void run(volatile bool& stop);

  /// The SCTP endpoint. User calls made between poll_once() calls go out at the next one;
  /// pass now() as their time.
  core::Endpoint& endpoint() { return *endpoint_; }
  [[nodiscard]] const core::Endpoint& endpoint() const { return *endpoint_; }
  /// The time of the current (or last) loop iteration.
  [[nodiscard]] Instant now() const { return now_; }
  /// Reads the TSC into now() (for user calls made before the first poll_once()).
  Instant refresh_now();

  [[nodiscard]] const ShardCounters& counters() const { return counters_; }
  [[nodiscard]] const MbufSinkCounters& sink_counters() const { return sink_.counters(); }
  [[nodiscard]] const net::NeighbourCache& neighbours() const { return neighbours_; }
  [[nodiscard]] const LinkIdentity& link() const { return link_; }

 private:
  static TxVerdict tx_hook(void* context, TxFrame& frame);
  TxVerdict encapsulate(TxFrame& frame);
  TxVerdict park(TxFrame& frame, size_t sctp_len);
  bool prepend_ethernet(rte_mbuf* m, const net::MacAddress& dst_mac, uint16_t ether_type);

  // RX (shard.cc) and control protocols (shard_control.cc).
  void process(rte_mbuf* m);
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
  uint16_t rx_queue_;
  uint16_t tx_queue_;
  rte_mempool* pool_;
  bool rx_ipv4_cksum_;
  LinkIdentity link_;
  std::vector<IpAddress> local_;
  uint64_t tsc_hz_;
  Instant now_{};
  net::NeighbourCache neighbours_;
  std::vector<IpAddress> parked_ips_;  // next hops that ever held parked mbufs (teardown)
  std::array<rte_mbuf*, kRxBurst> rx_{};
  std::array<rte_mbuf*, MbufSink::kTxBurst> ctl_{};
  uint16_t ctl_count_ = 0;
  RxPacket rx_packet_;  // reused for every frame
  MbufSink sink_;
  std::unique_ptr<core::Endpoint> endpoint_;  // last: uses sink_ and the hook
};

}  // namespace dpsctp::runtime
