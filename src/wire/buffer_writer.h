// BufferWriter: serialises into a caller-supplied buffer (an mbuf's data room, a stack
// array) without allocating. Overflow is sticky: once a write does not fit, every later
// write is a no-op and ok() is false, so a builder writes a whole packet and checks once.
//
// TLVs (chunks, parameters, error causes) are written with begin_*() / end_tlv(): the
// length field is patched at the end and zero padding added to the 4-byte boundary.
// RFC 9260 §3.2: the chunk length counts the padding of every parameter except the last
// one, so end_tlv() leaves out padding that an inner TLV left at the very end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

#include "wire/byte_io.h"

namespace dpsctp::wire {

class BufferWriter {
 public:
  /// Position of an open TLV, returned by begin_*() and closed by end_tlv().
  struct Mark {
    size_t start = 0;
  };

  explicit BufferWriter(MutableByteSpan buf) : buf_(buf) {}

  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] size_t size() const { return pos_; }
  [[nodiscard]] size_t remaining() const { return buf_.size() - pos_; }
  [[nodiscard]] MutableByteSpan written() const { return buf_.first(pos_); }

  void put_u8(uint8_t v) {
    if (std::byte* p = reserve(1)) store_u8(p, v);
  }
  void put_u16(uint16_t v) {
    if (std::byte* p = reserve(2)) store_u16(p, v);
  }
  void put_u32(uint32_t v) {
    if (std::byte* p = reserve(4)) store_u32(p, v);
  }
  void put_u64(uint64_t v) {
    if (std::byte* p = reserve(8)) store_u64(p, v);
  }
  void put_bytes(ByteSpan b) {
    if (b.empty()) return;
    if (std::byte* p = reserve(b.size())) std::memcpy(p, b.data(), b.size());
  }
  void put_zeros(size_t n) {
    if (n == 0) return;
    if (std::byte* p = reserve(n)) std::memset(p, 0, n);
  }

  /// `n` writable bytes at the current position (advanced past them), or nullptr if they
  /// do not fit: for fixed-layout headers written with store_u*() in one bounds check.
  std::byte* put_raw(size_t n) { return reserve(n); }

  /// Chunk header: type, flags, length placeholder (RFC 9260 §3.2).
  Mark begin_chunk(uint8_t type, uint8_t flags) {
    Mark m{pos_};
    put_u8(type);
    put_u8(flags);
    put_u16(0);
    return m;
  }
  /// Parameter or error cause header: 16-bit type/code, length placeholder (§3.2.1, §3.3.10).
  Mark begin_tlv(uint16_t type) {
    Mark m{pos_};
    put_u16(type);
    put_u16(0);
    return m;
  }
  /// Closes a TLV: patches its length (without trailing padding) and pads to 4 bytes.
  void end_tlv(Mark m) {
    if (!ok_) return;
    size_t len = pos_ - m.start;
    if (pos_ == last_pad_end_) len -= last_pad_;  // §3.2: last inner padding not counted
    if (len > std::numeric_limits<uint16_t>::max()) {
      ok_ = false;
      return;
    }
    store_u16(buf_.data() + m.start + 2, static_cast<uint16_t>(len));
    const size_t padded_end = m.start + pad4(len);
    put_zeros(padded_end > pos_ ? padded_end - pos_ : 0);
    last_pad_ = pad4(len) - len;
    last_pad_end_ = pos_;
  }

  /// Direct access for the rare fields that are known only after later bytes (checksum).
  [[nodiscard]] MutableByteSpan span_at(size_t offset, size_t len) const {
    return buf_.subspan(offset, len);
  }

 private:
  std::byte* reserve(size_t n) {
    if (!ok_ || n > buf_.size() - pos_) {
      ok_ = false;
      return nullptr;
    }
    std::byte* p = buf_.data() + pos_;
    pos_ += n;
    return p;
  }

  MutableByteSpan buf_;
  size_t pos_ = 0;
  size_t last_pad_ = 0;
  size_t last_pad_end_ = std::numeric_limits<size_t>::max();
  bool ok_ = true;
};

}  // namespace dpsctp::wire
