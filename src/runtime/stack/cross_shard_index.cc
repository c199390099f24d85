// CrossShardIndex on tbb::concurrent_hash_map (bucket-level reader/writer locks; only the
// control plane and rare packets come here, see the header).
#include "runtime/stack/cross_shard_index.h"

#include <tbb/concurrent_hash_map.h>

namespace dpsctp::runtime {
namespace {

struct KeyHashCompare {
  static size_t hash(const IndexKey& k) {
    const size_t h = IpAddressHash{}(k.peer);
    return h ^ ((size_t{k.peer_port} << 16 | k.local_port) * 0x9E3779B97F4A7C15ULL);
  }
  static bool equal(const IndexKey& a, const IndexKey& b) { return a == b; }
};

}  // namespace

struct CrossShardIndex::Map : tbb::concurrent_hash_map<IndexKey, IndexEntry, KeyHashCompare> {};

CrossShardIndex::CrossShardIndex() : map_(std::make_unique<Map>()) {}
CrossShardIndex::~CrossShardIndex() = default;

void CrossShardIndex::insert(const IndexKey& key, const IndexEntry& entry) {
  Map::accessor a;
  map_->insert(a, key);
  a->second = entry;
}

bool CrossShardIndex::erase(const IndexKey& key, const IndexEntry& entry) {
  Map::accessor a;
  if (!map_->find(a, key) || a->second != entry) return false;
  return map_->erase(a);
}

std::optional<IndexEntry> CrossShardIndex::find(const IndexKey& key) const {
  Map::const_accessor a;
  if (!map_->find(a, key)) return std::nullopt;
  return a->second;
}

size_t CrossShardIndex::size() const { return map_->size(); }

}  // namespace dpsctp::runtime
