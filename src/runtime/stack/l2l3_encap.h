// The L2/L3 headers the runtime puts in front of an SCTP packet the core built: Ethernet
// II (RFC 894 / RFC 2464, optional IEEE 802.1Q tag) and IPv4 (RFC 791, DF set for path MTU
// discovery: RFC 9260 §7.3, RFC 1191 §3) or IPv6 (RFC 8200 §3, no fragment header).
//
// Pure: the functions write into spans the caller placed in an mbuf's headroom. The
// shard's TX hook (shard.cc) calls them once per packet; unit tests call them on arrays.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "dpsctp/address.h"
#include "runtime/net/ethernet.h"
#include "runtime/net/mac_address.h"
#include "wire/byte_io.h"

namespace dpsctp::runtime {

/// What a shard's port looks like on its link.
struct LinkIdentity {
  net::MacAddress mac;               ///< the port's MAC: source of every frame we send
  std::optional<net::VlanTag> vlan;  ///< tag every frame we send (received tags are accepted)
};

/// Bytes of the Ethernet header we write: 14, or 18 with a VLAN tag.
[[nodiscard]] inline size_t l2_header_size(const LinkIdentity& link) {
  return link.vlan ? net::EthernetHeader::kSize + net::EthernetHeader::kVlanSize
                   : net::EthernetHeader::kSize;
}

/// Bytes of the IP header we write for `dst`: 20 (IPv4 without options) or 40 (IPv6).
[[nodiscard]] inline size_t l3_header_size(const IpAddress& dst) { return dst.is_v4() ? 20 : 40; }

/// Writes the IPv4 or IPv6 header for an SCTP packet of `sctp_len` bytes from `src` to
/// `dst` into `out`, which must be exactly l3_header_size(dst) bytes. With
/// `ipv4_cksum_offload` the IPv4 header checksum is left 0 for the NIC
/// (RTE_MBUF_F_TX_IP_CKSUM). False (nothing useful written) when the families of src and
/// dst differ, `out` has the wrong size, or the datagram would exceed 65535 bytes.
bool write_sctp_l3_header(wire::MutableByteSpan out, const IpAddress& src, const IpAddress& dst,
                          size_t sctp_len, bool ipv4_cksum_offload);

/// Writes the Ethernet header from `link` to `dst_mac` carrying `ether_type` into `out`,
/// which must be exactly l2_header_size(link) bytes. False if it is not.
bool write_l2_header(wire::MutableByteSpan out, const LinkIdentity& link,
                     const net::MacAddress& dst_mac, uint16_t ether_type);

/// The EtherType of an IP packet to `dst`: 0x0800 or 0x86dd.
[[nodiscard]] inline uint16_t ether_type_for(const IpAddress& dst) {
  return dst.is_v4() ? net::ether_type::kIpv4 : net::ether_type::kIpv6;
}

}  // namespace dpsctp::runtime
