// ABORT chunk (RFC 9260 §3.3.7); layout in abort_chunk.h.
#include "wire/chunk/abort_chunk.h"

#include "wire/cause/cause_code.h"
#include "wire/chunk/chunk_common.h"

namespace dpsctp::wire {

Result<AbortChunk> AbortChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kFixedSize); e != ParseError::kOk) return e;
  AbortChunk a;
  // RFC 9260 §3.3.7: only the T bit is defined; the reserved bits are ignored on receipt.
  a.tag_reflected = (c.flags & kFlagTagReflected) != 0;
  a.error_causes = c.value();
  // RFC 9260 §3.3.7: zero or more error causes, each a TLV as in §3.3.10.
  if (Result<size_t> n = validate_tlvs(a.error_causes, TlvKind::kCause); !n) return n.error();
  return a;
}

BufferWriter::Mark AbortChunk::begin(BufferWriter& w, bool tag_reflected) {
  // RFC 9260 §3.3.7: reserved flag bits are sent as 0.
  return w.begin_chunk(static_cast<uint8_t>(kType), tag_reflected ? kFlagTagReflected : 0);
}

void AbortChunk::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = begin(w, tag_reflected);
  w.put_bytes(error_causes);
  w.end_tlv(m);
}

std::string AbortChunk::to_string() const {
  return std::string("ABORT T=") + (tag_reflected ? "1" : "0") +
         " causes=" + describe_tlvs(causes(), &cause_code::name);
}

}  // namespace dpsctp::wire
