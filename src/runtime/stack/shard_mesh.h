// ShardMesh: the rings between the shards of one process (design.md §3), and what each
// shard sees of them (ShardLinks).
//
//   handoff rings  one SP/SC rte_ring per ordered pair (from, to), from != to: received
//                  mbufs whose owner is another shard travel zero-copy (the pointer);
//   TX funnel      a shard without a TX queue of its own (the port offered fewer queues
//                  than shards, or software distribution on a point-to-point device whose
//                  peer runs one queue pair) enqueues its finished frames on an SP/SC ring
//                  that shard 0 drains into its TX queue.
//
// Ownership rule (DPDK l3fwd): whoever fails a handoff frees the mbuf and counts it — a
// full ring on enqueue: the producer frees; a refused tx_burst after the funnel: shard 0
// frees. ~ShardMesh frees what is still queued, so destroy it after the shards and before
// the Port (the mbufs belong to the port's pool).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct rte_ring;

namespace dpsctp::runtime {

class CrossShardIndex;

/// One shard's view of the mesh. Default: a lone shard (no rings, no index).
struct ShardLinks {
  uint16_t self = 0;
  uint16_t count = 1;
  std::vector<rte_ring*> out;    ///< out[j]: self -> j (nullptr at j == self); empty if alone
  std::vector<rte_ring*> in;     ///< in[j]: j -> self (nullptr at j == self)
  rte_ring* tx_out = nullptr;    ///< set when this shard has no TX queue: frames to shard 0
  std::vector<rte_ring*> tx_in;  ///< shard 0: the funnels of the shards without TX queues
  CrossShardIndex* index = nullptr;  ///< shared by all shards; nullptr if alone
  /// INIT without an existing association goes to init_shard() of its flow instead of
  /// staying where it arrived (software distribution: one RX queue, shard 0 receives all).
  bool spread_inits = false;
};

class ShardMesh {
 public:
  /// Rings for `shards` shards of which the first `tx_queues` own a TX queue; each ring
  /// holds `ring_size` - 1 mbufs (a power of two), on NUMA `socket`. nullopt plus a
  /// message if a ring cannot be created.
  static std::optional<ShardMesh> create(uint16_t shards, uint16_t tx_queues, unsigned ring_size,
                                         int socket, std::string* error);
  ShardMesh(ShardMesh&& other) noexcept;
  ShardMesh& operator=(ShardMesh&&) = delete;
  ShardMesh(const ShardMesh&) = delete;
  ShardMesh& operator=(const ShardMesh&) = delete;
  /// Frees the mbufs still in the rings, then the rings.
  ~ShardMesh();

  [[nodiscard]] ShardLinks links_for(uint16_t shard, CrossShardIndex* index,
                                     bool spread_inits) const;
  /// mbufs the rings can hold at most (for sizing the pool).
  [[nodiscard]] static uint32_t capacity(uint16_t shards, uint16_t tx_queues, unsigned ring_size);

 private:
  ShardMesh() = default;
  rte_ring* handoff(uint16_t from, uint16_t to) const { return handoff_[from * shards_ + to]; }

  uint16_t shards_ = 1;
  uint16_t tx_queues_ = 1;
  std::vector<rte_ring*> handoff_;  // [from * shards + to]
  std::vector<rte_ring*> funnel_;   // [shard]: nullptr for shards with a TX queue
};

}  // namespace dpsctp::runtime
