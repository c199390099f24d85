// UDP (RFC 768) as far as SCTP-over-UDP encapsulation (RFC 6951) needs it: the 8-byte
// header, its checksum over the IPv4 (RFC 768) or IPv6 (RFC 8200 §8.1) pseudo-header, and
// the validation of a received datagram.
//
//    0      7 8     15 16    23 24    31
//   +--------+--------+--------+--------+
//   |   Source Port   | Destination Port|
//   +--------+--------+--------+--------+
//   |     Length      |    Checksum     |
//   +--------+--------+--------+--------+
//   |  data octets (here: one SCTP packet) ...
//
// Pure: no DPDK, no allocation.
#pragma once

#include <cstddef>
#include <cstdint>

#include "dpsctp/address.h"
#include "runtime/net/inet_checksum.h"
#include "runtime/net/net_error.h"
#include "wire/byte_io.h"

namespace dpsctp::net {

struct UdpHeader {
  static constexpr size_t kSize = 8;

  uint16_t src_port = 0;
  uint16_t dst_port = 0;
  uint16_t length = 0;    ///< RFC 768: header plus data, at least 8
  uint16_t checksum = 0;  ///< 0 on IPv4: "no checksum" (RFC 768)
};

/// A received UDP datagram: its header and payload (trailing bytes beyond Length cut).
struct UdpDatagram {
  UdpHeader header;
  ByteSpan payload;

  /// Parses the IP payload `l4` of a datagram from `src` to `dst` and verifies its
  /// checksum. RFC 768: a zero checksum on IPv4 means the sender computed none (accepted,
  /// nothing to verify). RFC 8200 §8.1: over IPv6 the checksum is mandatory, zero is an
  /// error (the RFC 6935 zero-checksum exception is for tunnels that negotiate it; RFC
  /// 6951 does not). Errors: kUdpTruncated (fewer than 8 bytes, or Length beyond `l4`),
  /// kUdpBadLength (Length < 8), kUdpBadChecksum, kUdpZeroChecksumIpv6.
  static Result<UdpDatagram> parse(ByteSpan l4, const IpAddress& src, const IpAddress& dst);
};

/// The checksum field value for `datagram` (UDP header with its checksum field zero, then
/// data) from `src` to `dst`: RFC 768 / RFC 8200 §8.1 pseudo-header, RFC 1071 sum. A
/// computed 0 is sent as 0xffff (RFC 768: "all ones" since zero means "none").
uint16_t udp_checksum(ByteSpan datagram, const IpAddress& src, const IpAddress& dst);

/// Writes a UDP header into the 8 bytes at `out` for `payload_len` bytes of data that
/// follow it in memory at out + 8, checksum computed over header and those bytes.
/// False (nothing written) when the datagram would exceed 65535 bytes or the families of
/// src and dst differ.
bool write_udp_header(std::byte* out, uint16_t src_port, uint16_t dst_port, size_t payload_len,
                      const IpAddress& src, const IpAddress& dst);

}  // namespace dpsctp::net
