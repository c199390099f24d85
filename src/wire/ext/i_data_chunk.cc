// I-DATA chunk (RFC 8260 §2.1); layout in i_data_chunk.h.
#include "wire/ext/i_data_chunk.h"

#include <cstdio>

#include "wire/bounded_reader.h"
#include "wire/ext/ext_chunk_util.h"

namespace dpsctp::wire {

Result<IDataChunk> IDataChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kHeaderSize); e != ParseError::kOk) return e;
  // RFC 8260 §2.1 keeps the DATA rules: the User Data is at least 1 byte, and a chunk
  // without any is answered with ABORT, "No User Data" (RFC 9260 §3.3.1, §6.2).
  if (c.length == kHeaderSize) return ParseError::kChunkNoUserData;
  BoundedReader<kHeaderSize> r(c.bytes);
  IDataChunk d;
  ext_detail::decode_fragment_flags(c.flags, d);
  d.tsn = Tsn(r.load32<4>());
  d.stream = StreamId(r.load16<8>());
  // RFC 8260 §2.1: Reserved (offset 10) "MUST be ignored by the receiver".
  d.mid = Mid(r.load32<12>());
  // RFC 8260 §2.1: PPID if the B bit is set, FSN otherwise (a first fragment has FSN 0).
  if (d.beginning) {
    d.ppid = Ppid(r.load32<16>());
  } else {
    d.fsn = Fsn(r.load32<16>());
  }
  d.payload = r.variable_data();
  return d;
}

uint8_t IDataChunk::flags() const { return ext_detail::encode_fragment_flags(*this); }

void IDataChunk::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(kType), flags());
  w.put_u32(tsn.value());
  w.put_u16(stream.value());
  w.put_u16(0);  // RFC 8260 §2.1: Reserved, "MUST be set to 0 by the sender"
  w.put_u32(mid.value());
  w.put_u32(beginning ? ppid.value() : fsn.value());
  w.put_bytes(payload);
  w.end_tlv(m);
}

std::string IDataChunk::to_string() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "I-DATA tsn=%u sid=%u mid=%u %s=%u flags=%s len=%zu", tsn.value(),
                stream.value(), mid.value(), beginning ? "ppid" : "fsn",
                beginning ? ppid.value() : fsn.value(),
                ext_detail::fragment_flags_string(*this).c_str(), payload.size());
  return buf;
}

}  // namespace dpsctp::wire
