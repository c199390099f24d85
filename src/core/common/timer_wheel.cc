#include "core/common/timer_wheel.h"

#include <bit>

namespace dpsctp::core {
namespace {

constexpr int64_t kTickUs = TimerWheel::kTick.count();

// Index of the first set bit at or after `from` in a 256-bit map, or 256.
uint32_t next_set(const std::array<uint64_t, TimerWheel::kSlots / 64>& bits, uint32_t from) {
  for (uint32_t w = from / 64; w < bits.size(); ++w) {
    uint64_t word = bits[w];
    if (w == from / 64) word &= ~uint64_t{0} << (from % 64);
    if (word != 0) return w * 64 + static_cast<uint32_t>(std::countr_zero(word));
  }
  return TimerWheel::kSlots;
}

}  // namespace

TimerWheel::TimerWheel(Instant start, uint32_t max_ids)
    : start_(start), last_now_(start), max_ids_(max_ids) {
  assert(max_ids <= kMaxIds);
  nodes_.resize(size_t{max_ids} + kLevels * kSlots + kExtraLists);
  for (uint32_t i = 0; i < max_ids_; ++i) nodes_[i] = Node{0, kNone, kNone};
  for (uint32_t i = max_ids_; i < nodes_.size(); ++i) nodes_[i] = Node{0, i, i};  // empty
}

uint64_t TimerWheel::tick_floor(Instant t) const {
  int64_t delta = 0;
  if (__builtin_sub_overflow(t.time_since_epoch().count(), start_.time_since_epoch().count(),
                             &delta)) {
    delta = t > start_ ? INT64_MAX : 0;
  }
  return delta <= 0 ? 0 : static_cast<uint64_t>(delta / kTickUs);
}

uint64_t TimerWheel::tick_ceil(int64_t deadline_us) const {
  int64_t delta = 0;
  if (__builtin_sub_overflow(deadline_us, start_.time_since_epoch().count(), &delta)) {
    delta = deadline_us > start_.time_since_epoch().count() ? INT64_MAX : 0;
  }
  if (delta <= 0) return 0;
  return static_cast<uint64_t>(delta / kTickUs + (delta % kTickUs != 0 ? 1 : 0));
}

void TimerWheel::link_back(uint32_t list, uint32_t id) {
  const uint32_t tail = nodes_[list].prev;
  nodes_[id].prev = tail;
  nodes_[id].next = list;
  nodes_[tail].next = id;
  nodes_[list].prev = id;
  const uint32_t slot = list - max_ids_;
  if (slot < kLevels * kSlots)
    occupied_[slot / kSlots][(slot % kSlots) / 64] |= uint64_t{1} << (slot % 64);
}

void TimerWheel::detach(uint32_t id) {
  const uint32_t prev = nodes_[id].prev;
  const uint32_t next = nodes_[id].next;
  nodes_[prev].next = next;
  nodes_[next].prev = prev;
  // Every list has exactly one sentinel: prev == next means the list is now empty.
  if (prev == next && prev >= max_ids_) {
    const uint32_t slot = prev - max_ids_;
    if (slot < kLevels * kSlots) {
      occupied_[slot / kSlots][(slot % kSlots) / 64] &= ~(uint64_t{1} << (slot % 64));
    }
  }
}

void TimerWheel::splice_all(uint32_t from, uint32_t to) {
  const uint32_t first = nodes_[from].next;
  if (first == from) return;
  const uint32_t last = nodes_[from].prev;
  const uint32_t tail = nodes_[to].prev;
  nodes_[tail].next = first;
  nodes_[first].prev = tail;
  nodes_[last].next = to;
  nodes_[to].prev = last;
  nodes_[from].next = from;
  nodes_[from].prev = from;
  const uint32_t slot = from - max_ids_;
  if (slot < kLevels * kSlots) {
    occupied_[slot / kSlots][(slot % kSlots) / 64] &= ~(uint64_t{1} << (slot % 64));
  }
}

void TimerWheel::place(uint32_t id) {
  const uint64_t e = tick_ceil(nodes_[id].deadline_us);
  assert(e >= now_tick_);
  // The level is the highest 8-bit digit in which the expiry tick differs from now: the
  // timer then waits in that digit's slot until the wheel reaches the slot's start.
  const uint64_t diff = e ^ now_tick_;
  for (unsigned level = 0; level < kLevels; ++level) {
    const unsigned shift = kSlotBits * (level + 1);
    if ((diff >> shift) == 0) {
      const auto slot = static_cast<uint32_t>((e >> (kSlotBits * level)) & (kSlots - 1));
      link_back(slot_list(level, slot), id);
      return;
    }
  }
  link_back(overflow_list(), id);
}

void TimerWheel::arm(uint32_t id, Instant deadline) {
  assert(id < max_ids_);
  cancel(id);
  if (deadline == kNever) return;
  ++armed_;
  nodes_[id].deadline_us = deadline.time_since_epoch().count();
  if (deadline <= last_now_) {
    link_back(due_list(), id);  // already reached: fires on the next advance()
  } else {
    place(id);
  }
}

void TimerWheel::cancel(uint32_t id) {
  if (!armed(id)) return;
  detach(id);
  nodes_[id].next = kNone;
  --armed_;
}

uint32_t TimerWheel::pop_firing() {
  const uint32_t id = nodes_[firing_list()].next;
  if (id == firing_list()) return kNone;
  detach(id);
  nodes_[id].next = kNone;
  --armed_;
  return id;
}

uint64_t TimerWheel::next_event_tick() const {
  // Occupied slots of level L all lie after the current digit, within the current block
  // of level L + 1, so the first level with an occupied slot holds the next event.
  for (unsigned level = 0; level < kLevels; ++level) {
    const unsigned shift = kSlotBits * level;
    const auto digit = static_cast<uint32_t>((now_tick_ >> shift) & (kSlots - 1));
    const uint32_t slot = next_set(occupied_[level], digit + 1);
    if (slot < kSlots) {
      const unsigned block_shift = shift + kSlotBits;
      return ((now_tick_ >> block_shift) << block_shift) | (uint64_t{slot} << shift);
    }
  }
  const uint32_t overflow = overflow_list();
  if (nodes_[overflow].next != overflow) {
    constexpr unsigned kTop = kSlotBits * kLevels;
    return ((now_tick_ >> kTop) + 1) << kTop;
  }
  return kNoTick;
}

void TimerWheel::cascade(uint32_t list) {
  splice_all(list, scratch_list());
  for (uint32_t id = nodes_[scratch_list()].next; id != scratch_list();
       id = nodes_[scratch_list()].next) {
    detach(id);
    place(id);  // lands in a lower level (or back in overflow if still too far)
  }
}

void TimerWheel::begin_tick(uint64_t t) {
  now_tick_ = t;
  constexpr unsigned kTop = kSlotBits * kLevels;
  if ((t & ((uint64_t{1} << kTop) - 1)) == 0) cascade(overflow_list());
  // Highest level first: its timers may land in the lower slot cascaded next.
  for (unsigned level = kLevels - 1; level >= 1; --level) {
    const unsigned shift = kSlotBits * level;
    if ((t & ((uint64_t{1} << shift) - 1)) != 0) continue;
    cascade(slot_list(level, static_cast<uint32_t>((t >> shift) & (kSlots - 1))));
  }
  splice_all(slot_list(0, static_cast<uint32_t>(t & (kSlots - 1))), firing_list());
}

Instant TimerWheel::next_expiry_hint() const {
  if (nodes_[due_list()].next != due_list()) return last_now_;
  const uint64_t t = next_event_tick();
  if (t == kNoTick) return kNever;
  int64_t offset = 0;
  int64_t hint = 0;
  if (t > static_cast<uint64_t>(INT64_MAX / kTickUs) ||
      __builtin_mul_overflow(static_cast<int64_t>(t), kTickUs, &offset) ||
      __builtin_add_overflow(start_.time_since_epoch().count(), offset, &hint)) {
    return kNever;  // beyond the representable range: nothing to do in practice
  }
  return Instant(Duration(hint));
}

}  // namespace dpsctp::core
