// BoundedReader<kFixedSize>: reads the fixed part of a TLV whose length was checked once,
// at construction. Every load's offset is checked at compile time against kFixedSize, so a
// chunk/parameter parser cannot read past its fixed header by construction; the variable
// part is handed out as a span with its real, checked length.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>

#include "wire/byte_io.h"

namespace dpsctp::wire {

template <size_t kFixedSize>
class BoundedReader {
 public:
  /// `data` must hold at least kFixedSize bytes: the caller checked the TLV length.
  explicit BoundedReader(ByteSpan data) : data_(data) { assert(data.size() >= kFixedSize); }

  template <size_t kOffset>
  [[nodiscard]] uint8_t load8() const {
    static_assert(kOffset + 1 <= kFixedSize, "read past the fixed part");
    return load_u8(data_.data() + kOffset);
  }
  template <size_t kOffset>
  [[nodiscard]] uint16_t load16() const {
    static_assert(kOffset + 2 <= kFixedSize, "read past the fixed part");
    return load_u16(data_.data() + kOffset);
  }
  template <size_t kOffset>
  [[nodiscard]] uint32_t load32() const {
    static_assert(kOffset + 4 <= kFixedSize, "read past the fixed part");
    return load_u32(data_.data() + kOffset);
  }
  template <size_t kOffset>
  [[nodiscard]] uint64_t load64() const {
    static_assert(kOffset + 8 <= kFixedSize, "read past the fixed part");
    return load_u64(data_.data() + kOffset);
  }
  template <size_t kOffset, size_t kLen>
  [[nodiscard]] ByteSpan fixed_bytes() const {
    static_assert(kOffset + kLen <= kFixedSize, "read past the fixed part");
    return data_.subspan(kOffset, kLen);
  }

  /// Everything after the fixed part (possibly empty).
  [[nodiscard]] ByteSpan variable_data() const { return data_.subspan(kFixedSize); }

 private:
  ByteSpan data_;
};

}  // namespace dpsctp::wire
