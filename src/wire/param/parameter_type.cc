#include "wire/param/parameter_type.h"

namespace dpsctp::wire::param_type {

std::string_view name(uint16_t type) {
  switch (type) {
    case kHeartbeatInfo: return "Heartbeat Info";
    case kIpv4Address: return "IPv4 Address";
    case kIpv6Address: return "IPv6 Address";
    case kStateCookie: return "State Cookie";
    case kUnrecognizedParameter: return "Unrecognized Parameter";
    case kCookiePreservative: return "Cookie Preservative";
    case kHostNameAddress: return "Host Name Address";
    case kSupportedAddressTypes: return "Supported Address Types";
    case kOutgoingSsnResetRequest: return "Outgoing SSN Reset Request";
    case kIncomingSsnResetRequest: return "Incoming SSN Reset Request";
    case kSsnTsnResetRequest: return "SSN/TSN Reset Request";
    case kReconfigurationResponse: return "Re-configuration Response";
    case kAddOutgoingStreamsRequest: return "Add Outgoing Streams Request";
    case kAddIncomingStreamsRequest: return "Add Incoming Streams Request";
    case kEcnCapable: return "ECN Capable";
    case kRandom: return "Random";
    case kChunkList: return "Chunk List";
    case kRequestedHmacAlgorithm: return "Requested HMAC Algorithm";
    case kPadding: return "Padding";
    case kSupportedExtensions: return "Supported Extensions";
    case kForwardTsnSupported: return "Forward-TSN Supported";
    case kAddIpAddress: return "Add IP Address";
    case kDeleteIpAddress: return "Delete IP Address";
    case kErrorCauseIndication: return "Error Cause Indication";
    case kSetPrimaryAddress: return "Set Primary Address";
    case kSuccessIndication: return "Success Indication";
    case kAdaptationLayerIndication: return "Adaptation Layer Indication";
    default: return "Unknown";
  }
}

}  // namespace dpsctp::wire::param_type
