// Shared INIT / INIT ACK codec (RFC 9260 §3.3.2, §3.3.3); layout in init_chunk_base.h.
#include "wire/chunk/init_chunk_base.h"

#include <cstdio>

#include "wire/bounded_reader.h"
#include "wire/chunk/chunk_common.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire::init_detail {

ParseError parse(const ChunkView& c, ChunkType type, InitFields& out) {
  if (ParseError e = check_chunk(c, type, InitFields::kFixedSize); e != ParseError::kOk) {
    return e;
  }
  BoundedReader<InitFields::kFixedSize> r(c.bytes);
  out.initiate_tag = VerificationTag(r.load32<4>());
  out.a_rwnd = r.load32<8>();
  out.outbound_streams = r.load16<12>();
  out.inbound_streams = r.load16<14>();
  out.initial_tsn = Tsn(r.load32<16>());
  out.params = r.variable_data();
  // RFC 9260 §3.3.2 / §3.3.3: "The Initiate Tag is allowed to have any value except 0",
  // and OS and MIS "The value of 0 MUST NOT be used". The tag is checked first, so a
  // caller that gets kChunkInvalidField can tell the cases apart from the raw fixed
  // part (present whenever this error is returned): tag 0 or a zero stream count.
  if (out.initiate_tag.value() == 0) return ParseError::kChunkInvalidField;
  if (out.outbound_streams == 0 || out.inbound_streams == 0) {
    return ParseError::kChunkInvalidField;
  }
  // RFC 9260 §3.2.1: the parameters are TLVs, each padded to 4 bytes (the last one's
  // padding may be left out of the chunk length).
  if (Result<size_t> n = validate_tlvs(out.params, TlvKind::kParameter); !n) return n.error();
  return ParseError::kOk;
}

BufferWriter::Mark begin(BufferWriter& w, ChunkType type, VerificationTag initiate_tag,
                         uint32_t a_rwnd, uint16_t outbound_streams, uint16_t inbound_streams,
                         Tsn initial_tsn) {
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(type), InitFields::kFlags);
  w.put_u32(initiate_tag.value());
  w.put_u32(a_rwnd);
  w.put_u16(outbound_streams);
  w.put_u16(inbound_streams);
  w.put_u32(initial_tsn.value());
  return m;
}

void serialize(BufferWriter& w, ChunkType type, const InitFields& f) {
  const BufferWriter::Mark m = begin(w, type, f.initiate_tag, f.a_rwnd, f.outbound_streams,
                                     f.inbound_streams, f.initial_tsn);
  w.put_bytes(f.params);
  w.end_tlv(m);
}

std::string to_string(std::string_view name, const InitFields& f) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%.*s tag=0x%08x a_rwnd=%u os=%u mis=%u itsn=%u params=",
                static_cast<int>(name.size()), name.data(), f.initiate_tag.value(), f.a_rwnd,
                f.outbound_streams, f.inbound_streams, f.initial_tsn.value());
  return buf + describe_tlvs(f.parameters(), &param_type::name);
}

}  // namespace dpsctp::wire::init_detail
