// Error cause codes (RFC 9260 §3.3.10 and the IANA "Error Cause Codes" registry).
#pragma once

#include <cstdint>
#include <string_view>

namespace dpsctp::wire::cause_code {

inline constexpr uint16_t kInvalidStreamIdentifier = 1;      // RFC 9260 §3.3.10.1
inline constexpr uint16_t kMissingMandatoryParameter = 2;    // §3.3.10.2
inline constexpr uint16_t kStaleCookie = 3;                  // §3.3.10.3
inline constexpr uint16_t kOutOfResource = 4;                // §3.3.10.4
inline constexpr uint16_t kUnresolvableAddress = 5;          // §3.3.10.5
inline constexpr uint16_t kUnrecognizedChunkType = 6;        // §3.3.10.6
inline constexpr uint16_t kInvalidMandatoryParameter = 7;    // §3.3.10.7
inline constexpr uint16_t kUnrecognizedParameters = 8;       // §3.3.10.8
inline constexpr uint16_t kNoUserData = 9;                   // §3.3.10.9
inline constexpr uint16_t kCookieReceivedWhileShuttingDown = 10;  // §3.3.10.10
inline constexpr uint16_t kRestartWithNewAddresses = 11;     // §3.3.10.11
inline constexpr uint16_t kUserInitiatedAbort = 12;          // §3.3.10.12
inline constexpr uint16_t kProtocolViolation = 13;           // §3.3.10.13
inline constexpr uint16_t kDeleteLastRemainingAddress = 0x00A0;  // RFC 5061 §5.1
inline constexpr uint16_t kOperationRefusedResourceShortage = 0x00A1;  // RFC 5061 §5.1
inline constexpr uint16_t kDeleteSourceAddress = 0x00A2;     // RFC 5061 §5.1
inline constexpr uint16_t kIllegalAsconfAck = 0x00A3;        // RFC 5061 §5.1
inline constexpr uint16_t kRequestRefusedNoAuthorization = 0x00A4;  // RFC 5061 §5.1
inline constexpr uint16_t kUnsupportedHmacIdentifier = 0x0105;  // RFC 4895 §6.1

/// "Invalid Stream Identifier", ... or "Unknown".
std::string_view name(uint16_t code);

}  // namespace dpsctp::wire::cause_code
