// ShardMesh: SP/SC rte_rings between shards (handoff) and toward shard 0 (TX funnel).
#include "runtime/stack/shard_mesh.h"

#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_ring.h>

#include <array>
#include <atomic>
#include <utility>

namespace dpsctp::runtime {
namespace {

// Ring names are global to the process (rte_ring's tailq): a counter keeps them unique
// even if a second mesh is ever created.
std::atomic<unsigned> g_mesh_id{0};

rte_ring* make_ring(const std::string& name, unsigned size, int socket, std::string* error) {
  // Single producer, single consumer: exactly one lcore on each side (design.md §3).
  rte_ring* r = rte_ring_create(name.c_str(), size, socket, RING_F_SP_ENQ | RING_F_SC_DEQ);
  if (r == nullptr && error != nullptr) {
    *error = "rte_ring_create(" + name + ", " + std::to_string(size) +
             ") failed: " + rte_strerror(rte_errno);
  }
  return r;
}

void drain_and_free(rte_ring* r) {
  if (r == nullptr) return;
  std::array<void*, 32> buf{};
  unsigned n = 0;
  while ((n = rte_ring_dequeue_burst(r, buf.data(), buf.size(), nullptr)) > 0) {
    rte_pktmbuf_free_bulk(reinterpret_cast<rte_mbuf**>(buf.data()), n);
  }
  rte_ring_free(r);
}

}  // namespace

std::optional<ShardMesh> ShardMesh::create(uint16_t shards, uint16_t tx_queues, unsigned ring_size,
                                           int socket, std::string* error) {
  ShardMesh m;
  m.shards_ = shards;
  m.tx_queues_ = tx_queues;
  m.handoff_.assign(size_t{shards} * shards, nullptr);
  m.funnel_.assign(shards, nullptr);
  const unsigned id = g_mesh_id.fetch_add(1);
  const std::string base = "dps" + std::to_string(id) + "_";
  for (uint16_t from = 0; from < shards; ++from) {
    for (uint16_t to = 0; to < shards; ++to) {
      if (from == to) continue;
      const std::string name = base + "h" + std::to_string(from) + "_" + std::to_string(to);
      rte_ring* r = make_ring(name, ring_size, socket, error);
      if (r == nullptr) return std::nullopt;  // ~ShardMesh frees the others
      m.handoff_[size_t{from} * shards + to] = r;
    }
    if (from >= tx_queues) {
      rte_ring* r = make_ring(base + "t" + std::to_string(from), ring_size, socket, error);
      if (r == nullptr) return std::nullopt;
      m.funnel_[from] = r;
    }
  }
  return m;
}

ShardMesh::ShardMesh(ShardMesh&& o) noexcept
    : shards_(o.shards_),
      tx_queues_(o.tx_queues_),
      handoff_(std::move(o.handoff_)),
      funnel_(std::move(o.funnel_)) {
  o.handoff_.clear();
  o.funnel_.clear();
}

ShardMesh::~ShardMesh() {
  for (rte_ring* r : handoff_) drain_and_free(r);
  for (rte_ring* r : funnel_) drain_and_free(r);
}

ShardLinks ShardMesh::links_for(uint16_t shard, CrossShardIndex* index, bool spread_inits) const {
  ShardLinks l;
  l.self = shard;
  l.count = shards_;
  if (shards_ <= 1) return l;
  l.index = index;
  l.spread_inits = spread_inits;
  l.out.assign(shards_, nullptr);
  l.in.assign(shards_, nullptr);
  for (uint16_t j = 0; j < shards_; ++j) {
    if (j == shard) continue;
    l.out[j] = handoff(shard, j);
    l.in[j] = handoff(j, shard);
  }
  l.tx_out = funnel_[shard];
  if (shard == 0) {
    for (rte_ring* r : funnel_) {
      if (r != nullptr) l.tx_in.push_back(r);
    }
  }
  return l;
}

uint32_t ShardMesh::capacity(uint16_t shards, uint16_t tx_queues, unsigned ring_size) {
  if (shards <= 1) return 0;
  const uint32_t rings = uint32_t{shards} * (shards - 1u) + (shards > tx_queues ? shards - tx_queues : 0u);
  return rings * (ring_size - 1);
}

}  // namespace dpsctp::runtime
