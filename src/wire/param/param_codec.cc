// Shared helpers of the parameter parsers; see param_codec.h.
#include "wire/param/param_codec.h"

#include "wire/chunk_type.h"

namespace dpsctp::wire::param_codec {

std::string join_u16s(ByteSpan area) {
  std::string s;
  for (size_t i = 0; i + 2 <= area.size(); i += 2) {
    if (!s.empty()) s += ',';
    s += std::to_string(load_u16(area.data() + i));
  }
  return s;
}

std::string join_chunk_types(ByteSpan area) {
  std::string s;
  for (std::byte b : area) {
    if (!s.empty()) s += ',';
    const auto type = static_cast<uint8_t>(b);
    s += is_known_chunk_type(type) ? std::string(chunk_type_name(type)) : std::to_string(type);
  }
  return s;
}

}  // namespace dpsctp::wire::param_codec
