// IPv4 header parse/build (RFC 791 §3.1); layout in ipv4.h.
#include "runtime/net/ipv4.h"

#include <cstdio>

#include "runtime/net/inet_checksum.h"
#include "runtime/net/ip_text.h"
#include "wire/byte_io.h"

namespace dpsctp::net {
namespace {

constexpr uint16_t kFlagDf = 0x4000;
constexpr uint16_t kFlagMf = 0x2000;
constexpr uint16_t kOffsetMask = 0x1fff;

// The fixed 20 bytes and options; what both parse() and parse_quoted() check.
Result<Ipv4Packet> parse_header(ByteSpan b) {
  if (b.size() < Ipv4Header::kMinSize) return NetError::kIpv4Truncated;
  const uint8_t vihl = wire::load_u8(b.data());
  if ((vihl >> 4) != 4) return NetError::kIpv4BadVersion;
  // RFC 791 §3.1: "the minimum value for a correct header is 5".
  const size_t ihl_bytes = size_t{vihl & 0x0fu} * 4;
  if (ihl_bytes < Ipv4Header::kMinSize) return NetError::kIpv4BadIhl;
  if (ihl_bytes > b.size()) return NetError::kIpv4HeaderExceedsBuffer;
  Ipv4Packet p;
  Ipv4Header& h = p.header;
  h.tos = wire::load_u8(b.data() + 1);
  h.total_length = wire::load_u16(b.data() + 2);
  h.identification = wire::load_u16(b.data() + 4);
  const uint16_t frag = wire::load_u16(b.data() + 6);
  h.dont_fragment = (frag & kFlagDf) != 0;
  h.more_fragments = (frag & kFlagMf) != 0;
  h.fragment_offset = frag & kOffsetMask;
  h.ttl = wire::load_u8(b.data() + 8);
  h.protocol = wire::load_u8(b.data() + 9);
  h.src = IpAddress::v4(wire::load_u32(b.data() + 12));
  h.dst = IpAddress::v4(wire::load_u32(b.data() + 16));
  // Options are allowed and skipped: nothing the runtime does depends on them.
  p.options = b.subspan(Ipv4Header::kMinSize, ihl_bytes - Ipv4Header::kMinSize);
  p.payload = b.subspan(ihl_bytes);
  return p;
}

}  // namespace

Result<Ipv4Packet> Ipv4Packet::parse(ByteSpan bytes, ChecksumCheck check) {
  Result<Ipv4Packet> r = parse_header(bytes);
  if (!r) return r;
  Ipv4Packet p = *r;
  const size_t hlen = p.header_size();
  // RFC 791 §3.1: Total Length counts header and data; anything after it is link padding.
  if (p.header.total_length < hlen) return NetError::kIpv4TotalLengthTooSmall;
  if (p.header.total_length > bytes.size()) return NetError::kIpv4TotalLengthExceedsBuffer;
  // RFC 791 §3.1 / RFC 1071: the ones' complement sum over the header, checksum included,
  // must be all ones.
  if (check == ChecksumCheck::kVerify && !inet_checksum_ok(bytes.first(hlen))) {
    return NetError::kIpv4BadChecksum;
  }
  p.payload = bytes.subspan(hlen, p.header.total_length - hlen);
  return p;
}

Result<Ipv4Packet> Ipv4Packet::parse_quoted(ByteSpan bytes) { return parse_header(bytes); }

Ipv4Header Ipv4Header::for_sctp(const IpAddress& src, const IpAddress& dst, size_t sctp_size) {
  Ipv4Header h;
  h.total_length = static_cast<uint16_t>(kMinSize + sctp_size);
  h.dont_fragment = true;  // RFC 1191 §3: PMTU discovery sets DF on every datagram
  h.protocol = ip_proto::kSctp;
  h.src = src;
  h.dst = dst;
  return h;
}

Ipv4Header Ipv4Header::for_icmp(const IpAddress& src, const IpAddress& dst, size_t icmp_size) {
  Ipv4Header h;
  h.total_length = static_cast<uint16_t>(kMinSize + icmp_size);
  h.protocol = ip_proto::kIcmp;
  h.src = src;
  h.dst = dst;
  return h;
}

void Ipv4Header::serialize_to(BufferWriter& w) const {
  const size_t start = w.size();
  w.put_u8(0x45);  // version 4, IHL 5
  w.put_u8(tos);
  w.put_u16(total_length);
  w.put_u16(identification);
  w.put_u16(static_cast<uint16_t>((dont_fragment ? kFlagDf : 0) | (more_fragments ? kFlagMf : 0) |
                                  (fragment_offset & kOffsetMask)));
  w.put_u8(ttl);
  w.put_u8(protocol);
  w.put_u16(0);  // checksum, patched below
  w.put_bytes(ByteSpan(reinterpret_cast<const std::byte*>(src.data()), 4));
  w.put_bytes(ByteSpan(reinterpret_cast<const std::byte*>(dst.data()), 4));
  if (!w.ok()) return;
  wire::MutableByteSpan hdr = w.span_at(start, kMinSize);
  // RFC 791 §3.1: checksum computed with the checksum field as zero.
  wire::store_u16(hdr.data() + 10, inet_checksum(hdr));
}

std::string Ipv4Header::to_string() const {
  char buf[96];
  std::snprintf(buf, sizeof buf, " proto %u len %u ttl %u", protocol, total_length, ttl);
  std::string s = ip_text(src) + " > " + ip_text(dst) + buf;
  if (dont_fragment) s += " DF";
  if (more_fragments) s += " MF";
  if (fragment_offset != 0) s += " off " + std::to_string(fragment_offset * 8u);
  return s;
}

}  // namespace dpsctp::net
