// Neighbour cache: ARP / NDP address resolution and reachability (see neighbour_cache.h).
#include "runtime/net/neighbour_cache.h"

#include <bit>
#include <cassert>

namespace dpsctp::net {
namespace {

// Eviction preference: entries nobody is waiting on and nobody confirmed go first.
int eviction_rank(NeighbourState s) {
  switch (s) {
    case NeighbourState::kIncomplete:
    case NeighbourState::kStale:
      return 0;
    case NeighbourState::kDelay:
    case NeighbourState::kProbe:
      return 1;
    case NeighbourState::kReachable:
      return 2;
  }
  return 2;
}

}  // namespace

NeighbourCache::NeighbourCache(const NeighbourConfig& config) : config_(config) {
  assert(config_.capacity > 0 && config_.capacity < (size_t{1} << 30));
  assert(config_.max_pending <= UINT16_MAX);
  entries_.resize(config_.capacity);
  free_.reserve(config_.capacity);
  for (size_t i = config_.capacity; i-- > 0;) free_.push_back(static_cast<uint32_t>(i));
  // Load factor <= 1/2 keeps linear probing short.
  index_.assign(std::bit_ceil(config_.capacity * 2), 0);
  pending_.assign(config_.capacity * config_.max_pending, 0);
}

uint32_t NeighbourCache::find(const IpAddress& ip) const {
  const size_t mask = index_.size() - 1;
  for (size_t s = IpAddressHash{}(ip)&mask;; s = (s + 1) & mask) {
    const uint32_t v = index_[s];
    if (v == 0) return kNone;
    if (entries_[v - 1].ip == ip) return v - 1;
  }
}

void NeighbourCache::index_insert(uint32_t entry) {
  const size_t mask = index_.size() - 1;
  size_t s = entries_[entry].hash & mask;
  while (index_[s] != 0) s = (s + 1) & mask;
  index_[s] = entry + 1;
}

void NeighbourCache::index_erase(uint32_t entry) {
  // Linear probing with backward-shift deletion (no tombstones, lookups stay short).
  const size_t mask = index_.size() - 1;
  size_t hole = entries_[entry].hash & mask;
  while (index_[hole] != entry + 1) hole = (hole + 1) & mask;
  index_[hole] = 0;
  for (size_t s = (hole + 1) & mask; index_[s] != 0; s = (s + 1) & mask) {
    const size_t home = entries_[index_[s] - 1].hash & mask;
    // Move back unless its home lies cyclically in (hole, s].
    const bool stays = hole <= s ? (home > hole && home <= s) : (home > hole || home <= s);
    if (stays) continue;
    index_[hole] = index_[s];
    index_[s] = 0;
    hole = s;
  }
}

uint32_t NeighbourCache::pick_victim() const {
  uint32_t best = kNone;
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (!e.in_use || e.pending_count > 0) continue;  // never drop someone's packets
    if (best == kNone) {
      best = i;
      continue;
    }
    const Entry& b = entries_[best];
    const int re = eviction_rank(e.state);
    const int rb = eviction_rank(b.state);
    if (re < rb || (re == rb && e.last_used < b.last_used)) best = i;
  }
  return best;
}

uint32_t NeighbourCache::allocate(const IpAddress& ip, Instant now) {
  uint32_t i = kNone;
  if (!free_.empty()) {
    i = free_.back();
    free_.pop_back();
  } else {
    i = pick_victim();
    if (i == kNone) return kNone;
    index_erase(i);
    ++stats_.evictions;
  }
  Entry& e = entries_[i];
  e = Entry{};
  e.ip = ip;
  e.in_use = true;
  e.hash = IpAddressHash{}(ip);
  e.last_used = now;
  index_insert(i);
  return i;
}

void NeighbourCache::unlink(uint32_t entry) {
  index_erase(entry);
  entries_[entry].in_use = false;
}

void NeighbourCache::free_entry(uint32_t entry) {
  entries_[entry] = Entry{};
  free_.push_back(entry);
}

void NeighbourCache::set_deadline(Entry& e, Instant at) {
  e.deadline = at;
  if (at < next_deadline_) next_deadline_ = at;
}

void NeighbourCache::become_reachable(Entry& e, Instant now) {
  e.state = NeighbourState::kReachable;
  e.probes = 0;
  set_deadline(e, now + config_.reachable_time);
}

void NeighbourCache::become_stale(Entry& e, Instant now) {
  e.state = NeighbourState::kStale;
  e.probes = 0;
  set_deadline(e, now + config_.stale_lifetime);
}

NeighbourLookup NeighbourCache::lookup(const IpAddress& ip, Instant now) {
  uint32_t i = find(ip);
  if (i == kNone) {
    i = allocate(ip, now);
    if (i == kNone) return {NeighbourLookup::Status::kCacheFull, {}};
    // RFC 4861 §7.2.2: create an INCOMPLETE entry and solicit at once.
    set_deadline(entries_[i], now);
    return {NeighbourLookup::Status::kPending, {}};
  }
  Entry& e = entries_[i];
  e.last_used = now;
  switch (e.state) {
    case NeighbourState::kIncomplete:
      return {NeighbourLookup::Status::kPending, {}};
    case NeighbourState::kReachable:
      if (now < e.deadline) break;
      // §7.3.3: "When ReachableTime milliseconds have passed since receipt of the last
      // reachability confirmation for a neighbor, the Neighbor Cache entry's state
      // changes from REACHABLE to STALE" — and this use then starts DELAY.
      [[fallthrough]];
    case NeighbourState::kStale:
      // §7.3.3: "The first time a node sends a packet to a neighbor whose entry is STALE,
      // the sender changes the state to DELAY and sets a timer to expire in
      // DELAY_FIRST_PROBE_TIME seconds."
      e.state = NeighbourState::kDelay;
      e.probes = 0;
      set_deadline(e, now + config_.delay_first_probe);
      break;
    case NeighbourState::kDelay:
    case NeighbourState::kProbe:
      break;  // §7.3.3: the cached address stays usable
  }
  return {NeighbourLookup::Status::kResolved, e.mac};
}

size_t NeighbourCache::on_reply(const IpAddress& ip, const MacAddress& mac, Instant now,
                                bool override_mac) {
  const uint32_t i = find(ip);
  if (i == kNone) return 0;  // §7.2.5: no entry, "the advertisement SHOULD be silently discarded"
  Entry& e = entries_[i];
  if (e.state != NeighbourState::kIncomplete && !override_mac && mac != e.mac) {
    // §7.2.5: O clear and a different address: "If the state of the entry is REACHABLE,
    // set it to STALE, but do not update the entry in any other way."
    if (e.state == NeighbourState::kReachable) become_stale(e, now);
    return 0;
  }
  // §7.2.5: record the link-layer address; S set: "the entry's state MUST be set to
  // REACHABLE". RFC 826: the reply's sender is merged into the table.
  e.mac = mac;
  become_reachable(e, now);
  return e.pending_count;
}

size_t NeighbourCache::on_unsolicited(const IpAddress& ip, const MacAddress& mac, Instant now,
                                      IfAbsent if_absent) {
  uint32_t i = find(ip);
  if (i == kNone) {
    // §7.2.3: "If an entry does not already exist, the node SHOULD create a new one and
    // set its reachability state to STALE". RFC 826: only when we are the target.
    if (if_absent == IfAbsent::kIgnore) return 0;
    i = allocate(ip, now);
    if (i == kNone) return 0;
    entries_[i].mac = mac;
    become_stale(entries_[i], now);
    return 0;
  }
  Entry& e = entries_[i];
  const bool was_incomplete = e.state == NeighbourState::kIncomplete;
  // §7.2.3: "If an entry already exists, and the cached link-layer address differs ...
  // the cached address should be replaced ... and the entry's reachability state MUST be
  // set to STALE." An INCOMPLETE entry gets its address the same way.
  if (was_incomplete || mac != e.mac) {
    e.mac = mac;
    become_stale(e, now);
  }
  return was_incomplete ? e.pending_count : 0;
}

void NeighbourCache::confirm(const IpAddress& ip, Instant now) {
  const uint32_t i = find(ip);
  if (i == kNone || entries_[i].state == NeighbourState::kIncomplete) return;
  become_reachable(entries_[i], now);  // §7.3.1: forward progress is confirmation
}

EnqueueResult NeighbourCache::enqueue_pending(const IpAddress& ip, PendingHandle handle) {
  const uint32_t i = find(ip);
  if (i == kNone || config_.max_pending == 0) return {};
  Entry& e = entries_[i];
  if (e.state != NeighbourState::kIncomplete) return {};  // resolved: send it instead
  EnqueueResult r{true, std::nullopt};
  const size_t base = size_t{i} * config_.max_pending;
  if (e.pending_count == config_.max_pending) {
    // RFC 4861 §7.2.2: "If the queue overflows, the new arrival SHOULD replace the oldest
    // entry." RFC 1122 §2.3.2.2: "SHOULD save at least one (the latest) packet".
    r.dropped = pop_pending(e);
    ++stats_.pending_dropped;
  }
  pending_[base + (e.pending_head + e.pending_count) % config_.max_pending] = handle;
  ++e.pending_count;
  return r;
}

std::optional<PendingHandle> NeighbourCache::pop_pending(Entry& e) {
  if (e.pending_count == 0) return std::nullopt;
  const size_t i = static_cast<size_t>(&e - entries_.data());
  const PendingHandle h = pending_[i * config_.max_pending + e.pending_head];
  e.pending_head = static_cast<uint16_t>((e.pending_head + 1u) % config_.max_pending);
  --e.pending_count;
  return h;
}

bool NeighbourCache::solicit_due(Entry& e, Instant now, SolicitRequest& out) {
  if (now < e.deadline) return false;
  switch (e.state) {
    case NeighbourState::kIncomplete:
      // §7.2.2: retransmit every RetransTimer, at most MAX_MULTICAST_SOLICIT times.
      if (e.probes >= config_.max_multicast_solicit) return false;
      out = {e.ip, std::nullopt};
      break;
    case NeighbourState::kDelay:
      // §7.3.3: DELAY expired without confirmation: "change the state to PROBE and send
      // a unicast Neighbor Solicitation message".
      e.state = NeighbourState::kProbe;
      e.probes = 0;
      [[fallthrough]];
    case NeighbourState::kProbe:
      if (e.probes >= config_.max_unicast_solicit) return false;
      out = {e.ip, e.mac};
      break;
    case NeighbourState::kReachable:
    case NeighbourState::kStale:
      return false;
  }
  ++e.probes;
  ++stats_.solicits_sent;
  e.deadline = now + config_.retrans_timer;
  return true;
}

bool NeighbourCache::expiry_due(Entry& e, Instant now) {
  if (now < e.deadline) return false;
  switch (e.state) {
    case NeighbourState::kIncomplete:
      // §7.2.2: "If no Neighbor Advertisement is received after MAX_MULTICAST_SOLICIT
      // solicitations, address resolution has failed."
      if (e.probes < config_.max_multicast_solicit) return false;
      ++stats_.resolution_failures;
      return true;
    case NeighbourState::kProbe:
      // §7.3.3: after MAX_UNICAST_SOLICIT unanswered probes "the entry SHOULD be deleted".
      return e.probes >= config_.max_unicast_solicit;
    case NeighbourState::kReachable:
      become_stale(e, now);  // §7.3.3: ReachableTime passed without confirmation
      return false;
    case NeighbourState::kStale:
      return true;  // unused for stale_lifetime: collect it
    case NeighbourState::kDelay:
      return false;  // needs_solicit() moves it to PROBE
  }
  return false;
}

std::optional<NeighbourState> NeighbourCache::state(const IpAddress& ip) const {
  const uint32_t i = find(ip);
  if (i == kNone) return std::nullopt;
  return entries_[i].state;
}

std::optional<MacAddress> NeighbourCache::peek(const IpAddress& ip) const {
  const uint32_t i = find(ip);
  if (i == kNone || entries_[i].state == NeighbourState::kIncomplete) return std::nullopt;
  return entries_[i].mac;
}

size_t NeighbourCache::pending_count(const IpAddress& ip) const {
  const uint32_t i = find(ip);
  return i == kNone ? 0 : entries_[i].pending_count;
}

}  // namespace dpsctp::net
