// I-FORWARD-TSN chunk (RFC 8260 §2.3): FORWARD TSN for I-DATA. Each entry names a stream,
// whether its ordered or unordered messages are meant, and the largest MID skipped.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 194  | Flags = 0x00  |      Length = Variable        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       New Cumulative TSN                      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |       Stream Identifier       |          Reserved           |U|
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Message Identifier                      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                              ...                              /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |       Stream Identifier       |          Reserved           |U|
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Message Identifier                      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <span>
#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"
#include "wire/ext/ext_chunk_util.h"

namespace dpsctp::wire {

struct IForwardTsnChunk : ext_detail::CumulativeTsnArray<8> {
  static constexpr ChunkType kType = ChunkType::kIForwardTsn;
  static constexpr uint16_t kFlagUnordered = 0x0001;  ///< U: the MID is an unordered one

  /// One (Stream Identifier, U, Message Identifier) entry: the largest MID skipped on the
  /// ordered (U clear) or unordered (U set) messages of that stream.
  struct SkippedMessage {
    StreamId stream;
    bool unordered = false;
    Mid mid;
  };

  /// Fails with kChunkTrailingBytes when the bytes after the New Cumulative TSN are not a
  /// whole number of 8-byte entries. The 15 reserved bits are ignored (RFC 8260 §2.3).
  static Result<IForwardTsnChunk> parse(const ChunkView& c);
  /// Entry i, for i < count.
  [[nodiscard]] SkippedMessage skipped(size_t i) const;
  void serialize_to(BufferWriter& w) const { serialize_as(w, kType); }
  /// Builds an I-FORWARD-TSN straight into `w` from typed entries (reserved bits zero).
  static void write(BufferWriter& w, Tsn new_cumulative_tsn,
                    std::span<const SkippedMessage> skipped);
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
