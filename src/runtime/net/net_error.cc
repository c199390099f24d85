// Names of NetError values (see net_error.h).
#include "runtime/net/net_error.h"

namespace dpsctp::net {

std::string_view to_string(NetError e) {
  switch (e) {
    case NetError::kOk:
      return "ok";
    case NetError::kEthernetTruncated:
      return "ethernet-truncated";
    case NetError::kEthernetVlanTruncated:
      return "ethernet-vlan-truncated";
    case NetError::kEthernetNotEthernetII:
      return "ethernet-not-ethernet-ii";
    case NetError::kEthernetStackedVlan:
      return "ethernet-stacked-vlan";
    case NetError::kIpv4Truncated:
      return "ipv4-truncated";
    case NetError::kIpv4BadVersion:
      return "ipv4-bad-version";
    case NetError::kIpv4BadIhl:
      return "ipv4-bad-ihl";
    case NetError::kIpv4HeaderExceedsBuffer:
      return "ipv4-header-exceeds-buffer";
    case NetError::kIpv4TotalLengthTooSmall:
      return "ipv4-total-length-too-small";
    case NetError::kIpv4TotalLengthExceedsBuffer:
      return "ipv4-total-length-exceeds-buffer";
    case NetError::kIpv4BadChecksum:
      return "ipv4-bad-checksum";
    case NetError::kIpv6Truncated:
      return "ipv6-truncated";
    case NetError::kIpv6BadVersion:
      return "ipv6-bad-version";
    case NetError::kIpv6PayloadExceedsBuffer:
      return "ipv6-payload-exceeds-buffer";
    case NetError::kIpv6ExtensionTruncated:
      return "ipv6-extension-truncated";
    case NetError::kIpv6HopByHopNotFirst:
      return "ipv6-hop-by-hop-not-first";
    case NetError::kIpv6TooManyExtensions:
      return "ipv6-too-many-extensions";
    case NetError::kIpv6RoutingSegmentsLeft:
      return "ipv6-routing-segments-left";
    case NetError::kIcmpTruncated:
      return "icmp-truncated";
    case NetError::kIcmpBadChecksum:
      return "icmp-bad-checksum";
    case NetError::kIcmpWrongType:
      return "icmp-wrong-type";
    case NetError::kIcmpBadCode:
      return "icmp-bad-code";
    case NetError::kIcmpEmbeddedTruncated:
      return "icmp-embedded-truncated";
    case NetError::kIcmpEmbeddedMalformed:
      return "icmp-embedded-malformed";
    case NetError::kIcmpMtuBelowMinimum:
      return "icmp-mtu-below-minimum";
    case NetError::kArpTruncated:
      return "arp-truncated";
    case NetError::kArpUnsupportedHardware:
      return "arp-unsupported-hardware";
    case NetError::kArpUnsupportedProtocol:
      return "arp-unsupported-protocol";
    case NetError::kArpBadOperation:
      return "arp-bad-operation";
    case NetError::kNdpBadHopLimit:
      return "ndp-bad-hop-limit";
    case NetError::kNdpTargetMulticast:
      return "ndp-target-multicast";
    case NetError::kNdpBadOptionLength:
      return "ndp-bad-option-length";
    case NetError::kNdpBadLinkLayerOption:
      return "ndp-bad-link-layer-option";
    case NetError::kNdpUnspecifiedSource:
      return "ndp-unspecified-source";
    case NetError::kNdpSolicitedToMulticast:
      return "ndp-solicited-to-multicast";
    case NetError::kUdpTruncated:
      return "udp-truncated";
    case NetError::kUdpBadLength:
      return "udp-bad-length";
    case NetError::kUdpBadChecksum:
      return "udp-bad-checksum";
    case NetError::kUdpZeroChecksumIpv6:
      return "udp-zero-checksum-ipv6";
  }
  return "unknown";
}

}  // namespace dpsctp::net
