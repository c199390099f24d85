// TimerWheel: all the timers of one shard (T1-init, T2-shutdown, T3-rtx, heartbeat,
// delayed SACK, ... multiplexed per association slot by the caller) in a hierarchical
// timing wheel (Varghese & Lauck, "Hashed and Hierarchical Timing Wheels", 1987).
//
// Serves the timers of RFC 9260 §6.3 (T3-rtx), §5.1 (T1-init/T1-cookie), §9.2 (T2,
// T5-shutdown-guard), §8.3 (heartbeat) and §6.2 (delayed SACK); their rules are the
// callers'. This file only guarantees: a timer never fires before its deadline, and fires
// at most one 1 ms tick after it once advance() has passed that tick.
//
// Layout: 4 levels x 256 slots of 1 ms, 256 ms, 65.536 s and 4.66 h, plus an overflow
// list for deadlines beyond 49.7 days. Slots are intrusive circular doubly-linked lists
// threaded through one array indexed by timer id (ids are dense association slot
// indices), so arm/cancel are O(1) and nothing is allocated after construction. A
// timer in level L moves down ("cascades") when the wheel reaches the start of its slot;
// per-level occupancy bitmaps let advance() jump over empty time in O(levels).
#pragma once

#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "dpsctp/time.h"

namespace dpsctp::core {

class TimerWheel {
 public:
  static constexpr Duration kTick = 1ms;
  static constexpr unsigned kLevels = 4;
  static constexpr unsigned kSlotBits = 8;
  static constexpr uint32_t kSlots = 1u << kSlotBits;  ///< per level
  /// Lists that are not wheel slots: overflow, due, firing, cascade scratch.
  static constexpr uint32_t kExtraLists = 4;
  /// The largest max_ids the 32-bit links can address.
  static constexpr uint32_t kMaxIds = UINT32_MAX - kLevels * kSlots - kExtraLists;

  /// Ticks are counted from `start` (tick 0). Storage for ids [0, max_ids) is allocated
  /// here, once (16 bytes per id).
  explicit TimerWheel(Instant start, uint32_t max_ids);

  /// (Re)arms timer `id` (< max_ids) to fire at `deadline`, replacing any earlier
  /// deadline. It fires in the first advance() whose `now` reaches the deadline rounded up
  /// to the next 1 ms tick. A deadline at or before the latest `now` given to advance()
  /// (a past deadline, or an arm from inside an expiry callback for a time already
  /// reached) fires on the next advance() call. arm(id, kNever) is cancel(id). O(1).
  void arm(uint32_t id, Instant deadline);

  /// Disarms `id`; no-op if it is not armed (also inside an expiry callback). O(1).
  void cancel(uint32_t id);

  /// True if `id` is armed (not yet fired nor cancelled).
  [[nodiscard]] bool armed(uint32_t id) const {
    assert(id < max_ids_);
    return nodes_[id].next != kNone;
  }

  /// The deadline `id` was armed with, or kNever if it is not armed.
  [[nodiscard]] Instant deadline(uint32_t id) const {
    return armed(id) ? Instant(Duration(nodes_[id].deadline_us)) : kNever;
  }

  /// Moves time to `now` (non-decreasing; an older `now` is treated as the latest one)
  /// and calls `on_expire(uint32_t id)` once for every timer that expired: deadline
  /// rounded up to the 1 ms tick <= now (so deadline <= now always holds), timers due
  /// from arm() first, then tick by tick. Each timer is disarmed before its callback,
  /// which may arm/cancel any timer, including itself, but must not call advance(). Cost:
  /// O(expired timers + cascaded timers + levels per non-empty slot reached), independent
  /// of how far `now` jumps.
  template <class F>
  void advance(Instant now, F&& on_expire) {
    if (now > last_now_) last_now_ = now;
    splice_all(due_list(), firing_list());
    drain(on_expire);
    const uint64_t target = tick_floor(last_now_);
    for (uint64_t t = next_event_tick(); t <= target; t = next_event_tick()) {
      begin_tick(t);
      drain(on_expire);
    }
    if (target > now_tick_) now_tick_ = target;
  }

  /// When the poll loop should next call advance(): kNever if nothing is armed; the
  /// latest `now` if a timer is already due; otherwise the start of the first tick at
  /// which advance() has work (fire a slot, or cascade one - then the hint moves on).
  /// Never later than the earliest armed deadline rounded up to the tick. O(levels).
  [[nodiscard]] Instant next_expiry_hint() const;

  /// Number of armed timers.
  [[nodiscard]] size_t armed_count() const { return armed_; }
  [[nodiscard]] uint32_t max_ids() const { return max_ids_; }
  /// Bytes owned by the wheel (constant after construction).
  [[nodiscard]] size_t memory_bytes() const {
    return sizeof(*this) + nodes_.capacity() * sizeof(Node);
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;    ///< "not armed" in Node::next
  static constexpr uint64_t kNoTick = UINT64_MAX;  ///< no pending event

  /// A timer (index < max_ids_) or a list head (sentinel, index >= max_ids_).
  struct Node {
    int64_t deadline_us;
    uint32_t next;
    uint32_t prev;
  };

  [[nodiscard]] uint32_t slot_list(unsigned level, uint32_t slot) const {
    return max_ids_ + level * kSlots + slot;
  }
  [[nodiscard]] uint32_t overflow_list() const { return max_ids_ + kLevels * kSlots; }
  [[nodiscard]] uint32_t due_list() const { return overflow_list() + 1; }
  [[nodiscard]] uint32_t firing_list() const { return overflow_list() + 2; }
  [[nodiscard]] uint32_t scratch_list() const { return overflow_list() + 3; }

  [[nodiscard]] uint64_t tick_floor(Instant t) const;
  [[nodiscard]] uint64_t tick_ceil(int64_t deadline_us) const;
  [[nodiscard]] uint64_t next_event_tick() const;

  void link_back(uint32_t list, uint32_t id);
  void detach(uint32_t id);
  void splice_all(uint32_t from, uint32_t to);
  void place(uint32_t id);
  void cascade(uint32_t list);
  void begin_tick(uint64_t t);
  uint32_t pop_firing();

  template <class F>
  void drain(F& on_expire) {
    for (uint32_t id = pop_firing(); id != kNone; id = pop_firing()) on_expire(id);
  }

  Instant start_;
  Instant last_now_;       ///< latest `now` given to advance() (start_ initially)
  uint64_t now_tick_ = 0;  ///< every timer with expiry tick <= now_tick_ has fired
  uint32_t max_ids_;
  size_t armed_ = 0;
  std::vector<Node> nodes_;  ///< max_ids_ timers, then the list sentinels
  std::array<std::array<uint64_t, kSlots / 64>, kLevels> occupied_{};  ///< non-empty slots
};

}  // namespace dpsctp::core
