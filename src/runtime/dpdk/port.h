// An Ethernet port: offload selection by capability, queue setup, its mbuf pool, start,
// link wait, stop/close (design.md §3 RSS, §5 CRC32c).
//
// RFC 9260 §6.8 makes the CRC32c mandatory on every packet; where it is computed is a
// port property. plan_offloads() decides it once, from rte_eth_dev_info:
//   - TX: RTE_ETH_TX_OFFLOAD_SCTP_CKSUM -> the NIC fills it (MbufSink marks each mbuf
//     RTE_MBUF_F_TX_SCTP_CKSUM and the core skips it); otherwise the core's software
//     CRC32c (ISA-L / SSE4.2, src/wire/crc32c.h) runs.
//   - RX: RTE_ETH_RX_OFFLOAD_SCTP_CKSUM -> the RX path trusts RTE_MBUF_F_RX_L4_CKSUM_GOOD
//     (and still verifies in software when the flag says UNKNOWN); otherwise software.
// No virtual device on our test machines offers either (dpdk-on-this-machine.md), so the
// software path is what runs there; the tests prove the selection with fake dev_infos.
//
// RSS: IP addresses (plus SCTP ports where the NIC can hash them) spread packets over the
// RX queues; without RSS the plan falls back to one RX queue and software distribution
// (the shards then steer by verification tag, design.md §3).
//
// No DPDK header is included here: rte_eth_dev_info and rte_mempool are only declared.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

struct rte_eth_dev_info;
struct rte_mempool;

namespace dpsctp::runtime {

struct PortConfig {
  uint16_t port_id = 0;
  uint16_t rx_queues = 1, tx_queues = 1;
  uint16_t rx_desc = 1024, tx_desc = 1024;
  uint32_t mtu = 1500;  ///< IP MTU; the mbuf data room is sized so a frame fits one mbuf
  bool want_rss = true;
  bool want_sctp_cksum_offload = true;
  bool want_ip_cksum_offload = true;  ///< IPv4 header checksum, both directions
  /// mbufs beyond the descriptor rings: in-flight TX bursts, shard-to-shard rings,
  /// received messages still referenced by the application.
  uint32_t extra_mbufs = 4096;
  unsigned lcores = 1;  ///< lcores using the pool (each may keep a per-lcore cache)
  /// Use this pool instead of creating one (one pool per NUMA socket shared by the ports
  /// on it). Not owned.
  rte_mempool* pool = nullptr;
  std::chrono::milliseconds link_timeout{3000};  ///< memif needs ~1 s (gotcha 5)
  bool require_link_up = true;  ///< open() fails if the link stays down past the timeout
};

/// Where a CRC32c is computed.
enum class CrcPath : uint8_t { kSoftware, kHardware };
const char* to_string(CrcPath p);

/// The offloads and queue layout chosen for a port. Pure data; what Port::open applies.
struct OffloadPlan {
  uint64_t rx_offloads = 0;             ///< RTE_ETH_RX_OFFLOAD_* requested in rte_eth_conf
  uint64_t tx_offloads = 0;             ///< RTE_ETH_TX_OFFLOAD_*
  CrcPath rx_crc = CrcPath::kSoftware;  ///< who verifies the SCTP CRC32c of received packets
  CrcPath tx_crc = CrcPath::kSoftware;  ///< who fills it on sent packets
  bool rx_ipv4_cksum = false;           ///< the NIC verifies IPv4 header checksums
  bool tx_ipv4_cksum = false;           ///< the NIC fills IPv4 header checksums
  bool rss = false;                     ///< RTE_ETH_MQ_RX_RSS with rss_hf below
  uint64_t rss_hf = 0;                  ///< RTE_ETH_RSS_* hashed fields
  bool rss_sctp_ports = false;          ///< rss_hf includes SCTP ports (v4 and/or v6)
  uint16_t rx_queues = 1;               ///< queues to configure (<= the device's max)
  uint16_t tx_queues = 1;
  /// More RX queues were asked than RSS can feed: one RX queue, and the runtime steers
  /// packets to shards in software.
  bool software_distribution = false;

  /// One line for logs: "rx_crc=sw tx_crc=hw ipv4_cksum=rx,tx rss=ip+sctp rxq=4 txq=4".
  [[nodiscard]] std::string describe() const;
};

/// Chooses offloads and queues from the device's capabilities and the wishes in `config`.
/// Pure: reads only its arguments (tests pass fake dev_infos).
OffloadPlan plan_offloads(const rte_eth_dev_info& info, const PortConfig& config);

/// mbufs needed by a port: rings (rx_desc x rx_queues + tx_desc x tx_queues), per-lcore
/// caches, a burst per lcore and queue in flight, and `extra_mbufs`; rounded up to
/// 2^k - 1, the size rte_mempool stores best.
uint32_t mbuf_pool_size(const PortConfig& config, uint32_t cache_size);

/// Data room (headroom included) of each mbuf so a frame of `mtu` fits in one segment.
uint16_t mbuf_data_room(uint32_t mtu);

/// Per-lcore mempool cache size used for the pools Port creates.
inline constexpr uint32_t kMbufCacheSize = 256;

/// An open, started port. Move-only; the destructor stops and closes it and frees the
/// pool it created. A closed vdev port is gone: its id is not reused by open().
class Port {
 public:
  /// rte_eth_dev_info_get, plan_offloads, rte_eth_dev_configure (with the MTU),
  /// descriptor adjustment, the mbuf pool on the port's socket (unless config.pool),
  /// RX/TX queue setup, rte_eth_dev_start and the link wait. nullopt plus a message on
  /// any failure, with whatever was set up undone: a device that got as far as
  /// rte_eth_dev_configure is closed (its queues may reference the pool), which releases
  /// a vdev port for good.
  static std::optional<Port> open(const PortConfig& config, std::string* error);

  Port(Port&& other) noexcept;
  Port& operator=(Port&&) = delete;
  Port(const Port&) = delete;
  Port& operator=(const Port&) = delete;
  ~Port();

  [[nodiscard]] uint16_t id() const { return id_; }
  [[nodiscard]] const OffloadPlan& plan() const { return plan_; }
  /// The pool RX queues fill and MbufSinks allocate from.
  [[nodiscard]] rte_mempool* pool() const { return pool_; }
  [[nodiscard]] int socket() const { return socket_; }
  [[nodiscard]] uint16_t rx_desc() const { return rx_desc_; }  ///< after adjustment
  [[nodiscard]] uint16_t tx_desc() const { return tx_desc_; }
  /// The MTU the device reports now (rte_eth_dev_get_mtu); 0 if it cannot tell.
  [[nodiscard]] uint32_t mtu() const;
  /// Link state without waiting.
  [[nodiscard]] bool link_up() const;
  /// Polls the link every 10 ms until it is up or `timeout` passes; true if up.
  /// Blocking: call at setup, never from a poll loop.
  bool wait_link_up(std::chrono::milliseconds timeout) const;
  /// rte_eth_dev_stop; open() started it. Idempotent; the destructor calls it too.
  void stop();

 private:
  Port() = default;
  bool setup(const PortConfig& config, std::string* error);
  bool setup_queues(const PortConfig& config, const rte_eth_dev_info& info, std::string* error);

  uint16_t id_ = 0;
  int socket_ = 0;
  uint16_t rx_desc_ = 0, tx_desc_ = 0;
  OffloadPlan plan_;
  rte_mempool* pool_ = nullptr;
  bool owns_pool_ = false;
  bool configured_ = false;  // rte_eth_dev_configure succeeded: close on destruction
  bool started_ = false;
  bool owner_ = false;  // false once moved from
};

}  // namespace dpsctp::runtime
