// Chunk type codes (RFC 9260 §3.2 and the IANA "Chunk Types" registry) and the action
// the upper two bits of an unrecognised type ask for.
#pragma once

#include <cstdint>
#include <string_view>

namespace dpsctp::wire {

enum class ChunkType : uint8_t {
  kData = 0,               // RFC 9260 §3.3.1
  kInit = 1,               // §3.3.2
  kInitAck = 2,            // §3.3.3
  kSack = 3,               // §3.3.4
  kHeartbeat = 4,          // §3.3.5
  kHeartbeatAck = 5,       // §3.3.6
  kAbort = 6,              // §3.3.7
  kShutdown = 7,           // §3.3.8
  kShutdownAck = 8,        // §3.3.9
  kError = 9,              // §3.3.10
  kCookieEcho = 10,        // §3.3.11
  kCookieAck = 11,         // §3.3.12
  kEcne = 12,              // RFC 9260 Appendix A
  kCwr = 13,               // RFC 9260 Appendix A
  kShutdownComplete = 14,  // §3.3.13
  kAuth = 15,              // RFC 4895 §4.1
  kIData = 64,             // RFC 8260 §2.1
  kAsconfAck = 0x80,       // RFC 5061 §4.1.2
  kReconfig = 130,         // RFC 6525 §3.1
  kPad = 132,              // RFC 4820 §3
  kForwardTsn = 192,       // RFC 3758 §3.2
  kAsconf = 0xC1,          // RFC 5061 §4.1.1
  kIForwardTsn = 194,      // RFC 8260 §2.3
};

/// What to do with a chunk or parameter whose type we do not recognise.
enum class UnrecognizedAction : uint8_t {
  kStop = 0,           ///< 00: stop processing, discard it (and what follows)
  kStopAndReport = 1,  ///< 01: same, and report it in an ERROR / Unrecognized Parameter
  kSkip = 2,           ///< 10: skip it and continue
  kSkipAndReport = 3,  ///< 11: skip it, continue, and report it
};

/// RFC 9260 §3.2: the two highest bits of the chunk type encode the action.
constexpr UnrecognizedAction unrecognized_chunk_action(uint8_t type) {
  return static_cast<UnrecognizedAction>(type >> 6);
}
/// RFC 9260 §3.2.1: the two highest bits of the parameter type encode the action.
constexpr UnrecognizedAction unrecognized_param_action(uint16_t type) {
  return static_cast<UnrecognizedAction>(type >> 14);
}
constexpr bool action_reports(UnrecognizedAction a) {
  return a == UnrecognizedAction::kStopAndReport || a == UnrecognizedAction::kSkipAndReport;
}
constexpr bool action_continues(UnrecognizedAction a) {
  return a == UnrecognizedAction::kSkip || a == UnrecognizedAction::kSkipAndReport;
}

/// True for every type in ChunkType.
bool is_known_chunk_type(uint8_t type);

/// "DATA", "INIT", ..., or "UNKNOWN" — the names Wireshark prints.
std::string_view chunk_type_name(uint8_t type);

/// RFC 9260 §6.10: INIT, INIT ACK and SHUTDOWN COMPLETE are never bundled.
constexpr bool must_not_be_bundled(uint8_t type) {
  return type == static_cast<uint8_t>(ChunkType::kInit) ||
         type == static_cast<uint8_t>(ChunkType::kInitAck) ||
         type == static_cast<uint8_t>(ChunkType::kShutdownComplete);
}

}  // namespace dpsctp::wire
