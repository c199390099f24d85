// Counters of one shard's L2/L3 and poll loop. Written only by the owning lcore (plain
// uint64_t, no atomics); one cache-line-aligned block so no other lcore's data shares
// its lines. SCTP's own counters are the Endpoint's SnmpCounters, TX ones MbufSinkCounters.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "runtime/stack/rx_classify.h"

namespace dpsctp::runtime {

struct alignas(64) ShardCounters {
  uint64_t polls = 0;       ///< poll_once() calls
  uint64_t rx_bursts = 0;   ///< rx_burst calls that returned packets
  uint64_t rx_packets = 0;  ///< frames received
  uint64_t rx_sctp = 0;     ///< SCTP packets handed to the Endpoint
  uint64_t timeouts = 0;    ///< Endpoint::handle_timeout calls
  uint64_t ctl_tx = 0;      ///< control frames (ARP, ICMP, NDP, released) sent
  uint64_t arp_requests_answered = 0;
  uint64_t arp_replies_received = 0;
  uint64_t arp_requests_sent = 0;  ///< resolution and reachability probes
  uint64_t ndp_ns_answered = 0;
  uint64_t ndp_na_received = 0;
  uint64_t ndp_ns_sent = 0;
  uint64_t icmp_echo_answered = 0;
  uint64_t icmpv6_echo_answered = 0;
  /// ICMP "fragmentation needed" (RFC 1191 §4) / ICMPv6 Packet Too Big (RFC 8201): counted;
  /// feeding the MTU to the association's path (RFC 9260 §7.3) is not wired yet.
  uint64_t icmp_frag_needed = 0;
  uint64_t icmpv6_packet_too_big = 0;
  uint64_t icmp_ignored = 0;       ///< other / malformed ICMP and ICMPv6 messages
  uint64_t parked = 0;             ///< SCTP packets queued behind ARP / NDP resolution
  uint64_t released = 0;           ///< parked packets sent after resolution
  uint64_t drop_parked = 0;        ///< parked packets dropped (overflow, resolution failed)
  uint64_t drop_no_neighbour = 0;  ///< neighbour cache full: SCTP packet dropped
  uint64_t drop_encap = 0;         ///< headers did not fit (no headroom, family mismatch)
  uint64_t drop_ctl_no_mbuf = 0;   ///< control frame not sent: pool empty
  uint64_t drop_ctl_tx_full = 0;   ///< control frames refused by rte_eth_tx_burst
  // Multi-shard (design.md §3; shard_mesh.h). All zero for a lone shard.
  uint64_t handoff_tx = 0;    ///< mbufs enqueued toward other shards (owner, ARP/NDP copies)
  uint64_t handoff_rx = 0;    ///< mbufs dequeued from other shards and processed here
  uint64_t handoff_drop = 0;  ///< enqueue failed (ring full): freed here
  uint64_t index_lookups = 0;  ///< cross-shard index reads (INIT, T-bit ABORT / SHUTDOWN COMPLETE)
  uint64_t index_hits = 0;     ///< ... that found an association
  uint64_t inits_spread = 0;   ///< INITs sent to init_shard() of their flow (software distribution)
  uint64_t funnel_tx = 0;      ///< shard 0: other shards' frames sent on its TX queue
  uint64_t funnel_drop = 0;    ///< shard 0: funnel frames refused by rte_eth_tx_burst, freed
  // RFC 6951 SCTP-over-UDP encapsulation (udp_encap.h). Malformed datagrams to our port
  // are rx_drop[kBadUdp] / rx_drop[kUdpChecksum].
  uint64_t udp_encap_rx = 0;            ///< SCTP packets received in UDP (also in rx_sctp)
  uint64_t udp_encap_tx = 0;            ///< SCTP packets sent in UDP
  uint64_t udp_encap_bad_checksum = 0;  ///< dropped: UDP checksum wrong (or 0 over IPv6)
  uint64_t udp_encap_icmp = 0;          ///< frag-needed / PTB about encapsulated packets, used
  uint64_t udp_encap_icmp_unrelated = 0;  ///< ... too short to hold the SCTP header (§5.5)
  uint64_t tx_via_gateway = 0;  ///< SCTP packets sent to the gateway (off-link destination)
  std::array<uint64_t, static_cast<size_t>(RxDrop::kCount)> rx_drop{};  ///< by RxDrop
  /// INITs dropped before the core: the shard's INIT admission budget was spent
  /// (init_admission.h; issue #10). Not in rx_sctp.
  uint64_t init_drop = 0;
};

}  // namespace dpsctp::runtime
