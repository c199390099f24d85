// CrossShardIndex: insert / erase-if-owner / find, and concurrent readers and writers
// (design.md §3: the control plane writes, any shard reads).
#include "runtime/stack/cross_shard_index.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace dpsctp::runtime {
namespace {

const IndexKey kKey{IpAddress::v4(10, 99, 0, 2), 5000, 36412};

TEST(CrossShardIndex, InsertFindErase) {
  CrossShardIndex idx;
  EXPECT_FALSE(idx.find(kKey));
  idx.insert(kKey, {1, AssocId(7)});
  ASSERT_TRUE(idx.find(kKey));
  EXPECT_EQ(*idx.find(kKey), (IndexEntry{1, AssocId(7)}));
  EXPECT_EQ(idx.size(), 1u);
  EXPECT_TRUE(idx.erase(kKey, {1, AssocId(7)}));
  EXPECT_FALSE(idx.find(kKey));
  EXPECT_EQ(idx.size(), 0u);
}

TEST(CrossShardIndex, KeysDifferByEveryField) {
  CrossShardIndex idx;
  idx.insert(kKey, {0, AssocId(1)});
  EXPECT_FALSE(idx.find({IpAddress::v4(10, 99, 0, 3), 5000, 36412}));
  EXPECT_FALSE(idx.find({kKey.peer, 5001, 36412}));
  EXPECT_FALSE(idx.find({kKey.peer, 5000, 36413}));
  const IpAddress v6 = IpAddress::v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2});
  idx.insert({v6, 5000, 36412}, {1, AssocId(1)});
  EXPECT_EQ(idx.find({v6, 5000, 36412})->shard, 1);
  EXPECT_EQ(idx.find(kKey)->shard, 0);
}

// A restarted association (RFC 9260 §5.2.2) or a new one may take the key over; the old
// owner's late removal must not delete the newer entry.
TEST(CrossShardIndex, EraseOnlyRemovesTheOwnersEntry) {
  CrossShardIndex idx;
  idx.insert(kKey, {0, AssocId(1)});
  idx.insert(kKey, {1, AssocId(4)});
  EXPECT_FALSE(idx.erase(kKey, {0, AssocId(1)}));
  EXPECT_EQ(*idx.find(kKey), (IndexEntry{1, AssocId(4)}));
  EXPECT_TRUE(idx.erase(kKey, {1, AssocId(4)}));
  EXPECT_FALSE(idx.erase(kKey, {1, AssocId(4)}));
}

TEST(CrossShardIndex, ConcurrentWritersAndReaders) {
  CrossShardIndex idx;
  constexpr uint16_t kPorts = 2000;
  std::atomic<bool> done{false};
  std::atomic<uint64_t> wrong{0};
  std::thread reader([&] {
    while (!done.load()) {
      for (uint16_t p = 1; p <= kPorts; ++p) {
        const auto e = idx.find({kKey.peer, p, 36412});
        // Whatever is found must be what a writer wrote for that key.
        if (e && e->assoc.value() != p) wrong.fetch_add(1);
      }
    }
  });
  std::vector<std::thread> writers;
  for (uint16_t w = 0; w < 2; ++w) {
    writers.emplace_back([&idx, w] {
      for (uint16_t p = static_cast<uint16_t>(1 + w); p <= kPorts; p = static_cast<uint16_t>(p + 2)) {
        idx.insert({kKey.peer, p, 36412}, {w, AssocId(p)});
      }
      for (uint16_t p = static_cast<uint16_t>(1 + w); p <= kPorts; p = static_cast<uint16_t>(p + 4)) {
        idx.erase({kKey.peer, p, 36412}, {w, AssocId(p)});
      }
    });
  }
  for (auto& t : writers) t.join();
  done = true;
  reader.join();
  EXPECT_EQ(wrong.load(), 0u);
  EXPECT_EQ(idx.size(), kPorts / 2);  // each writer erased every other of its keys
}

}  // namespace
}  // namespace dpsctp::runtime
