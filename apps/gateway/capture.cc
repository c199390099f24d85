// pcapng capture through ethdev callbacks and a writer thread (capture.h).
#include "apps/gateway/capture.h"

#include <fcntl.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_pcapng.h>
#include <rte_ring.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace dpsctp::gateway {
namespace {

constexpr unsigned kPoolSize = 4095;  // copies in flight between the lcore and the writer
constexpr unsigned kRingSize = 4096;

rte_pcapng_t* as_pcapng(void* p) { return static_cast<rte_pcapng_t*>(p); }

}  // namespace

std::unique_ptr<Capture> Capture::start(uint16_t port_id, const std::string& file,
                                        uint32_t snaplen, uint32_t max_frame, std::string* error) {
  std::unique_ptr<Capture> c(new Capture());
  c->port_ = port_id;
  c->snaplen_ = snaplen;
  c->fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (c->fd_ < 0) {
    *error = "capture.file " + file + ": " + std::strerror(errno);
    return nullptr;
  }
  c->pcapng_ = rte_pcapng_fdopen(c->fd_, nullptr, nullptr, "dpsctp-gateway", nullptr);
  if (c->pcapng_ == nullptr) {
    ::close(c->fd_);
    c->fd_ = -1;
    *error = std::string("rte_pcapng_fdopen: ") + rte_strerror(rte_errno);
    return nullptr;
  }
  const uint32_t len = std::min(snaplen, max_frame);
  c->pool_ = rte_pktmbuf_pool_create("gw_capture", kPoolSize, 0, 0,
                                     static_cast<uint16_t>(rte_pcapng_mbuf_size(len)),
                                     static_cast<int>(rte_socket_id()));
  c->ring_ = rte_ring_create("gw_capture", kRingSize, static_cast<int>(rte_socket_id()),
                             RING_F_SP_ENQ | RING_F_SC_DEQ);
  if (c->pool_ == nullptr || c->ring_ == nullptr) {
    *error = std::string("capture pool/ring: ") + rte_strerror(rte_errno);
    return nullptr;  // the destructor frees what was made
  }
  c->thread_ = std::thread([p = c.get()] { p->writer(); });
  c->rx_cb_ = rte_eth_add_rx_callback(port_id, 0, on_rx, c.get());
  c->tx_cb_ = rte_eth_add_tx_callback(port_id, 0, on_tx, c.get());
  if (c->rx_cb_ == nullptr || c->tx_cb_ == nullptr) {
    *error = "rte_eth_add_rx/tx_callback failed (RTE_ETHDEV_RXTX_CALLBACKS off?)";
    return nullptr;
  }
  return c;
}

Capture::~Capture() {
  if (rx_cb_ != nullptr) rte_eth_remove_rx_callback(port_, 0, rx_cb_);
  if (tx_cb_ != nullptr) rte_eth_remove_tx_callback(port_, 0, tx_cb_);
  // The callbacks ran on this (the polling) thread, so none is running now. DPDK leaves
  // freeing the callback structs to us only once no burst can still see them: leaked
  // (two small structs per process lifetime) rather than risking a use-after-free.
  stop_.store(true, std::memory_order_release);
  if (thread_.joinable()) thread_.join();
  if (pcapng_ != nullptr) {
    drain();
    rte_pcapng_close(as_pcapng(pcapng_));  // closes fd_
  } else if (fd_ >= 0) {
    ::close(fd_);
  }
  if (ring_ != nullptr) rte_ring_free(ring_);
  if (pool_ != nullptr) rte_mempool_free(pool_);
}

uint16_t Capture::on_rx(uint16_t, uint16_t, rte_mbuf* pkts[], uint16_t n, uint16_t, void* self) {
  static_cast<Capture*>(self)->copy(pkts, n, true);
  return n;
}

uint16_t Capture::on_tx(uint16_t, uint16_t, rte_mbuf* pkts[], uint16_t n, void* self) {
  static_cast<Capture*>(self)->copy(pkts, n, false);
  return n;
}

void Capture::copy(rte_mbuf* pkts[], uint16_t n, bool rx) {
  std::array<rte_mbuf*, 64> copies{};
  const uint64_t tsc = rte_get_tsc_cycles();
  unsigned k = 0;
  for (uint16_t i = 0; i < n && k < copies.size(); ++i) {
    rte_mbuf* c = rte_pcapng_copy(port_, 0, pkts[i], pool_, snaplen_, tsc,
                                  rx ? RTE_PCAPNG_DIRECTION_IN : RTE_PCAPNG_DIRECTION_OUT);
    if (c == nullptr) {
      ++dropped_;
      continue;
    }
    copies[k++] = c;
  }
  dropped_ += n > copies.size() ? n - copies.size() : 0;
  const unsigned queued =
      rte_ring_sp_enqueue_burst(ring_, reinterpret_cast<void* const*>(copies.data()), k, nullptr);
  if (queued < k) {
    dropped_ += k - queued;
    rte_pktmbuf_free_bulk(copies.data() + queued, k - queued);
  }
}

void Capture::drain() {
  std::array<rte_mbuf*, 64> batch{};
  for (;;) {
    const unsigned n = rte_ring_sc_dequeue_burst(
        ring_, reinterpret_cast<void**>(batch.data()), static_cast<unsigned>(batch.size()), nullptr);
    if (n == 0) return;
    rte_pcapng_write_packets(as_pcapng(pcapng_), batch.data(), static_cast<uint16_t>(n));
    rte_pktmbuf_free_bulk(batch.data(), n);
    captured_.fetch_add(n, std::memory_order_relaxed);
  }
}

void Capture::writer() {
  while (!stop_.load(std::memory_order_acquire)) {
    drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace dpsctp::gateway
