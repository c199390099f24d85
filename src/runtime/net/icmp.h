// ICMP for IPv4 (RFC 792): Echo / Echo Reply, and Destination Unreachable with the
// "fragmentation needed and DF set" code carrying the next-hop MTU (RFC 1191 §4). The
// quoted invoking datagram yields the SCTP ports and verification tag so the runtime can
// find the association and check the tag (RFC 9260 Appendix C, ICMP5).
//
//   Echo / Echo Reply                      Destination Unreachable (code 4: RFC 1191 §4)
//   +--------+--------+----------------+   +--------+--------+----------------+
//   | Type   | Code 0 |    Checksum    |   | Type 3 |  Code  |    Checksum    |
//   +--------+--------+----------------+   +--------+--------+----------------+
//   |   Identifier    | Sequence Number|   | unused (zero)   |  Next-Hop MTU  |
//   +-----------------+----------------+   +-----------------+----------------+
//   |  Data ...                            | Internet Header + 64 bits of Original Data
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "runtime/net/ipv4.h"
#include "runtime/net/net_error.h"
#include "wire/buffer_writer.h"

namespace dpsctp::net {

namespace icmp_type {
inline constexpr uint8_t kEchoReply = 0;
inline constexpr uint8_t kDestUnreachable = 3;
inline constexpr uint8_t kEchoRequest = 8;
inline constexpr uint8_t kTimeExceeded = 11;
}  // namespace icmp_type

/// Destination Unreachable codes (RFC 792, RFC 1122 §3.2.2.1, RFC 1812 §5.2.7.1).
namespace icmp_unreachable {
inline constexpr uint8_t kNet = 0;
inline constexpr uint8_t kHost = 1;
inline constexpr uint8_t kProtocol = 2;
inline constexpr uint8_t kPort = 3;
inline constexpr uint8_t kFragmentationNeeded = 4;
inline constexpr uint8_t kMaxCode = 15;  ///< "precedence cutoff in effect" (RFC 1812)
}  // namespace icmp_unreachable

/// The SCTP common header's first 8 bytes as quoted in an ICMP / ICMPv6 error: enough to
/// find the association (ports) and validate the message (RFC 9260 Appendix C, ICMP5:
/// the Verification Tag must be the peer's).
struct QuotedSctpHeader {
  uint16_t src_port = 0;
  uint16_t dst_port = 0;
  uint32_t verification_tag = 0;

  /// From an invoking packet's upper-layer protocol and quoted transport bytes; nullopt
  /// unless the protocol is SCTP and 8 bytes were quoted.
  static std::optional<QuotedSctpHeader> from(uint8_t protocol, ByteSpan transport);
  friend bool operator==(const QuotedSctpHeader&, const QuotedSctpHeader&) = default;
};

/// Echo (type 8) or Echo Reply (type 0), RFC 792 p. 14.
struct IcmpEcho {
  static constexpr size_t kHeaderSize = 8;

  uint8_t type = icmp_type::kEchoRequest;
  uint16_t identifier = 0;
  uint16_t sequence = 0;
  ByteSpan data;  ///< echoed unchanged in the reply

  /// Parses an ICMP message (the IPv4 payload). Errors: kIcmpTruncated, kIcmpBadChecksum,
  /// kIcmpWrongType (not type 0 or 8), kIcmpBadCode (not 0).
  static Result<IcmpEcho> parse(ByteSpan icmp);
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + data.size(); }
  /// Writes the message with its checksum.
  void serialize_to(BufferWriter& w) const;
};

/// Writes IPv4 header + Echo Reply answering `request` received in `request_ip`.
/// RFC 792: "the source and destination addresses are simply reversed, the type code
/// changed to 0, and the checksum recomputed"; identifier, sequence and data are kept.
/// Call only for a request addressed to one of our unicast addresses (RFC 1122
/// §3.2.2.6: a request to a broadcast address MAY be silently discarded).
void write_icmp_echo_reply(const Ipv4Header& request_ip, const IcmpEcho& request, BufferWriter& w);

/// Destination Unreachable (type 3), RFC 792 p. 4; code 4 per RFC 1191 §4.
struct IcmpDestUnreachable {
  static constexpr size_t kHeaderSize = 8;
  static constexpr size_t kQuotedDataSize = 8;  ///< RFC 792: "64 bits of Original Data"

  uint8_t code = icmp_unreachable::kFragmentationNeeded;
  /// RFC 1191 §4: MTU of the next-hop network, code 4 only. 0 from a router that predates
  /// RFC 1191 (§5: the host then guesses from the quoted Total Length, a plateau table).
  /// RFC 1191 §3: a host MUST NOT reduce its path MTU estimate below 68 (caller's rule).
  uint16_t next_hop_mtu = 0;
  Ipv4Packet quoted;  ///< invoking datagram: header and the (at least 8) quoted bytes

  [[nodiscard]] bool is_fragmentation_needed() const {
    return code == icmp_unreachable::kFragmentationNeeded;
  }
  /// The quoted SCTP ports and tag, if the invoking datagram was SCTP.
  [[nodiscard]] std::optional<QuotedSctpHeader> sctp() const {
    return QuotedSctpHeader::from(quoted.header.protocol, quoted.payload);
  }

  /// Parses an ICMP message (the IPv4 payload). Errors: kIcmpTruncated, kIcmpBadChecksum,
  /// kIcmpWrongType, kIcmpBadCode (> 15), kIcmpEmbeddedMalformed (quoted header invalid),
  /// kIcmpEmbeddedTruncated (fewer than 8 bytes quoted after it).
  static Result<IcmpDestUnreachable> parse(ByteSpan icmp);

  /// Writes a Destination Unreachable quoting `invoking` (a router's or the simulator's
  /// side: the header plus its first 8 data bytes, RFC 792), with its checksum.
  static void write(BufferWriter& w, uint8_t code, uint16_t next_hop_mtu, ByteSpan invoking);
};

}  // namespace dpsctp::net
