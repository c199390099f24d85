// Invalid Stream Identifier (RFC 9260 §3.3.10.1); layout in the header.
#include "wire/cause/invalid_stream_identifier_cause.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<InvalidStreamIdentifierCause> InvalidStreamIdentifierCause::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kCode, kSize, TlvKind::kCause); e != ParseError::kOk) return e;
  if (t.length != kSize) return ParseError::kCauseLengthMismatch;
  BoundedReader<kSize> r(t.bytes);
  InvalidStreamIdentifierCause c;
  c.stream = StreamId(r.load16<4>());
  return c;
}

void InvalidStreamIdentifierCause::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kCode);
  w.put_u16(stream.value());
  w.put_u16(0);  // reserved: sender sets to 0, receiver ignores
  w.end_tlv(m);
}

std::string InvalidStreamIdentifierCause::to_string() const {
  return "Invalid Stream Identifier sid=" + std::to_string(stream.value());
}

}  // namespace dpsctp::wire
