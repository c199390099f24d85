#include "wire/parse_error.h"

namespace dpsctp::wire {

std::string_view to_string(ParseError e) {
  switch (e) {
    case ParseError::kOk: return "ok";
    case ParseError::kPacketTooShort: return "packet shorter than the 12-byte common header";
    case ParseError::kNoChunks: return "packet carries no chunk";
    case ParseError::kBadChecksum: return "CRC32c checksum does not verify";
    case ParseError::kUnbundleableChunkBundled:
      return "INIT, INIT ACK or SHUTDOWN COMPLETE bundled with other chunks (RFC 9260 §6.10)";
    case ParseError::kChunkHeaderTruncated: return "chunk header truncated";
    case ParseError::kChunkLengthTooSmall: return "chunk length below 4";
    case ParseError::kChunkLengthExceedsPacket: return "chunk length runs past the packet";
    case ParseError::kChunkWrongType: return "chunk parsed as the wrong type";
    case ParseError::kChunkTooShortForType: return "chunk shorter than its fixed part";
    case ParseError::kChunkLengthMismatch: return "fixed-size chunk with a wrong length";
    case ParseError::kChunkCountMismatch: return "chunk count fields disagree with its length";
    case ParseError::kChunkTrailingBytes: return "chunk has trailing bytes";
    case ParseError::kChunkNoUserData: return "DATA chunk without user data";
    case ParseError::kChunkInvalidField: return "chunk field holds a forbidden value";
    case ParseError::kParamHeaderTruncated: return "parameter header truncated";
    case ParseError::kParamLengthTooSmall: return "parameter length below 4";
    case ParseError::kParamLengthExceedsChunk: return "parameter length runs past its chunk";
    case ParseError::kParamWrongType: return "parameter parsed as the wrong type";
    case ParseError::kParamTooShortForType: return "parameter shorter than its fixed part";
    case ParseError::kParamLengthMismatch: return "fixed-size parameter with a wrong length";
    case ParseError::kParamInvalidField: return "parameter field holds a forbidden value";
    case ParseError::kCauseHeaderTruncated: return "error cause header truncated";
    case ParseError::kCauseLengthTooSmall: return "error cause length below 4";
    case ParseError::kCauseLengthExceedsChunk: return "error cause length runs past its chunk";
    case ParseError::kCauseWrongType: return "error cause parsed as the wrong type";
    case ParseError::kCauseTooShortForType: return "error cause shorter than its fixed part";
    case ParseError::kCauseLengthMismatch: return "fixed-size error cause with a wrong length";
    case ParseError::kCauseInvalidField: return "error cause field holds a forbidden value";
  }
  return "unknown parse error";
}

}  // namespace dpsctp::wire
