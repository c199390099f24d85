// FORWARD TSN chunk (RFC 3758 §3.2); layout in forward_tsn_chunk.h.
#include "wire/ext/forward_tsn_chunk.h"

#include <cstdio>

namespace dpsctp::wire {

Result<ForwardTsnChunk> ForwardTsnChunk::parse(const ChunkView& c) {
  return parse_as<ForwardTsnChunk>(c);
}

ForwardTsnChunk::SkippedStream ForwardTsnChunk::skipped(size_t i) const {
  const BoundedReader<kEntrySize> r = entry(i);
  return {StreamId(r.load16<0>()), Ssn(r.load16<2>())};
}

void ForwardTsnChunk::write(BufferWriter& w, Tsn new_cumulative_tsn,
                            std::span<const SkippedStream> skipped) {
  write_as(w, kType, new_cumulative_tsn, skipped, [](BufferWriter& out, const SkippedStream& s) {
    out.put_u16(s.stream.value());
    out.put_u16(s.ssn.value());
  });
}

std::string ForwardTsnChunk::to_string() const {
  return describe_as("FORWARD-TSN", [this](size_t i) {
    const SkippedStream s = skipped(i);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%u:%u", s.stream.value(), s.ssn.value());
    return std::string(buf);
  });
}

}  // namespace dpsctp::wire
