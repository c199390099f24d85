// TlvView: the Type-Length-Value frame shared by parameters (RFC 9260 §3.2.1) and error
// causes (§3.3.10): 16-bit type (or cause code), 16-bit length counting the header but no
// padding, value padded to 4 bytes. TlvRange walks a validated run of them.
#pragma once

#include <cstdint>
#include <iterator>

#include "wire/byte_io.h"
#include "wire/result.h"

namespace dpsctp::wire {

/// Parameters and error causes share the frame but report distinct errors.
enum class TlvKind : uint8_t { kParameter, kCause };

struct TlvView {
  static constexpr size_t kHeaderSize = 4;

  uint16_t type = 0;    ///< parameter type or error cause code
  uint16_t length = 0;  ///< header + value, no padding
  ByteSpan bytes;       ///< exactly `length` bytes, header included

  [[nodiscard]] ByteSpan value() const { return bytes.subspan(kHeaderSize); }

  /// Reads one TLV header at the start of `remaining`, checking it against the bytes left.
  static Result<TlvView> parse(ByteSpan remaining, TlvKind kind) {
    const bool p = kind == TlvKind::kParameter;
    if (remaining.size() < kHeaderSize) {
      return p ? ParseError::kParamHeaderTruncated : ParseError::kCauseHeaderTruncated;
    }
    TlvView t;
    t.type = load_u16(remaining.data());
    t.length = load_u16(remaining.data() + 2);
    if (t.length < kHeaderSize) {
      return p ? ParseError::kParamLengthTooSmall : ParseError::kCauseLengthTooSmall;
    }
    if (t.length > remaining.size()) {
      return p ? ParseError::kParamLengthExceedsChunk : ParseError::kCauseLengthExceedsChunk;
    }
    t.bytes = remaining.first(t.length);
    return t;
  }
};

/// Helper for typed parsers: checks the type and the minimum length of the fixed part.
inline ParseError check_tlv(const TlvView& t, uint16_t want, size_t fixed_size, TlvKind kind) {
  const bool p = kind == TlvKind::kParameter;
  if (t.type != want) return p ? ParseError::kParamWrongType : ParseError::kCauseWrongType;
  if (t.length < fixed_size) {
    return p ? ParseError::kParamTooShortForType : ParseError::kCauseTooShortForType;
  }
  return ParseError::kOk;
}

/// Checks that `area` is a well-formed sequence of TLVs (the last may omit its padding).
/// On success returns how many there are.
Result<size_t> validate_tlvs(ByteSpan area, TlvKind kind);

/// Iterates the TLVs of an area that validate_tlvs() accepted. Iterating an unvalidated
/// area stops at the first malformed TLV (never reads out of bounds).
class TlvRange {
 public:
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = TlvView;
    using difference_type = std::ptrdiff_t;
    using pointer = const TlvView*;
    using reference = const TlvView&;

    Iterator() = default;
    Iterator(ByteSpan rest, TlvKind kind) : rest_(rest), kind_(kind) { load(); }
    const TlvView& operator*() const { return cur_; }
    const TlvView* operator->() const { return &cur_; }
    Iterator& operator++() {
      const size_t padded = pad4(cur_.length);
      rest_ = rest_.subspan(padded <= rest_.size() ? padded : rest_.size());
      load();
      return *this;
    }
    Iterator operator++(int) {
      Iterator t = *this;
      ++*this;
      return t;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) {
      return a.rest_.data() == b.rest_.data() && a.rest_.size() == b.rest_.size();
    }

   private:
    void load() {
      if (rest_.empty()) return;
      Result<TlvView> r = TlvView::parse(rest_, kind_);
      if (r) {
        cur_ = *r;
      } else {
        rest_ = rest_.last(0);  // malformed: end iteration
      }
    }
    ByteSpan rest_;
    TlvView cur_;
    TlvKind kind_ = TlvKind::kParameter;
  };

  TlvRange() = default;
  TlvRange(ByteSpan area, TlvKind kind) : area_(area), kind_(kind) {}
  [[nodiscard]] Iterator begin() const { return Iterator(area_, kind_); }
  [[nodiscard]] Iterator end() const { return Iterator(area_.last(0), kind_); }
  [[nodiscard]] bool empty() const { return area_.empty(); }

 private:
  ByteSpan area_;
  TlvKind kind_ = TlvKind::kParameter;
};

}  // namespace dpsctp::wire
