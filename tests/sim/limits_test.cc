// Resource limits through the network simulator (issue #10): the association limit of an
// endpoint (RFC 9260 §3.3.10.4 Out of Resource), send-side backpressure (send() refuses
// with kBufferFull, nothing is dropped), and the receive window closing to 0 while the
// reassembly buffer is full (§6.2, §6.1 A) — with every message still delivered exactly
// once and in order.
#include <gtest/gtest.h>

#include "protocol_harness.h"
#include "wire/cause/cause_code.h"
#include "wire/chunk/data_chunk.h"
#include "wire/chunk/sack_chunk.h"

namespace dpsctp::sim {
namespace {

using testing::establish;
using testing::kA;
using testing::kPort;
using testing::kZ;
using testing::MessageLedger;
using testing::Peer;
using testing::Pump;
using testing::seed_trace;
using testing::shutdown_cleanly;

/// A server endpoint with its own EndpointConfig (Peer fixes max_associations).
struct Server final : Listener {
  Server(Network& net, uint32_t max_associations) {
    core::EndpointConfig c = testing::endpoint_config({kZ}, 2);
    c.max_associations = max_associations;
    host.emplace(net, c, *this);
  }
  void on_message(const ReceivedMessage&) override {}
  void on_assoc_change(const AssocChange& e) override { changes.push_back(e); }
  std::vector<AssocChange> changes;
  std::optional<EndpointHost> host;
};

TEST(SimLimits, Rfc9260_3_3_10_4_InitBeyondMaxAssociationsGetsOutOfResourceAbort) {
  const uint64_t seed = 31;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  Server z(net, 2);
  Peer c1(net, IpAddress::v4(10, 0, 1, 1), 11);
  Peer c2(net, IpAddress::v4(10, 0, 1, 2), 12);
  Peer c3(net, IpAddress::v4(10, 0, 1, 3), 13);
  const IpAddress server[] = {kZ};
  const AssocId id1 = *c1.host().connect(server, kPort);
  (void)c2.host().connect(server, kPort);
  net.run_for(1s);
  ASSERT_EQ(c1.count(AssocChangeState::kCommUp), 1);
  ASSERT_EQ(c2.count(AssocChangeState::kCommUp), 1);
  ASSERT_EQ(z.host->endpoint().association_count(), 2u);

  (void)c3.host().connect(server, kPort);
  net.run_for(1s);
  // The third INIT is answered with ABORT + Out of Resource: the client gives up at once
  // (CANT_STR_ASSOC carrying the cause) instead of retrying INITs; the server kept no state.
  ASSERT_EQ(c3.count(AssocChangeState::kCantStrAssoc), 1);
  EXPECT_EQ(c3.changes.back().error, wire::cause_code::kOutOfResource);
  EXPECT_EQ(z.host->endpoint().counters().DpsctpResourceRejects, 1u);
  EXPECT_EQ(z.host->endpoint().association_count(), 2u);
  EXPECT_EQ(c3.ep().association_count(), 0u);

  // Room again after one association ends: the same client now gets in.
  c1.host().shutdown(id1);
  net.run_for(2s);
  ASSERT_EQ(z.host->endpoint().association_count(), 1u);
  (void)c3.host().connect(server, kPort);
  net.run_for(1s);
  EXPECT_EQ(c3.count(AssocChangeState::kCommUp), 1);
  EXPECT_EQ(z.host->endpoint().association_count(), 2u);
}

TEST(SimLimits, SendBufferFullIsBackpressureAndNothingIsDropped) {
  const uint64_t seed = 32;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  AssociationOptions o;
  o.send_buffer = 32 * 1024;
  Peer a(net, kA, 1, o);
  Peer z(net, kZ, 2, o);
  MessageLedger a_to_z;
  z.inbound = &a_to_z;
  const AssocId id = establish(net, a, z);
  // The path to Z fails: nothing is acknowledged, the send buffer fills.
  net.set_up(kA, kZ, false);
  Pump pa(a, id, a_to_z, seed, 500, 4, 3000);
  ASSERT_TRUE(pa.fill());
  EXPECT_FALSE(pa.done());  // fill() stopped at kBufferFull
  const core::AssocStatus st = a.ep().association(id)->status();
  EXPECT_LE(st.queued_bytes + st.flight_size, o.send_buffer);
  const uint64_t accepted = a_to_z.sent();
  EXPECT_GT(accepted, 0u);
  // Still full a little later (retransmissions do not free space).
  net.run_for(2s);
  EXPECT_EQ(a.host().send(id, StreamId(0), Ppid(a_to_z.next_id()),
                          std::vector<std::byte>(o.send_buffer / 2)),
            core::SendStatus::kBufferFull);
  // The path heals: everything accepted so far, and the rest, arrives exactly once.
  net.set_up(kA, kZ, true);
  const bool done = net.run_until(
      [&] {
        EXPECT_TRUE(pa.fill());
        return pa.done() && a_to_z.all_delivered();
      },
      net.now() + 10min);
  ASSERT_TRUE(done);
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(a_to_z.delivered(), 500u);
  EXPECT_EQ(a.send_failed, 0);
  EXPECT_EQ(a.count(AssocChangeState::kCommLost), 0);
  shutdown_cleanly(net, a, id, z);
}

TEST(SimLimits, Rfc9260_6_2_ReceiveWindowClosesWhileReassemblyIsBlockedNothingLost) {
  const uint64_t seed = 33;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  AssociationOptions o;
  o.receive_window = 16 * 1024;
  o.nodelay = true;
  Peer a(net, kA, 1, o);
  Peer z(net, kZ, 2, o);
  MessageLedger a_to_z;
  z.inbound = &a_to_z;
  const AssocId id = establish(net, a, z);
  // Once the transfer is under way (cwnd grown), one DATA packet and every
  // retransmission of its TSN are lost for 3 s: meanwhile every later message of the
  // stream waits behind it in Z's reassembly buffer, which fills up.
  const Instant attack = net.now() + 1s;
  std::optional<uint32_t> victim;
  bool dropped = false;
  net.set_interceptor([&](std::vector<std::byte>& p, const IpAddress& src, const IpAddress&) {
    if (src != kA || p.size() < 12 + 16 || p[12] != std::byte{0}) return true;  // not DATA
    const uint32_t tsn = wire::load_u32(p.data() + 16);
    if (!victim && net.now() >= attack) victim = tsn;
    if (victim && tsn == *victim && net.now() < attack + 3s) {
      dropped = true;
      return false;
    }
    return true;
  });
  uint32_t min_rwnd = UINT32_MAX;
  uint32_t max_buffered = 0;
  const AssocId zid = *z.last_up;
  net.set_tap([&](Instant, wire::ByteSpan p, const IpAddress& src, const IpAddress&) {
    if (const core::Association* za = z.ep().association(zid)) {
      max_buffered = std::max(max_buffered, za->status().pending_reassembly_bytes);
    }
    if (src != kZ) return;
    auto v = wire::PacketView::parse(p);
    if (!v) return;
    for (const wire::ChunkView& c : v->chunks()) {
      if (!c.is(wire::ChunkType::kSack)) continue;
      if (auto s = wire::SackChunk::parse(c)) min_rwnd = std::min(min_rwnd, s->a_rwnd);
    }
  });
  Pump pa(a, id, a_to_z, seed, 5000, 1, 1000, 0);  // one ordered stream
  const bool done = net.run_until(
      [&] {
        EXPECT_TRUE(pa.fill());
        return pa.done() && a_to_z.all_delivered();
      },
      net.now() + 10min);
  ASSERT_TRUE(done);
  EXPECT_TRUE(dropped);
  // §6.2: the advertised window closed (less room than one more 1000-byte message
  // needs: whole chunks fill it, so it ends a few bytes above 0)...
  EXPECT_LT(min_rwnd, 1000u + 16u);
  // ...and Z's buffer filled to its limit but never held more than that plus one chunk.
  EXPECT_GE(max_buffered, o.receive_window - 1000u);
  EXPECT_LE(max_buffered, o.receive_window + 1000);
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(a_to_z.delivered(), 5000u);
  EXPECT_EQ(a.send_failed, 0);
  EXPECT_EQ(z.ep().association(zid)->status().pending_reassembly_bytes, 0u);
  shutdown_cleanly(net, a, id, z);
}

}  // namespace
}  // namespace dpsctp::sim
