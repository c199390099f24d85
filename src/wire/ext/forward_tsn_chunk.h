// FORWARD TSN chunk (RFC 3758 §3.2): moves the receiver's cumulative TSN past abandoned
// DATA and names, per ordered stream, the largest Stream Sequence Number skipped.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 192  |  Flags = 0x00 |        Length = Variable      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      New Cumulative TSN                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |         Stream-1              |       Stream Sequence-1       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                              ...                              /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |         Stream-N              |       Stream Sequence-N       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <span>
#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"
#include "wire/ext/ext_chunk_util.h"

namespace dpsctp::wire {

struct ForwardTsnChunk : ext_detail::CumulativeTsnArray<4> {
  static constexpr ChunkType kType = ChunkType::kForwardTsn;

  /// One (Stream-N, Stream Sequence-N) pair: the largest SSN skipped on that stream.
  struct SkippedStream {
    StreamId stream;
    Ssn ssn;
  };

  /// Fails with kChunkTrailingBytes when the bytes after the New Cumulative TSN are not a
  /// whole number of 4-byte pairs.
  static Result<ForwardTsnChunk> parse(const ChunkView& c);
  /// Pair i, for i < count.
  [[nodiscard]] SkippedStream skipped(size_t i) const;
  void serialize_to(BufferWriter& w) const { serialize_as(w, kType); }
  /// Builds a FORWARD TSN straight into `w` from typed pairs.
  static void write(BufferWriter& w, Tsn new_cumulative_tsn,
                    std::span<const SkippedStream> skipped);
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
