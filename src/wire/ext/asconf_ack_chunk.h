// ASCONF-ACK chunk (RFC 5061 §4.1.2): answers the ASCONF with the same Serial Number,
// carrying a response parameter (Success Indication, Error Cause Indication) for the
// requests that need one.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Type = 0x80   |  Chunk Flags  |      Chunk Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Sequence Number                         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                 ASCONF Parameter Response#1                   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                             ....                              /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                 ASCONF Parameter Response#N                   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"
#include "wire/ext/ext_chunk_util.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct AsconfAckChunk {
  static constexpr ChunkType kType = ChunkType::kAsconfAck;
  static constexpr size_t kHeaderSize = 8;  ///< chunk header + Sequence Number

  /// The "Sequence Number" field: the Serial Number of the ASCONF acknowledged.
  uint32_t serial_number = 0;
  /// The ASCONF Parameter Responses, as wire bytes.
  ByteSpan parameters;

  /// Fails with kChunkTooShortForType below 8 bytes and with the TLV structure error of a
  /// malformed response. No responses at all is valid: RFC 5061 §4.2.5 lets the sender of
  /// an ASCONF-ACK indicate success implicitly, by including no response for a request. The chunk
  /// flags are ignored on receipt and written as zero.
  static Result<AsconfAckChunk> parse(const ChunkView& c);
  [[nodiscard]] TlvRange params() const { return TlvRange(parameters, TlvKind::kParameter); }
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + parameters.size(); }
  void serialize_to(BufferWriter& w) const;
  /// Builds an ASCONF-ACK straight into `w` from typed response parameters.
  template <class... Params>
  static void write(BufferWriter& w, uint32_t serial_number, const Params&... params) {
    ext_detail::write_chunk(w, kType, ext_detail::U32Field{serial_number}, params...);
  }
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
