// ChunkView: one chunk's TLV frame inside a packet, checked against the packet bounds
// (RFC 9260 §3.2). Typed chunk parsers (wire/chunk/*, wire/ext/*) take a ChunkView and
// decode its value; nothing here copies bytes.
#pragma once

#include <cstdint>

#include "wire/byte_io.h"
#include "wire/chunk_type.h"
#include "wire/result.h"

namespace dpsctp::wire {

struct ChunkView {
  static constexpr size_t kHeaderSize = 4;

  uint8_t type = 0;
  uint8_t flags = 0;
  uint16_t length = 0;  ///< the Chunk Length field: header + value, no trailing padding
  ByteSpan bytes;       ///< exactly `length` bytes, header included

  [[nodiscard]] ByteSpan value() const { return bytes.subspan(kHeaderSize); }
  [[nodiscard]] bool is(ChunkType t) const { return type == static_cast<uint8_t>(t); }
  /// Bytes this chunk occupies in the packet: length rounded up to 4, capped by what is
  /// left (a robust receiver accepts a final chunk whose padding was left out, §3.2).
  [[nodiscard]] static size_t stride(uint16_t length, size_t remaining) {
    const size_t padded = pad4(length);
    return padded <= remaining ? padded : remaining;
  }

  /// Reads the chunk header at the start of `remaining` and checks its length
  /// against the bytes that are there.
  static Result<ChunkView> parse(ByteSpan remaining) {
    if (remaining.size() < kHeaderSize) return ParseError::kChunkHeaderTruncated;
    ChunkView c;
    c.type = load_u8(remaining.data());
    c.flags = load_u8(remaining.data() + 1);
    c.length = load_u16(remaining.data() + 2);
    if (c.length < kHeaderSize) return ParseError::kChunkLengthTooSmall;
    if (c.length > remaining.size()) return ParseError::kChunkLengthExceedsPacket;
    c.bytes = remaining.first(c.length);
    return c;
  }
};

/// Helper for typed parsers: checks the type and the minimum length of the fixed part.
inline ParseError check_chunk(const ChunkView& c, ChunkType want, size_t fixed_size) {
  if (!c.is(want)) return ParseError::kChunkWrongType;
  if (c.length < fixed_size) return ParseError::kChunkTooShortForType;
  return ParseError::kOk;
}

}  // namespace dpsctp::wire
