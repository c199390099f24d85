// Neighbour cache: address resolution (RFC 4861 §7.2, RFC 826, RFC 1122 §2.3.2) and
// neighbour unreachability detection (RFC 4861 §7.3), with explicit time.
#include "runtime/net/neighbour_cache.h"

#include <map>
#include <random>
#include <vector>

#include "net_test_util.h"

namespace dpsctp::net {
namespace {
using testing::ip;
using testing::mac;
using Status = NeighbourLookup::Status;

const Instant kT0 = Instant{} + 1000s;
const IpAddress kPeer = IpAddress::v4(10, 0, 0, 2);
const MacAddress kPeerMac({0x02, 0, 0, 0, 0, 0x02});
const MacAddress kNewMac({0x02, 0, 0, 0, 0, 0x22});

std::vector<SolicitRequest> solicits(NeighbourCache& c, Instant now) {
  std::vector<SolicitRequest> out;
  c.needs_solicit(now, [&](const SolicitRequest& r) { out.push_back(r); });
  return out;
}

std::vector<PendingHandle> expire(NeighbourCache& c, Instant now) {
  std::vector<PendingHandle> dropped;
  c.expire(now, [&](const IpAddress&, PendingHandle h) { dropped.push_back(h); });
  return dropped;
}

std::vector<PendingHandle> take(NeighbourCache& c, const IpAddress& a) {
  std::vector<PendingHandle> out;
  c.take_pending(a, [&](PendingHandle h) { out.push_back(h); });
  return out;
}

// Resolves kPeer at kT0 (REACHABLE until kT0 + 30 s).
void resolve(NeighbourCache& c) {
  ASSERT_EQ(c.lookup(kPeer, kT0).status, Status::kPending);
  ASSERT_EQ(solicits(c, kT0).size(), 1u);
  c.on_reply(kPeer, kPeerMac, kT0);
  ASSERT_EQ(c.state(kPeer), NeighbourState::kReachable);
}

TEST(NeighbourCache, Rfc4861_7_2_2_MissCreatesIncompleteAndSolicitsAtOnce) {
  NeighbourCache c;
  const NeighbourLookup l = c.lookup(kPeer, kT0);
  EXPECT_EQ(l.status, Status::kPending);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kIncomplete);
  EXPECT_EQ(c.next_deadline(), kT0);
  const std::vector<SolicitRequest> s = solicits(c, kT0);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].target, kPeer);
  EXPECT_FALSE(s[0].unicast_to);  // broadcast ARP / multicast NS
  EXPECT_EQ(c.next_deadline(), kT0 + 1s);
  // A second lookup does not solicit again before RetransTimer.
  EXPECT_EQ(c.lookup(kPeer, kT0 + 10ms).status, Status::kPending);
  EXPECT_TRUE(solicits(c, kT0 + 999ms).empty());
  EXPECT_EQ(c.stats().solicits_sent, 1u);
}

TEST(NeighbourCache, Rfc4861_7_2_5_ReplyResolvesAndReleasesQueuedPacketsInOrder) {
  NeighbourCache c;
  ASSERT_EQ(c.lookup(kPeer, kT0).status, Status::kPending);
  EXPECT_TRUE(c.enqueue_pending(kPeer, 11).queued);
  EXPECT_TRUE(c.enqueue_pending(kPeer, 12).queued);
  EXPECT_EQ(c.pending_count(kPeer), 2u);
  EXPECT_EQ(c.on_reply(kPeer, kPeerMac, kT0 + 5ms), 2u);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kReachable);
  EXPECT_EQ(take(c, kPeer), (std::vector<PendingHandle>{11, 12}));
  EXPECT_EQ(c.pending_count(kPeer), 0u);
  const NeighbourLookup l = c.lookup(kPeer, kT0 + 6ms);
  EXPECT_EQ(l.status, Status::kResolved);
  EXPECT_EQ(l.mac, kPeerMac);
  // Resolved: no more packets queue; the caller sends them.
  EXPECT_FALSE(c.enqueue_pending(kPeer, 13).queued);
}

TEST(NeighbourCache, Rfc4861_7_2_2_ResolutionFailsAfterMaxMulticastSolicit) {
  NeighbourCache c;
  ASSERT_EQ(c.lookup(kPeer, kT0).status, Status::kPending);
  c.enqueue_pending(kPeer, 1);
  c.enqueue_pending(kPeer, 2);
  EXPECT_EQ(solicits(c, kT0).size(), 1u);
  EXPECT_TRUE(expire(c, kT0 + 1s).empty());
  EXPECT_EQ(solicits(c, kT0 + 1s).size(), 1u);
  EXPECT_EQ(solicits(c, kT0 + 2s).size(), 1u);
  EXPECT_TRUE(solicits(c, kT0 + 2500ms).empty());
  EXPECT_TRUE(expire(c, kT0 + 2999ms).empty());
  // MAX_MULTICAST_SOLICIT (3) sent; RetransTimer after the last, resolution has failed and
  // every queued packet comes back to be freed (and answered with ICMP unreachable).
  EXPECT_TRUE(solicits(c, kT0 + 3s).empty());
  std::vector<std::pair<IpAddress, PendingHandle>> dropped;
  c.expire(kT0 + 3s, [&](const IpAddress& a, PendingHandle h) { dropped.emplace_back(a, h); });
  ASSERT_EQ(dropped.size(), 2u);
  EXPECT_EQ(dropped[0], std::make_pair(kPeer, PendingHandle{1}));
  EXPECT_EQ(dropped[1], std::make_pair(kPeer, PendingHandle{2}));
  EXPECT_FALSE(c.state(kPeer));
  EXPECT_EQ(c.size(), 0u);
  EXPECT_EQ(c.stats().solicits_sent, 3u);
  EXPECT_EQ(c.stats().resolution_failures, 1u);
  EXPECT_EQ(c.stats().pending_dropped, 2u);
  EXPECT_EQ(c.next_deadline(), kNever);
}

TEST(NeighbourCache, Rfc4861_7_2_2_QueueOverflowDropsTheOldest) {
  NeighbourConfig cfg;
  cfg.max_pending = 2;
  NeighbourCache c(cfg);
  c.lookup(kPeer, kT0);
  EXPECT_EQ(c.enqueue_pending(kPeer, 1).dropped, std::nullopt);
  EXPECT_EQ(c.enqueue_pending(kPeer, 2).dropped, std::nullopt);
  const EnqueueResult r = c.enqueue_pending(kPeer, 3);
  EXPECT_TRUE(r.queued);
  EXPECT_EQ(r.dropped, PendingHandle{1});  // the caller frees 1
  EXPECT_EQ(c.enqueue_pending(kPeer, 4).dropped, PendingHandle{2});
  EXPECT_EQ(c.stats().pending_dropped, 2u);
  c.on_reply(kPeer, kPeerMac, kT0);
  EXPECT_EQ(take(c, kPeer), (std::vector<PendingHandle>{3, 4}));
}

TEST(NeighbourCache, EnqueueWithoutIncompleteEntryIsRefused) {
  NeighbourCache c;
  const EnqueueResult r = c.enqueue_pending(kPeer, 7);
  EXPECT_FALSE(r.queued);  // no lookup first: the caller still owns 7
  EXPECT_FALSE(r.dropped);
  NeighbourConfig none;
  none.max_pending = 0;
  NeighbourCache c0(none);
  c0.lookup(kPeer, kT0);
  EXPECT_FALSE(c0.enqueue_pending(kPeer, 7).queued);
}

TEST(NeighbourCache, Rfc4861_7_3_3_ReachableAgesToStaleThenUseStartsDelayAndProbe) {
  NeighbourCache c;
  resolve(c);
  EXPECT_EQ(c.next_deadline(), kT0 + 1s);  // the old solicit timer; nothing happens then
  EXPECT_TRUE(solicits(c, kT0 + 1s).empty());
  EXPECT_TRUE(expire(c, kT0 + 1s).empty());
  EXPECT_EQ(c.next_deadline(), kT0 + 30s);
  EXPECT_TRUE(expire(c, kT0 + 30s).empty());
  EXPECT_EQ(c.state(kPeer), NeighbourState::kStale);
  // The cached address stays usable; the first use sets DELAY (5 s).
  const NeighbourLookup l = c.lookup(kPeer, kT0 + 40s);
  EXPECT_EQ(l.status, Status::kResolved);
  EXPECT_EQ(l.mac, kPeerMac);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kDelay);
  EXPECT_TRUE(solicits(c, kT0 + 44s).empty());
  // DELAY expired: PROBE with a unicast solicitation to the cached MAC.
  std::vector<SolicitRequest> s = solicits(c, kT0 + 45s);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].unicast_to, kPeerMac);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kProbe);
  EXPECT_EQ(c.lookup(kPeer, kT0 + 45500ms).status, Status::kResolved);
  // The answer confirms reachability.
  EXPECT_EQ(c.on_reply(kPeer, kPeerMac, kT0 + 45600ms), 0u);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kReachable);
}

TEST(NeighbourCache, Rfc4861_7_3_3_ReachablePastTimeoutIsStaleOnUse) {
  NeighbourCache c;
  resolve(c);
  // No expire() ran: the lookup itself notices ReachableTime passed.
  EXPECT_EQ(c.lookup(kPeer, kT0 + 29s).status, Status::kResolved);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kReachable);
  EXPECT_EQ(c.lookup(kPeer, kT0 + 30s).status, Status::kResolved);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kDelay);
}

TEST(NeighbourCache, Rfc4861_7_3_3_UnansweredProbesDeleteTheEntry) {
  NeighbourCache c;
  resolve(c);
  c.lookup(kPeer, kT0 + 31s);  // DELAY
  EXPECT_EQ(solicits(c, kT0 + 36s).size(), 1u);
  EXPECT_EQ(solicits(c, kT0 + 37s).size(), 1u);
  EXPECT_EQ(solicits(c, kT0 + 38s).size(), 1u);
  EXPECT_TRUE(expire(c, kT0 + 38500ms).empty());
  EXPECT_EQ(c.state(kPeer), NeighbourState::kProbe);
  EXPECT_TRUE(expire(c, kT0 + 39s).empty());
  EXPECT_FALSE(c.state(kPeer));
  EXPECT_EQ(c.stats().resolution_failures, 0u);  // not a resolution, a lost neighbour
  // The next packet starts over.
  EXPECT_EQ(c.lookup(kPeer, kT0 + 40s).status, Status::kPending);
}

TEST(NeighbourCache, Rfc4861_7_3_1_UpperLayerConfirmationAvoidsProbing) {
  NeighbourCache c;
  resolve(c);
  c.lookup(kPeer, kT0 + 31s);   // DELAY
  c.confirm(kPeer, kT0 + 32s);  // an SCTP SACK arrived from that peer
  EXPECT_EQ(c.state(kPeer), NeighbourState::kReachable);
  EXPECT_TRUE(solicits(c, kT0 + 36s).empty());
  EXPECT_EQ(c.lookup(kPeer, kT0 + 61s).status, Status::kResolved);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kReachable);
  // Confirming an unresolved or unknown address does nothing.
  const IpAddress other = IpAddress::v4(10, 0, 0, 3);
  c.confirm(other, kT0);
  EXPECT_FALSE(c.state(other));
  c.lookup(other, kT0);
  c.confirm(other, kT0);
  EXPECT_EQ(c.state(other), NeighbourState::kIncomplete);
}

TEST(NeighbourCache, Rfc4861_7_2_5_ReplyForUnknownAddressIsIgnored) {
  NeighbourCache c;
  EXPECT_EQ(c.on_reply(kPeer, kPeerMac, kT0), 0u);
  EXPECT_FALSE(c.state(kPeer));
  EXPECT_EQ(c.size(), 0u);
}

TEST(NeighbourCache, Rfc4861_7_2_5_OverrideClearDoesNotReplaceTheAddress) {
  NeighbourCache c;
  resolve(c);
  EXPECT_EQ(c.on_reply(kPeer, kNewMac, kT0 + 1s, /*override_mac=*/false), 0u);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kStale);  // REACHABLE -> STALE only
  EXPECT_EQ(c.peek(kPeer), kPeerMac);
  c.on_reply(kPeer, kNewMac, kT0 + 2s, /*override_mac=*/false);  // STALE: ignored
  EXPECT_EQ(c.state(kPeer), NeighbourState::kStale);
  // Same address with O clear confirms.
  c.on_reply(kPeer, kPeerMac, kT0 + 3s, /*override_mac=*/false);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kReachable);
  // O set replaces it.
  c.on_reply(kPeer, kNewMac, kT0 + 4s);
  EXPECT_EQ(c.peek(kPeer), kNewMac);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kReachable);
}

TEST(NeighbourCache, Rfc4861_7_2_3_UnsolicitedInformationCreatesStaleEntry) {
  NeighbourCache c;
  EXPECT_EQ(c.on_unsolicited(kPeer, kPeerMac, kT0), 0u);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kStale);
  EXPECT_EQ(c.peek(kPeer), kPeerMac);
  // RFC 826: a request not for us only updates an existing entry.
  const IpAddress other = IpAddress::v4(10, 0, 0, 3);
  c.on_unsolicited(other, kNewMac, kT0, IfAbsent::kIgnore);
  EXPECT_FALSE(c.state(other));
  // Same address from a REACHABLE entry: unchanged; a new one: STALE with it.
  c.on_reply(kPeer, kPeerMac, kT0);
  c.on_unsolicited(kPeer, kPeerMac, kT0 + 1s);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kReachable);
  c.on_unsolicited(kPeer, kNewMac, kT0 + 2s);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kStale);
  EXPECT_EQ(c.peek(kPeer), kNewMac);
}

TEST(NeighbourCache, Rfc4861_7_2_3_UnsolicitedInformationResolvesIncomplete) {
  NeighbourCache c;
  c.lookup(kPeer, kT0);
  c.enqueue_pending(kPeer, 5);
  EXPECT_EQ(c.on_unsolicited(kPeer, kPeerMac, kT0 + 1ms), 1u);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kStale);
  EXPECT_EQ(take(c, kPeer), (std::vector<PendingHandle>{5}));
  EXPECT_EQ(c.lookup(kPeer, kT0 + 2ms).status, Status::kResolved);
  EXPECT_EQ(c.state(kPeer), NeighbourState::kDelay);
}

TEST(NeighbourCache, UnusedStaleEntriesAreCollected) {
  NeighbourCache c;
  c.on_unsolicited(kPeer, kPeerMac, kT0);
  EXPECT_EQ(c.next_deadline(), kT0 + 60s);
  EXPECT_TRUE(expire(c, kT0 + 59s).empty());
  EXPECT_TRUE(c.state(kPeer));
  EXPECT_TRUE(expire(c, kT0 + 60s).empty());
  EXPECT_FALSE(c.state(kPeer));
}

TEST(NeighbourCache, Ipv4AndIpv6KeysAreDistinct) {
  NeighbourCache c;
  const IpAddress v6 = ip("fe80::2");
  std::array<uint8_t, 16> same_bytes{10, 0, 0, 2};
  const IpAddress v6_lookalike = IpAddress::v6(same_bytes);
  c.on_unsolicited(kPeer, kPeerMac, kT0);
  c.on_unsolicited(v6, kNewMac, kT0);
  EXPECT_EQ(c.peek(kPeer), kPeerMac);
  EXPECT_EQ(c.peek(v6), kNewMac);
  EXPECT_FALSE(c.state(v6_lookalike));
  EXPECT_EQ(c.size(), 2u);
}

TEST(NeighbourCache, FullCacheEvictsStaleLeastRecentlyUsedFirst) {
  NeighbourConfig cfg;
  cfg.capacity = 3;
  NeighbourCache c(cfg);
  const IpAddress a = IpAddress::v4(10, 0, 0, 1), b = IpAddress::v4(10, 0, 0, 2),
                  d = IpAddress::v4(10, 0, 0, 4), e = IpAddress::v4(10, 0, 0, 5);
  c.on_unsolicited(a, kPeerMac, kT0);       // STALE, oldest
  c.on_unsolicited(b, kPeerMac, kT0 + 1s);  // STALE
  c.lookup(d, kT0 + 2s);
  c.on_reply(d, kPeerMac, kT0 + 2s);  // REACHABLE
  c.lookup(a, kT0 + 3s);              // a used: DELAY, rank above STALE
  EXPECT_EQ(c.lookup(e, kT0 + 4s).status, Status::kPending);
  EXPECT_FALSE(c.state(b));  // the STALE one went, though a was created earlier
  EXPECT_TRUE(c.state(a));
  EXPECT_TRUE(c.state(d));
  EXPECT_EQ(c.stats().evictions, 1u);
}

TEST(NeighbourCache, EntriesHoldingPacketsAreNeverEvicted) {
  NeighbourConfig cfg;
  cfg.capacity = 2;
  NeighbourCache c(cfg);
  const IpAddress a = IpAddress::v4(10, 0, 0, 1), b = IpAddress::v4(10, 0, 0, 2),
                  d = IpAddress::v4(10, 0, 0, 4);
  c.lookup(a, kT0);
  c.enqueue_pending(a, 1);
  c.lookup(b, kT0);
  c.enqueue_pending(b, 2);
  EXPECT_EQ(c.lookup(d, kT0).status, Status::kCacheFull);
  c.on_unsolicited(d, kPeerMac, kT0);  // nor for unsolicited information
  EXPECT_FALSE(c.state(d));
  EXPECT_EQ(c.pending_count(a), 1u);
  EXPECT_EQ(c.pending_count(b), 1u);
  // Once one resolves and its packets are taken, it can be reused.
  c.on_reply(a, kPeerMac, kT0);
  take(c, a);
  EXPECT_EQ(c.lookup(d, kT0 + 1s).status, Status::kPending);
  EXPECT_FALSE(c.state(a));
}

TEST(NeighbourCache, RemoveHandsBackQueuedPackets) {
  NeighbourCache c;
  c.lookup(kPeer, kT0);
  c.enqueue_pending(kPeer, 9);
  std::vector<PendingHandle> dropped;
  c.remove(kPeer, [&](const IpAddress&, PendingHandle h) { dropped.push_back(h); });
  EXPECT_EQ(dropped, std::vector<PendingHandle>{9});
  EXPECT_FALSE(c.state(kPeer));
  c.remove(kPeer, [&](const IpAddress&, PendingHandle) { ADD_FAILURE(); });
}

TEST(NeighbourCache, CallbacksMayReenterTheCache) {
  NeighbourConfig cfg;
  cfg.capacity = 3;  // the failing entry's slot is only reusable once its drops are done
  NeighbourCache c(cfg);
  c.lookup(kPeer, kT0);
  c.enqueue_pending(kPeer, 1);
  c.enqueue_pending(kPeer, 2);
  for (Instant t = kT0; t <= kT0 + 2s; t += 1s) solicits(c, t);
  // While the failed entry hands back its packets, the drop handler resolves others (as
  // an ICMP-sending runtime would): the failing entry can be neither found nor evicted.
  std::vector<PendingHandle> dropped;
  c.expire(kT0 + 3s, [&](const IpAddress& a, PendingHandle h) {
    EXPECT_EQ(a, kPeer);
    dropped.push_back(h);
    EXPECT_FALSE(c.state(kPeer));
    c.lookup(IpAddress::v4(10, 0, 1, static_cast<uint8_t>(h)), kT0 + 3s);
  });
  EXPECT_EQ(dropped, (std::vector<PendingHandle>{1, 2}));
  EXPECT_EQ(c.size(), 2u);
  // Both new entries solicit in the same poll round: the deadline was not lost.
  EXPECT_EQ(c.next_deadline(), kT0 + 3s);
  EXPECT_EQ(solicits(c, kT0 + 3s).size(), 2u);
}

TEST(NeighbourCache, IndexStaysConsistentUnderChurn) {
  // Random creates / deletes against a reference map: exercises backward-shift deletion
  // in the open-addressing index with colliding probe sequences.
  NeighbourConfig cfg;
  cfg.capacity = 64;
  cfg.stale_lifetime = 1s;
  NeighbourCache c(cfg);
  std::map<IpAddress, MacAddress> model;
  std::mt19937 rng(4861);
  Instant now = kT0;
  for (int step = 0; step < 20000; ++step) {
    const IpAddress a =
        IpAddress::v4(10, 0, static_cast<uint8_t>(rng() % 2), static_cast<uint8_t>(rng() % 100));
    const auto op = rng() % 3;
    if (op == 0 && (model.count(a) != 0 || model.size() < cfg.capacity)) {
      const MacAddress m(
          {0x02, 0, 0, 0, static_cast<uint8_t>(step >> 8), static_cast<uint8_t>(step)});
      c.on_unsolicited(a, m, now);
      model[a] = m;
    } else if (op == 1) {
      c.remove(a, [](const IpAddress&, PendingHandle) {});
      model.erase(a);
    } else {
      ASSERT_EQ(c.peek(a), model.count(a) ? std::optional(model[a]) : std::nullopt) << step;
    }
    ASSERT_EQ(c.size(), model.size());
  }
  for (const auto& [a, m] : model) EXPECT_EQ(c.peek(a), m);
  // Everything is STALE and unused: all collected.
  expire(c, now + 2s);
  EXPECT_EQ(c.size(), 0u);
}

}  // namespace
}  // namespace dpsctp::net
