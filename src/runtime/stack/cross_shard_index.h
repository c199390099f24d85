// The cross-shard index of design.md §3: (peer address, peer port, local port) ->
// (owning shard, association id), in a tbb::concurrent_hash_map shared by every shard of
// a process.
//
// Control plane only. Written when an association comes up / restarts / learns a peer
// address, and when it ends (IndexingListener does it, on the owner's lcore); read for the
// rare packets whose tag does not name their shard (shard_route.h: INIT for an existing
// association, RFC 9260 §5.2; ABORT / SHUTDOWN COMPLETE with the T bit, §8.5.1; ICMP
// frag-needed / Packet Too Big quoting the peer's tag, §7.3) and by the admin API. Ordinary packets never touch it: their tag names the owner.
//
// Keys are per peer address: a multi-homed peer (RFC 9260 §6.4) has one entry per address,
// so a packet from any of them finds the owner.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include "dpsctp/address.h"
#include "dpsctp/types.h"

namespace dpsctp::runtime {

struct IndexKey {
  IpAddress peer;
  uint16_t peer_port = 0;
  uint16_t local_port = 0;
  friend constexpr bool operator==(const IndexKey&, const IndexKey&) = default;
};

struct IndexEntry {
  uint16_t shard = 0;
  AssocId assoc{0};
  friend constexpr bool operator==(const IndexEntry&, const IndexEntry&) = default;
};

class CrossShardIndex {
 public:
  CrossShardIndex();
  ~CrossShardIndex();
  CrossShardIndex(const CrossShardIndex&) = delete;
  CrossShardIndex& operator=(const CrossShardIndex&) = delete;

  /// Adds or replaces the entry for `key` (a restart may move the key to a new id).
  void insert(const IndexKey& key, const IndexEntry& entry);
  /// Removes `key` only if it still maps to `entry` (a newer association that took the
  /// key over keeps it). Returns whether something was removed.
  bool erase(const IndexKey& key, const IndexEntry& entry);
  /// The owner of `key`, if any. Safe from any thread.
  [[nodiscard]] std::optional<IndexEntry> find(const IndexKey& key) const;
  [[nodiscard]] size_t size() const;

 private:
  struct Map;
  std::unique_ptr<Map> map_;  // pimpl: TBB's header stays out of the shard's translation units
};

}  // namespace dpsctp::runtime
