// IPv6 header and extension-header walk (RFC 8200 §3, §4); layout in ipv6.h.
#include "runtime/net/ipv6.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "runtime/net/ip_text.h"
#include "wire/byte_io.h"

namespace dpsctp::net {
namespace {

// Hop-by-Hop, Routing and Destination Options share this shape (RFC 8200 §4.3, §4.4,
// §4.6): Next Header, Hdr Ext Len in 8-octet units not counting the first 8 octets.
constexpr size_t kExtUnit = 8;
constexpr size_t kFragmentHeaderSize = 8;  // RFC 8200 §4.5

// Reads one extension header at the front of `rest`; advances `rest` and `next`.
NetError walk_one(uint8_t& next, ByteSpan& rest, Ipv6Packet& p) {
  if (rest.size() < kExtUnit) return NetError::kIpv6ExtensionTruncated;
  const uint8_t this_header = next;
  next = wire::load_u8(rest.data());
  if (this_header == ip_proto::kFragment) {
    const uint16_t off_m = wire::load_u16(rest.data() + 2);
    p.fragment = Ipv6FragmentInfo{static_cast<uint16_t>(off_m >> 3), (off_m & 1u) != 0,
                                  wire::load_u32(rest.data() + 4)};
    rest = rest.subspan(kFragmentHeaderSize);
    return NetError::kOk;
  }
  const size_t len = (size_t{wire::load_u8(rest.data() + 1)} + 1) * kExtUnit;
  if (len > rest.size()) return NetError::kIpv6ExtensionTruncated;
  // RFC 8200 §4.4: a Routing header with Segments Left != 0 asks us to forward the packet
  // to the next segment; an SCTP endpoint is not a router, so the packet is not for it.
  if (this_header == ip_proto::kRouting && wire::load_u8(rest.data() + 3) != 0) {
    return NetError::kIpv6RoutingSegmentsLeft;
  }
  rest = rest.subspan(len);
  return NetError::kOk;
}

bool is_walked_extension(uint8_t next) {
  return next == ip_proto::kHopByHop || next == ip_proto::kRouting || next == ip_proto::kFragment ||
         next == ip_proto::kDestinationOptions;
}

// Walks from the fixed header's Next Header to the upper-layer protocol (RFC 8200 §4).
NetError walk_extensions(ByteSpan rest, Ipv6Packet& p) {
  uint8_t next = p.header.next_header;
  for (size_t count = 0; is_walked_extension(next); ++count) {
    // RFC 8200 §4.1: Hop-by-Hop "must immediately follow the IPv6 header".
    if (next == ip_proto::kHopByHop && count > 0) return NetError::kIpv6HopByHopNotFirst;
    if (count == Ipv6Packet::kMaxExtensionHeaders) return NetError::kIpv6TooManyExtensions;
    if (const NetError e = walk_one(next, rest, p); e != NetError::kOk) return e;
    // RFC 8200 §4.5: after a non-atomic Fragment header the rest is fragment data; the
    // headers that follow are only in the first fragment and not walked.
    if (p.is_fragment()) break;
  }
  p.upper_protocol = next;
  p.payload = rest;
  return NetError::kOk;
}

Result<Ipv6Packet> parse_fixed(ByteSpan b) {
  if (b.size() < Ipv6Header::kSize) return NetError::kIpv6Truncated;
  const uint32_t word0 = wire::load_u32(b.data());
  if ((word0 >> 28) != 6) return NetError::kIpv6BadVersion;
  Ipv6Packet p;
  Ipv6Header& h = p.header;
  h.traffic_class = static_cast<uint8_t>(word0 >> 20);
  h.flow_label = word0 & 0xfffffu;
  h.payload_length = wire::load_u16(b.data() + 4);
  h.next_header = wire::load_u8(b.data() + 6);
  h.hop_limit = wire::load_u8(b.data() + 7);
  std::array<uint8_t, 16> a{};
  std::memcpy(a.data(), b.data() + 8, 16);
  h.src = IpAddress::v6(a);
  std::memcpy(a.data(), b.data() + 24, 16);
  h.dst = IpAddress::v6(a);
  return p;
}

}  // namespace

Result<Ipv6Packet> Ipv6Packet::parse(ByteSpan bytes) {
  Result<Ipv6Packet> r = parse_fixed(bytes);
  if (!r) return r;
  Ipv6Packet p = *r;
  // RFC 8200 §3: Payload Length counts the extension headers; the rest is link padding.
  // (Jumbograms, RFC 2675, do not exist on Ethernet: length 0 is an empty payload.)
  if (p.header.payload_length > bytes.size() - Ipv6Header::kSize) {
    return NetError::kIpv6PayloadExceedsBuffer;
  }
  const NetError e = walk_extensions(bytes.subspan(Ipv6Header::kSize, p.header.payload_length), p);
  if (e != NetError::kOk) return e;
  return p;
}

Result<Ipv6Packet> Ipv6Packet::parse_quoted(ByteSpan bytes) {
  Result<Ipv6Packet> r = parse_fixed(bytes);
  if (!r) return r;
  Ipv6Packet p = *r;
  const size_t quoted = std::min<size_t>(p.header.payload_length, bytes.size() - Ipv6Header::kSize);
  const NetError e = walk_extensions(bytes.subspan(Ipv6Header::kSize, quoted), p);
  if (e != NetError::kOk) return e;
  return p;
}

Ipv6Header Ipv6Header::for_sctp(const IpAddress& src, const IpAddress& dst, size_t sctp_size) {
  Ipv6Header h;
  h.payload_length = static_cast<uint16_t>(sctp_size);
  h.next_header = ip_proto::kSctp;
  h.src = src;
  h.dst = dst;
  return h;
}

Ipv6Header Ipv6Header::for_icmpv6(const IpAddress& src, const IpAddress& dst, size_t icmp_size,
                                  uint8_t hop_limit) {
  Ipv6Header h;
  h.payload_length = static_cast<uint16_t>(icmp_size);
  h.next_header = ip_proto::kIcmpv6;
  h.hop_limit = hop_limit;
  h.src = src;
  h.dst = dst;
  return h;
}

void Ipv6Header::serialize_to(BufferWriter& w) const {
  w.put_u32((6u << 28) | (uint32_t{traffic_class} << 20) | (flow_label & 0xfffffu));
  w.put_u16(payload_length);
  w.put_u8(next_header);
  w.put_u8(hop_limit);
  w.put_bytes(ByteSpan(reinterpret_cast<const std::byte*>(src.data()), 16));
  w.put_bytes(ByteSpan(reinterpret_cast<const std::byte*>(dst.data()), 16));
}

std::string Ipv6Header::to_string() const {
  char buf[64];
  std::snprintf(buf, sizeof buf, " next %u len %u hlim %u", next_header, payload_length, hop_limit);
  return ip_text(src) + " > " + ip_text(dst) + buf;
}

}  // namespace dpsctp::net
