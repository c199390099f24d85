// Chunk List parameter (RFC 4895 §3.2), "CHUNKS", in INIT / INIT ACK: the chunk types
// the sender requires to be received authenticated (inside an AUTH chunk).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 0x8003   |      Parameter Length         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Chunk Type 1  | Chunk Type 2  | Chunk Type 3  | Chunk Type 4  |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  \                              ...                              /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Chunk Type n  |                    Padding                    |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <span>
#include <string>

#include "wire/buffer_writer.h"
#include "wire/chunk_type.h"
#include "wire/param/param_codec.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct ChunkListParameter {
  static constexpr uint16_t kType = param_type::kChunkList;
  static constexpr size_t kHeaderSize = 4;

  ByteSpan chunk_types;  ///< wire bytes, one chunk type per byte, exactly as received

  /// Any number of types. INIT, INIT ACK, SHUTDOWN COMPLETE and AUTH are kept here (the
  /// bytes re-serialise unchanged) and ignored by requires_auth() (RFC 4895 §3.2).
  static Result<ChunkListParameter> parse(const TlvView& t);
  static void write(BufferWriter& w, std::span<const ChunkType> types);

  [[nodiscard]] size_t count() const { return chunk_types.size(); }
  [[nodiscard]] uint8_t type_at(size_t i) const { return load_u8(&chunk_types[i]); }
  /// The type is listed (raw membership).
  [[nodiscard]] bool has(ChunkType type) const {
    return param_codec::contains_u8(chunk_types, static_cast<uint8_t>(type));
  }
  /// The type is listed and may be listed: RFC 4895 §3.2 says INIT, INIT ACK, SHUTDOWN
  /// COMPLETE and AUTH "MUST NOT be listed" and, if received, "MUST be ignored".
  [[nodiscard]] bool requires_auth(ChunkType type) const;

  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + chunk_types.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Chunk List ASCONF,ASCONF_ACK"
};

}  // namespace dpsctp::wire
