// Shard: the poll loop, the RX demultiplexer and the TX hook (Ethernet + IP in front of
// SCTP, next hop resolved by the neighbour cache). ARP / ICMP / NDP are in
// shard_control.cc.
#include "runtime/stack/shard.h"

#include <rte_branch_prediction.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_mbuf.h>

#include <algorithm>

#include "runtime/net/icmpv6.h"
#include "runtime/stack/tsc_clock.h"
#include "wire/crc32c.h"

namespace dpsctp::runtime {
namespace {

MbufSinkConfig make_sink_config(const Port& port, uint16_t tx_queue, rte_ring* tx_out,
                                void* context, TxHook hook) {
  MbufSinkConfig c = sink_config_for(port, tx_queue);
  c.hook = hook;
  c.hook_context = context;
  c.tx_ring = tx_out;  // set when we own no TX queue: shard 0 transmits for us
  return c;
}

core::EndpointConfig batching(core::EndpointConfig c) {
  // One flush per loop iteration: messages sent by callbacks and the application during
  // an iteration bundle into full packets.
  c.flush_on_user_call = false;
  return c;
}

rte_mbuf* to_mbuf(uint64_t handle) { return reinterpret_cast<rte_mbuf*>(handle); }

uint64_t to_handle(rte_mbuf* m) { return reinterpret_cast<uint64_t>(m); }

// RFC 4861 §4.3 / §4.4: Neighbour Solicitation (135) and Advertisement (136) feed caches.
bool is_ndp(const RxPacket& p) {
  if (p.l4.empty()) return false;
  const auto type = std::to_integer<uint8_t>(p.l4[0]);
  return type == net::icmpv6_type::kNeighbourSolicitation ||
         type == net::icmpv6_type::kNeighbourAdvertisement;
}

}  // namespace

Shard::Shard(const Port& port, ShardConfig config, Listener& listener)
    : port_id_(port.id()),
      poll_rx_(config.poll_rx),
      rx_queue_(config.rx_queue),
      tx_queue_(config.tx_queue),
      pool_(port.pool()),
      rx_ipv4_cksum_(port.plan().rx_ipv4_cksum),
      link_(config.link),
      local_(config.endpoint.local_addresses),
      tsc_hz_(rte_get_tsc_hz()),
      neighbours_(config.neighbours),
      links_(std::move(config.links)),
      udp_port_(config.udp_encaps_port),
      // The set index seed: a remote sender cannot aim its sources at one set.
      udp_peers_(udp_port_ != 0 ? config.udp_encap_peers : 1,
                 config.endpoint.seed ^ 0x6951'0000'6951ULL),
      out_(links_.out.size()),
      out_count_(links_.out.size(), 0),
      sink_(make_sink_config(port, config.tx_queue, links_.tx_out, this, &Shard::tx_hook)) {
  parked_ips_.reserve(neighbours_.capacity());
  routes_ = std::move(config.routes);
  if (config.init_admission.rate != 0) {
    init_admission_ = InitAdmission(config.init_admission, tsc_hz_, rte_get_tsc_cycles());
  }
  refresh_now();
  endpoints_.push_back(
      std::make_unique<core::Endpoint>(batching(std::move(config.endpoint)), sink_, listener, now_));
}

core::Endpoint* Shard::add_endpoint(core::EndpointConfig config, Listener& listener) {
  if (endpoint_for_port(config.port) != nullptr) return nullptr;
  if (config.local_addresses.empty()) config.local_addresses = local_;
  endpoints_.push_back(
      std::make_unique<core::Endpoint>(batching(std::move(config)), sink_, listener, now_));
  return endpoints_.back().get();
}

core::Endpoint* Shard::endpoint_for_port(uint16_t port) {
  // A handful of endpoints per shard: a linear scan over one vector beats a hash here.
  for (auto& e : endpoints_) {
    if (e->config().port == port) return e.get();
  }
  return nullptr;
}

Shard::~Shard() {
  endpoints_.clear();  // may still send (nothing: they only queue), before the sink goes
  sink_.flush();
  ctl_flush();
  for (const IpAddress& ip : parked_ips_) {
    neighbours_.remove(ip, [&](const IpAddress&, net::PendingHandle h) { drop_parked(h); });
  }
}

Instant Shard::refresh_now() {
  now_ = tsc_to_instant(rte_get_tsc_cycles(), tsc_hz_);
  return now_;
}

uint32_t Shard::poll_once() {
  refresh_now();
  ++counters_.polls;
  const uint16_t n = poll_rx_ ? rte_eth_rx_burst(port_id_, rx_queue_, rx_.data(), kRxBurst) : 0;
  if (n > 0) {
    ++counters_.rx_bursts;
    counters_.rx_packets += n;
    for (uint16_t i = 0; i < n; ++i) {
      if (i + 1 < n) rte_prefetch0(rte_pktmbuf_mtod(rx_[i + 1], void*));
      if (process(rx_[i])) rx_[i] = nullptr;  // handed off: the owner frees it
    }
    if (!out_.empty()) flush_handoffs();
    // The core copied what it keeps (events.h: spans live for the callback only).
    rte_pktmbuf_free_bulk(rx_.data(), n);  // skips the NULLs
  }
  uint32_t received = n;
  if (!links_.in.empty()) received += drain_handoffs();
  if (!links_.tx_in.empty()) drain_funnel();
  for (auto& e : endpoints_) {
    if (now_ >= e->next_timeout()) {
      ++counters_.timeouts;
      e->handle_timeout(now_);
    }
    e->flush(now_);
  }
  neighbour_timers();
  sink_.flush();
  ctl_flush();
  for (IndexingListener* l : indexers_) l->commit();
  return received;
}

void Shard::run(volatile bool& stop) {
  while (!stop) poll_once();
}

bool Shard::process(rte_mbuf* m) {
  // Multi-segment frames (jumbo, scattered RX) are not handled: the port sizes its mbufs so
  // a frame of the MTU fits one segment.
  if (unlikely(m->nb_segs != 1)) {
    ++counters_.rx_drop[static_cast<size_t>(RxDrop::kBadEthernet)];
    return false;
  }
  const std::span<const std::byte> frame(rte_pktmbuf_mtod(m, const std::byte*), m->data_len);
  RxFilter filter{.mac = link_.mac, .addresses = local_, .ipv4_checksum_verified = false};
  filter.udp_encaps_port = udp_port_;  // RFC 6951: 0 when off
  // RTE_MBUF_F_RX_IP_CKSUM_GOOD: the NIC verified the IPv4 header (BAD / UNKNOWN: we do).
  filter.ipv4_checksum_verified =
      rx_ipv4_cksum_ && (m->ol_flags & RTE_MBUF_F_RX_IP_CKSUM_MASK) == RTE_MBUF_F_RX_IP_CKSUM_GOOD;
  RxPacket& p = rx_packet_;
  classify_frame(frame, filter, p);
  switch (p.kind) {
    case RxKind::kSctp:
      if (links_.count > 1 && !handed_in_ && route(m, p)) return true;
      if (!admit_sctp(p.l4)) return false;
      ++counters_.rx_sctp;
      if (udp_port_ != 0) note_encapsulation(p);
      endpoint_for_sctp(p.l4).handle_packet(p.l4, core::PacketInfo{p.src, p.dst}, now_);
      return false;
    case RxKind::kArp:
      handle_arp(p);
      if (links_.count > 1 && !handed_in_) copy_to_others(m);  // every cache learns
      return false;
    case RxKind::kIcmp:
      if (links_.count > 1 && !handed_in_ && route_icmp(m, p)) return true;
      handle_icmp(p);
      return false;
    case RxKind::kIcmpv6:
      if (links_.count > 1 && !handed_in_ && route_icmp(m, p)) return true;
      handle_icmpv6(p);
      if (links_.count > 1 && !handed_in_ && is_ndp(p)) copy_to_others(m);
      return false;
    case RxKind::kDrop:
      ++counters_.rx_drop[static_cast<size_t>(p.drop)];
      if (p.drop == RxDrop::kUdpChecksum) ++counters_.udp_encap_bad_checksum;
      return false;
  }
  return false;
}

bool Shard::admit_sctp(std::span<const std::byte> sctp) {
  // RFC 9260 §6.10: INIT is never bundled, so a first chunk of type 1 (after the 12-byte
  // common header) is the INIT; everything else (established associations, COOKIE ECHO)
  // is never subject to the budget. Dropped before the core answers: the peer's T1-init
  // retransmits it (§5.1), exactly as for an INIT lost on the wire.
  const bool init = sctp.size() >= 16 && std::to_integer<uint8_t>(sctp[12]) == 1;
  if (!init || init_admission_.unlimited()) return true;
  if (init_admission_.admit(rte_get_tsc_cycles())) return true;
  ++counters_.init_drop;
  return false;
}

core::Endpoint& Shard::endpoint_for_sctp(std::span<const std::byte> sctp) {
  if (endpoints_.size() == 1 || sctp.size() < 4) return *endpoints_.front();
  // RFC 9260 §3.1: the destination port follows the source port in the common header.
  const auto port = static_cast<uint16_t>((std::to_integer<unsigned>(sctp[2]) << 8) |
                                          std::to_integer<unsigned>(sctp[3]));
  core::Endpoint* e = endpoint_for_port(port);
  return e != nullptr ? *e : *endpoints_.front();
}

// --- TX: the MbufSink hook --------------------------------------------------------------

TxVerdict Shard::tx_hook(void* context, TxFrame& frame) {
  return static_cast<Shard*>(context)->encapsulate(frame);
}

TxVerdict Shard::encapsulate(TxFrame& frame) {
  rte_mbuf* m = frame.mbuf;
  const IpAddress& dst = *frame.dst;
  const size_t sctp_len = m->data_len;
  // RFC 1122 §3.3.1: on-link destinations directly, the others through the gateway.
  const IpAddress& via = routes_.next_hop(dst);
  if (via != dst) ++counters_.tx_via_gateway;
  const net::NeighbourLookup hop = neighbours_.lookup(via, now_);
  if (hop.status == net::NeighbourLookup::Status::kPending) return park(frame, sctp_len, via);
  if (hop.status != net::NeighbourLookup::Status::kResolved) {
    ++counters_.drop_no_neighbour;
    return TxVerdict::kDrop;  // the sink frees it
  }
  const uint16_t l3 = prepend_ip(frame, sctp_len);  // IP, or IP + UDP (RFC 6951)
  if (unlikely(l3 == 0)) {
    ++counters_.drop_encap;
    return TxVerdict::kDrop;
  }
  if (unlikely(!prepend_ethernet(m, hop.mac, ether_type_for(dst)))) {
    ++counters_.drop_encap;
    return TxVerdict::kDrop;
  }
  frame.l2_len = static_cast<uint16_t>(l2_header_size(link_));
  frame.l3_len = l3;
  return TxVerdict::kSend;
}

// RFC 4861 §7.2.2 / RFC 1122 §2.3.2.2: queue the packet while the address resolves. The
// IP header goes on now (src is only known here); the Ethernet header at release().
TxVerdict Shard::park(TxFrame& frame, size_t sctp_len, const IpAddress& next_hop) {
  rte_mbuf* m = frame.mbuf;
  if (sink_.fills_checksum()) {
    // The core left the CRC32c to the NIC, but a released packet bypasses the sink's
    // offload marking: RFC 9260 §6.8 requires it, compute it here (rare path).
    wire::write_sctp_checksum({rte_pktmbuf_mtod(m, std::byte*), sctp_len});
  }
  frame.ipv4_cksum_offload = false;  // released packets bypass the sink's offload marks
  if (prepend_ip(frame, sctp_len) == 0) {
    ++counters_.drop_encap;
    return TxVerdict::kDrop;
  }
  const net::EnqueueResult r = neighbours_.enqueue_pending(next_hop, to_handle(m));
  if (!r.queued) {
    ++counters_.drop_no_neighbour;
    return TxVerdict::kDrop;
  }
  ++counters_.parked;
  // RFC 4861 §7.2.2: "the oldest packet SHOULD be discarded" on overflow: we free it.
  if (r.dropped) drop_parked(*r.dropped);
  if (std::find(parked_ips_.begin(), parked_ips_.end(), next_hop) == parked_ips_.end() &&
      parked_ips_.size() < parked_ips_.capacity()) {
    parked_ips_.push_back(next_hop);  // capacity reserved: no allocation
  }
  return TxVerdict::kConsumed;
}

bool Shard::prepend_ethernet(rte_mbuf* m, const net::MacAddress& dst_mac, uint16_t ether_type) {
  const auto l2 = static_cast<uint16_t>(l2_header_size(link_));
  auto* eth = reinterpret_cast<std::byte*>(rte_pktmbuf_prepend(m, l2));
  if (eth == nullptr) return false;
  if (!write_l2_header({eth, l2}, link_, dst_mac, ether_type)) return false;
  // RFC 894: a frame is at least 60 bytes; short SCTP packets (SHUTDOWN COMPLETE) get
  // zero padding the receiver trims with the IP length. Not with CRC32c offload: the NIC
  // would checksum the padding as SCTP bytes (and real NICs pad short frames themselves).
  if (m->pkt_len < net::kMinFrameSize && !sink_.fills_checksum()) {
    const auto pad = static_cast<uint16_t>(net::kMinFrameSize - m->pkt_len);
    char* tail = rte_pktmbuf_append(m, pad);
    if (tail == nullptr) return false;
    std::fill_n(tail, pad, char{0});
  }
  return true;
}

void Shard::release(const IpAddress& ip) {
  const std::optional<net::MacAddress> mac = neighbours_.peek(ip);
  neighbours_.take_pending(ip, [&](net::PendingHandle h) {
    rte_mbuf* m = to_mbuf(h);
    if (!mac || !prepend_ethernet(m, *mac, ether_type_for(ip))) {
      drop_parked(h);
      return;
    }
    ++counters_.released;
    ctl_queue(m);
  });
}

void Shard::drop_parked(uint64_t handle) {
  ++counters_.drop_parked;
  rte_pktmbuf_free(to_mbuf(handle));
}

const IpAddress* Shard::first_local(IpAddress::Family f) const {
  for (const IpAddress& a : local_) {
    if (a.family() == f) return &a;
  }
  return nullptr;
}

// --- Control frames ---------------------------------------------------------------------

rte_mbuf* Shard::ctl_alloc(wire::MutableByteSpan& room) {
  rte_mbuf* m = rte_pktmbuf_alloc(pool_);
  if (unlikely(m == nullptr)) {
    ++counters_.drop_ctl_no_mbuf;
    return nullptr;
  }
  room = {rte_pktmbuf_mtod(m, std::byte*), rte_pktmbuf_tailroom(m)};
  return m;
}

void Shard::ctl_send(rte_mbuf* m, size_t len) {
  // RFC 894: at least 60 bytes, zero padded (ARP is 42, a small echo reply less than 60).
  const size_t padded = std::max(len, net::kMinFrameSize);
  std::byte* data = rte_pktmbuf_mtod(m, std::byte*);
  std::fill(data + len, data + padded, std::byte{0});
  m->data_len = static_cast<uint16_t>(padded);
  m->pkt_len = static_cast<uint32_t>(padded);
  if (link_.vlan) {
    // The net/ frame writers produce untagged frames: insert our 802.1Q tag.
    m->vlan_tci = link_.vlan->tci();
    if (rte_vlan_insert(&m) != 0) {
      rte_pktmbuf_free(m);
      ++counters_.drop_encap;
      return;
    }
  }
  ctl_queue(m);
}

void Shard::ctl_queue(rte_mbuf* m) {
  ctl_[ctl_count_++] = m;
  if (ctl_count_ == ctl_.size()) ctl_flush();
}

void Shard::ctl_flush() {
  if (ctl_count_ == 0) return;
  const uint16_t sent = transmit(ctl_.data(), ctl_count_);
  counters_.ctl_tx += sent;
  if (unlikely(sent < ctl_count_)) {
    // Ownership rule: the PMD refused them, we failed the handoff, we free.
    rte_pktmbuf_free_bulk(&ctl_[sent], ctl_count_ - sent);
    counters_.drop_ctl_tx_full += ctl_count_ - sent;
  }
  ctl_count_ = 0;
}

}  // namespace dpsctp::runtime
