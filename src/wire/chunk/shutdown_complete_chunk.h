// SHUTDOWN COMPLETE chunk (RFC 9260 §3.3.13): answers a SHUTDOWN ACK and ends the
// association. Header only; never bundled (§6.10).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 14   |  Reserved   |T|          Length = 4           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct ShutdownCompleteChunk {
  static constexpr ChunkType kType = ChunkType::kShutdownComplete;
  static constexpr size_t kSize = 4;
  /// T bit: the packet's Verification Tag is the receiver's own tag, reflected (§8.4, §8.5.1).
  static constexpr uint8_t kFlagTagReflected = 0x01;

  bool tag_reflected = false;

  /// kChunkLengthMismatch unless the length is exactly 4.
  static Result<ShutdownCompleteChunk> parse(const ChunkView& c);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
