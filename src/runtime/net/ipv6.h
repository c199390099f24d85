// IPv6 fixed header (RFC 8200 §3) and the walk over extension headers (RFC 8200 §4) to
// the upper-layer protocol: Hop-by-Hop Options (§4.3), Routing (§4.4), Fragment (§4.5),
// Destination Options (§4.6). Atomic fragments per RFC 6946.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |Version| Traffic Class |           Flow Label                  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |         Payload Length        |  Next Header  |   Hop Limit   |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                Source Address (16) | Destination Address (16) |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Extension headers other than the four above (AH, ESP, Mobility, ...) end the walk: they
// are reported as the upper-layer protocol, which the runtime then does not handle.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "dpsctp/address.h"
#include "runtime/net/ipv4.h"  // ip_proto
#include "runtime/net/net_error.h"
#include "wire/buffer_writer.h"

namespace dpsctp::net {

struct Ipv6Header {
  static constexpr size_t kSize = 40;
  static constexpr uint8_t kDefaultHopLimit = 64;

  uint8_t traffic_class = 0;    ///< DSCP (6 bits) and ECN (2 bits)
  uint32_t flow_label = 0;      ///< 20 bits (RFC 6437)
  uint16_t payload_length = 0;  ///< bytes after the fixed header, extensions included
  uint8_t next_header = 0;
  uint8_t hop_limit = kDefaultHopLimit;
  IpAddress src = IpAddress::v6({});
  IpAddress dst = IpAddress::v6({});

  /// Header for an SCTP packet of `sctp_size` bytes (next header 132, hop limit 64). No
  /// fragment header: RFC 8200 §5, SCTP fits its packets to the path MTU itself.
  static Ipv6Header for_sctp(const IpAddress& src, const IpAddress& dst, size_t sctp_size);
  /// Header for an ICMPv6 message (next header 58). NDP requires hop limit 255 (RFC 4861
  /// §7.1); echo replies use the default.
  static Ipv6Header for_icmpv6(const IpAddress& src, const IpAddress& dst, size_t icmp_size,
                               uint8_t hop_limit = kDefaultHopLimit);

  /// Writes the 40-byte header; src/dst must be IPv6.
  void serialize_to(BufferWriter& w) const;
  /// "2001:db8::1 > 2001:db8::2 next 132 len 48 hlim 64"
  [[nodiscard]] std::string to_string() const;
};

/// The Fragment header's fields (RFC 8200 §4.5).
struct Ipv6FragmentInfo {
  uint16_t offset = 0;  ///< in 8-octet units
  bool more_fragments = false;
  uint32_t identification = 0;
  /// RFC 6946 §4: offset 0 and M clear is an "atomic fragment", processed in isolation.
  [[nodiscard]] bool is_atomic() const { return offset == 0 && !more_fragments; }
};

/// A received IPv6 packet, walked to its upper-layer header.
struct Ipv6Packet {
  /// Longest extension chain walked; longer chains are refused (kIpv6TooManyExtensions)
  /// so a crafted packet cannot make the fast path loop. RFC 8200 §4.1 recommends order
  /// HbH, DestOpt, Routing, Fragment, AH, ESP, DestOpt: 8 leaves room for the legal ones.
  static constexpr size_t kMaxExtensionHeaders = 8;

  Ipv6Header header;
  uint8_t upper_protocol = ip_proto::kNoNextHeader;  ///< after the extension headers
  ByteSpan payload;  ///< the upper-layer header and data (after all walked extensions)
  std::optional<Ipv6FragmentInfo> fragment;  ///< set when a Fragment header was walked

  /// True for a real fragment (not an atomic one): `payload` is then fragment data and
  /// `upper_protocol` the Fragment header's Next Header. The runtime drops and counts.
  [[nodiscard]] bool is_fragment() const { return fragment && !fragment->is_atomic(); }

  /// Parses a packet at the start of `bytes` (trailing link padding allowed) and walks its
  /// extension headers. Errors: kIpv6Truncated, kIpv6BadVersion,
  /// kIpv6PayloadExceedsBuffer, kIpv6ExtensionTruncated, kIpv6HopByHopNotFirst,
  /// kIpv6TooManyExtensions, kIpv6RoutingSegmentsLeft.
  static Result<Ipv6Packet> parse(ByteSpan bytes);

  /// Parses the invoking packet quoted in an ICMPv6 error (RFC 4443 §2.4 (c): "as much of
  /// invoking packet as possible"): the payload length is not checked against the quote,
  /// the walk is bounded by the quoted bytes. Same errors as parse() but the payload one.
  static Result<Ipv6Packet> parse_quoted(ByteSpan bytes);
};

}  // namespace dpsctp::net
