#include "wire/cause/cause_code.h"

namespace dpsctp::wire::cause_code {

std::string_view name(uint16_t code) {
  switch (code) {
    case kInvalidStreamIdentifier: return "Invalid Stream Identifier";
    case kMissingMandatoryParameter: return "Missing Mandatory Parameter";
    case kStaleCookie: return "Stale Cookie Error";
    case kOutOfResource: return "Out of Resource";
    case kUnresolvableAddress: return "Unresolvable Address";
    case kUnrecognizedChunkType: return "Unrecognized Chunk Type";
    case kInvalidMandatoryParameter: return "Invalid Mandatory Parameter";
    case kUnrecognizedParameters: return "Unrecognized Parameters";
    case kNoUserData: return "No User Data";
    case kCookieReceivedWhileShuttingDown: return "Cookie Received While Shutting Down";
    case kRestartWithNewAddresses: return "Restart of an Association with New Addresses";
    case kUserInitiatedAbort: return "User-Initiated Abort";
    case kProtocolViolation: return "Protocol Violation";
    case kDeleteLastRemainingAddress: return "Request to Delete Last Remaining IP Address";
    case kOperationRefusedResourceShortage: return "Operation Refused Due to Resource Shortage";
    case kDeleteSourceAddress: return "Request to Delete Source IP Address";
    case kIllegalAsconfAck: return "Association Aborted Due to Illegal ASCONF-ACK";
    case kRequestRefusedNoAuthorization: return "Request Refused - No Authorization";
    case kUnsupportedHmacIdentifier: return "Unsupported HMAC Identifier";
    default: return "Unknown";
  }
}

}  // namespace dpsctp::wire::cause_code
