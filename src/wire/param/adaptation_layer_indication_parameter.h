// Adaptation Layer Indication parameter (RFC 5061 §4.2.6), in INIT / INIT ACK: a 32-bit
// code point the upper layer uses to agree on an adaptation layer (e.g. M2PA, IUA).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Type = 0xC006          |      Length = 8               |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                    Adaptation Code Point                      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct AdaptationLayerIndicationParameter {
  static constexpr uint16_t kType = param_type::kAdaptationLayerIndication;
  static constexpr size_t kSize = 8;

  uint32_t code_point = 0;  ///< Adaptation Code Point (IANA registry)

  static Result<AdaptationLayerIndicationParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Adaptation Layer Indication 0x..."
};

}  // namespace dpsctp::wire
