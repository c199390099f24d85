// PathCut: `--cut-path-at` for the multihome scenario. Cuts the path to one peer address
// in both directions without touching the runtime, with DPDK's own ethdev RX/TX callbacks
// (rte_eth_add_rx_callback / rte_eth_add_tx_callback) on the port's queue 0:
//   RX  frames whose IP source is the cut address are freed before the shard sees them;
//   TX  frames whose IP destination is the cut address get EtherType 0x88B5 (IEEE 802
//       local experimental) so the peer's L2 drops them as unknown — the TX array is not
//       shrunk, so the sink's ownership of unsent mbufs is unchanged.
// ARP / NDP still pass (the link is up; only that address's IP traffic is black-holed),
// which is what a failed path behind a router looks like to SCTP (RFC 9260 §8.2).
// Once armed, the callbacks run on the shard's lcore inside rx_burst / tx_burst.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "dpsctp/address.h"

struct rte_mbuf;

namespace dpsctp::loadgen {

class PathCut {
 public:
  PathCut() = default;
  ~PathCut();  ///< removes the callbacks (call before the port closes: see remove())
  PathCut(const PathCut&) = delete;
  PathCut& operator=(const PathCut&) = delete;

  /// Installs the (disarmed) callbacks on port `port_id`, queue 0.
  bool install(uint16_t port_id, const IpAddress& peer, std::string& error);
  void arm() { armed_.store(true, std::memory_order_relaxed); }
  /// Removes and frees the callbacks; idempotent.
  void remove();
  [[nodiscard]] uint64_t dropped() const { return rx_dropped_ + tx_dropped_; }

 private:
  static uint16_t on_rx(uint16_t port, uint16_t queue, rte_mbuf* pkts[], uint16_t n,
                        uint16_t max, void* self);
  static uint16_t on_tx(uint16_t port, uint16_t queue, rte_mbuf* pkts[], uint16_t n,
                        void* self);
  [[nodiscard]] bool matches(const rte_mbuf* m, bool source, uint16_t* ethertype_at) const;

  IpAddress peer_;
  uint16_t port_ = 0;
  const void* rx_cb_ = nullptr;
  const void* tx_cb_ = nullptr;
  // Written by the control path (arm), read by the callbacks on the same lcore.
  std::atomic<bool> armed_{false};
  uint64_t rx_dropped_ = 0;  // shard lcore only
  uint64_t tx_dropped_ = 0;  // shard lcore only
};

}  // namespace dpsctp::loadgen
