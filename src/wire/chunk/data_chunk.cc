// DATA chunk (RFC 9260 §3.3.1); layout in data_chunk.h.
#include "wire/chunk/data_chunk.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

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
  // The hot path of every sender: header in one bounds check, length known up front.
  const size_t len = kHeaderSize + payload.size();
  std::byte* p = len <= 0xFFFF ? w.put_raw(pad4(len)) : nullptr;
  if (p == nullptr) {
    w.put_raw(SIZE_MAX);  // marks the writer as overflowed
    return;
  }
  store_u8(p, static_cast<uint8_t>(kType));
  store_u8(p + 1, flags());
  store_u16(p + 2, static_cast<uint16_t>(len));
  store_u32(p + 4, tsn.value());
  store_u16(p + 8, stream.value());
  store_u16(p + 10, ssn.value());
  store_u32(p + 12, ppid.value());
  if (!payload.empty()) std::memcpy(p + kHeaderSize, payload.data(), payload.size());
  std::memset(p + len, 0, pad4(len) - len);  // RFC 9260 §3.2: zero padding
}

std::string DataChunk::to_string() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "DATA tsn=%u sid=%u ssn=%u ppid=%u flags=%s%s%s%s len=%zu",
                tsn.value(), stream.value(), ssn.value(), ppid.value(), unordered ? "U" : "",
                beginning ? "B" : "", ending ? "E" : "", immediate ? "I" : "", payload.size());
  return buf;
}

}  // namespace dpsctp::wire
