#include "wire/chunk_type.h"

namespace dpsctp::wire {

std::string_view chunk_type_name(uint8_t type) {
  switch (static_cast<ChunkType>(type)) {
    case ChunkType::kData: return "DATA";
    case ChunkType::kInit: return "INIT";
    case ChunkType::kInitAck: return "INIT_ACK";
    case ChunkType::kSack: return "SACK";
    case ChunkType::kHeartbeat: return "HEARTBEAT";
    case ChunkType::kHeartbeatAck: return "HEARTBEAT_ACK";
    case ChunkType::kAbort: return "ABORT";
    case ChunkType::kShutdown: return "SHUTDOWN";
    case ChunkType::kShutdownAck: return "SHUTDOWN_ACK";
    case ChunkType::kError: return "ERROR";
    case ChunkType::kCookieEcho: return "COOKIE_ECHO";
    case ChunkType::kCookieAck: return "COOKIE_ACK";
    case ChunkType::kEcne: return "ECNE";
    case ChunkType::kCwr: return "CWR";
    case ChunkType::kShutdownComplete: return "SHUTDOWN_COMPLETE";
    case ChunkType::kAuth: return "AUTH";
    case ChunkType::kIData: return "I_DATA";
    case ChunkType::kAsconfAck: return "ASCONF_ACK";
    case ChunkType::kReconfig: return "RE_CONFIG";
    case ChunkType::kPad: return "PAD";
    case ChunkType::kForwardTsn: return "FORWARD_TSN";
    case ChunkType::kAsconf: return "ASCONF";
    case ChunkType::kIForwardTsn: return "I_FORWARD_TSN";
  }
  return "UNKNOWN";
}

bool is_known_chunk_type(uint8_t type) { return chunk_type_name(type) != "UNKNOWN"; }

}  // namespace dpsctp::wire
