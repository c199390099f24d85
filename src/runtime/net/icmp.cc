// ICMP for IPv4 (RFC 792, RFC 1191 §4); layouts in icmp.h.
#include "runtime/net/icmp.h"

#include <algorithm>

#include "runtime/net/inet_checksum.h"
#include "wire/byte_io.h"

namespace dpsctp::net {
namespace {

// RFC 792: "The checksum is the 16-bit ones's complement of the one's complement sum of
// the ICMP message starting with the ICMP Type."
NetError check_common(ByteSpan icmp, size_t fixed) {
  if (icmp.size() < fixed) return NetError::kIcmpTruncated;
  if (!inet_checksum_ok(icmp)) return NetError::kIcmpBadChecksum;
  return NetError::kOk;
}

// Computes and stores the checksum of the message written since `start`.
void patch_checksum(BufferWriter& w, size_t start) {
  if (!w.ok()) return;
  wire::MutableByteSpan msg = w.span_at(start, w.size() - start);
  wire::store_u16(msg.data() + 2, inet_checksum(msg));
}

}  // namespace

std::optional<QuotedSctpHeader> QuotedSctpHeader::from(uint8_t protocol, ByteSpan transport) {
  if (protocol != ip_proto::kSctp || transport.size() < 8) return std::nullopt;
  // RFC 9260 §3.1: source port, destination port, verification tag.
  return QuotedSctpHeader{wire::load_u16(transport.data()), wire::load_u16(transport.data() + 2),
                          wire::load_u32(transport.data() + 4)};
}

Result<IcmpEcho> IcmpEcho::parse(ByteSpan icmp) {
  if (const NetError e = check_common(icmp, kHeaderSize); e != NetError::kOk) return e;
  IcmpEcho m;
  m.type = wire::load_u8(icmp.data());
  if (m.type != icmp_type::kEchoRequest && m.type != icmp_type::kEchoReply) {
    return NetError::kIcmpWrongType;
  }
  if (wire::load_u8(icmp.data() + 1) != 0) return NetError::kIcmpBadCode;  // RFC 792: Code 0
  m.identifier = wire::load_u16(icmp.data() + 4);
  m.sequence = wire::load_u16(icmp.data() + 6);
  m.data = icmp.subspan(kHeaderSize);
  return m;
}

void IcmpEcho::serialize_to(BufferWriter& w) const {
  const size_t start = w.size();
  w.put_u8(type);
  w.put_u8(0);
  w.put_u16(0);  // checksum, patched below
  w.put_u16(identifier);
  w.put_u16(sequence);
  w.put_bytes(data);
  patch_checksum(w, start);
}

void write_icmp_echo_reply(const Ipv4Header& request_ip, const IcmpEcho& request, BufferWriter& w) {
  IcmpEcho reply = request;
  reply.type = icmp_type::kEchoReply;
  // RFC 792: addresses reversed.
  Ipv4Header::for_icmp(request_ip.dst, request_ip.src, reply.serialized_size()).serialize_to(w);
  reply.serialize_to(w);
}

Result<IcmpDestUnreachable> IcmpDestUnreachable::parse(ByteSpan icmp) {
  if (const NetError e = check_common(icmp, kHeaderSize); e != NetError::kOk) return e;
  if (wire::load_u8(icmp.data()) != icmp_type::kDestUnreachable) return NetError::kIcmpWrongType;
  IcmpDestUnreachable m;
  m.code = wire::load_u8(icmp.data() + 1);
  if (m.code > icmp_unreachable::kMaxCode) return NetError::kIcmpBadCode;
  // RFC 1191 §4: the low-order 16 bits of the "unused" word carry the next-hop MTU.
  if (m.is_fragmentation_needed()) m.next_hop_mtu = wire::load_u16(icmp.data() + 6);
  Result<Ipv4Packet> q = Ipv4Packet::parse_quoted(icmp.subspan(kHeaderSize));
  if (!q) {
    return q.error() == NetError::kIpv4Truncated ? NetError::kIcmpEmbeddedTruncated
                                                 : NetError::kIcmpEmbeddedMalformed;
  }
  // RFC 792: the internet header "plus the first 64 bits of the original datagram's data".
  if (q->payload.size() < kQuotedDataSize) return NetError::kIcmpEmbeddedTruncated;
  m.quoted = *q;
  return m;
}

void IcmpDestUnreachable::write(BufferWriter& w, uint8_t code, uint16_t next_hop_mtu,
                                ByteSpan invoking) {
  const size_t start = w.size();
  w.put_u8(icmp_type::kDestUnreachable);
  w.put_u8(code);
  w.put_u16(0);  // checksum, patched below
  w.put_u16(0);  // unused
  w.put_u16(code == icmp_unreachable::kFragmentationNeeded ? next_hop_mtu : 0);
  w.put_bytes(invoking);
  patch_checksum(w, start);
}

}  // namespace dpsctp::net
