// Tests for apps/loadgen/histogram: bucket arithmetic, percentiles on known
// distributions, merge, export.
#include "histogram.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace dpsctp::loadgen {
namespace {

TEST(LatencyHistogram, SmallValuesAreExact) {
  for (uint64_t v = 0; v < 64; ++v) {
    const size_t i = LatencyHistogram::index_of(v);
    EXPECT_EQ(LatencyHistogram::bucket_lower(i), v);
    EXPECT_EQ(LatencyHistogram::bucket_upper(i), v);
  }
}

TEST(LatencyHistogram, BucketsTileTheRangeWithBoundedWidth) {
  for (size_t i = 1; i < LatencyHistogram::kBuckets; ++i) {
    ASSERT_EQ(LatencyHistogram::bucket_lower(i), LatencyHistogram::bucket_upper(i - 1) + 1) << i;
    const uint64_t lo = LatencyHistogram::bucket_lower(i);
    const uint64_t width = LatencyHistogram::bucket_upper(i) - lo + 1;
    ASSERT_LE(width * 32, std::max<uint64_t>(lo, 32)) << i;  // <= 1/32 of the value
    ASSERT_EQ(LatencyHistogram::index_of(lo), i);
    ASSERT_EQ(LatencyHistogram::index_of(LatencyHistogram::bucket_upper(i)), i);
  }
  EXPECT_EQ(LatencyHistogram::bucket_upper(LatencyHistogram::kBuckets - 1),
            std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(LatencyHistogram::index_of(std::numeric_limits<uint64_t>::max()),
            LatencyHistogram::kBuckets - 1);
}

TEST(LatencyHistogram, EmptyReportsZero) {
  LatencyHistogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.percentile(50), 0u);
  EXPECT_EQ(h.min(), 0u);
  EXPECT_EQ(h.max(), 0u);
  EXPECT_TRUE(h.buckets().empty());
}

TEST(LatencyHistogram, ConstantValue) {
  LatencyHistogram h;
  for (int i = 0; i < 1000; ++i) h.record(12345);
  for (double p : {1.0, 50.0, 99.9, 100.0}) EXPECT_EQ(h.percentile(p), 12345u) << p;
  EXPECT_EQ(h.min(), 12345u);
  EXPECT_EQ(h.max(), 12345u);
  EXPECT_DOUBLE_EQ(h.mean(), 12345.0);
}

// Uniform 1..100,000 ns: percentile p is p * 1000 within the 1/32 bucket width.
TEST(LatencyHistogram, UniformPercentilesWithinBucketPrecision) {
  LatencyHistogram h;
  for (uint64_t v = 1; v <= 100000; ++v) h.record(v);
  for (double p : {50.0, 90.0, 99.0, 99.9}) {
    const double want = p * 1000;
    const auto got = static_cast<double>(h.percentile(p));
    EXPECT_GE(got, want) << p;  // the bucket's upper bound: never below the true value
    EXPECT_LE(got, want * (1 + 1.0 / 32)) << p;
  }
  EXPECT_EQ(h.percentile(100), 100000u);
  EXPECT_EQ(h.max(), 100000u);
  EXPECT_EQ(h.min(), 1u);
}

// A bimodal distribution (99 % fast, 1 % slow) puts p99.9 in the slow mode.
TEST(LatencyHistogram, TailPercentilesSeeTheSlowMode) {
  LatencyHistogram h;
  for (int i = 0; i < 9900; ++i) h.record(20'000);
  for (int i = 0; i < 100; ++i) h.record(5'000'000);
  EXPECT_LE(h.percentile(50), 20'000u * 33 / 32);
  EXPECT_LE(h.percentile(99), 20'000u * 33 / 32);
  EXPECT_GE(h.percentile(99.9), 5'000'000u);
  EXPECT_EQ(h.max(), 5'000'000u);
}

TEST(LatencyHistogram, BucketCountsAddUpAndMergeSums) {
  LatencyHistogram a, b;
  uint64_t x = 7;
  for (int i = 0; i < 5000; ++i) {
    x = x * 6364136223846793005ull + 1;
    a.record(x >> 40);
    b.record((x >> 50) + 3);
  }
  LatencyHistogram m = a;
  m.merge(b);
  uint64_t sum = 0;
  for (const auto& bucket : m.buckets()) {
    EXPECT_LE(bucket.lower, bucket.upper);
    EXPECT_GT(bucket.count, 0u);
    sum += bucket.count;
  }
  EXPECT_EQ(sum, 10000u);
  EXPECT_EQ(m.count(), a.count() + b.count());
  EXPECT_EQ(m.max(), std::max(a.max(), b.max()));
  EXPECT_EQ(m.min(), std::min(a.min(), b.min()));
  EXPECT_NEAR(m.mean(), (a.mean() + b.mean()) / 2, 1e-6 * m.mean());
}

}  // namespace
}  // namespace dpsctp::loadgen
