#include "core/tx/payload.h"

#include <cstdlib>

namespace dpsctp::core {

PayloadPool::~PayloadPool() {
  for (PayloadBuffer* head : free_) {
    while (head != nullptr) {
      PayloadBuffer* next = head->next_free;
      std::free(head);
      head = next;
    }
  }
}

PayloadBuffer* PayloadPool::allocate(uint32_t size) {
  uint8_t cls = kUnpooled;
  uint32_t capacity = size;
  for (uint8_t i = 0; i < kClassSizes.size(); ++i) {
    if (size <= kClassSizes[i]) {
      cls = i;
      capacity = kClassSizes[i];
      break;
    }
  }
  PayloadBuffer* b = nullptr;
  if (cls != kUnpooled && free_[cls] != nullptr) {
    b = free_[cls];
    free_[cls] = b->next_free;
    --free_count_[cls];
  } else {
    void* mem = std::malloc(sizeof(PayloadBuffer) + capacity);
    if (mem == nullptr) return nullptr;
    b = static_cast<PayloadBuffer*>(mem);
  }
  b->pool = this;
  b->next_free = nullptr;
  b->refs = 1;
  b->size = size;
  b->capacity = capacity;
  b->size_class = cls;
  ++live_;
  return b;
}

PayloadRef PayloadPool::copy_in(wire::ByteSpan data) {
  PayloadBuffer* b = allocate(static_cast<uint32_t>(data.size()));
  if (b == nullptr) return {};
  if (!data.empty()) std::memcpy(b->data(), data.data(), data.size());
  return PayloadRef(b);
}

void PayloadPool::release(PayloadBuffer* b) {
  assert(b->pool == this && b->refs == 0);
  --live_;
  const uint8_t cls = b->size_class;
  if (cls == kUnpooled || free_count_[cls] >= max_free_) {
    std::free(b);
    return;
  }
  b->next_free = free_[cls];
  free_[cls] = b;
  ++free_count_[cls];
}

size_t PayloadPool::free_buffers() const {
  size_t n = 0;
  for (uint32_t c : free_count_) n += c;
  return n;
}

}  // namespace dpsctp::core
