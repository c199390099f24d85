// UDP header, checksum and validation (RFC 768, RFC 8200 §8.1).
#include "runtime/net/udp.h"

#include "runtime/net/ipv4.h"  // ip_proto

namespace dpsctp::net {
namespace {

uint16_t pseudo_sum_checksum(ByteSpan datagram, const IpAddress& src, const IpAddress& dst) {
  InetChecksum c;
  // RFC 768: source, destination, zero, protocol, UDP length. RFC 8200 §8.1: source,
  // destination, 32-bit upper-layer length, 24 zero bits, next header. Both sum the same
  // 16-bit words for a datagram under 64 KiB.
  c.add(src);
  c.add(dst);
  c.add_u16(ip_proto::kUdp);
  c.add_u16(static_cast<uint16_t>(datagram.size()));
  c.add(datagram);
  return c.finish();
}

}  // namespace

Result<UdpDatagram> UdpDatagram::parse(ByteSpan l4, const IpAddress& src, const IpAddress& dst) {
  if (l4.size() < UdpHeader::kSize) return NetError::kUdpTruncated;
  UdpDatagram d;
  d.header.src_port = wire::load_u16(l4.data());
  d.header.dst_port = wire::load_u16(l4.data() + 2);
  d.header.length = wire::load_u16(l4.data() + 4);
  d.header.checksum = wire::load_u16(l4.data() + 6);
  // RFC 768: Length counts header and data; the IP layer may carry trailing padding.
  if (d.header.length < UdpHeader::kSize) return NetError::kUdpBadLength;
  if (d.header.length > l4.size()) return NetError::kUdpTruncated;
  const ByteSpan datagram = l4.first(d.header.length);
  if (d.header.checksum == 0) {
    // RFC 8200 §8.1: "IPv6 receivers must discard UDP packets containing a zero checksum".
    if (dst.is_v6()) return NetError::kUdpZeroChecksumIpv6;
  } else if (pseudo_sum_checksum(datagram, src, dst) != 0) {
    // RFC 1071 §2 (4): the sum over the received bytes, checksum included, is all ones.
    return NetError::kUdpBadChecksum;
  }
  d.payload = datagram.subspan(UdpHeader::kSize);
  return d;
}

uint16_t udp_checksum(ByteSpan datagram, const IpAddress& src, const IpAddress& dst) {
  const uint16_t c = pseudo_sum_checksum(datagram, src, dst);
  return c == 0 ? uint16_t{0xffff} : c;  // RFC 768: a computed zero is sent as all ones
}

bool write_udp_header(std::byte* out, uint16_t src_port, uint16_t dst_port, size_t payload_len,
                      const IpAddress& src, const IpAddress& dst) {
  if (src.family() != dst.family() || payload_len > 0xffff - UdpHeader::kSize) return false;
  const size_t len = UdpHeader::kSize + payload_len;
  wire::store_u16(out, src_port);
  wire::store_u16(out + 2, dst_port);
  wire::store_u16(out + 4, static_cast<uint16_t>(len));
  wire::store_u16(out + 6, 0);
  wire::store_u16(out + 6, udp_checksum({out, len}, src, dst));
  return true;
}

}  // namespace dpsctp::net
