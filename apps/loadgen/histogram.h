// LatencyHistogram: a log-bucketed histogram of nanosecond values in the spirit of
// HdrHistogram. Values below 32 have a bucket each; above, every power-of-two range
// [2^k, 2^(k+1)) is split into 32 linear sub-buckets, so a bucket's width is at most 1/32
// of its lower bound (relative error <= 3.2 %) over the whole uint64_t range.
// record() is O(1) and never allocates (a fixed array of 1,920 counters, ~15 KB);
// min, max, sum are exact. One histogram per LoadShard; merge() sums them when reported.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dpsctp::loadgen {

class LatencyHistogram {
 public:
  static constexpr unsigned kSubBits = 5;
  static constexpr uint64_t kSub = uint64_t{1} << kSubBits;  // 32 sub-buckets per octave
  static constexpr size_t kBuckets = kSub + (64 - kSubBits) * kSub;  // 1,920

  struct Bucket {
    uint64_t lower = 0;  ///< first value in the bucket
    uint64_t upper = 0;  ///< last value in the bucket (inclusive)
    uint64_t count = 0;
  };

  void record(uint64_t value_ns) {
    ++counts_[index_of(value_ns)];
    ++count_;
    sum_ += value_ns;
    if (value_ns < min_) min_ = value_ns;
    if (value_ns > max_) max_ = value_ns;
  }
  void merge(const LatencyHistogram& other);
  void reset() { *this = LatencyHistogram{}; }

  [[nodiscard]] uint64_t count() const { return count_; }
  [[nodiscard]] uint64_t min() const { return count_ == 0 ? 0 : min_; }
  [[nodiscard]] uint64_t max() const { return max_; }
  [[nodiscard]] double mean() const {
    return count_ == 0 ? 0.0 : static_cast<double>(sum_) / static_cast<double>(count_);
  }
  /// The value at percentile p (0 < p <= 100): the upper bound of the bucket holding the
  /// ceil(p/100 * count)-th smallest sample, clamped to [min, max]; 0 when empty.
  [[nodiscard]] uint64_t percentile(double p) const;
  /// The non-empty buckets, in increasing order of value.
  [[nodiscard]] std::vector<Bucket> buckets() const;

  [[nodiscard]] static size_t index_of(uint64_t v);
  [[nodiscard]] static uint64_t bucket_lower(size_t index);
  [[nodiscard]] static uint64_t bucket_upper(size_t index);

 private:
  std::array<uint64_t, kBuckets> counts_{};
  uint64_t count_ = 0;
  uint64_t sum_ = 0;
  uint64_t min_ = UINT64_MAX;
  uint64_t max_ = 0;
};

}  // namespace dpsctp::loadgen
