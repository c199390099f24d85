// Message payload storage for the send path: one pooled, reference-counted buffer per
// user message, shared by the send queue and every DATA chunk cut from it until the last
// one is acknowledged (RFC 9260 §6.2.1: data is kept until the cumulative TSN ack covers
// it). The count is not atomic: a pool and its buffers belong to one shard.
//
// Hand-written instead of std::shared_ptr<std::vector<>> because that costs two mallocs
// and atomic increments per message; here the steady state allocates nothing (buffers
// are recycled through per-size-class free lists) and refcounting is a plain add.
#pragma once

#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <utility>

#include "wire/byte_io.h"

namespace dpsctp::core {

class PayloadPool;

/// Header placed in front of the payload bytes of one pooled allocation.
struct PayloadBuffer {
  PayloadPool* pool;
  PayloadBuffer* next_free;
  uint32_t refs;
  uint32_t size;      ///< bytes of payload stored
  uint32_t capacity;  ///< bytes available after the header
  uint8_t size_class;  ///< index into the pool's free lists; kUnpooled for exact allocations

  std::byte* data() { return reinterpret_cast<std::byte*>(this + 1); }
  const std::byte* data() const { return reinterpret_cast<const std::byte*>(this + 1); }
};

/// A counted reference to a PayloadBuffer. Copying adds a reference; the last reference
/// returns the buffer to its pool.
class PayloadRef {
 public:
  PayloadRef() = default;
  explicit PayloadRef(PayloadBuffer* b) : buf_(b) {}  // adopts one reference
  PayloadRef(const PayloadRef& o) : buf_(o.buf_) {
    if (buf_ != nullptr) ++buf_->refs;
  }
  PayloadRef(PayloadRef&& o) noexcept : buf_(std::exchange(o.buf_, nullptr)) {}
  PayloadRef& operator=(PayloadRef o) noexcept {
    std::swap(buf_, o.buf_);
    return *this;
  }
  ~PayloadRef() { reset(); }

  void reset();
  [[nodiscard]] explicit operator bool() const { return buf_ != nullptr; }
  [[nodiscard]] wire::ByteSpan bytes() const {
    return buf_ == nullptr ? wire::ByteSpan{} : wire::ByteSpan(buf_->data(), buf_->size);
  }
  [[nodiscard]] size_t size() const { return buf_ == nullptr ? 0 : buf_->size; }
  [[nodiscard]] uint32_t use_count() const { return buf_ == nullptr ? 0 : buf_->refs; }

 private:
  PayloadBuffer* buf_ = nullptr;
};

/// Size-class pool of payload buffers. Not thread-safe (one per shard / endpoint). Must
/// outlive every PayloadRef it handed out.
class PayloadPool {
 public:
  static constexpr std::array<uint32_t, 5> kClassSizes = {256, 1024, 4096, 16384, 65536};
  static constexpr uint8_t kUnpooled = 0xFF;

  /// `max_free_per_class` bounds the memory kept for reuse per size class.
  explicit PayloadPool(uint32_t max_free_per_class = 4096) : max_free_(max_free_per_class) {}
  PayloadPool(const PayloadPool&) = delete;
  PayloadPool& operator=(const PayloadPool&) = delete;
  ~PayloadPool();

  /// Copies `data` into a pooled buffer. Returns an empty ref only if memory runs out.
  PayloadRef copy_in(wire::ByteSpan data);

  void release(PayloadBuffer* b);  ///< called by the last PayloadRef

  [[nodiscard]] size_t live_buffers() const { return live_; }
  [[nodiscard]] size_t free_buffers() const;

 private:
  PayloadBuffer* allocate(uint32_t size);

  std::array<PayloadBuffer*, kClassSizes.size()> free_{};
  std::array<uint32_t, kClassSizes.size()> free_count_{};
  uint32_t max_free_;
  size_t live_ = 0;
};

inline void PayloadRef::reset() {
  if (buf_ != nullptr && --buf_->refs == 0) buf_->pool->release(buf_);
  buf_ = nullptr;
}

}  // namespace dpsctp::core
