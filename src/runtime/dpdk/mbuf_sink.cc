// MbufSink: core packets into mbufs, L2/L3 hook, offload marks, TX bursts of 32.
#include "runtime/dpdk/mbuf_sink.h"

#include <rte_branch_prediction.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_ring.h>
#include <rte_sctp.h>

#include <algorithm>
#include <cassert>

#include "wire/common_header.h"
#include "wire/crc32c.h"

namespace dpsctp::runtime {

static_assert(RTE_PKTMBUF_HEADROOM >= MbufSink::kReservedHeadroom,
              "mbuf headroom too small for Ethernet + VLANs + IPv6 in front of SCTP");

TxVerdict prepend_nothing(void* /*context*/, TxFrame& /*frame*/) { return TxVerdict::kSend; }

MbufSinkConfig sink_config_for(const Port& port, uint16_t queue) {
  MbufSinkConfig c;
  c.port_id = port.id();
  c.queue_id = queue;
  c.pool = port.pool();
  c.tx_crc = port.plan().tx_crc;
  c.tx_ipv4_cksum = port.plan().tx_ipv4_cksum;
  const uint32_t mtu = port.mtu();
  c.max_packet = mtu > 40 ? mtu - 40 : c.max_packet;
  return c;
}

MbufSink::MbufSink(const MbufSinkConfig& config)
    : port_(config.port_id),
      queue_(config.queue_id),
      pool_(config.pool),
      tx_crc_(config.tx_crc),
      tx_ipv4_cksum_(config.tx_ipv4_cksum),
      hook_(config.hook != nullptr ? config.hook : &prepend_nothing),
      hook_context_(config.hook_context),
      tx_ring_(config.tx_ring) {
  const uint16_t room = pool_ != nullptr ? rte_pktmbuf_data_room_size(pool_) : 0;
  const size_t tail = room > RTE_PKTMBUF_HEADROOM ? room - RTE_PKTMBUF_HEADROOM : 0;
  capacity_ = std::min<size_t>(config.max_packet, tail);
  scratch_.resize(std::max<size_t>(capacity_, wire::CommonHeader::kSize));
}

MbufSink::~MbufSink() {
  flush();
  if (pending_ != nullptr) rte_pktmbuf_free(pending_);
}

wire::MutableByteSpan MbufSink::next_buffer() {
  if (pending_ == nullptr) pending_ = rte_pktmbuf_alloc(pool_);
  if (unlikely(pending_ == nullptr)) return {scratch_.data(), capacity_};
  // rte_pktmbuf_alloc() reset data_off to RTE_PKTMBUF_HEADROOM: the L2/L3 headers fit in
  // front (static_assert above), the SCTP packet starts here.
  return {rte_pktmbuf_mtod(pending_, std::byte*), capacity_};
}

void MbufSink::send(size_t len, const IpAddress& src, const IpAddress& dst) {
  rte_mbuf* m = pending_;
  if (unlikely(m == nullptr)) {  // the packet went to scratch: lost, like on the wire
    ++counters_.drop_no_mbuf;
    return;
  }
  if (unlikely(len > capacity_ || len < wire::CommonHeader::kSize)) {
    ++counters_.drop_bad_length;  // keep pending_ for the next packet
    return;
  }
  pending_ = nullptr;
  m->data_len = static_cast<uint16_t>(len);
  m->pkt_len = static_cast<uint32_t>(len);
  TxFrame frame{
      .mbuf = m, .src = &src, .dst = &dst, .ipv4_cksum_offload = tx_ipv4_cksum_ && dst.is_v4()};
  switch (hook_(hook_context_, frame)) {
    case TxVerdict::kSend:
      break;
    case TxVerdict::kConsumed:  // ownership moved to the hook
      ++counters_.hook_consumed;
      return;
    case TxVerdict::kDrop:  // ownership rule: the sink failed the handoff, it frees
      rte_pktmbuf_free(frame.mbuf);
      ++counters_.drop_hook;
      return;
  }
  mark_offloads(frame, len);
  tx_[queued_] = frame.mbuf;
  tx_len_[queued_] = frame.mbuf->pkt_len;
  if (++queued_ == kTxBurst) flush();
}

void MbufSink::mark_offloads(TxFrame& frame, size_t sctp_len) {
  rte_mbuf* m = frame.mbuf;
  assert(frame.l2_len <= 0x7f && frame.l3_len <= 0x1ff);  // rte_mbuf's bit-field widths
  m->l2_len = frame.l2_len & 0x7f;
  m->l3_len = frame.l3_len & 0x1ff;
  m->l4_len = sizeof(rte_sctp_hdr);
  uint64_t flags = 0;
  const bool has_l3 = frame.l3_len != 0;
  if (has_l3 && frame.ipv4_cksum_offload) flags |= RTE_MBUF_F_TX_IP_CKSUM;
  if (tx_crc_ == CrcPath::kHardware && has_l3) {
    // RFC 9260 §6.8: the NIC computes the CRC32c over the SCTP packet at l2_len + l3_len.
    flags |= RTE_MBUF_F_TX_SCTP_CKSUM;
    ++counters_.crc_hw;
  } else {
    if (tx_crc_ == CrcPath::kHardware) {
      // The core skipped the CRC (fills_checksum()), but without an L3 header the NIC
      // cannot locate the SCTP header: RFC 9260 §6.8 still requires it, so compute it.
      auto* sctp = rte_pktmbuf_mtod_offset(m, std::byte*, frame.l2_len + frame.l3_len);
      wire::write_sctp_checksum({sctp, sctp_len});
    }
    ++counters_.crc_sw;
  }
  if (flags != 0) flags |= frame.dst->is_v4() ? RTE_MBUF_F_TX_IPV4 : RTE_MBUF_F_TX_IPV6;
  m->ol_flags |= flags;
}

uint16_t MbufSink::flush() {
  if (queued_ == 0) return 0;
  const uint16_t sent =
      tx_ring_ == nullptr
          ? rte_eth_tx_burst(port_, queue_, tx_.data(), queued_)
          : static_cast<uint16_t>(rte_ring_sp_enqueue_burst(
                tx_ring_, reinterpret_cast<void* const*>(tx_.data()), queued_, nullptr));
  ++counters_.bursts;
  counters_.packets += sent;
  for (uint16_t i = 0; i < sent; ++i) counters_.bytes += tx_len_[i];
  if (unlikely(sent < queued_)) {
    // Ownership rule: the PMD refused these, the sink failed the handoff, the sink frees.
    rte_pktmbuf_free_bulk(&tx_[sent], queued_ - sent);
    counters_.drop_tx_full += queued_ - sent;
  }
  queued_ = 0;
  return sent;
}

}  // namespace dpsctp::runtime
