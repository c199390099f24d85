// RE-CONFIG chunk (RFC 6525 §3.1); layout in reconfig_chunk.h.
#include "wire/ext/reconfig_chunk.h"

#include <iterator>

namespace dpsctp::wire {

Result<ReconfigChunk> ReconfigChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kHeaderSize); e != ParseError::kOk) return e;
  ReconfigChunk r;
  r.parameters = c.value();
  const Result<size_t> n = ext_detail::validate_parameters(r.parameters);
  if (!n) return n.error();
  // RFC 6525 §3.1: "each RE-CONFIG chunk holds at least one parameter and at most two
  // parameters".
  if (*n == 0 || *n > kMaxParameters) return ParseError::kChunkInvalidField;
  return r;
}

size_t ReconfigChunk::parameter_count() const {
  const TlvRange range = params();
  return static_cast<size_t>(std::distance(range.begin(), range.end()));
}

void ReconfigChunk::serialize_to(BufferWriter& w) const {
  ext_detail::write_chunk(w, kType, ext_detail::RawBytes{parameters});
}

std::string ReconfigChunk::to_string() const {
  return "RE-CONFIG " + ext_detail::parameter_names(parameters);
}

}  // namespace dpsctp::wire
