// ICMPv6 (RFC 4443): the checksum over the IPv6 pseudo-header (RFC 4443 §2.3, RFC 8200
// §8.1), Echo Request / Echo Reply (§4.1, §4.2) and Packet Too Big (§3.2) with its quoted
// invoking packet, whose SCTP ports and tag name the association (RFC 9260 Appendix C).
// Neighbour Discovery messages are in ndp.h.
//
//   Echo Request / Reply                   Packet Too Big
//   +--------+--------+----------------+   +--------+--------+----------------+
//   |128/129 | Code 0 |    Checksum    |   | Type 2 | Code 0 |    Checksum    |
//   +--------+--------+----------------+   +--------+--------+----------------+
//   |   Identifier    | Sequence Number|   |               MTU                |
//   +-----------------+----------------+   +----------------------------------+
//   |  Data ...                            | As much of invoking packet as possible
//
// Pseudo-header: source (16) | destination (16) | upper-layer length (4) | zero (3) | 58
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "dpsctp/address.h"
#include "runtime/net/icmp.h"  // QuotedSctpHeader
#include "runtime/net/ipv6.h"
#include "runtime/net/net_error.h"
#include "wire/buffer_writer.h"

namespace dpsctp::net {

namespace icmpv6_type {
inline constexpr uint8_t kDestUnreachable = 1;
inline constexpr uint8_t kPacketTooBig = 2;
inline constexpr uint8_t kTimeExceeded = 3;
inline constexpr uint8_t kParameterProblem = 4;
inline constexpr uint8_t kEchoRequest = 128;
inline constexpr uint8_t kEchoReply = 129;
inline constexpr uint8_t kNeighbourSolicitation = 135;   ///< RFC 4861 §4.3
inline constexpr uint8_t kNeighbourAdvertisement = 136;  ///< RFC 4861 §4.4
}  // namespace icmpv6_type

/// RFC 8200 §5: "IPv6 requires that every link in the Internet have an MTU of 1280 octets
/// or greater".
inline constexpr uint32_t kIpv6MinimumMtu = 1280;

/// The checksum field value for `message` (its checksum field zeroed) between `src` and
/// `dst` (RFC 4443 §2.3: over the pseudo-header of RFC 8200 §8.1 and the message).
uint16_t icmpv6_checksum(const IpAddress& src, const IpAddress& dst, ByteSpan message);
/// True when `message`, checksum included, verifies for `src` -> `dst`.
bool icmpv6_checksum_ok(const IpAddress& src, const IpAddress& dst, ByteSpan message);
/// Computes and stores the checksum (bytes 2-3) of a message written in place.
void write_icmpv6_checksum(const IpAddress& src, const IpAddress& dst,
                           wire::MutableByteSpan message);

/// Echo Request (128) or Echo Reply (129), RFC 4443 §4.1 / §4.2.
struct Icmpv6Echo {
  static constexpr size_t kHeaderSize = 8;

  uint8_t type = icmpv6_type::kEchoRequest;
  uint16_t identifier = 0;
  uint16_t sequence = 0;
  ByteSpan data;  ///< echoed unchanged in the reply

  /// Parses an ICMPv6 message received in `ip` (the IPv6 upper-layer payload).
  /// Errors: kIcmpTruncated, kIcmpBadChecksum, kIcmpWrongType, kIcmpBadCode (not 0).
  static Result<Icmpv6Echo> parse(ByteSpan icmp, const Ipv6Header& ip);
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + data.size(); }
  /// Writes the message with its checksum for `src` -> `dst`.
  void serialize_to(BufferWriter& w, const IpAddress& src, const IpAddress& dst) const;
};

/// Writes IPv6 header + Echo Reply answering `request` received in `request_ip`, from
/// `local` to the request's source. RFC 4443 §4.2: identifier, sequence and data are
/// returned unchanged; `local` is the request's destination when that is unicast, else
/// (§4.2: "the source address of the reply MUST be a unicast address belonging to the
/// interface on which the Echo Request message was received") one of ours.
void write_icmpv6_echo_reply(const Ipv6Header& request_ip, const Icmpv6Echo& request,
                             const IpAddress& local, BufferWriter& w);

/// Packet Too Big (type 2), RFC 4443 §3.2.
struct Icmpv6PacketTooBig {
  static constexpr size_t kHeaderSize = 8;

  uint32_t mtu = 0;   ///< MTU of the next-hop link, >= 1280
  Ipv6Packet quoted;  ///< invoking packet, walked as far as it was quoted

  /// The quoted SCTP ports and tag, if the invoking packet was SCTP and 8 bytes of it
  /// survived the quote.
  [[nodiscard]] std::optional<QuotedSctpHeader> sctp() const {
    if (quoted.is_fragment()) return std::nullopt;
    return QuotedSctpHeader::from(quoted.upper_protocol, quoted.payload);
  }

  /// Parses an ICMPv6 message received in `ip`. The Code is ignored (§3.2: "Set to 0 by
  /// the originator and ignored by the receiver"). Errors: kIcmpTruncated,
  /// kIcmpBadChecksum, kIcmpWrongType, kIcmpMtuBelowMinimum (RFC 8201 §4: a Packet Too
  /// Big reporting less than 1280 "must" be discarded), kIcmpEmbeddedTruncated,
  /// kIcmpEmbeddedMalformed.
  static Result<Icmpv6PacketTooBig> parse(ByteSpan icmp, const Ipv6Header& ip);

  /// Writes a Packet Too Big quoting `invoking` from `src` to `dst`, with its checksum (a
  /// router's side: for tests and the simulator). RFC 4443 §2.4 (c) bounds the quote so
  /// the whole ICMPv6 packet fits the minimum MTU; the caller passes at most that.
  static void write(BufferWriter& w, const IpAddress& src, const IpAddress& dst, uint32_t mtu,
                    ByteSpan invoking);
};

}  // namespace dpsctp::net
