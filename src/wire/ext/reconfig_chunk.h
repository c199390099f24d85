// RE-CONFIG chunk (RFC 6525 §3.1): carries one or two stream re-configuration request or
// response parameters (RFC 6525 §4).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Type = 130    |  Chunk Flags  |      Chunk Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                  Re-configuration Parameter                   /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \             Re-configuration Parameter (optional)             /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"
#include "wire/ext/ext_chunk_util.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct ReconfigChunk {
  static constexpr ChunkType kType = ChunkType::kReconfig;
  static constexpr size_t kHeaderSize = 4;
  static constexpr size_t kMaxParameters = 2;

  /// The Re-configuration Parameters, as wire bytes (the last one's padding excluded).
  ByteSpan parameters;

  /// Validates every parameter's TLV frame, then their number: RFC 6525 §3.1, "each
  /// RE-CONFIG chunk holds at least one parameter and at most two parameters", so zero or
  /// more than two is kChunkInvalidField. Which pairs are allowed (the same section's list
  /// of combinations) is left to the stream reset handler, which answers a forbidden one
  /// with its own response; the chunk flags are ignored on receipt and written as zero.
  static Result<ReconfigChunk> parse(const ChunkView& c);
  [[nodiscard]] TlvRange params() const { return TlvRange(parameters, TlvKind::kParameter); }
  [[nodiscard]] size_t parameter_count() const;
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + parameters.size(); }
  void serialize_to(BufferWriter& w) const;
  /// Builds a RE-CONFIG straight into `w` from one or two typed parameters.
  template <class... Params>
  static void write(BufferWriter& w, const Params&... params) {
    static_assert(sizeof...(Params) >= 1 && sizeof...(Params) <= kMaxParameters,
                  "RFC 6525 §3.1: one or two parameters");
    ext_detail::write_chunk(w, kType, params...);
  }
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
