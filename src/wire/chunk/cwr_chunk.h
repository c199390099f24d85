// CWR chunk, Congestion Window Reduced (RFC 9260 Appendix A): the data sender tells the
// ECNE sender it has reduced its congestion window, quoting the ECNE's Lowest TSN.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 13   | Flags=00000000|          Length = 8           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Lowest TSN Number                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct CwrChunk {
  static constexpr ChunkType kType = ChunkType::kCwr;
  static constexpr size_t kSize = 8;

  Tsn lowest_tsn;

  /// kChunkTooShortForType below 8 bytes, kChunkLengthMismatch above.
  static Result<CwrChunk> parse(const ChunkView& c);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
