// I-FORWARD-TSN chunk (RFC 8260 §2.3); layout in i_forward_tsn_chunk.h.
#include "wire/ext/i_forward_tsn_chunk.h"

#include <cstdio>

namespace dpsctp::wire {

Result<IForwardTsnChunk> IForwardTsnChunk::parse(const ChunkView& c) {
  return parse_as<IForwardTsnChunk>(c);
}

IForwardTsnChunk::SkippedMessage IForwardTsnChunk::skipped(size_t i) const {
  const BoundedReader<kEntrySize> r = entry(i);
  SkippedMessage m;
  m.stream = StreamId(r.load16<0>());
  // RFC 8260 §2.3: only the U bit is defined; the Reserved bits "MUST be ignored".
  m.unordered = (r.load16<2>() & kFlagUnordered) != 0;
  m.mid = Mid(r.load32<4>());
  return m;
}

void IForwardTsnChunk::write(BufferWriter& w, Tsn new_cumulative_tsn,
                             std::span<const SkippedMessage> skipped) {
  write_as(w, kType, new_cumulative_tsn, skipped, [](BufferWriter& out, const SkippedMessage& m) {
    out.put_u16(m.stream.value());
    out.put_u16(m.unordered ? kFlagUnordered : 0);  // RFC 8260 §2.3: Reserved set to 0
    out.put_u32(m.mid.value());
  });
}

std::string IForwardTsnChunk::to_string() const {
  return describe_as("I-FORWARD-TSN", [this](size_t i) {
    const SkippedMessage m = skipped(i);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%u:%s%u", m.stream.value(), m.unordered ? "U" : "",
                  m.mid.value());
    return std::string(buf);
  });
}

}  // namespace dpsctp::wire
