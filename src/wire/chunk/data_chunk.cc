// DATA chunk (RFC 9260 §3.3.1); layout in data_chunk.h.
#include "wire/chunk/data_chunk.h"

#include <cstdio>

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<DataChunk> DataChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kHeaderSize); e != ParseError::kOk) return e;
  // RFC 9260 §3.3.1: "the User Data field ... MUST have a length of at least 1 byte";
  // §6.2: a DATA chunk with no user data is answered with an ABORT, "No User Data".
  if (c.length == kHeaderSize) return ParseError::kChunkNoUserData;
  BoundedReader<kHeaderSize> r(c.bytes);
  DataChunk d;
  d.tsn = Tsn(r.load32<4>());
  d.stream = StreamId(r.load16<8>());
  d.ssn = Ssn(r.load16<10>());
  d.ppid = Ppid(r.load32<12>());
  d.unordered = (c.flags & kFlagUnordered) != 0;
  d.beginning = (c.flags & kFlagBeginning) != 0;
  d.ending = (c.flags & kFlagEnding) != 0;
  d.immediate = (c.flags & kFlagImmediate) != 0;
  d.payload = r.variable_data();
  return d;
}

uint8_t DataChunk::flags() const {
  return static_cast<uint8_t>((unordered ? kFlagUnordered : 0) |
                              (beginning ? kFlagBeginning : 0) | (ending ? kFlagEnding : 0) |
                              (immediate ? kFlagImmediate : 0));
}

void DataChunk::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(kType), flags());
  w.put_u32(tsn.value());
  w.put_u16(stream.value());
  w.put_u16(ssn.value());
  w.put_u32(ppid.value());
  w.put_bytes(payload);
  w.end_tlv(m);
}

std::string DataChunk::to_string() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "DATA tsn=%u sid=%u ssn=%u ppid=%u flags=%s%s%s%s len=%zu",
                tsn.value(), stream.value(), ssn.value(), ppid.value(), unordered ? "U" : "",
                beginning ? "B" : "", ending ? "E" : "", immediate ? "I" : "", payload.size());
  return buf;
}

}  // namespace dpsctp::wire
