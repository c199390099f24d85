// LatencyHistogram: bucket arithmetic, percentiles, merge, export (see histogram.h).
#include "histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace dpsctp::loadgen {

size_t LatencyHistogram::index_of(uint64_t v) {
  if (v < kSub) return static_cast<size_t>(v);
  const unsigned msb = 63u - static_cast<unsigned>(std::countl_zero(v));  // >= kSubBits
  const unsigned shift = msb - kSubBits;
  const uint64_t sub = (v >> shift) & (kSub - 1);
  return static_cast<size_t>(kSub + uint64_t{shift} * kSub + sub);
}

uint64_t LatencyHistogram::bucket_lower(size_t index) {
  if (index < kSub) return index;
  const uint64_t shift = (index - kSub) / kSub;
  const uint64_t sub = (index - kSub) % kSub;
  return (kSub + sub) << shift;
}

uint64_t LatencyHistogram::bucket_upper(size_t index) {
  if (index < kSub) return index;
  const uint64_t shift = (index - kSub) / kSub;
  return bucket_lower(index) + ((uint64_t{1} << shift) - 1);
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  for (size_t i = 0; i < kBuckets; ++i) counts_[i] += other.counts_[i];
  count_ += other.count_;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

uint64_t LatencyHistogram::percentile(double p) const {
  if (count_ == 0) return 0;
  p = std::clamp(p, 0.0, 100.0);
  auto rank = static_cast<uint64_t>(std::ceil(p / 100.0 * static_cast<double>(count_)));
  rank = std::clamp<uint64_t>(rank, 1, count_);
  uint64_t seen = 0;
  for (size_t i = 0; i < kBuckets; ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::clamp(bucket_upper(i), min_, max_);
  }
  return max_;
}

std::vector<LatencyHistogram::Bucket> LatencyHistogram::buckets() const {
  std::vector<Bucket> out;
  for (size_t i = 0; i < kBuckets; ++i) {
    if (counts_[i] != 0) out.push_back({bucket_lower(i), bucket_upper(i), counts_[i]});
  }
  return out;
}

}  // namespace dpsctp::loadgen
