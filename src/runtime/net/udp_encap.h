// SCTP-over-UDP encapsulation (RFC 6951), the runtime's half: the sans-IO core builds and
// parses plain SCTP packets and never learns about UDP; the runtime
//   - RX: takes SCTP packets out of UDP datagrams sent to our encapsulation port and
//     records the datagram's source port for the sender's address (§5.4);
//   - TX: puts IP (protocol 17) + UDP in front of packets to a peer address with a known
//     remote encapsulation port (source = our port, destination = theirs, §5.1 / §5.3);
//   - MTU: the core's path MTU of such paths excludes the 8 UDP bytes (§5.6);
//   - ICMP: errors quoting an encapsulated packet are related to it by the SCTP header
//     after the quoted UDP header, else discarded (§5.5).
//
// UdpEncapPeers is the per-shard map (peer IP) -> remote UDP port. RFC 6951 keeps the port
// per (association, destination address); the runtime keys it by peer address alone, so
// every association with one peer address shares it (a host runs one SCTP stack, §5.1).
// Fixed capacity, no allocation after construction: 4-way set-associative, a learnt
// entry evicts the least recently used of its set when the set is full (so a flood of
// spoofed sources cannot grow it, only churn it). The set index hashes the address with
// a per-table seed.
//
// Pure: no DPDK. The shard (shard.cc) calls these on mbuf bytes; tests on arrays.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "dpsctp/address.h"
#include "runtime/net/icmp.h"  // QuotedSctpHeader
#include "runtime/net/udp.h"
#include "wire/byte_io.h"

namespace dpsctp::net {

/// RFC 6951 §5.1: the IANA-registered "sctp-tunneling" UDP port.
inline constexpr uint16_t kSctpTunnelingPort = 9899;
/// Bytes RFC 6951 puts between the IP header and the SCTP common header.
inline constexpr uint16_t kUdpEncapOverhead = UdpHeader::kSize;

/// Writes the IP header (IPv4 with DF, RFC 9260 §7.3; or IPv6) for protocol UDP and the
/// UDP header in front of an SCTP packet. `datagram` is the whole IP datagram: its first
/// `ip_header_size` (20 or 40, matching dst's family) + 8 bytes are written, the SCTP
/// packet follows and is covered by the UDP checksum, so its CRC32c must be final. The
/// checksum is always computed, also over IPv4 (RFC 6951 §5.3: "the UDP checksum SHOULD
/// be computed for IPv4 and IPv6"). With `ipv4_cksum_offload` the IPv4 header
/// checksum is left 0 for the NIC. False (nothing useful written) on a family mismatch,
/// a size that does not fit, or a datagram over 65535 bytes.
bool write_udp_encap_headers(wire::MutableByteSpan datagram, size_t ip_header_size,
                             const IpAddress& src, const IpAddress& dst, uint16_t local_port,
                             uint16_t remote_port, bool ipv4_cksum_offload);

/// RFC 6951 §5.5: the SCTP header quoted in an ICMP / ICMPv6 error about an encapsulated
/// packet we sent: `protocol` / `transport` are the invoking packet's upper protocol and
/// quoted bytes. nullopt unless it is UDP from `local_port` and 8 bytes of SCTP common
/// header follow the UDP header ("If a received ICMP ... packet cannot be related to a
/// specific SCTP association or the verification tag cannot be verified, it MUST be
/// discarded silently": RFC 792's 8 quoted bytes are not enough).
std::optional<QuotedSctpHeader> quoted_encapsulated_sctp(uint8_t protocol, ByteSpan transport,
                                                         uint16_t local_port);

class UdpEncapPeers {
 public:
  static constexpr size_t kWays = 4;

  /// At least `capacity` entries (rounded up to a power-of-two number of 4-way sets).
  explicit UdpEncapPeers(size_t capacity, uint64_t seed = 0);

  /// The remote encapsulation port of `peer`, 0 if packets to it go unencapsulated.
  /// Marks the entry used (LRU).
  uint16_t port_of(const IpAddress& peer);
  /// RFC 6951 §5.4: "the UDP source port MUST be stored as the encapsulation port for the
  /// destination address the SCTP packet is received from"; also the configured remote
  /// port of a client's peer. A full set evicts its least recently used entry. Port 0 is
  /// refused (no reply could be sent to it).
  void learn(const IpAddress& peer, uint16_t port);
  /// RFC 6951 §5.4: "When a non-encapsulated SCTP packet is received ..., the
  /// encapsulation of outgoing packets ... MUST be disabled."
  void forget(const IpAddress& peer);

  [[nodiscard]] size_t size() const { return size_; }
  [[nodiscard]] size_t capacity() const { return entries_.size(); }
  [[nodiscard]] uint64_t evictions() const { return evictions_; }

 private:
  struct Entry {
    IpAddress peer;
    uint64_t used = 0;  // 0: free; else the tick of the last learn / lookup
    uint16_t port = 0;
  };
  Entry* find(const IpAddress& peer);
  size_t set_of(const IpAddress& peer) const;

  std::vector<Entry> entries_;
  size_t set_mask_ = 0;
  uint64_t seed_;
  uint64_t tick_ = 0;
  size_t size_ = 0;
  uint64_t evictions_ = 0;
};

}  // namespace dpsctp::net
