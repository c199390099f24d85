// The shard's control protocols below SCTP: ARP (RFC 826), ICMP echo (RFC 792) and
// frag-needed (RFC 1191 §4), ICMPv6 echo (RFC 4443 §4) and Packet Too Big (RFC 4443 §3.2,
// RFC 8201), Neighbour Discovery (RFC 4861 §7.2), and the neighbour cache's timers.
#include <rte_mbuf.h>

#include <algorithm>

#include "runtime/net/arp.h"
#include "runtime/net/icmp.h"
#include "runtime/net/icmpv6.h"
#include "runtime/net/ndp.h"
#include "runtime/stack/shard.h"
#include "wire/buffer_writer.h"

namespace dpsctp::runtime {

void Shard::handle_arp(const RxPacket& p) {
  const net::ArpPacket& arp = p.arp;
  const IpAddress& sender = arp.sender_ip;
  if (arp.operation == net::ArpPacket::kReply) {
    ++counters_.arp_replies_received;
    // RFC 826 merge; replies for addresses we never asked about are ignored by the cache.
    if (arp.sender_mac.is_unicast() && neighbours_.on_reply(sender, arp.sender_mac, now_) > 0) {
      release(sender);
    }
    return;
  }
  // RFC 5227 §2.1.1: a probe (sender 0.0.0.0) must not update any cache.
  const bool for_us = std::find(local_.begin(), local_.end(), arp.target_ip) != local_.end();
  if (!arp.is_probe() && arp.sender_mac.is_unicast()) {
    // RFC 826: "If ... the sender is in the table, update it"; if the request is for us,
    // add it ("?Am I the target protocol address? Yes: add the triplet").
    const net::IfAbsent absent = for_us ? net::IfAbsent::kCreate : net::IfAbsent::kIgnore;
    if (neighbours_.on_unsolicited(sender, arp.sender_mac, now_, absent) > 0) release(sender);
  }
  // A copy from the shard that received it: that shard answered, we only learnt.
  if (!for_us || handed_in_) return;
  const std::optional<net::ArpPacket> reply = net::arp_reply_for(arp, link_.mac, arp.target_ip);
  if (!reply) return;
  wire::MutableByteSpan room;
  rte_mbuf* m = ctl_alloc(room);
  if (m == nullptr) return;
  wire::BufferWriter w(room);
  net::write_arp_frame(w, *reply, arp.sender_mac);
  ++counters_.arp_requests_answered;
  ctl_send(m, w.size());
}

void Shard::handle_icmp(const RxPacket& p) {
  if (p.l4.empty()) {
    ++counters_.icmp_ignored;
    return;
  }
  const auto type = static_cast<uint8_t>(p.l4[0]);
  if (type == net::icmp_type::kEchoRequest) {
    const net::Result<net::IcmpEcho> echo = net::IcmpEcho::parse(p.l4);
    if (!echo) {
      ++counters_.icmp_ignored;
      return;
    }
    wire::MutableByteSpan room;
    rte_mbuf* m = ctl_alloc(room);
    if (m == nullptr) return;
    wire::BufferWriter w(room);
    // RFC 792: reply to the sender's link address, addresses swapped, type 0.
    net::EthernetHeader eth{.dst = p.eth.src,
                            .src = link_.mac,
                            .vlan = std::nullopt,
                            .ether_type = net::ether_type::kIpv4};
    eth.serialize_to(w);
    net::write_icmp_echo_reply(p.ip4, *echo, w);
    if (!w.ok()) {
      rte_pktmbuf_free(m);
      ++counters_.icmp_ignored;
      return;
    }
    ++counters_.icmp_echo_answered;
    ctl_send(m, w.size());
    return;
  }
  if (type == net::icmp_type::kDestUnreachable) {
    const net::Result<net::IcmpDestUnreachable> du = net::IcmpDestUnreachable::parse(p.l4);
    if (du && du->is_fragmentation_needed() && du->sctp()) {
      // RFC 1191 §4 / RFC 9260 §7.3: the quoted datagram went from us to the peer; the core
      // checks the quoted tag (Appendix C ICMP5/ICMP6) before it shrinks the path MTU.
      ++counters_.icmp_frag_needed;
      const net::QuotedSctpHeader q = *du->sctp();
      // The quoted packet left from our port q.src_port: that endpoint owns the path.
      if (core::Endpoint* e = endpoint_for_port(q.src_port)) {
        (void)e->handle_packet_too_big(du->quoted.header.dst, q.dst_port,
                                       VerificationTag(q.verification_tag), du->next_hop_mtu);
      }
      return;
    }
    if (du && du->is_fragmentation_needed() && udp_port_ != 0 &&
        du->quoted.header.protocol == net::ip_proto::kUdp) {
      // RFC 6951 §5.5: about an encapsulated packet of ours (UDP from our port).
      ++counters_.icmp_frag_needed;
      handle_encapsulated_too_big(du->quoted.header.protocol, du->quoted.payload,
                                  du->quoted.header.dst, du->next_hop_mtu);
      return;
    }
  }
  ++counters_.icmp_ignored;
}

void Shard::handle_icmpv6(const RxPacket& p) {
  if (p.l4.empty()) {
    ++counters_.icmp_ignored;
    return;
  }
  switch (static_cast<uint8_t>(p.l4[0])) {
    case net::icmpv6_type::kNeighbourSolicitation:
      handle_ndp_solicitation(p);
      return;
    case net::icmpv6_type::kNeighbourAdvertisement:
      handle_ndp_advertisement(p);
      return;
    case net::icmpv6_type::kEchoRequest:
      break;
    case net::icmpv6_type::kPacketTooBig:
      if (const auto ptb = net::Icmpv6PacketTooBig::parse(p.l4, p.ip6)) {
        // RFC 8201 §4 / RFC 9260 §7.3: same as IPv4's frag-needed.
        ++counters_.icmpv6_packet_too_big;
        if (const auto q = ptb->sctp()) {
          if (core::Endpoint* e = endpoint_for_port(q->src_port)) {
            (void)e->handle_packet_too_big(ptb->quoted.header.dst, q->dst_port,
                                           VerificationTag(q->verification_tag), ptb->mtu);
          }
        } else if (udp_port_ != 0 && !ptb->quoted.is_fragment()) {
          handle_encapsulated_too_big(ptb->quoted.upper_protocol, ptb->quoted.payload,
                                      ptb->quoted.header.dst, ptb->mtu);
        }
      } else {
        ++counters_.icmp_ignored;
      }
      return;
    default:
      ++counters_.icmp_ignored;
      return;
  }
  const net::Result<net::Icmpv6Echo> echo = net::Icmpv6Echo::parse(p.l4, p.ip6);
  // RFC 4443 §4.2: replies come from a unicast address of ours; echo to a group: ignored.
  if (!echo || std::find(local_.begin(), local_.end(), p.dst) == local_.end()) {
    ++counters_.icmp_ignored;
    return;
  }
  wire::MutableByteSpan room;
  rte_mbuf* m = ctl_alloc(room);
  if (m == nullptr) return;
  wire::BufferWriter w(room);
  net::EthernetHeader eth{.dst = p.eth.src,
                          .src = link_.mac,
                          .vlan = std::nullopt,
                          .ether_type = net::ether_type::kIpv6};
  eth.serialize_to(w);
  net::write_icmpv6_echo_reply(p.ip6, *echo, p.dst, w);
  if (!w.ok()) {
    rte_pktmbuf_free(m);
    return;
  }
  ++counters_.icmpv6_echo_answered;
  ctl_send(m, w.size());
}

void Shard::handle_ndp_solicitation(const RxPacket& p) {
  const net::Result<net::NeighbourSolicitation> ns = net::NeighbourSolicitation::parse(p.l4, p.ip6);
  if (!ns) {
    ++counters_.icmp_ignored;
    return;
  }
  // RFC 4861 §7.2.3: a Source LLA creates or updates the sender's entry (STALE).
  if (ns->source_lla && !net::is_ipv6_unspecified(p.src) &&
      neighbours_.on_unsolicited(p.src, *ns->source_lla, now_) > 0) {
    release(p.src);
  }
  if (handed_in_ || std::find(local_.begin(), local_.end(), ns->target) == local_.end()) return;
  const std::optional<net::NdpAnswer> answer =
      net::ndp_answer_for(*ns, p.ip6, link_.mac, ns->target);
  if (!answer) return;
  // A unicast NS without SLLA: its sender's MAC is the frame's source (same link).
  const net::MacAddress dst_mac = answer->dst_mac.value_or(p.eth.src);
  wire::MutableByteSpan room;
  rte_mbuf* m = ctl_alloc(room);
  if (m == nullptr) return;
  wire::BufferWriter w(room);
  net::write_neighbour_advertisement_frame(w, link_.mac, ns->target, *answer, dst_mac);
  ++counters_.ndp_ns_answered;
  ctl_send(m, w.size());
}

void Shard::handle_ndp_advertisement(const RxPacket& p) {
  const net::Result<net::NeighbourAdvertisement> na =
      net::NeighbourAdvertisement::parse(p.l4, p.ip6);
  if (!na || !na->target_lla) {
    ++counters_.icmp_ignored;
    return;
  }
  ++counters_.ndp_na_received;
  size_t ready = 0;
  if (na->solicited) {
    // RFC 4861 §7.2.5: a solicited NA confirms reachability; O decides the MAC.
    ready = neighbours_.on_reply(na->target, *na->target_lla, now_, na->override_);
  } else if (na->override_) {
    ready = neighbours_.on_unsolicited(na->target, *na->target_lla, now_, net::IfAbsent::kIgnore);
  }
  if (ready > 0) release(na->target);
}

void Shard::neighbour_timers() {
  if (now_ < neighbours_.next_deadline()) return;  // the common case: one comparison
  neighbours_.needs_solicit(now_, [&](const net::SolicitRequest& req) { send_solicit(req); });
  // RFC 4861 §7.2.2: resolution failed, queued packets are dropped (and freed by us).
  neighbours_.expire(now_, [&](const IpAddress&, net::PendingHandle h) { drop_parked(h); });
}

void Shard::send_solicit(const net::SolicitRequest& req) {
  const IpAddress* self = first_local(req.target.family());
  if (self == nullptr) return;
  wire::MutableByteSpan room;
  rte_mbuf* m = ctl_alloc(room);
  if (m == nullptr) return;
  wire::BufferWriter w(room);
  if (req.target.is_v4()) {
    // RFC 826 "Packet Generation": broadcast to resolve; unicast to re-validate (PROBE).
    net::write_arp_frame(w, net::ArpPacket::request(link_.mac, *self, req.target),
                         req.unicast_to.value_or(net::MacAddress::broadcast()));
    ++counters_.arp_requests_sent;
  } else {
    net::write_neighbour_solicitation_frame(w, link_.mac, *self, req.target, req.unicast_to);
    ++counters_.ndp_ns_sent;
  }
  ctl_send(m, w.size());
}

}  // namespace dpsctp::runtime
