// Every way a packet, chunk, parameter or error cause can be malformed. Parsers never
// throw and never read past a bound: they return one of these, naming the broken rule,
// so the core can count it and react as RFC 9260 says (discard, ABORT, ERROR).
#pragma once

#include <cstdint>
#include <string_view>

namespace dpsctp::wire {

enum class ParseError : uint8_t {
  kOk = 0,
  // Packet level (RFC 9260 §3, §3.1, §6.10).
  kPacketTooShort,            ///< fewer than 12 bytes: no room for the common header
  kNoChunks,                  ///< a common header and nothing else
  kBadChecksum,               ///< CRC32c does not verify (RFC 9260 §6.8)
  kUnbundleableChunkBundled,  ///< INIT, INIT ACK or SHUTDOWN COMPLETE with others (§6.10)
  // Chunk TLV structure (RFC 9260 §3.2).
  kChunkHeaderTruncated,      ///< fewer than 4 bytes left for a chunk header
  kChunkLengthTooSmall,       ///< chunk length field < 4
  kChunkLengthExceedsPacket,  ///< chunk length field runs past the end of the packet
  // Chunk contents.
  kChunkWrongType,         ///< parse() called on a chunk of another type (caller bug)
  kChunkTooShortForType,   ///< shorter than the fixed part of its type
  kChunkLengthMismatch,    ///< a fixed-size chunk whose length is not that size
  kChunkCountMismatch,     ///< count fields disagree with the length (e.g. SACK blocks)
  kChunkTrailingBytes,     ///< bytes left over after the last element of an array
  kChunkNoUserData,        ///< DATA / I-DATA without user data (§6.2, "No User Data")
  kChunkInvalidField,      ///< a field with a value the RFC forbids (e.g. zero streams)
  // Parameter TLV structure (RFC 9260 §3.2.1).
  kParamHeaderTruncated,
  kParamLengthTooSmall,
  kParamLengthExceedsChunk,
  kParamWrongType,
  kParamTooShortForType,
  kParamLengthMismatch,
  kParamInvalidField,
  // Error cause TLV structure (RFC 9260 §3.3.10).
  kCauseHeaderTruncated,
  kCauseLengthTooSmall,
  kCauseLengthExceedsChunk,
  kCauseWrongType,
  kCauseTooShortForType,
  kCauseLengthMismatch,
  kCauseInvalidField,
};

/// A short, stable, human-readable name for logs, counters and test messages.
std::string_view to_string(ParseError e);

}  // namespace dpsctp::wire
