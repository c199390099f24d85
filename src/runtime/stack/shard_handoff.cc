// Shard: the multi-shard paths of design.md §3 — routing a received SCTP packet to its
// owner, the SP/SC handoff rings (burst enqueue per RX burst, burst dequeue per poll),
// ARP/NDP copies for every neighbour cache, and shard 0's TX funnel.
#include <rte_branch_prediction.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_ring.h>

#include "runtime/net/icmp.h"
#include "runtime/net/icmpv6.h"
#include "runtime/stack/cross_shard_index.h"
#include "runtime/stack/shard.h"
#include "runtime/stack/shard_route.h"

namespace dpsctp::runtime {
namespace {

uint16_t load_be16(std::span<const std::byte> b, size_t at) {
  return static_cast<uint16_t>((std::to_integer<unsigned>(b[at]) << 8) |
                               std::to_integer<unsigned>(b[at + 1]));
}

// Bursts a shard takes from one ring per poll: bounded so one busy peer cannot starve the
// port's own RX queue.
constexpr unsigned kMaxDrainBursts = 4;

}  // namespace

bool Shard::route(rte_mbuf* m, const RxPacket& p) {
  const Route r = route_sctp(p.l4, links_.self, links_.count);
  uint16_t to = r.shard;
  if (r.kind == RouteKind::kIndex) {
    // INIT: restart / collision (RFC 9260 §5.2) goes to the owner; T-bit ABORT / SHUTDOWN
    // COMPLETE (§8.5.1 B, C) carry the peer's tag: the index knows the owner.
    const bool is_init = std::to_integer<uint8_t>(p.l4[12]) == 1;
    to = index_owner(p, is_init && links_.spread_inits);
  }
  if (r.kind == RouteKind::kLocal || to == links_.self) return false;
  hand_off(m, to);
  return true;
}

bool Shard::route_icmp(rte_mbuf* m, const RxPacket& p) {
  // RFC 9260 §7.3 / Appendix C: frag-needed (RFC 1191 §4) and Packet Too Big (RFC 8201)
  // quote a packet we sent, whose tag is the PEER's: the index names the path's owner.
  if (p.l4.empty()) return false;
  const auto type = std::to_integer<uint8_t>(p.l4[0]);
  std::optional<net::QuotedSctpHeader> q;
  IpAddress peer;
  if (p.kind == RxKind::kIcmp && type == net::icmp_type::kDestUnreachable) {
    const auto du = net::IcmpDestUnreachable::parse(p.l4);
    if (!du || !du->is_fragmentation_needed()) return false;
    q = du->sctp();
    // RFC 6951 §5.5: or the SCTP header after the UDP header of an encapsulated packet.
    if (!q) {
      q = net::quoted_encapsulated_sctp(du->quoted.header.protocol, du->quoted.payload, udp_port_);
    }
    peer = du->quoted.header.dst;
  } else if (p.kind == RxKind::kIcmpv6 && type == net::icmpv6_type::kPacketTooBig) {
    const auto ptb = net::Icmpv6PacketTooBig::parse(p.l4, p.ip6);
    if (!ptb) return false;
    q = ptb->sctp();
    if (!q && !ptb->quoted.is_fragment()) {
      q = net::quoted_encapsulated_sctp(ptb->quoted.upper_protocol, ptb->quoted.payload,
                                        udp_port_);
    }
    peer = ptb->quoted.header.dst;
  }
  if (!q || links_.index == nullptr) return false;
  ++counters_.index_lookups;
  const auto e = links_.index->find({peer, q->dst_port, q->src_port});
  if (!e || e->shard == links_.self || e->shard >= links_.count) return false;
  ++counters_.index_hits;
  hand_off(m, e->shard);
  return true;
}

uint16_t Shard::index_owner(const RxPacket& p, bool spread) {
  // route_sctp() returned kIndex only for packets of at least 16 bytes.
  const uint16_t peer_port = load_be16(p.l4, 0);
  const uint16_t local_port = load_be16(p.l4, 2);
  ++counters_.index_lookups;
  if (links_.index != nullptr) {
    if (const auto e = links_.index->find({p.src, peer_port, local_port})) {
      ++counters_.index_hits;
      return e->shard < links_.count ? e->shard : links_.self;
    }
  }
  if (!spread) return links_.self;
  ++counters_.inits_spread;
  return init_shard(p.src, peer_port, local_port, links_.count);
}

void Shard::hand_off(rte_mbuf* m, uint16_t to) {
  if (unlikely(out_count_[to] == kRxBurst)) flush_handoffs();
  out_[to][out_count_[to]++] = m;
}

void Shard::copy_to_others(rte_mbuf* m) {
  // Zero-copy too: one more reference per receiver, each of which frees its reference.
  for (uint16_t j = 0; j < links_.count; ++j) {
    if (j == links_.self) continue;
    rte_mbuf_refcnt_update(m, 1);
    hand_off(m, j);
  }
}

void Shard::flush_handoffs() {
  for (uint16_t j = 0; j < out_.size(); ++j) {
    const uint16_t n = out_count_[j];
    if (n == 0) continue;
    out_count_[j] = 0;
    const unsigned sent = rte_ring_sp_enqueue_burst(
        links_.out[j], reinterpret_cast<void* const*>(out_[j].data()), n, nullptr);
    counters_.handoff_tx += sent;
    if (unlikely(sent < n)) {
      // Ownership rule: we failed the handoff, we free (and the owner never sees them:
      // SCTP retransmits, RFC 9260 §6.3.3, like a loss on the wire).
      rte_pktmbuf_free_bulk(&out_[j][sent], n - sent);
      counters_.handoff_drop += n - sent;
    }
  }
}

uint32_t Shard::drain_handoffs() {
  uint32_t total = 0;
  handed_in_ = true;  // already routed: process here, answer nothing a copy carries
  for (uint16_t j = 0; j < links_.in.size(); ++j) {
    rte_ring* ring = links_.in[j];
    if (ring == nullptr) continue;
    for (unsigned b = 0; b < kMaxDrainBursts; ++b) {
      const unsigned n = rte_ring_sc_dequeue_burst(ring, reinterpret_cast<void**>(rx_.data()),
                                                   kRxBurst, nullptr);
      if (n == 0) break;
      counters_.handoff_rx += n;
      total += n;
      for (unsigned i = 0; i < n; ++i) {
        if (i + 1 < n) rte_prefetch0(rte_pktmbuf_mtod(rx_[i + 1], void*));
        process(rx_[i]);  // never hands off again (handed_in_)
      }
      rte_pktmbuf_free_bulk(rx_.data(), n);
      if (n < kRxBurst) break;
    }
  }
  handed_in_ = false;
  return total;
}

void Shard::drain_funnel() {
  // Shard 0 only: the frames of shards without a TX queue, finished (headers, checksums)
  // by their own sinks; we only transmit them.
  for (rte_ring* ring : links_.tx_in) {
    for (unsigned b = 0; b < kMaxDrainBursts; ++b) {
      const unsigned n = rte_ring_sc_dequeue_burst(ring, reinterpret_cast<void**>(funnel_.data()),
                                                   MbufSink::kTxBurst, nullptr);
      if (n == 0) break;
      const uint16_t sent =
          rte_eth_tx_burst(port_id_, tx_queue_, funnel_.data(), static_cast<uint16_t>(n));
      counters_.funnel_tx += sent;
      if (unlikely(sent < n)) {
        rte_pktmbuf_free_bulk(&funnel_[sent], n - sent);  // ownership rule: we failed it
        counters_.funnel_drop += n - sent;
      }
      if (n < MbufSink::kTxBurst) break;
    }
  }
}

uint16_t Shard::transmit(rte_mbuf** m, uint16_t n) {
  if (links_.tx_out == nullptr) return rte_eth_tx_burst(port_id_, tx_queue_, m, n);
  return static_cast<uint16_t>(
      rte_ring_sp_enqueue_burst(links_.tx_out, reinterpret_cast<void* const*>(m), n, nullptr));
}

}  // namespace dpsctp::runtime
