// Shard: SCTP-over-UDP encapsulation (RFC 6951) — the IP + UDP headers in front of packets
// to encapsulated peers, learning peers' encapsulation ports from received datagrams, and
// ICMP errors about encapsulated packets. The pure parts are runtime/net/udp_encap.h.
#include <rte_branch_prediction.h>
#include <rte_mbuf.h>

#include "runtime/stack/shard.h"
#include "wire/crc32c.h"

namespace dpsctp::runtime {

void Shard::set_udp_encaps_peer(const IpAddress& peer, uint16_t remote_port) {
  if (udp_port_ != 0) udp_peers_.learn(peer, remote_port);
}

uint16_t Shard::prepend_ip(TxFrame& frame, size_t sctp_len) {
  rte_mbuf* m = frame.mbuf;
  const IpAddress& dst = *frame.dst;
  const auto l3 = static_cast<uint16_t>(l3_header_size(dst));
  const uint16_t remote = udp_port_ != 0 ? udp_peers_.port_of(dst) : 0;
  if (likely(remote == 0)) {
    auto* ip = reinterpret_cast<std::byte*>(rte_pktmbuf_prepend(m, l3));
    if (unlikely(ip == nullptr || !write_sctp_l3_header({ip, l3}, *frame.src, dst, sctp_len,
                                                        frame.ipv4_cksum_offload))) {
      return 0;
    }
    return l3;
  }
  // RFC 6951 §5.3: the UDP checksum covers the SCTP packet, so its CRC32c (RFC 9260 §6.8)
  // must be final before it is computed: with CRC offload the core left it to the NIC.
  const bool hw_crc = sink_.fills_checksum();
  if (hw_crc) {
    wire::write_sctp_checksum({rte_pktmbuf_mtod(m, std::byte*), sctp_len});
    // The sink will mark RTE_MBUF_F_TX_SCTP_CKSUM at l2_len + l3_len: we report the UDP
    // header inside l3_len so the NIC rewrites the same CRC at the right offset; l3_len
    // then is not the IP header's, so the IPv4 header checksum is computed here.
    frame.ipv4_cksum_offload = false;
  }
  const auto hdr = static_cast<uint16_t>(l3 + net::kUdpEncapOverhead);
  auto* ip = reinterpret_cast<std::byte*>(rte_pktmbuf_prepend(m, hdr));
  if (unlikely(ip == nullptr ||
               !net::write_udp_encap_headers({ip, hdr + sctp_len}, l3, *frame.src, dst, udp_port_,
                                             remote, frame.ipv4_cksum_offload))) {
    return 0;
  }
  ++counters_.udp_encap_tx;
  return hw_crc ? hdr : l3;
}

void Shard::note_encapsulation(const RxPacket& p) {
  if (p.udp_src_port != 0) {
    // RFC 6951 §5.4: the UDP source port is the peer address's encapsulation port. Stored
    // before the core looks the packet up, so its replies (INIT ACK, COOKIE ACK, OOTB
    // ABORT) go back encapsulated; the table is per address and bounded (udp_encap.h).
    ++counters_.udp_encap_rx;
    udp_peers_.learn(p.src, p.udp_src_port);
  } else {
    // RFC 6951 §5.4: a plain SCTP packet from the address turns encapsulation off for it.
    udp_peers_.forget(p.src);
  }
}

void Shard::handle_encapsulated_too_big(uint8_t protocol, std::span<const std::byte> quoted,
                                        const IpAddress& peer, uint32_t mtu) {
  const std::optional<net::QuotedSctpHeader> q =
      net::quoted_encapsulated_sctp(protocol, quoted, udp_port_);
  if (!q) {
    // RFC 6951 §5.5: not relatable to an association (8 quoted bytes end with the UDP
    // header, or not our port): "MUST be discarded silently".
    ++counters_.udp_encap_icmp_unrelated;
    return;
  }
  ++counters_.udp_encap_icmp;
  // RFC 6951 §5.6: the core's path MTU excludes the UDP header we add. 0 (a router older
  // than RFC 1191) stays 0 for the core's own estimate.
  constexpr auto kUdp = static_cast<uint32_t>(net::kUdpEncapOverhead);
  const uint32_t sctp_mtu = mtu > kUdp ? mtu - kUdp : 0;
  // The quoted packet left from our SCTP port q->src_port; the core checks the quoted tag
  // (RFC 9260 Appendix C, ICMP5 / ICMP6) before it shrinks the path.
  if (core::Endpoint* e = endpoint_for_port(q->src_port)) {
    (void)e->handle_packet_too_big(peer, q->dst_port, VerificationTag(q->verification_tag),
                                   sctp_mtu);
  }
}

}  // namespace dpsctp::runtime
