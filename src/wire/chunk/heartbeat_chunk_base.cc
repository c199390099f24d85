// Shared HEARTBEAT / HEARTBEAT ACK codec (RFC 9260 §3.3.5, §3.3.6); layout in
// heartbeat_chunk_base.h.
#include "wire/chunk/heartbeat_chunk_base.h"

#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire::heartbeat_detail {

Result<ByteSpan> parse_info(const ChunkView& c, ChunkType type) {
  if (!c.is(type)) return ParseError::kChunkWrongType;
  const ByteSpan value = c.value();
  // RFC 9260 §3.3.5 / §3.3.6: the chunk carries the Heartbeat Information TLV; without
  // it the mandatory parameter is missing.
  if (value.empty()) return ParseError::kParamWrongType;
  Result<TlvView> t = TlvView::parse(value, TlvKind::kParameter);
  if (!t) return t.error();
  if (t->type != param_type::kHeartbeatInfo) return ParseError::kParamWrongType;
  // Exactly one parameter: after it, at most its own padding (§3.2: may be left out).
  if (pad4(t->length) < value.size()) return ParseError::kChunkTrailingBytes;
  return t->value();
}

void write(BufferWriter& w, ChunkType type, ByteSpan info) {
  // RFC 9260 §3.3.5 / §3.3.6: Chunk Flags "Set to 0 on transmit and ignored on receipt".
  const BufferWriter::Mark chunk = w.begin_chunk(static_cast<uint8_t>(type), 0);
  const BufferWriter::Mark param = w.begin_tlv(param_type::kHeartbeatInfo);
  w.put_bytes(info);
  w.end_tlv(param);
  w.end_tlv(chunk);
}

}  // namespace dpsctp::wire::heartbeat_detail
