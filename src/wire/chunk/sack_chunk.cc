// SACK chunk (RFC 9260 §3.3.4); layout in sack_chunk.h.
#include "wire/chunk/sack_chunk.h"

#include <cassert>
#include <cstdio>

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

Result<SackChunk> SackChunk::parse(const ChunkView& c) {
  if (ParseError e = check_chunk(c, kType, kFixedSize); e != ParseError::kOk) return e;
  BoundedReader<kFixedSize> r(c.bytes);
  SackChunk s;
  s.cum_tsn_ack = Tsn(r.load32<4>());
  s.a_rwnd = r.load32<8>();
  s.num_gap_blocks = r.load16<12>();
  s.num_dup_tsns = r.load16<14>();
  // RFC 9260 §3.3.4: N blocks of 4 bytes, then M TSNs of 4 bytes, and nothing else.
  if (c.length != size_for(s.num_gap_blocks, s.num_dup_tsns)) {
    return ParseError::kChunkCountMismatch;
  }
  const ByteSpan rest = r.variable_data();
  s.gap_blocks = rest.first(kGapAckBlockSize * s.num_gap_blocks);
  s.dup_tsns = rest.subspan(s.gap_blocks.size());
  return s;
}

GapAckBlock SackChunk::gap_block(size_t i) const {
  assert(i < num_gap_blocks && (i + 1) * kGapAckBlockSize <= gap_blocks.size());
  const std::byte* p = gap_blocks.data() + i * kGapAckBlockSize;
  return {load_u16(p), load_u16(p + 2)};
}

Tsn SackChunk::dup_tsn(size_t i) const {
  assert(i < num_dup_tsns && (i + 1) * kDupTsnSize <= dup_tsns.size());
  return Tsn(load_u32(dup_tsns.data() + i * kDupTsnSize));
}

void SackChunk::write(BufferWriter& w, Tsn cum_tsn_ack, uint32_t a_rwnd,
                      std::span<const GapAckBlock> gap_blocks, std::span<const Tsn> dup_tsns) {
  // Counts that do not fit 16 bits cannot fit the 16-bit chunk length either: end_tlv()
  // fails the writer, so the truncated counts below are never sent.
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(kType), 0);
  w.put_u32(cum_tsn_ack.value());
  w.put_u32(a_rwnd);
  w.put_u16(static_cast<uint16_t>(gap_blocks.size()));
  w.put_u16(static_cast<uint16_t>(dup_tsns.size()));
  for (const GapAckBlock& b : gap_blocks) {
    w.put_u16(b.start);
    w.put_u16(b.end);
  }
  for (Tsn t : dup_tsns) w.put_u32(t.value());
  w.end_tlv(m);
}

void SackChunk::serialize_to(BufferWriter& w) const {
  assert(gap_blocks.size() == kGapAckBlockSize * num_gap_blocks);
  assert(dup_tsns.size() == kDupTsnSize * num_dup_tsns);
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(kType), 0);  // §3.3.4: flags 0
  w.put_u32(cum_tsn_ack.value());
  w.put_u32(a_rwnd);
  w.put_u16(num_gap_blocks);
  w.put_u16(num_dup_tsns);
  w.put_bytes(gap_blocks);
  w.put_bytes(dup_tsns);
  w.end_tlv(m);
}

std::string SackChunk::to_string() const {
  char buf[96];
  std::snprintf(buf, sizeof buf, "SACK cum_tsn=%u a_rwnd=%u gaps=[", cum_tsn_ack.value(), a_rwnd);
  std::string s = buf;
  for (size_t i = 0; i < num_gap_blocks; ++i) {
    const GapAckBlock b = gap_block(i);
    std::snprintf(buf, sizeof buf, "%s%u-%u", i ? "," : "", b.start, b.end);
    s += buf;
  }
  s += "] dups=[";
  for (size_t i = 0; i < num_dup_tsns; ++i) {
    if (i) s += ',';
    s += std::to_string(dup_tsn(i).value());
  }
  s += ']';
  return s;
}

}  // namespace dpsctp::wire
