// Parameter type codes (RFC 9260 §3.3.2.1, §3.3.3.1 and the IANA "Chunk Parameter Types"
// registry). The two highest bits tell what to do when the type is unknown
// (unrecognized_param_action() in wire/chunk_type.h).
#pragma once

#include <cstdint>
#include <string_view>

namespace dpsctp::wire::param_type {

inline constexpr uint16_t kHeartbeatInfo = 1;             // RFC 9260 §3.3.5
inline constexpr uint16_t kIpv4Address = 5;               // RFC 9260 §3.3.2.1
inline constexpr uint16_t kIpv6Address = 6;               // RFC 9260 §3.3.2.1
inline constexpr uint16_t kStateCookie = 7;               // RFC 9260 §3.3.3.1
inline constexpr uint16_t kUnrecognizedParameter = 8;     // RFC 9260 §3.3.3.1
inline constexpr uint16_t kCookiePreservative = 9;        // RFC 9260 §3.3.2.1
inline constexpr uint16_t kHostNameAddress = 11;          // RFC 9260 §3.3.2.1 (deprecated)
inline constexpr uint16_t kSupportedAddressTypes = 12;    // RFC 9260 §3.3.2.1
inline constexpr uint16_t kOutgoingSsnResetRequest = 13;  // RFC 6525 §4.1
inline constexpr uint16_t kIncomingSsnResetRequest = 14;  // RFC 6525 §4.2
inline constexpr uint16_t kSsnTsnResetRequest = 15;       // RFC 6525 §4.3
inline constexpr uint16_t kReconfigurationResponse = 16;  // RFC 6525 §4.4
inline constexpr uint16_t kAddOutgoingStreamsRequest = 17;  // RFC 6525 §4.5
inline constexpr uint16_t kAddIncomingStreamsRequest = 18;  // RFC 6525 §4.6
inline constexpr uint16_t kEcnCapable = 0x8000;           // RFC 9260 Appendix A
inline constexpr uint16_t kRandom = 0x8002;               // RFC 4895 §3.1
inline constexpr uint16_t kChunkList = 0x8003;            // RFC 4895 §3.2
inline constexpr uint16_t kRequestedHmacAlgorithm = 0x8004;  // RFC 4895 §3.3
inline constexpr uint16_t kPadding = 0x8005;              // RFC 4820 §4
inline constexpr uint16_t kSupportedExtensions = 0x8008;  // RFC 5061 §4.2.7
inline constexpr uint16_t kForwardTsnSupported = 0xC000;  // RFC 3758 §3.1
inline constexpr uint16_t kAddIpAddress = 0xC001;         // RFC 5061 §4.2.1
inline constexpr uint16_t kDeleteIpAddress = 0xC002;      // RFC 5061 §4.2.2
inline constexpr uint16_t kErrorCauseIndication = 0xC003;  // RFC 5061 §4.2.3
inline constexpr uint16_t kSetPrimaryAddress = 0xC004;    // RFC 5061 §4.2.4
inline constexpr uint16_t kSuccessIndication = 0xC005;    // RFC 5061 §4.2.5
inline constexpr uint16_t kAdaptationLayerIndication = 0xC006;  // RFC 5061 §4.2.6

/// "IPv4 Address", "State Cookie", ... or "Unknown".
std::string_view name(uint16_t type);

}  // namespace dpsctp::wire::param_type
