// Unrecognized Chunk Type (RFC 9260 §3.3.10.6); layout in the header.
#include "wire/cause/unrecognized_chunk_type_cause.h"

#include <cstdio>

#include "wire/bounded_reader.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

Result<UnrecognizedChunkTypeCause> UnrecognizedChunkTypeCause::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kCode, kFixedSize, TlvKind::kCause); e != ParseError::kOk) {
    return e;
  }
  const ByteSpan info = t.value();  // the copy starts with its own chunk header
  Result<ChunkView> copy = ChunkView::parse(info);
  if (!copy) return copy.error();
  // RFC 9260 §3.3.10.6: the field is the chunk itself; nothing may follow it.
  if (ParseError e = cause_codec::check_copy_fills(copy->length, info.size());
      e != ParseError::kOk) {
    return e;
  }
  UnrecognizedChunkTypeCause c;
  c.chunk = info;
  return c;
}

ChunkView UnrecognizedChunkTypeCause::unrecognized_chunk() const {
  Result<ChunkView> c = ChunkView::parse(chunk);
  return c.ok() ? *c : ChunkView{};
}

void UnrecognizedChunkTypeCause::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kCode);
  w.put_bytes(chunk);
  w.end_tlv(m);
}

std::string UnrecognizedChunkTypeCause::to_string() const {
  const ChunkView c = unrecognized_chunk();
  char buf[64];
  std::snprintf(buf, sizeof buf, " type=0x%02x (", c.type);
  std::string s = std::string(cause_code::name(kCode)) + buf + std::string(chunk_type_name(c.type));
  std::snprintf(buf, sizeof buf, ") flags=0x%02x len=%u", c.flags, c.length);
  return s + buf;
}

}  // namespace dpsctp::wire
