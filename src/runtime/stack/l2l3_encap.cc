// L2/L3 headers in front of SCTP packets: Ethernet (+802.1Q), IPv4 / IPv6.
#include "runtime/stack/l2l3_encap.h"

#include "runtime/net/ipv4.h"
#include "runtime/net/ipv6.h"
#include "wire/buffer_writer.h"

namespace dpsctp::runtime {

bool write_sctp_l3_header(wire::MutableByteSpan out, const IpAddress& src, const IpAddress& dst,
                          size_t sctp_len, bool ipv4_cksum_offload) {
  if (src.family() != dst.family() || out.size() != l3_header_size(dst)) return false;
  wire::BufferWriter w(out);
  if (dst.is_v4()) {
    // RFC 791 §3.1: Total Length counts header and data, at most 65535.
    if (sctp_len > 0xffff - net::Ipv4Header::kMinSize) return false;
    // RFC 9260 §7.3 / RFC 1191 §3: DF set so routers report a smaller path MTU.
    net::Ipv4Header::for_sctp(src, dst, sctp_len).serialize_to(w);
    // The NIC computes the header checksum: it expects the field zero.
    if (w.ok() && ipv4_cksum_offload) wire::store_u16(out.data() + 10, 0);
  } else {
    // RFC 8200 §3: Payload Length is 16 bits; no jumbograms (RFC 2675).
    if (sctp_len > 0xffff) return false;
    net::Ipv6Header::for_sctp(src, dst, sctp_len).serialize_to(w);
  }
  return w.ok() && w.size() == out.size();
}

bool write_l2_header(wire::MutableByteSpan out, const LinkIdentity& link,
                     const net::MacAddress& dst_mac, uint16_t ether_type) {
  if (out.size() != l2_header_size(link)) return false;
  wire::BufferWriter w(out);
  net::EthernetHeader eth{
      .dst = dst_mac, .src = link.mac, .vlan = link.vlan, .ether_type = ether_type};
  eth.serialize_to(w);
  return w.ok() && w.size() == out.size();
}

}  // namespace dpsctp::runtime
