// SACK chunk (RFC 9260 §3.3.4): acknowledges DATA up to the Cumulative TSN Ack, plus the
// received ranges above it (Gap Ack Blocks) and the TSNs received more than once.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 3    |  Chunk Flags  |         Chunk Length          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      Cumulative TSN Ack                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Advertised Receiver Window Credit (a_rwnd)           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Number of Gap Ack Blocks = N  |  Number of Duplicate TSNs = M |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Gap Ack Block #1 Start     |     Gap Ack Block #1 End      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                              ...                              /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Gap Ack Block #N Start     |     Gap Ack Block #N End      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                        Duplicate TSN 1                        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                              ...                              /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                        Duplicate TSN M                        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The codec checks the structure only. Whether the blocks are sane (start <= end, in
// ascending order, not overlapping, below what was sent) depends on the sender's
// retransmission queue, so the core checks it.
#pragma once

#include <span>
#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

/// One Gap Ack Block: TSNs cum_tsn_ack + start ... cum_tsn_ack + end were received
/// (RFC 9260 §3.3.4: offsets relative to the Cumulative TSN Ack).
struct GapAckBlock {
  uint16_t start = 0;
  uint16_t end = 0;
  friend bool operator==(const GapAckBlock&, const GapAckBlock&) = default;
};

struct SackChunk {
  static constexpr ChunkType kType = ChunkType::kSack;
  static constexpr size_t kFixedSize = 16;
  static constexpr size_t kGapAckBlockSize = 4;
  static constexpr size_t kDupTsnSize = 4;

  Tsn cum_tsn_ack;
  uint32_t a_rwnd = 0;
  uint16_t num_gap_blocks = 0;
  uint16_t num_dup_tsns = 0;
  ByteSpan gap_blocks;  ///< num_gap_blocks * 4 wire bytes
  ByteSpan dup_tsns;    ///< num_dup_tsns * 4 wire bytes

  /// kChunkCountMismatch unless the length is exactly 16 + 4 * (N + M).
  static Result<SackChunk> parse(const ChunkView& c);

  /// Block i, i < num_gap_blocks.
  [[nodiscard]] GapAckBlock gap_block(size_t i) const;
  /// Duplicate TSN i, i < num_dup_tsns.
  [[nodiscard]] Tsn dup_tsn(size_t i) const;

  /// Length field of a SACK with that many blocks and duplicates.
  static constexpr size_t size_for(size_t num_gap_blocks, size_t num_dup_tsns) {
    return kFixedSize + kGapAckBlockSize * num_gap_blocks + kDupTsnSize * num_dup_tsns;
  }
  /// Builds a SACK from typed values. More than fits a 16-bit chunk length (16,379
  /// entries in all) leaves w failed (!w.ok()).
  static void write(BufferWriter& w, Tsn cum_tsn_ack, uint32_t a_rwnd,
                    std::span<const GapAckBlock> gap_blocks, std::span<const Tsn> dup_tsns);

  [[nodiscard]] size_t serialized_size() const {
    return kFixedSize + gap_blocks.size() + dup_tsns.size();
  }
  /// Writes the counts and the block / duplicate bytes verbatim (a parsed SACK
  /// re-serialises byte for byte).
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
