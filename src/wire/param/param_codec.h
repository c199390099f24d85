// Small helpers shared by the typed parameter parsers in wire/param: the exact-length
// check of fixed-size parameters, and indexed access to the arrays of big-endian 16-bit
// and 8-bit values several parameters carry (address types, HMAC ids, stream ids, chunk
// types). The arrays stay as wire bytes (zero copy); these functions read them in place.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/tlv.h"

namespace dpsctp::wire::param_codec {

/// Type, then "at least `size`" (kParamTooShortForType), then "exactly `size`"
/// (kParamLengthMismatch): the checks of every fixed-size parameter.
inline ParseError check_fixed(const TlvView& t, uint16_t type, size_t size) {
  if (ParseError e = check_tlv(t, type, size, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  return t.length == size ? ParseError::kOk : ParseError::kParamLengthMismatch;
}

/// An array of 16-bit values fills its area exactly: an odd byte count cannot be one.
/// There is no kParamCountMismatch / kParamTrailingBytes; kParamInvalidField is used.
inline ParseError check_u16_array(ByteSpan area) {
  return area.size() % 2 == 0 ? ParseError::kOk : ParseError::kParamInvalidField;
}

/// Element `i` of a big-endian u16 array held as wire bytes.
inline uint16_t u16_at(ByteSpan area, size_t i) {
  assert(2 * i + 2 <= area.size());
  return load_u16(area.data() + 2 * i);
}

inline bool contains_u16(ByteSpan area, uint16_t v) {
  for (size_t i = 0; i + 2 <= area.size(); i += 2) {
    if (load_u16(area.data() + i) == v) return true;
  }
  return false;
}

inline bool contains_u8(ByteSpan area, uint8_t v) {
  for (std::byte b : area) {
    if (static_cast<uint8_t>(b) == v) return true;
  }
  return false;
}

inline void put_u16s(BufferWriter& w, std::span<const uint16_t> values) {
  for (uint16_t v : values) w.put_u16(v);
}

inline void put_stream_ids(BufferWriter& w, std::span<const StreamId> streams) {
  for (StreamId s : streams) w.put_u16(s.value());
}

/// "a,b,c" for a u16 array (to_string of list parameters).
std::string join_u16s(ByteSpan area);

/// "ASCONF,ASCONF_ACK" for an array of chunk types (unknown types as numbers).
std::string join_chunk_types(ByteSpan area);

}  // namespace dpsctp::wire::param_codec
