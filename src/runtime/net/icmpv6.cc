// ICMPv6 (RFC 4443); layouts in icmpv6.h.
#include "runtime/net/icmpv6.h"

#include "runtime/net/inet_checksum.h"
#include "wire/byte_io.h"

namespace dpsctp::net {
namespace {

// RFC 8200 §8.1: source, destination, upper-layer packet length (32 bits), three zero
// bytes and the Next Header (58), then the message.
InetChecksum pseudo_header_sum(const IpAddress& src, const IpAddress& dst, ByteSpan message) {
  InetChecksum c;
  c.add(src);
  c.add(dst);
  c.add_u32(static_cast<uint32_t>(message.size()));
  c.add_u32(ip_proto::kIcmpv6);
  c.add(message);
  return c;
}

NetError check_common(ByteSpan icmp, const Ipv6Header& ip, size_t fixed, uint8_t type) {
  if (icmp.size() < fixed) return NetError::kIcmpTruncated;
  if (!icmpv6_checksum_ok(ip.src, ip.dst, icmp)) return NetError::kIcmpBadChecksum;
  if (wire::load_u8(icmp.data()) != type) return NetError::kIcmpWrongType;
  return NetError::kOk;
}

}  // namespace

uint16_t icmpv6_checksum(const IpAddress& src, const IpAddress& dst, ByteSpan message) {
  return pseudo_header_sum(src, dst, message).finish();
}

bool icmpv6_checksum_ok(const IpAddress& src, const IpAddress& dst, ByteSpan message) {
  return pseudo_header_sum(src, dst, message).sum() == 0xffff;
}

void write_icmpv6_checksum(const IpAddress& src, const IpAddress& dst,
                           wire::MutableByteSpan message) {
  if (message.size() < 4) return;
  wire::store_u16(message.data() + 2, 0);
  wire::store_u16(message.data() + 2, icmpv6_checksum(src, dst, message));
}

Result<Icmpv6Echo> Icmpv6Echo::parse(ByteSpan icmp, const Ipv6Header& ip) {
  if (icmp.size() < kHeaderSize) return NetError::kIcmpTruncated;
  Icmpv6Echo m;
  m.type = wire::load_u8(icmp.data());
  if (m.type != icmpv6_type::kEchoRequest && m.type != icmpv6_type::kEchoReply) {
    return NetError::kIcmpWrongType;
  }
  if (const NetError e = check_common(icmp, ip, kHeaderSize, m.type); e != NetError::kOk) return e;
  if (wire::load_u8(icmp.data() + 1) != 0) return NetError::kIcmpBadCode;  // §4.1: Code 0
  m.identifier = wire::load_u16(icmp.data() + 4);
  m.sequence = wire::load_u16(icmp.data() + 6);
  m.data = icmp.subspan(kHeaderSize);
  return m;
}

void Icmpv6Echo::serialize_to(BufferWriter& w, const IpAddress& src, const IpAddress& dst) const {
  const size_t start = w.size();
  w.put_u8(type);
  w.put_u8(0);
  w.put_u16(0);  // checksum, written below
  w.put_u16(identifier);
  w.put_u16(sequence);
  w.put_bytes(data);
  if (w.ok()) write_icmpv6_checksum(src, dst, w.span_at(start, w.size() - start));
}

void write_icmpv6_echo_reply(const Ipv6Header& request_ip, const Icmpv6Echo& request,
                             const IpAddress& local, BufferWriter& w) {
  Icmpv6Echo reply = request;
  reply.type = icmpv6_type::kEchoReply;
  Ipv6Header::for_icmpv6(local, request_ip.src, reply.serialized_size()).serialize_to(w);
  reply.serialize_to(w, local, request_ip.src);
}

Result<Icmpv6PacketTooBig> Icmpv6PacketTooBig::parse(ByteSpan icmp, const Ipv6Header& ip) {
  const NetError e = check_common(icmp, ip, kHeaderSize, icmpv6_type::kPacketTooBig);
  if (e != NetError::kOk) return e;
  Icmpv6PacketTooBig m;
  m.mtu = wire::load_u32(icmp.data() + 4);
  // RFC 8201 §4: "If a node receives a Packet Too Big message reporting a next-hop MTU
  // that is less than the IPv6 minimum link MTU, it must discard it."
  if (m.mtu < kIpv6MinimumMtu) return NetError::kIcmpMtuBelowMinimum;
  Result<Ipv6Packet> q = Ipv6Packet::parse_quoted(icmp.subspan(kHeaderSize));
  if (!q) {
    const bool truncated =
        q.error() == NetError::kIpv6Truncated || q.error() == NetError::kIpv6ExtensionTruncated;
    return truncated ? NetError::kIcmpEmbeddedTruncated : NetError::kIcmpEmbeddedMalformed;
  }
  m.quoted = *q;
  return m;
}

void Icmpv6PacketTooBig::write(BufferWriter& w, const IpAddress& src, const IpAddress& dst,
                               uint32_t mtu, ByteSpan invoking) {
  const size_t start = w.size();
  w.put_u8(icmpv6_type::kPacketTooBig);
  w.put_u8(0);
  w.put_u16(0);  // checksum, written below
  w.put_u32(mtu);
  w.put_bytes(invoking);
  if (w.ok()) write_icmpv6_checksum(src, dst, w.span_at(start, w.size() - start));
}

}  // namespace dpsctp::net
