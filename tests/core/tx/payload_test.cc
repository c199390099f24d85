#include "core/tx/payload.h"

#include <gtest/gtest.h>

#include <vector>

namespace dpsctp::core {
namespace {

std::vector<std::byte> bytes(size_t n, uint8_t v) { return std::vector<std::byte>(n, std::byte{v}); }

TEST(PayloadPool, CopiesAndCountsReferences) {
  PayloadPool pool;
  const auto msg = bytes(100, 7);
  PayloadRef a = pool.copy_in(msg);
  ASSERT_TRUE(a);
  EXPECT_EQ(a.size(), 100u);
  EXPECT_EQ(a.bytes()[99], std::byte{7});
  EXPECT_EQ(pool.live_buffers(), 1u);
  {
    PayloadRef b = a;  // NOLINT(performance-unnecessary-copy-initialization)
    EXPECT_EQ(a.use_count(), 2u);
  }
  EXPECT_EQ(a.use_count(), 1u);
  a.reset();
  EXPECT_EQ(pool.live_buffers(), 0u);
  EXPECT_EQ(pool.free_buffers(), 1u);
}

TEST(PayloadPool, RecyclesBuffersWithoutGrowing) {
  PayloadPool pool;
  const auto msg = bytes(128, 1);
  for (int i = 0; i < 1000; ++i) {
    PayloadRef r = pool.copy_in(msg);
    ASSERT_TRUE(r);
  }
  EXPECT_EQ(pool.live_buffers(), 0u);
  EXPECT_EQ(pool.free_buffers(), 1u);  // the same 256-byte buffer every time
}

TEST(PayloadPool, LargeMessagesAreUnpooledAndFreed) {
  PayloadPool pool;
  PayloadRef r = pool.copy_in(bytes(200000, 3));
  ASSERT_TRUE(r);
  EXPECT_EQ(r.bytes()[199999], std::byte{3});
  r.reset();
  EXPECT_EQ(pool.free_buffers(), 0u);
}

TEST(PayloadPool, FreeListIsBounded) {
  PayloadPool pool(2);
  std::vector<PayloadRef> refs;
  for (int i = 0; i < 5; ++i) refs.push_back(pool.copy_in(bytes(10, 0)));
  refs.clear();
  EXPECT_EQ(pool.free_buffers(), 2u);
}

TEST(PayloadPool, EmptyMessage) {
  PayloadPool pool;
  PayloadRef r = pool.copy_in({});
  ASSERT_TRUE(r);
  EXPECT_EQ(r.size(), 0u);
}

}  // namespace
}  // namespace dpsctp::core
