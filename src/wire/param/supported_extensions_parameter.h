// Supported Extensions parameter (RFC 5061 §4.2.7), in INIT / INIT ACK: the extension
// chunk types the sender supports (RE-CONFIG, FORWARD TSN, ASCONF, I-DATA ...).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 0x8008   |      Parameter Length         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | CHUNK TYPE 1  |  CHUNK TYPE 2 |  CHUNK TYPE 3 |  CHUNK TYPE 4 |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                             ....                              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | CHUNK TYPE N  |      PAD      |      PAD      |      PAD      |
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

struct SupportedExtensionsParameter {
  static constexpr uint16_t kType = param_type::kSupportedExtensions;
  static constexpr size_t kHeaderSize = 4;

  ByteSpan chunk_types;  ///< wire bytes, one chunk type per byte

  /// Any number of types (an empty list is well formed: "no extension").
  static Result<SupportedExtensionsParameter> parse(const TlvView& t);
  static void write(BufferWriter& w, std::span<const ChunkType> types);

  [[nodiscard]] size_t count() const { return chunk_types.size(); }
  [[nodiscard]] uint8_t type_at(size_t i) const { return load_u8(&chunk_types[i]); }
  [[nodiscard]] bool has(ChunkType type) const {
    return param_codec::contains_u8(chunk_types, static_cast<uint8_t>(type));
  }

  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + chunk_types.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Supported Extensions RE_CONFIG,..."
};

}  // namespace dpsctp::wire
