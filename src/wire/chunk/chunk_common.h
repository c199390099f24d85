// Small helpers shared by the RFC 9260 chunk codecs in this directory: the length check
// of fixed-size chunks and the one-line rendering of a TLV area for to_string().
#pragma once

#include <string>
#include <string_view>

#include "wire/chunk_view.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

/// For chunks whose length is fixed by the RFC (SHUTDOWN, COOKIE ACK, ECNE, ...): the
/// type, then the fixed part, then the exact length.
inline ParseError check_fixed_size_chunk(const ChunkView& c, ChunkType want, size_t size) {
  if (ParseError e = check_chunk(c, want, size); e != ParseError::kOk) return e;
  if (c.length != size) return ParseError::kChunkLengthMismatch;
  return ParseError::kOk;
}

/// "[IPv4 Address, State Cookie]": the names of the TLVs of a validated area.
inline std::string describe_tlvs(TlvRange tlvs, std::string_view (*name)(uint16_t)) {
  std::string s = "[";
  for (const TlvView& t : tlvs) {
    if (s.size() > 1) s += ", ";
    s += name(t.type);
  }
  s += ']';
  return s;
}

}  // namespace dpsctp::wire
