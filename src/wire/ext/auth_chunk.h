// AUTH chunk (RFC 4895 §4.1): authenticates the chunks that follow it in the packet with an
// HMAC under the endpoint pair shared key named by the Shared Key Identifier.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Type = 0x0F   |   Flags=0     |             Length            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Shared Key Identifier     |   HMAC Identifier             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                                                               |
//  \                             HMAC                              /
//  |                                                               |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// RFC 4895 §6.2, §6.3: the HMAC is computed over the AUTH chunk, with its HMAC field set to
// all zeros, and every chunk placed after it in the packet. This codec only carries the
// bytes: the core zeroes, computes and compares (write_with_zero_hmac() leaves the field
// zeroed and says where it is, for the sender side).
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_view.h"

namespace dpsctp::wire {

struct AuthChunk {
  static constexpr ChunkType kType = ChunkType::kAuth;
  static constexpr size_t kHeaderSize = 8;
  static constexpr size_t kHmacOffset = kHeaderSize;  ///< HMAC field, from the chunk start
  // RFC 4895 §3.3: HMAC Identifiers (0 and 2 are reserved).
  static constexpr uint16_t kHmacSha1 = 1;
  static constexpr uint16_t kHmacSha256 = 3;

  uint16_t shared_key_id = 0;
  uint16_t hmac_id = 0;
  ByteSpan hmac;  ///< a view into the packet (parse) or the caller's digest (build)

  /// Checks the frame only. The HMAC length is not checked against the HMAC Identifier:
  /// an unknown identifier (ERROR "Unsupported HMAC Identifier", RFC 4895 §6.3) and a
  /// digest of the wrong size (discard) are the core's verdicts; hmac_size() helps it.
  /// The flags are ignored on receipt and written as zero.
  static Result<AuthChunk> parse(const ChunkView& c);
  /// Digest size of a known HMAC Identifier (RFC 4895 §3.3), 0 for any other.
  static constexpr size_t hmac_size(uint16_t id) {
    return id == kHmacSha1 ? 20 : id == kHmacSha256 ? 32 : 0;
  }
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + hmac.size(); }
  void serialize_to(BufferWriter& w) const;
  /// Writes an AUTH chunk whose HMAC field is hmac_length zero bytes and returns the offset
  /// of that field in `w`, so the core can compute the HMAC once the chunks after it are
  /// written and store it with w.span_at(offset, hmac_length).
  static size_t write_with_zero_hmac(BufferWriter& w, uint16_t shared_key_id, uint16_t hmac_id,
                                     size_t hmac_length);
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
