// PathCut: ethdev callbacks that black-hole one peer address (see path_cut.h).
#include "path_cut.h"

#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include <cstring>

namespace dpsctp::loadgen {
namespace {

constexpr uint16_t kEtherIpv4 = 0x0800;
constexpr uint16_t kEtherIpv6 = 0x86DD;
constexpr uint16_t kEtherVlan = 0x8100;
constexpr uint8_t kEtherCut[2] = {0x88, 0xB5};

uint16_t be16(const uint8_t* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }

}  // namespace

PathCut::~PathCut() { remove(); }

bool PathCut::install(uint16_t port_id, const IpAddress& peer, std::string& error) {
  peer_ = peer;
  port_ = port_id;
  rx_cb_ = rte_eth_add_rx_callback(port_id, 0, &PathCut::on_rx, this);
  tx_cb_ = rte_eth_add_tx_callback(port_id, 0, &PathCut::on_tx, this);
  if (rx_cb_ == nullptr || tx_cb_ == nullptr) {
    error = "rte_eth_add_rx/tx_callback failed (RTE_ETHDEV_RXTX_CALLBACKS disabled?)";
    remove();
    return false;
  }
  return true;
}

void PathCut::remove() {
  // rte_eth_remove_*_callback unlinks; the callback memory is the caller's to free once
  // no burst can run it: we are on the only lcore that polls the port.
  if (rx_cb_ != nullptr) {
    rte_eth_remove_rx_callback(port_, 0, static_cast<const rte_eth_rxtx_callback*>(rx_cb_));
    rte_free(const_cast<void*>(rx_cb_));
    rx_cb_ = nullptr;
  }
  if (tx_cb_ != nullptr) {
    rte_eth_remove_tx_callback(port_, 0, static_cast<const rte_eth_rxtx_callback*>(tx_cb_));
    rte_free(const_cast<void*>(tx_cb_));
    tx_cb_ = nullptr;
  }
}

bool PathCut::matches(const rte_mbuf* m, bool source, uint16_t* ethertype_at) const {
  const auto* p = rte_pktmbuf_mtod(m, const uint8_t*);
  const uint32_t len = rte_pktmbuf_data_len(m);
  uint32_t off = 12;
  if (len < 14) return false;
  uint16_t type = be16(p + off);
  if (type == kEtherVlan && len >= 18) {
    off += 4;
    type = be16(p + off);
  }
  if (ethertype_at != nullptr) *ethertype_at = static_cast<uint16_t>(off);
  const uint32_t ip = off + 2;
  if (type == kEtherIpv4 && peer_.is_v4() && len >= ip + 20) {
    return std::memcmp(p + ip + (source ? 12 : 16), peer_.data(), 4) == 0;
  }
  if (type == kEtherIpv6 && peer_.is_v6() && len >= ip + 40) {
    return std::memcmp(p + ip + (source ? 8 : 24), peer_.data(), 16) == 0;
  }
  return false;
}

uint16_t PathCut::on_rx(uint16_t, uint16_t, rte_mbuf* pkts[], uint16_t n, uint16_t, void* self) {
  auto* c = static_cast<PathCut*>(self);
  if (!c->armed_.load(std::memory_order_relaxed)) return n;
  uint16_t kept = 0;
  for (uint16_t i = 0; i < n; ++i) {
    if (c->matches(pkts[i], true, nullptr)) {
      rte_pktmbuf_free(pkts[i]);  // we drop, we free
      ++c->rx_dropped_;
    } else {
      pkts[kept++] = pkts[i];
    }
  }
  return kept;
}

uint16_t PathCut::on_tx(uint16_t, uint16_t, rte_mbuf* pkts[], uint16_t n, void* self) {
  auto* c = static_cast<PathCut*>(self);
  if (!c->armed_.load(std::memory_order_relaxed)) return n;
  for (uint16_t i = 0; i < n; ++i) {
    uint16_t at = 0;
    if (c->matches(pkts[i], false, &at)) {
      auto* p = rte_pktmbuf_mtod(pkts[i], uint8_t*);
      std::memcpy(p + at, kEtherCut, 2);
      ++c->tx_dropped_;
    }
  }
  return n;
}

}  // namespace dpsctp::loadgen
