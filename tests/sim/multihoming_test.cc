// Multi-homing over the simulator (RFC 9260 §6.4, §5.4, §8.1–§8.3; RFC 7829 PF): failover
// to an alternate path when the primary is cut, return to the primary when heartbeats
// succeed again, association failure when every path is cut, IPv6-only and mixed
// families, and path confirmation that a forged HEARTBEAT ACK cannot fake.
#include <gtest/gtest.h>

#include "protocol_harness.h"
#include "wire/packet_builder.h"
#include "wire/packet_view.h"

namespace dpsctp::sim {
namespace {

using testing::establish;
using testing::MessageLedger;
using testing::Peer;
using testing::Pump;
using testing::seed_trace;
using testing::shutdown_cleanly;

const IpAddress kA1 = IpAddress::v4(10, 0, 1, 1);
const IpAddress kA2 = IpAddress::v4(10, 0, 2, 1);
const IpAddress kZ1 = IpAddress::v4(10, 0, 1, 2);
const IpAddress kZ2 = IpAddress::v4(10, 0, 2, 2);

bool has_chunk(wire::ByteSpan pkt, wire::ChunkType t) {
  auto p = wire::PacketView::parse(pkt);
  if (!p) return false;
  for (const wire::ChunkView& c : p->chunks()) {
    if (c.is(t)) return true;
  }
  return false;
}

// Records, per destination address, when DATA last arrived (the timeline of a failover).
struct DataTimeline {
  std::vector<std::pair<Instant, IpAddress>> arrivals;  // DATA packets received by Z
  void attach(Network& net, const std::vector<IpAddress>& z_addrs) {
    net.set_tap([this, z_addrs](Instant now, wire::ByteSpan pkt, const IpAddress&,
                                const IpAddress& dst) {
      if (std::find(z_addrs.begin(), z_addrs.end(), dst) == z_addrs.end()) return;
      if (has_chunk(pkt, wire::ChunkType::kData)) arrivals.emplace_back(now, dst);
    });
  }
  std::optional<Instant> first_after(Instant t, const IpAddress& dst) const {
    for (const auto& [at, d] : arrivals) {
      if (at >= t && d == dst) return at;
    }
    return std::nullopt;
  }
  size_t count_between(Instant from, Instant to, const IpAddress& dst) const {
    size_t n = 0;
    for (const auto& [at, d] : arrivals) n += (at >= from && at < to && d == dst) ? 1 : 0;
    return n;
  }
};

bool pump_until(Network& net, Pump& pa, MessageLedger& ledger, Instant until, Peer& a) {
  bool ok = true;
  while (ok && net.now() < until) {
    ok = pa.fill();
    net.run_for(std::chrono::milliseconds(20));
    ok = ok && ledger.errors().empty() && a.count(AssocChangeState::kCommLost) == 0;
  }
  return ok;
}

// The primary network fails at t = 10 s and heals at t = 100 s; traffic never stops.
void failover_timeline(bool return_to_primary) {
  const uint64_t seed = return_to_primary ? 0x40e1 : 0x40e4;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  LinkConfig link;  // 10 Mbit/s links keep the traffic continuous over the whole timeline
  link.bandwidth_bps = 10'000'000;
  net.set_default_link(link);
  AssociationOptions o;
  o.hb_interval = std::chrono::seconds(5);
  o.return_to_primary = return_to_primary;
  Peer a(net, {kA1, kA2}, 1, o);
  Peer z(net, {kZ1, kZ2}, 2, o);
  MessageLedger a_to_z;
  z.inbound = &a_to_z;
  DataTimeline timeline;
  timeline.attach(net, {kZ1, kZ2});
  const AssocId id = establish(net, a, z, std::chrono::minutes(2), kZ1);
  net.run_for(std::chrono::seconds(2));  // §5.4: the second address gets confirmed
  const core::Association* as = a.ep().association(id);
  ASSERT_NE(as, nullptr);
  ASSERT_EQ(as->paths().size(), 2u);
  EXPECT_TRUE(as->paths()[1].confirmed);
  EXPECT_EQ(as->paths()[1].peer, kZ2);
  EXPECT_EQ(as->paths()[1].local, kA2);  // source chosen on the same network
  EXPECT_EQ(a.count(kZ2, PeerAddrState::kConfirmed), 1);

  Pump pa(a, id, a_to_z, seed + 1, 10'000'000, 10, 400, 0);  // S1AP-sized, ordered
  const Instant t0 = net.now();
  ASSERT_TRUE(pump_until(net, pa, a_to_z, t0 + std::chrono::seconds(10), a));
  EXPECT_GT(timeline.count_between(t0, t0 + std::chrono::seconds(10), kZ1), 100u);
  EXPECT_EQ(timeline.count_between(t0, t0 + std::chrono::seconds(10), kZ2), 0u);

  // t = 10 s: the primary network fails.
  const Instant cut = net.now();
  net.set_up_both(kA1, kZ1, false);
  // Path.Max.Retrans + 1 unanswered probes with RTO backoff (1+2+4+8+16+32 s) mark it down.
  ASSERT_TRUE(pump_until(net, pa, a_to_z, cut + std::chrono::seconds(90), a));
  const std::optional<Instant> moved = timeline.first_after(cut, kZ2);
  ASSERT_TRUE(moved.has_value());
  // Traffic is on the secondary within Path.Max.Retrans x RTO (RTO.Initial 1 s).
  EXPECT_LE(*moved - cut, o.path_max_retrans * std::chrono::seconds(1));
  EXPECT_EQ(a.count(kZ1, PeerAddrState::kUnreachable), 1);  // §8.2 after PMR probes
  EXPECT_EQ(as->current_data_path(), 1u);

  // t = 100 s: the primary returns; heartbeats find it and data goes back (policy default).
  const Instant back = net.now();
  net.set_up_both(kA1, kZ1, true);
  ASSERT_TRUE(pump_until(net, pa, a_to_z, back + std::chrono::seconds(90), a));
  EXPECT_EQ(a.count(kZ1, PeerAddrState::kAvailable), 1);
  std::optional<Instant> returned = timeline.first_after(back, kZ1);
  if (return_to_primary) {
    ASSERT_TRUE(returned.has_value());
    EXPECT_LE(*returned - back, o.rto_max + std::chrono::seconds(5));
    EXPECT_EQ(as->current_data_path(), 0u);
  } else {
    // Policy "stay": the healed primary only carries heartbeats; data stays put.
    EXPECT_FALSE(returned.has_value());
    EXPECT_EQ(as->current_data_path(), 1u);
    returned = back;
  }

  // Nothing lost, nothing duplicated, nothing failed.
  EXPECT_FALSE(pa.done());  // the traffic really was continuous
  EXPECT_GT(a_to_z.sent(), 500'000u);
  std::printf("[ timeline ] cut at %.1f s: data on the secondary after %.3f s; primary back at "
              "%.1f s: %s %.3f s; %llu messages\n",
              std::chrono::duration<double>(cut - t0).count(),
              std::chrono::duration<double>(*moved - cut).count(),
              std::chrono::duration<double>(back - t0).count(),
              return_to_primary ? "data on it again after" : "data stays on the secondary,",
              std::chrono::duration<double>(*returned - back).count(),
              static_cast<unsigned long long>(a_to_z.sent()));
  const bool drained = net.run_until([&] { return a_to_z.all_delivered(); },
                                     net.now() + std::chrono::minutes(5));
  EXPECT_TRUE(drained);
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(a.count(AssocChangeState::kCommLost), 0);
  EXPECT_EQ(a.send_failed, 0);
  shutdown_cleanly(net, a, id, z);
}

TEST(SimMultihoming, Rfc9260_6_4_1_PrimaryCutFailsOverAndReturns) { failover_timeline(true); }

TEST(SimMultihoming, Rfc9260_6_4_1_PrimaryCutFailsOverAndStaysByPolicy) {
  failover_timeline(false);
}

TEST(SimMultihoming, Rfc9260_6_4_UserSetPrimaryMovesData) {
  Network net(0x40e5);
  Peer a(net, {kA1, kA2}, 1);
  Peer z(net, {kZ1, kZ2}, 2);
  MessageLedger a_to_z;
  z.inbound = &a_to_z;
  DataTimeline timeline;
  timeline.attach(net, {kZ1, kZ2});
  const AssocId id = establish(net, a, z, std::chrono::minutes(2), kZ1);
  net.run_for(std::chrono::seconds(2));
  ASSERT_TRUE(a.ep().set_primary(id, kZ2));  // SCTP_PRIMARY_ADDR
  EXPECT_FALSE(a.ep().set_primary(id, IpAddress::v4(192, 0, 2, 9)));  // not a peer address
  EXPECT_EQ(a.count(kZ2, PeerAddrState::kMadePrimary), 1);
  const Instant t = net.now();
  Pump pa(a, id, a_to_z, 7, 1000, 10, 400, 0);
  ASSERT_TRUE(net.run_until(
      [&] {
        EXPECT_TRUE(pa.fill());
        return pa.done() && a_to_z.all_delivered();
      },
      net.now() + std::chrono::minutes(1)));
  EXPECT_EQ(timeline.count_between(t, net.now(), kZ1), 0u);
  EXPECT_GT(timeline.count_between(t, net.now(), kZ2), 0u);
}

TEST(SimMultihoming, Rfc9260_8_1_BothPathsCutFailsWithSendFailed) {
  const uint64_t seed = 0x40e2;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  AssociationOptions o;
  o.rto_max = std::chrono::seconds(4);
  Peer a(net, {kA1, kA2}, 1, o);
  Peer z(net, {kZ1, kZ2}, 2, o);
  MessageLedger a_to_z;
  z.inbound = &a_to_z;
  const AssocId id = establish(net, a, z, std::chrono::minutes(2), kZ1);
  net.run_for(std::chrono::seconds(2));
  Pump pa(a, id, a_to_z, seed + 1, 1'000'000, 10, 400, 0);
  ASSERT_TRUE(pump_until(net, pa, a_to_z, net.now() + std::chrono::seconds(5), a));
  const Instant cut = net.now();
  net.set_up_both(kA1, kZ1, false);
  net.set_up_both(kA2, kZ2, false);
  const bool failed = net.run_until([&] { return a.count(AssocChangeState::kCommLost) == 1; },
                                    cut + std::chrono::minutes(10));
  ASSERT_TRUE(failed);
  // §8.1: Association.Max.Retrans (10) timeouts with RTO capped at 4 s: well under 2 min.
  EXPECT_LT(net.now() - cut, std::chrono::minutes(2));
  EXPECT_GT(a.send_failed, 0);  // undelivered messages handed back (RFC 6458 §6.1.4)
  EXPECT_GE(a_to_z.delivered() + static_cast<uint64_t>(a.send_failed), a_to_z.sent());
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(a.ep().association_count(), 0u);
}

void transfer_and_close(const std::vector<IpAddress>& a_addrs,
                        const std::vector<IpAddress>& z_addrs, const IpAddress& connect_to,
                        uint64_t seed) {
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  Peer a(net, a_addrs, 1);
  Peer z(net, z_addrs, 2);
  MessageLedger a_to_z;
  MessageLedger z_to_a;
  z.inbound = &a_to_z;
  a.inbound = &z_to_a;
  const AssocId id = establish(net, a, z, std::chrono::minutes(2), connect_to);
  ASSERT_TRUE(z.last_up.has_value());
  Pump pa(a, id, a_to_z, seed + 1, 2000);
  Pump pz(z, *z.last_up, z_to_a, seed + 2, 2000);
  const bool done = net.run_until(
      [&] {
        EXPECT_TRUE(pa.fill());
        EXPECT_TRUE(pz.fill());
        return pa.done() && pz.done() && a_to_z.all_delivered() && z_to_a.all_delivered();
      },
      net.now() + std::chrono::minutes(10));
  EXPECT_TRUE(done);
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
  EXPECT_EQ(a.ep().association(id)->paths().size(), z_addrs.size());
  shutdown_cleanly(net, a, id, z);
}

TEST(SimMultihoming, Rfc9260_5_1_2_Ipv6OnlyAssociation) {
  transfer_and_close({*IpAddress::parse("2001:db8:1::1")}, {*IpAddress::parse("2001:db8:1::2")},
                     *IpAddress::parse("2001:db8:1::2"), 0x6006);
}

TEST(SimMultihoming, Rfc9260_5_1_2_MixedIpv4AndIpv6Addresses) {
  transfer_and_close({kA1, *IpAddress::parse("2001:db8:2::1")},
                     {kZ1, *IpAddress::parse("2001:db8:2::2")}, kZ1, 0x6007);
}

TEST(SimMultihoming, Rfc9260_5_4_ForgedHeartbeatAckDoesNotConfirmAPath) {
  const uint64_t seed = 0x40e3;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  Peer a(net, {kA1, kA2}, 1);
  Peer z(net, {kZ1, kZ2}, 2);
  // Nothing A sends to Z2 arrives: the second path cannot be confirmed legitimately.
  net.set_link(kA2, kZ2, [] {
    LinkConfig down;
    down.up = false;
    return down;
  }());
  const AssocId id = establish(net, a, z, std::chrono::minutes(2), kZ1);
  net.run_for(std::chrono::seconds(1));
  const core::Association* as = a.ep().association(id);
  ASSERT_NE(as, nullptr);
  ASSERT_EQ(as->paths().size(), 2u);
  ASSERT_FALSE(as->paths()[1].confirmed);
  // An attacker who knows the tag sends HEARTBEAT ACKs with guessed nonces for path 1.
  for (uint64_t guess = 0; guess < 1000; ++guess) {
    std::array<std::byte, 64> buf{};
    wire::PacketBuilder b(buf, {.src_port = testing::kPort, .dst_port = testing::kPort,
                                .vtag = as->local_tag()});
    wire::BufferWriter& w = b.writer();
    const auto m = w.begin_chunk(static_cast<uint8_t>(wire::ChunkType::kHeartbeatAck), 0);
    const auto t = w.begin_tlv(1);  // Heartbeat Info
    w.put_u8(1);                    // path index
    w.put_u64(guess * 0x9e3779b97f4a7c15ull);
    w.put_u64(0);
    w.end_tlv(t);
    w.end_tlv(m);
    net.send(b.finish(), kZ2, kA2);
  }
  net.run_for(std::chrono::seconds(5));
  EXPECT_FALSE(as->paths()[1].confirmed);
  EXPECT_EQ(a.count(kZ2, PeerAddrState::kConfirmed), 0);
  EXPECT_EQ(as->current_data_path(), 0u);  // no data to an unconfirmed address (§5.4)
}

}  // namespace
}  // namespace dpsctp::sim
