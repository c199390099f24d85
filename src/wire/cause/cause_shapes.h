// The layouts shared by several error causes (RFC 9260 §3.3.10, RFC 5061 §4.3). Most
// causes carry one of a few shapes of Cause-Specific Information, so each shape is
// written once here and the causes of wire/cause/ are aliases of these templates or
// thin structs over the cause_codec helpers:
//
//   EmptyCause<kCode>    no information, Cause Length = 4
//                        (Out of Resource, Invalid Mandatory Parameter, Cookie Received
//                        While Shutting Down, Association Aborted Due to Illegal ASCONF-ACK)
//   OpaqueCause<kCode>   opaque bytes, possibly none (User-Initiated Abort, Protocol
//                        Violation)
//   TlvCopyCause<kCode>  exactly one TLV copied as received (Unresolvable Address and
//                        the RFC 5061 "TLV-Copy of ..." causes)
//   TlvListCause<kCode>  one or more TLVs (Unrecognized Parameters, Restart of an
//                        Association with New Addresses)
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Cause Code           |         Cause Length          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                   Cause-Specific Information                  /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The templates are defined here; each cause's .cc explicitly instantiates its alias and
// its .h declares that instantiation `extern`, so every cause is compiled once.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "wire/bounded_reader.h"
#include "wire/buffer_writer.h"
#include "wire/cause/cause_code.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

namespace cause_codec {

/// Cause header + one 32-bit field (Stale Cookie, No User Data).
inline constexpr size_t kU32CauseSize = 8;

/// Code, then "at least `size`" (kCauseTooShortForType), then "exactly `size`"
/// (kCauseLengthMismatch): the checks of every fixed-size cause.
inline ParseError check_fixed(const TlvView& t, uint16_t code, size_t size) {
  if (ParseError e = check_tlv(t, code, size, TlvKind::kCause); e != ParseError::kOk) return e;
  return t.length == size ? ParseError::kOk : ParseError::kCauseLengthMismatch;
}

/// The single 32-bit field of an 8-byte cause.
inline Result<uint32_t> parse_u32(const TlvView& t, uint16_t code) {
  if (ParseError e = check_fixed(t, code, kU32CauseSize); e != ParseError::kOk) return e;
  const BoundedReader<kU32CauseSize> r(t.bytes);
  return r.load32<4>();
}

inline void write_u32(BufferWriter& w, uint16_t code, uint32_t value) {
  const BufferWriter::Mark m = w.begin_tlv(code);
  w.put_u32(value);
  w.end_tlv(m);
}

/// A cause that copies one TLV or chunk "as received" (RFC 9260 §3.3.10.5, §3.3.10.6,
/// RFC 5061 §4.3) holds that element and at most its padding: the copy's own length
/// field is `copied_length`, the cause information is `info_size` bytes.
inline ParseError check_copy_fills(size_t copied_length, size_t info_size) {
  return info_size <= pad4(copied_length) ? ParseError::kOk : ParseError::kCauseLengthMismatch;
}

/// Checks that `info` is exactly one well-formed parameter TLV (optionally padded).
/// Errors: kParamLengthTooSmall / kParamLengthExceedsChunk for a broken copy,
/// kCauseLengthMismatch for bytes after it.
ParseError check_single_tlv(ByteSpan info);

/// One TLV of a cause, for to_string(): "IPv4 Address 192.0.2.1",
/// "Host Name Address \"example.com\"", or "Add IP Address (type 0xc001, len 16)".
std::string describe_parameter(const TlvView& p);

/// The TLVs of a validated area: "[IPv4 Address 192.0.2.1, IPv6 Address 2001:db8::1]".
std::string describe_parameters(TlvRange params);

/// `"abc\x00"`: printable ASCII kept, other bytes as \xNN, long data cut to its start.
std::string quote_bytes(ByteSpan b);

}  // namespace cause_codec

/// A cause without Cause-Specific Information: Cause Length = 4 (RFC 9260 §3.3.10.4,
/// §3.3.10.7, §3.3.10.10; RFC 5061 §4.3.4).
template <uint16_t kCodeV>
struct EmptyCause {
  static constexpr uint16_t kCode = kCodeV;
  static constexpr size_t kSize = TlvView::kHeaderSize;

  static Result<EmptyCause> parse(const TlvView& t) {
    if (ParseError e = cause_codec::check_fixed(t, kCode, kSize); e != ParseError::kOk) {
      return e;
    }
    return EmptyCause{};
  }
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const { w.end_tlv(w.begin_tlv(kCode)); }
  [[nodiscard]] std::string to_string() const { return std::string(cause_code::name(kCode)); }
};

/// A cause whose information is opaque bytes, possibly none (RFC 9260 §3.3.10.12,
/// §3.3.10.13).
template <uint16_t kCodeV>
struct OpaqueCause {
  static constexpr uint16_t kCode = kCodeV;
  static constexpr size_t kFixedSize = TlvView::kHeaderSize;

  ByteSpan info;  ///< a view into the packet (parse) or the caller's bytes (build)

  static Result<OpaqueCause> parse(const TlvView& t) {
    if (ParseError e = check_tlv(t, kCode, kFixedSize, TlvKind::kCause); e != ParseError::kOk) {
      return e;
    }
    OpaqueCause c;
    c.info = BoundedReader<kFixedSize>(t.bytes).variable_data();
    return c;
  }
  [[nodiscard]] size_t serialized_size() const { return kFixedSize + info.size(); }
  void serialize_to(BufferWriter& w) const {
    const BufferWriter::Mark m = w.begin_tlv(kCode);
    w.put_bytes(info);
    w.end_tlv(m);
  }
  /// "Protocol Violation \"bad TSN\"" (the bytes quoted, non-printable ones escaped).
  [[nodiscard]] std::string to_string() const {
    std::string s(cause_code::name(kCode));
    if (!info.empty()) s += " " + cause_codec::quote_bytes(info);
    return s;
  }
};

/// A cause that carries one parameter TLV "as received": its type, length and value
/// (RFC 9260 §3.3.10.5; RFC 5061 §4.3 "TLV-Copy of ..."). The copy may keep its padding.
template <uint16_t kCodeV>
struct TlvCopyCause {
  static constexpr uint16_t kCode = kCodeV;
  /// Cause header + the copied TLV's header.
  static constexpr size_t kFixedSize = TlvView::kHeaderSize + TlvView::kHeaderSize;

  ByteSpan tlv;  ///< the copied TLV, header included: a view into the packet or caller

  static Result<TlvCopyCause> parse(const TlvView& t) {
    if (ParseError e = check_tlv(t, kCode, kFixedSize, TlvKind::kCause); e != ParseError::kOk) {
      return e;
    }
    const ByteSpan info = t.value();  // the copy starts with its own header
    if (ParseError e = cause_codec::check_single_tlv(info); e != ParseError::kOk) return e;
    TlvCopyCause c;
    c.tlv = info;
    return c;
  }
  /// The copied TLV (parse() validated it; an empty view if `tlv` was built malformed).
  [[nodiscard]] TlvView parameter() const {
    Result<TlvView> p = TlvView::parse(tlv, TlvKind::kParameter);
    return p.ok() ? *p : TlvView{};
  }
  [[nodiscard]] size_t serialized_size() const { return TlvView::kHeaderSize + tlv.size(); }
  void serialize_to(BufferWriter& w) const {
    const BufferWriter::Mark m = w.begin_tlv(kCode);
    w.put_bytes(tlv);
    w.end_tlv(m);
  }
  /// "Unresolvable Address: IPv4 Address 192.0.2.1".
  [[nodiscard]] std::string to_string() const {
    return std::string(cause_code::name(kCode)) + ": " +
           cause_codec::describe_parameter(parameter());
  }
};

/// A cause that carries one or more complete parameter TLVs (RFC 9260 §3.3.10.8,
/// §3.3.10.11). The area is validated by parse(), so iterating parameters() cannot fail.
template <uint16_t kCodeV>
struct TlvListCause {
  static constexpr uint16_t kCode = kCodeV;
  /// Cause header + the first TLV's header: the list is not empty.
  static constexpr size_t kFixedSize = TlvView::kHeaderSize + TlvView::kHeaderSize;

  ByteSpan area;     ///< the TLVs as on the wire (inner padding included)
  size_t count = 0;  ///< how many TLVs `area` holds

  static Result<TlvListCause> parse(const TlvView& t) {
    if (ParseError e = check_tlv(t, kCode, kFixedSize, TlvKind::kCause); e != ParseError::kOk) {
      return e;
    }
    const ByteSpan info = t.value();
    Result<size_t> n = validate_tlvs(info, TlvKind::kParameter);
    if (!n) return n.error();
    TlvListCause c;
    c.area = info;
    c.count = *n;
    return c;
  }
  [[nodiscard]] TlvRange parameters() const { return TlvRange(area, TlvKind::kParameter); }
  [[nodiscard]] size_t serialized_size() const { return TlvView::kHeaderSize + area.size(); }
  void serialize_to(BufferWriter& w) const {
    const BufferWriter::Mark m = w.begin_tlv(kCode);
    w.put_bytes(area);
    w.end_tlv(m);
  }
  /// Builds the cause from the TLVs to report (each copied whole, padded to 4 bytes
  /// between them; RFC 9260 §3.2.1: the last one's padding is not counted in the length).
  static void write(BufferWriter& w, std::span<const TlvView> params) {
    const BufferWriter::Mark m = w.begin_tlv(kCode);
    for (const TlvView& p : params) {
      const BufferWriter::Mark pm = w.begin_tlv(p.type);
      w.put_bytes(p.value());
      w.end_tlv(pm);
    }
    w.end_tlv(m);
  }
  /// "Unrecognized Parameters [ECN Capable (type 0x8000, len 4)]".
  [[nodiscard]] std::string to_string() const {
    return std::string(cause_code::name(kCode)) + " " +
           cause_codec::describe_parameters(parameters());
  }
};

}  // namespace dpsctp::wire
