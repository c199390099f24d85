// ECNE chunk, ECN Echo (RFC 9260 Appendix A): the receiver of a packet marked CE reports
// the lowest TSN of that packet, until a CWR acknowledges it.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 12   | Flags=00000000|          Length = 8           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Lowest TSN Number                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct EcneChunk {
  static constexpr ChunkType kType = ChunkType::kEcne;
  static constexpr size_t kSize = 8;

  Tsn lowest_tsn;

  /// kChunkTooShortForType below 8 bytes, kChunkLengthMismatch above.
  static Result<EcneChunk> parse(const ChunkView& c);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
