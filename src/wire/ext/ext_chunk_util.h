// Helpers shared by the extension chunk codecs of wire/ext, so that the shapes that repeat
// are written once:
//  - the I/U/B/E flags of DATA (RFC 9260 §3.3.1), which I-DATA reuses unchanged
//    (RFC 8260 §2.1);
//  - "New Cumulative TSN + array of fixed-size entries", the body of FORWARD TSN
//    (RFC 3758 §3.2) and I-FORWARD-TSN (RFC 8260 §2.3);
//  - chunks whose value is a few fixed fields followed by a run of parameters (RE-CONFIG,
//    ASCONF, ASCONF-ACK): validation, naming, and building from typed parameters;
//  - writing any chunk of this directory whose flags are zero from a list of parts.
#pragma once

#include <cassert>
#include <cstdio>
#include <span>
#include <string>

#include "dpsctp/types.h"
#include "wire/bounded_reader.h"
#include "wire/buffer_writer.h"
#include "wire/chunk/data_chunk.h"
#include "wire/chunk_view.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire::ext_detail {

// ---- I/U/B/E flags (RFC 9260 §3.3.1, RFC 8260 §2.1) ------------------------------------

/// Decodes the chunk flags into any struct with DataChunk's four flag members.
template <class T>
void decode_fragment_flags(uint8_t flags, T& c) {
  c.unordered = (flags & DataChunk::kFlagUnordered) != 0;
  c.beginning = (flags & DataChunk::kFlagBeginning) != 0;
  c.ending = (flags & DataChunk::kFlagEnding) != 0;
  c.immediate = (flags & DataChunk::kFlagImmediate) != 0;
}

/// The chunk flags byte for such a struct (reserved bits zero).
template <class T>
uint8_t encode_fragment_flags(const T& c) {
  return static_cast<uint8_t>((c.unordered ? DataChunk::kFlagUnordered : 0) |
                              (c.beginning ? DataChunk::kFlagBeginning : 0) |
                              (c.ending ? DataChunk::kFlagEnding : 0) |
                              (c.immediate ? DataChunk::kFlagImmediate : 0));
}

/// "UBEI" subset, in DataChunk::to_string() order.
template <class T>
std::string fragment_flags_string(const T& c) {
  std::string s;
  if (c.unordered) s += 'U';
  if (c.beginning) s += 'B';
  if (c.ending) s += 'E';
  if (c.immediate) s += 'I';
  return s;
}

// ---- New Cumulative TSN + entries (RFC 3758 §3.2, RFC 8260 §2.3) -----------------------

/// Common body of FORWARD TSN and I-FORWARD-TSN: the New Cumulative TSN, then an array of
/// kEntry-byte entries kept as wire bytes (zero copy) plus their count. The chunk flags are
/// "set to all zeros on transmit and ignored on receipt" in both RFCs: they are not kept.
template <size_t kEntry>
struct CumulativeTsnArray {
  static constexpr size_t kHeaderSize = 8;  ///< chunk header + New Cumulative TSN
  static constexpr size_t kEntrySize = kEntry;

  Tsn new_cumulative_tsn;
  ByteSpan entries;  ///< exactly count * kEntrySize wire bytes
  size_t count = 0;

  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + entries.size(); }
  /// Size of a chunk carrying n entries (the length field; no padding is ever needed).
  static constexpr size_t size_for(size_t n) { return kHeaderSize + n * kEntrySize; }

 protected:
  /// Reader over entry i; the caller guarantees i < count.
  [[nodiscard]] BoundedReader<kEntrySize> entry(size_t i) const {
    assert(i < count);
    return BoundedReader<kEntrySize>(entries.subspan(i * kEntrySize, kEntrySize));
  }

  template <class Derived>
  static Result<Derived> parse_as(const ChunkView& c) {
    if (ParseError e = check_chunk(c, Derived::kType, kHeaderSize); e != ParseError::kOk) {
      return e;
    }
    BoundedReader<kHeaderSize> r(c.bytes);
    Derived d;
    d.new_cumulative_tsn = Tsn(r.template load32<4>());
    d.entries = r.variable_data();
    // RFC 3758 §3.2, RFC 8260 §2.3: after the New Cumulative TSN come whole entries only.
    if (d.entries.size() % kEntrySize != 0) return ParseError::kChunkTrailingBytes;
    d.count = d.entries.size() / kEntrySize;
    return d;
  }

  static BufferWriter::Mark begin(BufferWriter& w, ChunkType type, Tsn new_cumulative_tsn) {
    const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(type), 0);
    w.put_u32(new_cumulative_tsn.value());
    return m;
  }

  void serialize_as(BufferWriter& w, ChunkType type) const {
    const BufferWriter::Mark m = begin(w, type, new_cumulative_tsn);
    w.put_bytes(entries);
    w.end_tlv(m);
  }

  /// Builds the chunk from typed entries; put(w, e) writes one entry of kEntrySize bytes.
  template <class Entry, class Put>
  static void write_as(BufferWriter& w, ChunkType type, Tsn new_cumulative_tsn,
                       std::span<const Entry> es, Put put) {
    const BufferWriter::Mark m = begin(w, type, new_cumulative_tsn);
    for (const Entry& e : es) put(w, e);
    w.end_tlv(m);
  }

  /// "<name> cum_tsn=<tsn> skipped=<n> [<e0> <e1> ...]"; describe(i) formats entry i.
  template <class Describe>
  [[nodiscard]] std::string describe_as(const char* name, Describe describe) const {
    char head[64];
    std::snprintf(head, sizeof head, "%s cum_tsn=%u skipped=%zu [", name,
                  new_cumulative_tsn.value(), count);
    std::string s = head;
    for (size_t i = 0; i < count; ++i) {
      if (i != 0) s += ' ';
      s += describe(i);
    }
    return s + "]";
  }
};

// ---- Parameter areas (RE-CONFIG, ASCONF, ASCONF-ACK) -----------------------------------

/// RFC 9260 §3.2.1 applied to every parameter of an area: returns how many there are, or
/// the TLV structure error, so TlvRange iteration over an accepted area cannot fail.
inline Result<size_t> validate_parameters(ByteSpan area) {
  return validate_tlvs(area, TlvKind::kParameter);
}

/// "[Add IP Address, Delete IP Address]": the parameter type names, for to_string().
inline std::string parameter_names(ByteSpan area) {
  std::string s = "[";
  for (const TlvView& t : TlvRange(area, TlvKind::kParameter)) {
    if (s.size() > 1) s += ", ";
    s += param_type::name(t.type);
  }
  return s + "]";
}

// Parts of a chunk value for write_chunk(): fixed fields and already-encoded bytes.
struct U16Field {
  uint16_t value = 0;
  void serialize_to(BufferWriter& w) const { w.put_u16(value); }
};
struct U32Field {
  uint32_t value = 0;
  void serialize_to(BufferWriter& w) const { w.put_u32(value); }
};
/// Wire bytes copied as they are (a parsed parameter area, a digest, padding data).
struct RawBytes {
  ByteSpan bytes;
  void serialize_to(BufferWriter& w) const { w.put_bytes(bytes); }
};

/// Writes a chunk with zero flags whose value is `parts` in order, each serialised by its own
/// serialize_to(): fixed fields, raw bytes and typed parameters alike. The chunk length
/// leaves out the padding of the last parameter only (RFC 9260 §3.2, via end_tlv()).
template <class... Parts>
void write_chunk(BufferWriter& w, ChunkType type, const Parts&... parts) {
  const BufferWriter::Mark m = w.begin_chunk(static_cast<uint8_t>(type), 0);
  (parts.serialize_to(w), ...);
  w.end_tlv(m);
}

}  // namespace dpsctp::wire::ext_detail
