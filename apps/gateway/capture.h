// pcapng capture of every frame the gateway's port receives or sends (config `capture`),
// without touching the runtime: ethdev RX/TX callbacks (rte_eth_add_rx_callback /
// rte_eth_add_tx_callback) copy each frame with rte_pcapng_copy into a dedicated mempool
// and enqueue the copy on an SP/SC ring; a writer thread drains the ring into the file
// (rte_pcapng_write_packets), so the lcore never does file I/O. When the pool or the ring
// is full, the copy is skipped and counted (`dropped`), never waited for.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

struct rte_eth_rxtx_callback;
struct rte_mempool;
struct rte_ring;
struct rte_mbuf;

namespace dpsctp::gateway {

class Capture {
 public:
  /// Opens `file` (truncated) and hooks queue 0 of `port_id`. `max_frame`: the largest
  /// frame to expect (the copies' buffer size); `snaplen` cuts longer ones.
  static std::unique_ptr<Capture> start(uint16_t port_id, const std::string& file,
                                        uint32_t snaplen, uint32_t max_frame, std::string* error);
  /// Unhooks the callbacks, drains the ring into the file, closes it. Call on the lcore
  /// that polls the port, outside rx/tx_burst.
  ~Capture();
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;

  [[nodiscard]] uint64_t captured() const { return captured_.load(std::memory_order_relaxed); }
  [[nodiscard]] uint64_t dropped() const { return dropped_; }

 private:
  Capture() = default;
  static uint16_t on_rx(uint16_t port, uint16_t queue, rte_mbuf* pkts[], uint16_t n,
                        uint16_t max, void* self);
  static uint16_t on_tx(uint16_t port, uint16_t queue, rte_mbuf* pkts[], uint16_t n, void* self);
  void copy(rte_mbuf* pkts[], uint16_t n, bool rx);
  void writer();
  void drain();

  uint16_t port_ = 0;
  uint32_t snaplen_ = 0;
  int fd_ = -1;
  void* pcapng_ = nullptr;  // rte_pcapng_t
  rte_mempool* pool_ = nullptr;
  rte_ring* ring_ = nullptr;
  const rte_eth_rxtx_callback* rx_cb_ = nullptr;
  const rte_eth_rxtx_callback* tx_cb_ = nullptr;
  uint64_t dropped_ = 0;                 // lcore only
  std::atomic<uint64_t> captured_{0};    // writer thread writes, anyone reads
  std::atomic<bool> stop_{false};        // lcore writes, writer thread reads
  std::thread thread_;
};

}  // namespace dpsctp::gateway
