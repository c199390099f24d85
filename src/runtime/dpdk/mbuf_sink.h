// MbufSink: the core::PacketSink of one (port, TX queue) pair, owned by one lcore.
//
// The sans-IO core builds each SCTP packet in place, in the data room of an mbuf that
// next_buffer() allocated; send() hands the mbuf to the L2/L3 hook (the place where the
// runtime's Ethernet/ARP/IPv4/IPv6/NDP code plugs in), marks checksum offloads, and
// appends it to a TX buffer of kTxBurst mbufs flushed with rte_eth_tx_burst.
//
// RFC 9260 §6.8 (CRC32c on every packet): when the port's plan says the NIC fills it
// (CrcPath::kHardware), fills_checksum() is true, the core skips its software CRC and the
// sink sets RTE_MBUF_F_TX_SCTP_CKSUM with l2_len/l3_len. If the hook prepended no L3 header
// (the default hook), the NIC could not find the SCTP header, so the sink computes the
// CRC32c in software instead. Counters say which path ran for every packet.
//
// Ownership rule (DPDK l3fwd): whoever fails a handoff frees the mbuf and counts it.
//   - pool empty: next_buffer() hands out a scratch buffer; send() drops the packet and
//     counts drop_no_mbuf (to the core it is a packet lost on the wire, RFC 9260 §6.3.3);
//   - the hook answers kDrop: the sink frees the mbuf, drop_hook;
//   - the hook answers kConsumed: the hook owns the mbuf from then on;
//   - rte_eth_tx_burst takes fewer than offered: the sink frees the rest, drop_tx_full.
// Never a stall: nothing waits for mbufs or descriptors.
//
// No DPDK header is included here (rte_mbuf and rte_mempool are only declared), so core
// code and its tests never see rte_* declarations.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/packet_sink.h"
#include "dpsctp/address.h"
#include "runtime/dpdk/port.h"
#include "wire/byte_io.h"

struct rte_mbuf;
struct rte_mempool;
struct rte_ring;

namespace dpsctp::runtime {

/// What the L2/L3 hook did with a packet.
enum class TxVerdict : uint8_t {
  kSend,      ///< headers prepended (or none needed): the sink queues it for tx_burst
  kConsumed,  ///< the hook kept the mbuf (e.g. parked until ARP/NDP resolves): it owns it
  kDrop,      ///< no route, no neighbour, ...: the sink frees the mbuf and counts a drop
};

/// In/out argument of the hook for one packet.
struct TxFrame {
  /// In: a single-segment mbuf whose data is the SCTP packet (data_len == pkt_len == the
  /// SCTP length), with at least MbufSink::kReservedHeadroom bytes of headroom for
  /// rte_pktmbuf_prepend(). Out: the mbuf to send (the hook may replace it).
  rte_mbuf* mbuf = nullptr;
  const IpAddress* src = nullptr;  ///< in: IP source chosen by the core
  const IpAddress* dst = nullptr;  ///< in: IP destination
  /// In: the port fills the IPv4 header checksum (RTE_MBUF_F_TX_IP_CKSUM): leave it 0.
  bool ipv4_cksum_offload = false;
  uint16_t l2_len = 0;  ///< out: bytes of L2 header prepended (Ethernet + VLAN tags)
  uint16_t l3_len = 0;  ///< out: bytes of L3 header prepended (IPv4 with options, IPv6)
};

/// The runtime's L2/L3 encapsulation: a plain function pointer plus context, set once at
/// construction (no std::function, one indirect call per packet).
using TxHook = TxVerdict (*)(void* context, TxFrame& frame);

/// The default hook: prepends nothing and sends. For loopback tests (net_ring) only.
TxVerdict prepend_nothing(void* context, TxFrame& frame);

struct MbufSinkConfig {
  uint16_t port_id = 0;
  uint16_t queue_id = 0;  ///< TX queue owned by the calling lcore
  rte_mempool* pool = nullptr;
  CrcPath tx_crc = CrcPath::kSoftware;  ///< OffloadPlan::tx_crc of the port
  bool tx_ipv4_cksum = false;           ///< OffloadPlan::tx_ipv4_cksum of the port
  /// Largest SCTP packet next_buffer() hands out (further capped by the mbuf data room).
  /// MTU - 40 fits under both an IPv4 and an IPv6 header without extension headers.
  uint32_t max_packet = 1500 - 40;
  TxHook hook = &prepend_nothing;
  void* hook_context = nullptr;
  /// Set when the calling lcore owns no TX queue (shard_mesh.h, TX funnel): flush()
  /// enqueues the frames on this single-producer ring, whose consumer transmits them,
  /// instead of calling rte_eth_tx_burst. A full ring counts as drop_tx_full.
  rte_ring* tx_ring = nullptr;
};

/// A config for `port`'s TX queue `queue`: its pool, its plan, max_packet = MTU - 40.
MbufSinkConfig sink_config_for(const Port& port, uint16_t queue);

/// Per-sink counters, written only by the owning lcore; readers sum snapshots.
struct alignas(64) MbufSinkCounters {
  uint64_t packets = 0;          ///< accepted by rte_eth_tx_burst (or the TX funnel ring)
  uint64_t bytes = 0;            ///< frame bytes of the accepted packets
  uint64_t bursts = 0;           ///< rte_eth_tx_burst calls
  uint64_t crc_hw = 0;           ///< packets marked RTE_MBUF_F_TX_SCTP_CKSUM (at send())
  uint64_t crc_sw = 0;           ///< packets whose CRC32c software computed (core or sink)
  uint64_t hook_consumed = 0;    ///< packets the hook kept (TxVerdict::kConsumed)
  uint64_t drop_no_mbuf = 0;     ///< pool exhausted: built in scratch, not sent
  uint64_t drop_hook = 0;        ///< TxVerdict::kDrop
  uint64_t drop_tx_full = 0;     ///< left over by a partial rte_eth_tx_burst, freed
  uint64_t drop_bad_length = 0;  ///< send() with a length beyond the buffer or < 12 bytes
};

class MbufSink final : public core::PacketSink {
 public:
  static constexpr uint16_t kTxBurst = 32;
  /// Headroom every handed-out buffer keeps in front: Ethernet (14) + two VLAN tags (8) +
  /// IPv6 header (40). RTE_PKTMBUF_HEADROOM (128) covers it (static_assert in the .cc).
  static constexpr uint16_t kReservedHeadroom = 14 + 8 + 40;

  explicit MbufSink(const MbufSinkConfig& config);
  /// Flushes queued packets and frees the mbuf next_buffer() handed out, if unsent.
  ~MbufSink() override;
  MbufSink(const MbufSink&) = delete;
  MbufSink& operator=(const MbufSink&) = delete;

  /// The data room of a fresh mbuf (reused until send()), capacity() bytes. When the
  /// pool is empty: a scratch buffer of the same size whose packet send() will drop.
  wire::MutableByteSpan next_buffer() override;
  /// Passes the first `len` bytes of the last buffer through the hook and queues the
  /// mbuf; a full TX buffer (kTxBurst) is flushed at once.
  void send(size_t len, const IpAddress& src, const IpAddress& dst) override;
  /// True when the port fills the CRC32c (RTE_ETH_TX_OFFLOAD_SCTP_CKSUM was enabled).
  [[nodiscard]] bool fills_checksum() const override { return tx_crc_ == CrcPath::kHardware; }

  /// rte_eth_tx_burst of everything queued; frees and counts what the PMD refused.
  /// Call once per poll-loop iteration (or when the TSC says ~100 µs passed) so a
  /// partial burst does not wait. Returns the packets the PMD accepted.
  uint16_t flush();

  [[nodiscard]] size_t capacity() const { return capacity_; }
  [[nodiscard]] uint16_t queued() const { return queued_; }
  [[nodiscard]] const MbufSinkCounters& counters() const { return counters_; }

 private:
  void mark_offloads(TxFrame& frame, size_t sctp_len);

  MbufSinkCounters counters_;
  uint16_t port_;
  uint16_t queue_;
  rte_mempool* pool_;
  CrcPath tx_crc_;
  bool tx_ipv4_cksum_;
  TxHook hook_;
  void* hook_context_;
  rte_ring* tx_ring_;
  size_t capacity_ = 0;
  rte_mbuf* pending_ = nullptr;  // handed out by next_buffer(), not yet sent
  uint16_t queued_ = 0;
  std::array<rte_mbuf*, kTxBurst> tx_{};
  std::array<uint32_t, kTxBurst> tx_len_{};
  std::vector<std::byte> scratch_;  // next_buffer() when the pool is empty
};

}  // namespace dpsctp::runtime
