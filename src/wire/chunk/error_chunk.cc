// ERROR chunk (RFC 9260 §3.3.10); layout in error_chunk.h.
#include "wire/chunk/error_chunk.h"

#include "wire/cause/cause_code.h"
#include "wire/chunk/chunk_common.h"

namespace dpsctp::wire {

Result<ErrorChunk> ErrorChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kFixedSize); e != ParseError::kOk) return e;
  ErrorChunk ec;
  ec.error_causes = c.value();
  // RFC 9260 §3.3.10: error causes are TLVs (code, length, padded value). An empty area
  // is accepted on purpose, see error_chunk.h.
  if (Result<size_t> n = validate_tlvs(ec.error_causes, TlvKind::kCause); !n) return n.error();
  return ec;
}

BufferWriter::Mark ErrorChunk::begin(BufferWriter& w) {
  // RFC 9260 §3.3.10: Chunk Flags "Set to 0 on transmit and ignored on receipt".
  return w.begin_chunk(static_cast<uint8_t>(kType), 0);
}

void ErrorChunk::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = begin(w);
  w.put_bytes(error_causes);
  w.end_tlv(m);
}

std::string ErrorChunk::to_string() const {
  return "ERROR causes=" + describe_tlvs(causes(), &cause_code::name);
}

}  // namespace dpsctp::wire
