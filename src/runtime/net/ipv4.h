// IPv4 header (RFC 791 §3.1), checksum per RFC 1071, fragmentation fields (RFC 791 §2.3,
// §3.2), DF for path MTU discovery (RFC 1191 §3, RFC 9260 §7.3), ID of atomic datagrams
// (RFC 6864 §4.1).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |Version|  IHL  |  DSCP/ECN     |          Total Length         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |         Identification        |Flags|      Fragment Offset    |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  Time to Live |    Protocol   |         Header Checksum       |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                       Source Address                          |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                    Destination Address                        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                    Options (IHL > 5)                          |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "dpsctp/address.h"
#include "runtime/net/net_error.h"
#include "wire/buffer_writer.h"

namespace dpsctp::net {

using wire::BufferWriter;
using ByteSpan = std::span<const std::byte>;

/// IANA protocol numbers (IPv4 Protocol, IPv6 Next Header).
namespace ip_proto {
inline constexpr uint8_t kHopByHop = 0;
inline constexpr uint8_t kIcmp = 1;
inline constexpr uint8_t kTcp = 6;
inline constexpr uint8_t kUdp = 17;
inline constexpr uint8_t kRouting = 43;
inline constexpr uint8_t kFragment = 44;
inline constexpr uint8_t kIcmpv6 = 58;
inline constexpr uint8_t kNoNextHeader = 59;
inline constexpr uint8_t kDestinationOptions = 60;
inline constexpr uint8_t kSctp = 132;
}  // namespace ip_proto

/// Whether parse() verifies the header checksum: kSkip when the NIC already did
/// (DPDK RTE_MBUF_F_RX_IP_CKSUM_GOOD).
enum class ChecksumCheck : uint8_t { kVerify, kSkip };

struct Ipv4Header {
  static constexpr size_t kMinSize = 20;  ///< IHL = 5
  static constexpr uint8_t kDefaultTtl = 64;

  uint8_t tos = 0;  ///< DSCP (6 bits) and ECN (2 bits, RFC 3168)
  uint16_t total_length = 0;
  uint16_t identification = 0;
  bool dont_fragment = false;
  bool more_fragments = false;
  uint16_t fragment_offset = 0;  ///< in 8-octet units
  uint8_t ttl = kDefaultTtl;
  uint8_t protocol = 0;
  IpAddress src;
  IpAddress dst;

  /// A fragment: MF set or a non-zero offset (RFC 791 §3.2). The runtime drops and counts
  /// these (SCTP fragments itself and sets DF); reassembly may come later.
  [[nodiscard]] bool is_fragment() const { return more_fragments || fragment_offset != 0; }

  /// Header for one SCTP packet of `sctp_size` bytes: protocol 132, DF set (RFC 9260
  /// §7.3 / RFC 1191 §3: path MTU discovery needs it), ID 0 (RFC 6864 §4.1: the ID of an
  /// atomic datagram has no meaning), TTL 64.
  static Ipv4Header for_sctp(const IpAddress& src, const IpAddress& dst, size_t sctp_size);
  /// Header for an ICMP message of `icmp_size` bytes (protocol 1, DF clear).
  static Ipv4Header for_icmp(const IpAddress& src, const IpAddress& dst, size_t icmp_size);

  /// Writes the 20-byte option-less header with its checksum computed. `total_length`
  /// must already count the payload the caller writes next; src/dst must be IPv4.
  void serialize_to(BufferWriter& w) const;
  /// "10.0.0.1 > 10.0.0.2 proto 132 len 84 ttl 64 DF"
  [[nodiscard]] std::string to_string() const;
};

/// A received IPv4 datagram: the header values and views of the options and payload.
struct Ipv4Packet {
  Ipv4Header header;
  ByteSpan options;  ///< IHL > 5: skipped, not interpreted
  ByteSpan payload;  ///< total_length - IHL*4 bytes: link-layer padding trimmed

  [[nodiscard]] size_t header_size() const { return Ipv4Header::kMinSize + options.size(); }

  /// Parses a datagram at the start of `bytes` (trailing link padding allowed).
  /// Errors: kIpv4Truncated, kIpv4BadVersion, kIpv4BadIhl, kIpv4HeaderExceedsBuffer,
  /// kIpv4TotalLengthTooSmall, kIpv4TotalLengthExceedsBuffer, kIpv4BadChecksum.
  static Result<Ipv4Packet> parse(ByteSpan bytes, ChecksumCheck check = ChecksumCheck::kVerify);

  /// Parses the invoking datagram quoted in an ICMP error (RFC 792: "Internet Header + 64
  /// bits of Original Data Datagram"): the quote is shorter than its total length, so the
  /// total length and checksum are not checked; `payload` is what was quoted.
  /// Errors: kIpv4Truncated, kIpv4BadVersion, kIpv4BadIhl, kIpv4HeaderExceedsBuffer.
  static Result<Ipv4Packet> parse_quoted(ByteSpan bytes);
};

}  // namespace dpsctp::net
