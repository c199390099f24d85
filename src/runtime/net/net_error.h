// Every way an L2/L3 frame (Ethernet, ARP, IPv4, IPv6, ICMP, ICMPv6, NDP) can be malformed
// or outside what the runtime handles. Parsers never throw and never read past a bound:
// they return one of these, naming the broken rule, so the poll loop can count the drop.
#pragma once

#include "wire/result.h"

#include <cassert>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace dpsctp::net {

enum class NetError : uint8_t {
  kOk = 0,
  // Ethernet II / IEEE 802.1Q.
  kEthernetTruncated,      ///< fewer than 14 bytes
  kEthernetVlanTruncated,  ///< TPID 0x8100 but no room for the tag and inner EtherType
  kEthernetNotEthernetII,  ///< type/length field < 0x0600: an IEEE 802.3 length (LLC frame)
  kEthernetStackedVlan,    ///< a second tag (QinQ): only one 802.1Q tag is supported
  // IPv4 (RFC 791).
  kIpv4Truncated,                 ///< fewer than 20 bytes
  kIpv4BadVersion,                ///< version field is not 4
  kIpv4BadIhl,                    ///< IHL < 5 (RFC 791 §3.1: minimum value is 5)
  kIpv4HeaderExceedsBuffer,       ///< IHL * 4 runs past the buffer
  kIpv4TotalLengthTooSmall,       ///< total length < IHL * 4
  kIpv4TotalLengthExceedsBuffer,  ///< total length runs past the buffer
  kIpv4BadChecksum,               ///< header checksum does not verify (RFC 1071)
  // IPv6 (RFC 8200).
  kIpv6Truncated,             ///< fewer than 40 bytes
  kIpv6BadVersion,            ///< version field is not 6
  kIpv6PayloadExceedsBuffer,  ///< payload length runs past the buffer
  kIpv6ExtensionTruncated,    ///< an extension header runs past the payload
  kIpv6HopByHopNotFirst,      ///< RFC 8200 §4.1: Hop-by-Hop must follow the IPv6 header
  kIpv6TooManyExtensions,     ///< longer extension chain than we walk (DoS bound)
  kIpv6RoutingSegmentsLeft,   ///< RFC 8200 §4.4: Segments Left != 0, we do not route
  // ICMPv4 (RFC 792) and ICMPv6 (RFC 4443).
  kIcmpTruncated,          ///< shorter than the fixed part of the message type
  kIcmpBadChecksum,        ///< the ICMP / ICMPv6 checksum does not verify
  kIcmpWrongType,          ///< parse() called on a message of another type
  kIcmpBadCode,            ///< a code the message type does not define
  kIcmpEmbeddedTruncated,  ///< invoking packet shorter than its IP header + 8 bytes
  kIcmpEmbeddedMalformed,  ///< invoking packet's IP header is not a valid header
  kIcmpMtuBelowMinimum,    ///< Packet Too Big with MTU < 1280 (RFC 8201 §4: discard)
  // ARP (RFC 826) for IPv4 over Ethernet.
  kArpTruncated,            ///< fewer than 28 bytes
  kArpUnsupportedHardware,  ///< hardware type != 1 (Ethernet) or hardware length != 6
  kArpUnsupportedProtocol,  ///< protocol type != 0x0800 (IPv4) or protocol length != 4
  kArpBadOperation,         ///< opcode other than request (1) / reply (2)
  // Neighbour Discovery (RFC 4861 §7.1 validation).
  kNdpBadHopLimit,           ///< IP Hop Limit != 255: may have crossed a router
  kNdpTargetMulticast,       ///< Target Address is a multicast address
  kNdpBadOptionLength,       ///< an option with length 0, or one running past the message
  kNdpBadLinkLayerOption,    ///< a link-layer address option whose length is not 1 (Ethernet)
  kNdpUnspecifiedSource,     ///< unspecified source with a bad destination or an SLLA option
  kNdpSolicitedToMulticast,  ///< NA with the Solicited flag sent to a multicast address
  // UDP (RFC 768), for SCTP-over-UDP encapsulation (RFC 6951).
  kUdpTruncated,         ///< fewer than 8 bytes, or Length runs past the IP payload
  kUdpBadLength,         ///< Length < 8
  kUdpBadChecksum,       ///< the checksum over the pseudo-header does not verify
  kUdpZeroChecksumIpv6,  ///< zero (absent) checksum over IPv6 (RFC 8200 §8.1)
};

/// A short, stable, human-readable name for logs, counters and test messages.
std::string_view to_string(NetError e);

/// A parsed value or the NetError that prevented it: wire::Result with another error type.
template <class T>
using Result = wire::Result<T, NetError>;

}  // namespace dpsctp::net
