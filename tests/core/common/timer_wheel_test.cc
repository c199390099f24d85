#include "core/common/timer_wheel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <vector>

namespace dpsctp::core {
namespace {

using std::chrono::hours;
using std::chrono::microseconds;

const Instant kStart = Instant(7s + 123us);  // ticks are counted from here, not from 0

std::vector<uint32_t> advance(TimerWheel& w, Instant now) {
  std::vector<uint32_t> fired;
  w.advance(now, [&](uint32_t id) {
    EXPECT_FALSE(w.armed(id));  // disarmed before the callback
    fired.push_back(id);
  });
  return fired;
}

TEST(TimerWheel, FiresAtDeadlineNeverBefore) {
  TimerWheel w(kStart, 16);
  w.arm(3, kStart + 10ms);
  EXPECT_TRUE(w.armed(3));
  EXPECT_EQ(w.deadline(3), kStart + 10ms);
  EXPECT_EQ(w.armed_count(), 1u);
  EXPECT_EQ(w.next_expiry_hint(), kStart + 10ms);
  EXPECT_TRUE(advance(w, kStart + 10ms - 1us).empty());
  EXPECT_EQ(advance(w, kStart + 10ms), std::vector<uint32_t>{3});
  EXPECT_FALSE(w.armed(3));
  EXPECT_EQ(w.deadline(3), kNever);
  EXPECT_EQ(w.armed_count(), 0u);
  EXPECT_EQ(w.next_expiry_hint(), kNever);
  EXPECT_TRUE(advance(w, kStart + 1h).empty());
}

TEST(TimerWheel, SubTickDeadlineRoundsUpToNextTick) {
  TimerWheel w(kStart, 4);
  w.arm(0, kStart + 5ms + 1us);  // fires at the 6 ms tick: late by < 1 tick, never early
  EXPECT_TRUE(advance(w, kStart + 5ms + 1us).empty());
  EXPECT_TRUE(advance(w, kStart + 6ms - 1us).empty());
  EXPECT_EQ(advance(w, kStart + 6ms), std::vector<uint32_t>{0});
}

TEST(TimerWheel, PastDeadlineFiresOnNextAdvance) {
  TimerWheel w(kStart, 4);
  EXPECT_TRUE(advance(w, kStart + 5ms + 500us).empty());
  w.arm(1, kStart + 5ms + 200us);  // in the past, inside the current tick
  w.arm(2, kStart - 1h);           // before the wheel even started
  EXPECT_EQ(w.next_expiry_hint(), kStart + 5ms + 500us);
  auto fired = advance(w, kStart + 5ms + 500us);  // same `now`: still fires
  std::sort(fired.begin(), fired.end());
  EXPECT_EQ(fired, (std::vector<uint32_t>{1, 2}));
}

TEST(TimerWheel, RearmReplacesDeadlineAndCancelDisarms) {
  TimerWheel w(kStart, 4);
  w.arm(1, kStart + 10ms);
  w.arm(1, kStart + 20ms);
  EXPECT_EQ(w.armed_count(), 1u);
  EXPECT_TRUE(advance(w, kStart + 15ms).empty());
  EXPECT_EQ(advance(w, kStart + 20ms), std::vector<uint32_t>{1});
  w.arm(2, kStart + 30ms);
  w.cancel(2);
  w.cancel(2);  // idempotent
  w.cancel(3);  // never armed
  EXPECT_EQ(w.armed_count(), 0u);
  w.arm(1, kStart + 40ms);
  w.arm(1, kNever);  // same as cancel
  EXPECT_FALSE(w.armed(1));
  EXPECT_EQ(w.armed_count(), 0u);
  EXPECT_TRUE(advance(w, kStart + 1h).empty());
}

TEST(TimerWheel, RearmFromCallbackIsPeriodic) {
  TimerWheel w(kStart, 4);
  w.arm(0, kStart + 100ms);
  int fires = 0;
  auto periodic = [&](uint32_t id) {
    ++fires;
    w.arm(id, kStart + (fires + 1) * 100ms);
  };
  for (int i = 1; i <= 700; ++i) w.advance(kStart + i * 1ms, periodic);
  EXPECT_EQ(fires, 7);  // 100, 200, ..., 700 ms (crosses the 256 ms level boundary)
  EXPECT_EQ(w.deadline(0), kStart + 800ms);
  // One big jump: each fire re-arms 100 ms later, which is still <= now, so the re-armed
  // timer is due and fires on the NEXT advance() call, once per call: no livelock.
  w.advance(kStart + 10s, periodic);
  EXPECT_EQ(fires, 8);
  w.advance(kStart + 10s, periodic);
  EXPECT_EQ(fires, 9);
}

TEST(TimerWheel, RearmFromCallbackToLaterTickInSameAdvance) {
  TimerWheel w(kStart, 4);
  w.advance(kStart + 1ms, [](uint32_t) {});
  w.arm(0, kStart + 10ms);
  std::vector<uint32_t> fired;
  // `now` is read before callbacks; a deadline after it fires later, not in this call.
  w.advance(kStart + 50ms, [&](uint32_t id) {
    fired.push_back(id);
    if (id == 0) w.arm(1, kStart + 60ms);
  });
  EXPECT_EQ(fired, std::vector<uint32_t>{0});
  EXPECT_EQ(advance(w, kStart + 60ms), std::vector<uint32_t>{1});
}

TEST(TimerWheel, CancelInsideCallbackSuppressesPendingExpiry) {
  TimerWheel w(kStart, 8);
  w.arm(1, kStart + 10ms);
  w.arm(2, kStart + 10ms);  // same tick
  w.arm(3, kStart + 12ms);  // later tick in the same advance
  std::vector<uint32_t> fired;
  w.advance(kStart + 20ms, [&](uint32_t id) {
    fired.push_back(id);
    w.cancel(id == 1 ? 2 : 1);  // whichever fires first cancels the other
    w.cancel(3);
  });
  ASSERT_EQ(fired.size(), 1u);
  EXPECT_TRUE(fired[0] == 1 || fired[0] == 2);
  EXPECT_EQ(w.armed_count(), 0u);
}

TEST(TimerWheel, LargeJumpsFireEverythingInTickOrder) {
  TimerWheel w(kStart, 8);
  const std::vector<Duration> delays = {1ms, 255ms,          256ms,          70s,
                                        5h,  60 * hours(24), 120 * hours(24)};
  for (uint32_t i = 0; i < delays.size(); ++i) w.arm(i, kStart + delays[i]);
  EXPECT_EQ(advance(w, kStart + 100 * hours(24)),
            (std::vector<uint32_t>{0, 1, 2, 3, 4, 5}));  // 60 days: via the overflow list
  EXPECT_EQ(w.armed_count(), 1u);
  EXPECT_TRUE(advance(w, kStart + 120 * hours(24) - 1us).empty());
  EXPECT_EQ(advance(w, kStart + 120 * hours(24)), std::vector<uint32_t>{6});
}

TEST(TimerWheel, HintIsExactForNextTickAndStepsThroughCascades) {
  TimerWheel w(kStart, 4);
  EXPECT_EQ(w.next_expiry_hint(), kNever);
  w.arm(0, kStart + 300ms + 1us);  // tick 301: level 1, cascades at tick 256
  EXPECT_EQ(w.next_expiry_hint(), kStart + 256ms);
  EXPECT_TRUE(advance(w, w.next_expiry_hint()).empty());
  EXPECT_EQ(w.next_expiry_hint(), kStart + 301ms);
  EXPECT_EQ(advance(w, kStart + 301ms), std::vector<uint32_t>{0});
}

TEST(TimerWheel, DeadlinesAtExtremesDoNotOverflow) {
  TimerWheel w(kStart, 4);
  w.arm(0, kNever - 1us);
  w.arm(1, Instant::min());
  EXPECT_EQ(w.armed_count(), 2u);
  EXPECT_EQ(advance(w, kStart), std::vector<uint32_t>{1});
  EXPECT_TRUE(advance(w, kStart + 1000 * hours(24)).empty());
  EXPECT_TRUE(w.armed(0));
}

TEST(TimerWheel, MillionIdsAllocatedOnce) {
  constexpr uint32_t kIds = 1'000'000;
  TimerWheel w(kStart, kIds);
  const size_t bytes = w.memory_bytes();
  EXPECT_LT(bytes, 17u * kIds + 64 * 1024);  // 16 bytes per id + list heads
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int64_t> delay(0, hours(10) / 1us);
  for (uint32_t id = 0; id < kIds; ++id) w.arm(id, kStart + microseconds(delay(rng)));
  EXPECT_EQ(w.armed_count(), kIds);
  std::vector<uint8_t> seen(kIds, 0);
  size_t fired = 0;
  for (Instant now = kStart; w.armed_count() > 0; now += 37s) {
    w.advance(now, [&](uint32_t id) {
      ++seen[id];
      ++fired;
    });
  }
  EXPECT_EQ(fired, kIds);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), kIds);
  EXPECT_EQ(w.memory_bytes(), bytes);
}

// --- Randomized model test against a std::multimap reference --------------------------

struct ModelParams {
  uint64_t seed;
  int ops;
  uint32_t ids;
  int64_t max_delay_us;
  int64_t max_jump_us;
};

class Model {
 public:
  explicit Model(uint32_t ids) : iters_(ids, by_tick_.end()) {}

  // The wheel's contract, independently: fires at the first advance whose tick
  // floor((now - start) / 1 ms) reaches ceil((deadline - start) / 1 ms), or at the next
  // advance if the deadline was <= the latest `now` when armed (key -1).
  void arm(uint32_t id, Instant deadline, Instant last_now) {
    cancel(id);
    int64_t key = -1;
    if (deadline > last_now) {
      const int64_t d = (deadline - kStart).count();
      key = d / 1000 + (d % 1000 != 0 ? 1 : 0);
    }
    iters_[id] = by_tick_.emplace(key, id);
    deadlines_[id] = deadline;
  }
  void cancel(uint32_t id) {
    if (iters_[id] == by_tick_.end()) return;
    by_tick_.erase(iters_[id]);
    iters_[id] = by_tick_.end();
  }
  std::vector<uint32_t> advance(Instant now) {
    const int64_t tick = (now - kStart).count() / 1000;
    std::vector<uint32_t> fired;
    const auto end = by_tick_.upper_bound(tick);
    for (auto it = by_tick_.begin(); it != end; ++it) {
      fired.push_back(it->second);
      iters_[it->second] = by_tick_.end();
    }
    by_tick_.erase(by_tick_.begin(), end);
    return fired;
  }
  [[nodiscard]] size_t size() const { return by_tick_.size(); }
  [[nodiscard]] Instant deadline(uint32_t id) const {
    return iters_[id] == by_tick_.end() ? kNever : deadlines_.at(id);
  }
  [[nodiscard]] int64_t first_key() const {
    return by_tick_.empty() ? INT64_MAX : by_tick_.begin()->first;
  }

 private:
  std::multimap<int64_t, uint32_t> by_tick_;
  std::vector<std::multimap<int64_t, uint32_t>::iterator> iters_;
  std::map<uint32_t, Instant> deadlines_;
};

void run_model(const ModelParams& p) {
  std::mt19937_64 rng(p.seed);
  auto uniform = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  TimerWheel w(kStart, p.ids);
  Model m(p.ids);
  Instant now = kStart;
  for (int op = 0; op < p.ops; ++op) {
    const auto id = static_cast<uint32_t>(uniform(0, p.ids - 1));
    const int64_t kind = uniform(0, 99);
    if (kind < 45) {
      // Mostly future deadlines, some in the past, some exactly on a tick.
      int64_t delay = uniform(-5'000'000, p.max_delay_us);
      if (kind < 5) delay -= delay % 1000;
      const Instant deadline = now + microseconds(delay);
      w.arm(id, deadline);
      m.arm(id, deadline, now);
    } else if (kind < 60) {
      w.cancel(id);
      m.cancel(id);
    } else {
      const int64_t r = uniform(0, 99);
      const int64_t jump = r < 70   ? uniform(0, 3000)
                           : r < 95 ? uniform(0, 2'000'000)
                                    : uniform(0, p.max_jump_us);
      now += microseconds(jump);
      const Instant hint = w.next_expiry_hint();
      const int64_t key = m.first_key();
      if (key == -1) {
        ASSERT_EQ(hint, now - microseconds(jump));  // something is due: the latest now
      } else if (key == INT64_MAX) {
        ASSERT_EQ(hint, kNever);
      } else {
        ASSERT_LE(hint, kStart + key * 1ms) << "op " << op;
      }
      std::vector<uint32_t> got;
      w.advance(now, [&](uint32_t fired) {
        ASSERT_EQ(w.deadline(fired), kNever);  // disarmed before the callback
        ASSERT_LE(m.deadline(fired), now) << "fired early, op " << op;
        got.push_back(fired);
      });
      std::vector<uint32_t> want = m.advance(now);
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      ASSERT_EQ(got, want) << "op " << op;
    }
    ASSERT_EQ(w.armed_count(), m.size());
    ASSERT_EQ(w.deadline(id), m.deadline(id));
  }
}

TEST(TimerWheel, ModelTest100kOpsDeadlinesUpTo10Hours) {
  run_model({.seed = 1,
             .ops = 100'000,
             .ids = 4096,
             .max_delay_us = hours(10) / 1us,
             .max_jump_us = hours(1) / 1us});
}

TEST(TimerWheel, ModelTestFewIdsManyCollisions) {
  run_model({.seed = 2,
             .ops = 100'000,
             .ids = 16,
             .max_delay_us = 10'000'000,
             .max_jump_us = 30'000'000});
}

TEST(TimerWheel, ModelTestOverflowBeyond49Days) {
  run_model({.seed = 3,
             .ops = 30'000,
             .ids = 512,
             .max_delay_us = 200 * hours(24) / 1us,
             .max_jump_us = 30 * hours(24) / 1us});
}

}  // namespace
}  // namespace dpsctp::core
