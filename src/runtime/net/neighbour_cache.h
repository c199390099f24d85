// The neighbour cache of one shard (no locks): IPv4 -> MAC resolved by ARP (RFC 826,
// RFC 1122 §2.3.2) and IPv6 -> MAC by Neighbour Discovery (RFC 4861 §7.2 address
// resolution, §7.3 neighbour unreachability detection). One state machine serves both,
// RFC 4861's (RFC 1122 §2.3.2.1 leaves ARP cache validation to the implementation):
//
//   (miss) -> INCOMPLETE --reply--> REACHABLE --reachable_time--> STALE --use--> DELAY
//                 |  solicit every retrans_timer, max_multicast_solicit times      |
//                 v                                   delay_first_probe elapsed    v
//              deleted, pending packets dropped        PROBE: unicast solicits <---+
//                                                        --> deleted when exhausted
//   confirm() (an SCTP SACK / HEARTBEAT ACK from that peer, §7.3.1) -> REACHABLE.
//
// Time is an explicit `Instant now`; nothing here reads a clock. Memory is allocated once
// in the constructor: a fixed entry array, an open-addressing index and a fixed ring of
// pending packet handles per entry. Pending handles are opaque (the runtime stores mbuf
// pointers as uintptr_t). OWNERSHIP: a handle given to enqueue_pending() belongs to the
// cache until it comes back through take_pending(), an overflow (EnqueueResult::dropped)
// or an on_drop callback; whoever receives it back frees it (the "whoever drops frees"
// rule of the poll loop).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "dpsctp/address.h"
#include "dpsctp/time.h"
#include "runtime/net/mac_address.h"

namespace dpsctp::net {

using PendingHandle = uint64_t;

enum class NeighbourState : uint8_t {
  kIncomplete,  ///< resolution in progress, no MAC yet; packets queue
  kReachable,   ///< confirmed within reachable_time
  kStale,       ///< MAC usable but unconfirmed; the next use starts verification
  kDelay,       ///< used while stale: waiting delay_first_probe for an upper-layer hint
  kProbe,       ///< unicast solicitations to the cached MAC
};

struct NeighbourConfig {
  size_t capacity = 256;              ///< entries (next hops) per shard
  size_t max_pending = 4;             ///< queued packets per unresolved next hop
  Duration reachable_time = 30s;      ///< RFC 4861 §10 REACHABLE_TIME
  Duration retrans_timer = 1s;        ///< RFC 4861 §10 RETRANS_TIMER
  Duration delay_first_probe = 5s;    ///< RFC 4861 §10 DELAY_FIRST_PROBE_TIME
  uint8_t max_multicast_solicit = 3;  ///< RFC 4861 §10 MAX_MULTICAST_SOLICIT
  uint8_t max_unicast_solicit = 3;    ///< RFC 4861 §10 MAX_UNICAST_SOLICIT
  Duration stale_lifetime = 60s;      ///< an unused STALE entry is then garbage-collected
};

/// What lookup() tells the transmit path.
struct NeighbourLookup {
  enum class Status : uint8_t {
    kResolved,   ///< send to `mac` now
    kPending,    ///< resolution under way: enqueue_pending() the packet
    kCacheFull,  ///< no entry could be made (all hold pending packets): drop the packet
  };
  Status status = Status::kCacheFull;
  MacAddress mac;  ///< valid when kResolved
};

/// A solicitation needs_solicit() asks the caller to send.
struct SolicitRequest {
  IpAddress target;
  /// nullopt: resolve (ARP request to broadcast / NS to the solicited-node multicast
  /// group); set: reachability probe unicast to this MAC (RFC 4861 §7.3.3 PROBE).
  std::optional<MacAddress> unicast_to;
};

/// What enqueue_pending() did with the handle.
struct EnqueueResult {
  bool queued = false;  ///< false: no INCOMPLETE entry for the address; the caller keeps it
  /// The oldest queued handle, pushed out to make room (RFC 4861 §7.2.2: "the oldest
  /// packet SHOULD be discarded"); the caller frees it.
  std::optional<PendingHandle> dropped;
};

/// What on_unsolicited() does when the address has no entry.
enum class IfAbsent : uint8_t { kCreate, kIgnore };

struct NeighbourCacheStats {
  uint64_t solicits_sent = 0;
  uint64_t resolution_failures = 0;  ///< INCOMPLETE entries that gave up
  uint64_t pending_dropped = 0;      ///< handles dropped by overflow or failure
  uint64_t evictions = 0;            ///< entries reused for another address
};

class NeighbourCache {
 public:
  explicit NeighbourCache(const NeighbourConfig& config = {});

  /// Transmit path: the MAC for next hop `ip`. A miss creates an INCOMPLETE entry whose
  /// first solicitation needs_solicit() reports at once (RFC 4861 §7.2.2). A use of a
  /// STALE entry moves it to DELAY (§7.3.3), a REACHABLE one past reachable_time too.
  NeighbourLookup lookup(const IpAddress& ip, Instant now);

  /// A reply confirmed `ip` is at `mac`: an ARP reply, or an NA with the Solicited flag
  /// (RFC 4861 §7.2.5). The entry becomes REACHABLE with `mac`; with `override_mac` false
  /// (NA with O clear) a different MAC is not taken and a REACHABLE entry becomes STALE.
  /// Replies for unknown addresses are ignored (§7.2.5: "silently discarded"). Returns the
  /// number of queued packets now sendable: take_pending() them.
  size_t on_reply(const IpAddress& ip, const MacAddress& mac, Instant now,
                  bool override_mac = true);

  /// Unconfirmed information that `ip` is at `mac`: an ARP request (RFC 826 merge), an NS
  /// source LLA (RFC 4861 §7.2.3) or an unsolicited NA with O set (§7.2.5). A new or
  /// changed MAC sets the entry STALE; an absent entry is created STALE when `if_absent`
  /// is kCreate (ARP request for us, NS) — never at the cost of an entry holding packets.
  /// Returns the number of queued packets now sendable (an INCOMPLETE entry resolved).
  size_t on_unsolicited(const IpAddress& ip, const MacAddress& mac, Instant now,
                        IfAbsent if_absent = IfAbsent::kCreate);

  /// Upper-layer reachability confirmation (RFC 4861 §7.3.1): SCTP got a SACK for new data
  /// or a HEARTBEAT ACK through this next hop. A resolved entry becomes REACHABLE.
  void confirm(const IpAddress& ip, Instant now);

  /// Queues `handle` until `ip` resolves. See EnqueueResult for what the caller frees.
  EnqueueResult enqueue_pending(const IpAddress& ip, PendingHandle handle);

  /// Hands every queued handle for `ip` to `f(PendingHandle)`, oldest first (call after
  /// on_reply() / on_unsolicited() returned > 0; the caller sends them to the MAC that
  /// lookup() now returns). Ownership passes to the caller. Returns how many.
  template <class F>
  size_t take_pending(const IpAddress& ip, F&& f) {
    const uint32_t i = find(ip);
    return i == kNone ? 0 : drain(i, f);
  }

  /// Timer work, part 1: for each entry whose solicitation is due, calls
  /// `send(const SolicitRequest&)` — every retrans_timer while INCOMPLETE (up to
  /// max_multicast_solicit) or PROBE (up to max_unicast_solicit), and on DELAY expiry.
  /// Cheap when nothing is due (one comparison).
  template <class F>
  void needs_solicit(Instant now, F&& send) {
    if (now < next_deadline_) return;
    next_deadline_ = kNever;  // recomputed below (and lowered by any reentrant lookup())
    for (Entry& e : entries_) {
      if (!e.in_use) continue;
      SolicitRequest req;
      if (solicit_due(e, now, req)) send(std::as_const(req));
      if (e.deadline < next_deadline_) next_deadline_ = e.deadline;
    }
  }

  /// Timer work, part 2: deletes entries that failed (INCOMPLETE or PROBE after their last
  /// solicitation went unanswered for retrans_timer, RFC 4861 §7.2.2, §7.3.3) or aged out
  /// (STALE unused for stale_lifetime), and ages REACHABLE to STALE. Each queued handle of
  /// a failed entry goes to `on_drop(const IpAddress&, PendingHandle)`: the caller frees
  /// it (§7.2.2: and SHOULD send ICMP destination unreachable, address unreachable).
  template <class F>
  void expire(Instant now, F&& on_drop) {
    if (now < next_deadline_) return;
    next_deadline_ = kNever;  // recomputed below (and lowered by any reentrant lookup())
    for (uint32_t i = 0; i < entries_.size(); ++i) {
      if (!entries_[i].in_use) continue;
      if (expiry_due(entries_[i], now)) {
        remove_at(i, on_drop);
        continue;
      }
      if (entries_[i].deadline < next_deadline_) next_deadline_ = entries_[i].deadline;
    }
  }

  /// Deletes the entry for `ip` (administrative flush), its queued handles to `on_drop`.
  template <class F>
  void remove(const IpAddress& ip, F&& on_drop) {
    const uint32_t i = find(ip);
    if (i != kNone) remove_at(i, on_drop);
  }

  /// Earliest time needs_solicit() / expire() have work (kNever if none): the poll loop
  /// may skip them until then.
  [[nodiscard]] Instant next_deadline() const { return next_deadline_; }
  /// The stored state of `ip`'s entry (transitions happen on use and in expire()).
  [[nodiscard]] std::optional<NeighbourState> state(const IpAddress& ip) const;
  /// The cached MAC of a resolved entry, without counting as a use.
  [[nodiscard]] std::optional<MacAddress> peek(const IpAddress& ip) const;
  [[nodiscard]] size_t pending_count(const IpAddress& ip) const;
  [[nodiscard]] size_t size() const { return entries_.size() - free_.size(); }
  [[nodiscard]] size_t capacity() const { return entries_.size(); }
  [[nodiscard]] const NeighbourCacheStats& stats() const { return stats_; }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;

  struct Entry {
    IpAddress ip;
    MacAddress mac;
    NeighbourState state = NeighbourState::kIncomplete;
    bool in_use = false;
    uint8_t probes = 0;         // solicitations sent in this INCOMPLETE / PROBE round
    uint16_t pending_head = 0;  // ring in pending_[index * max_pending ...]
    uint16_t pending_count = 0;
    size_t hash = 0;
    Instant deadline = kNever;  // next timer event of the current state
    Instant last_used{};        // LRU order for eviction
  };

  uint32_t find(const IpAddress& ip) const;
  uint32_t allocate(const IpAddress& ip, Instant now);
  uint32_t pick_victim() const;
  void index_insert(uint32_t entry);
  void index_erase(uint32_t entry);
  void unlink(uint32_t entry);
  void free_entry(uint32_t entry);
  void set_deadline(Entry& e, Instant at);
  void become_reachable(Entry& e, Instant now);
  void become_stale(Entry& e, Instant now);
  bool solicit_due(Entry& e, Instant now, SolicitRequest& out);
  bool expiry_due(Entry& e, Instant now);
  std::optional<PendingHandle> pop_pending(Entry& e);

  template <class F>
  size_t drain(uint32_t i, F&& f) {
    size_t n = 0;
    while (std::optional<PendingHandle> h = pop_pending(entries_[i])) {
      f(*h);
      ++n;
    }
    return n;
  }
  template <class F>
  void remove_at(uint32_t i, F& on_drop) {
    // Unlinked first, so an on_drop that calls back into the cache can neither find nor
    // evict the entry while its handles are handed out.
    const IpAddress ip = entries_[i].ip;
    unlink(i);
    stats_.pending_dropped += entries_[i].pending_count;
    drain(i, [&](PendingHandle h) { on_drop(ip, h); });
    free_entry(i);
  }

  NeighbourConfig config_;
  std::vector<Entry> entries_;
  std::vector<uint32_t> free_;          // unused entry indices
  std::vector<uint32_t> index_;         // open addressing: entry + 1, 0 = empty
  std::vector<PendingHandle> pending_;  // capacity * max_pending handles
  Instant next_deadline_ = kNever;
  NeighbourCacheStats stats_;
};

}  // namespace dpsctp::net
