// The protocol core driven through the network simulator: whole associations from
// handshake to shutdown, over clean and hostile links. Each test prints its seed on
// failure (SCOPED_TRACE) so a failing run can be replayed exactly.
#include <gtest/gtest.h>

#include "protocol_harness.h"

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

TEST(SimProtocol, Rfc9260_5_1_6_9_2_HandshakeDataOnTenStreamsAndShutdown) {
  const uint64_t seed = 101;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  Peer a(net, kA, 1);
  Peer z(net, kZ, 2);
  MessageLedger a_to_z;
  MessageLedger z_to_a;
  z.inbound = &a_to_z;
  a.inbound = &z_to_a;

  const Instant start = net.now();
  const AssocId id = establish(net, a, z);
  // §5.1: INIT, INIT ACK, COOKIE ECHO, COOKIE ACK over 5 ms links: up after two round trips.
  EXPECT_EQ(net.now(), start + 20ms);
  ASSERT_TRUE(z.last_up.has_value());
  const AssocId zid = *z.last_up;

  // 100 messages on each of 10 streams each way, sizes up to 5000 B (fragmented, §6.9).
  Pump pa(a, id, a_to_z, seed + 1, 1000);
  Pump pz(z, zid, z_to_a, seed + 2, 1000);
  const bool delivered = net.run_until(
      [&] {
        EXPECT_TRUE(pa.fill());
        EXPECT_TRUE(pz.fill());
        return a_to_z.all_delivered() && z_to_a.all_delivered() && pa.done() && pz.done();
      },
      net.now() + 10min);
  EXPECT_TRUE(delivered);
  EXPECT_EQ(a_to_z.delivered(), 1000u);
  EXPECT_EQ(z_to_a.delivered(), 1000u);
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
  EXPECT_EQ(net.stats().dropped_loss, 0u);

  shutdown_cleanly(net, a, id, z);
  EXPECT_EQ(a.count(AssocChangeState::kCommLost), 0);
  EXPECT_EQ(z.count(AssocChangeState::kCommLost), 0);
  EXPECT_EQ(a.send_failed + z.send_failed, 0);
}

TEST(SimProtocol, Rfc9260_6_MillionMessagesExactlyOnceInOrderOverLossyLinks) {
  const uint64_t seed = 0x5eed0001;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  LinkConfig link;
  link.delay = 5ms;
  link.loss = 0.05;
  link.reorder = 0.05;
  link.reorder_delay = 10ms;
  link.duplicate = 0.01;
  net.set_default_link(link);
  Peer a(net, kA, 1);
  Peer z(net, kZ, 2);
  MessageLedger a_to_z;
  MessageLedger z_to_a;
  z.inbound = &a_to_z;
  a.inbound = &z_to_a;

  const AssocId id = establish(net, a, z);
  ASSERT_TRUE(z.last_up.has_value());
  constexpr uint64_t kEachWay = 500'000;  // 1,000,000 messages in all
  Pump pa(a, id, a_to_z, seed + 1, kEachWay);
  Pump pz(z, *z.last_up, z_to_a, seed + 2, kEachWay);
  const Instant limit = net.now() + std::chrono::hours(48);
  bool ok = true;
  while (ok && !(pa.done() && pz.done() && a_to_z.all_delivered() && z_to_a.all_delivered())) {
    ok = pa.fill() && pz.fill();
    net.run_for(20ms);
    ok = ok && a_to_z.errors().empty() && z_to_a.errors().empty() &&
         a.count(AssocChangeState::kCommLost) == 0 && z.count(AssocChangeState::kCommLost) == 0 &&
         net.now() < limit;
  }
  EXPECT_TRUE(ok) << "stopped at " << a_to_z.delivered() << "/" << a_to_z.sent() << " and "
                  << z_to_a.delivered() << "/" << z_to_a.sent() << " after "
                  << std::chrono::duration_cast<std::chrono::seconds>(net.now() - Instant{}).count()
                  << " s virtual";
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
  EXPECT_EQ(a_to_z.delivered(), kEachWay);
  EXPECT_EQ(z_to_a.delivered(), kEachWay);
  EXPECT_EQ(a.count(AssocChangeState::kCommLost), 0);
  EXPECT_EQ(z.count(AssocChangeState::kCommLost), 0);
  // The network really was hostile, and the core saw it.
  EXPECT_GT(net.stats().dropped_loss, 10'000u);
  EXPECT_GT(net.stats().reordered, 10'000u);
  EXPECT_GT(net.stats().duplicated, 1'000u);
  EXPECT_GT(a.ep().counters().DpsctpRetransmittedChunks, 0u);
  EXPECT_GT(z.ep().counters().DpsctpDuplicateTsns, 0u);
  shutdown_cleanly(net, a, id, z);
  EXPECT_EQ(a.send_failed + z.send_failed, 0);
}

TEST(SimProtocol, Rfc9260_6_8_CorruptedPacketsCaughtByCrc32cAndRecovered) {
  const uint64_t seed = 0xc044u;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  LinkConfig link;
  link.delay = 2ms;
  link.jitter = 1ms;
  link.corrupt = 0.02;  // one random bit flipped in 2 % of packets
  link.loss = 0.01;
  net.set_default_link(link);
  Peer a(net, kA, 1);
  Peer z(net, kZ, 2);
  MessageLedger a_to_z;
  MessageLedger z_to_a;
  z.inbound = &a_to_z;
  a.inbound = &z_to_a;
  const AssocId id = establish(net, a, z);
  ASSERT_TRUE(z.last_up.has_value());
  Pump pa(a, id, a_to_z, seed + 1, 20'000);
  Pump pz(z, *z.last_up, z_to_a, seed + 2, 20'000);
  const bool delivered = net.run_until(
      [&] {
        EXPECT_TRUE(pa.fill());
        EXPECT_TRUE(pz.fill());
        return pa.done() && pz.done() && a_to_z.all_delivered() && z_to_a.all_delivered();
      },
      net.now() + std::chrono::hours(4));
  EXPECT_TRUE(delivered);
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
  EXPECT_GT(net.stats().corrupted, 100u);
  // Every corrupted packet that arrived was rejected by the CRC32c (§6.8), none delivered
  // bad bytes (the ledger checks content), and the retransmissions recovered them.
  const uint64_t crc_errors =
      a.ep().counters().SctpChecksumErrors + z.ep().counters().SctpChecksumErrors;
  EXPECT_GT(crc_errors, 100u);
  EXPECT_LE(crc_errors, net.stats().corrupted);
  shutdown_cleanly(net, a, id, z);
  EXPECT_EQ(a.send_failed + z.send_failed, 0);
}

}  // namespace
}  // namespace dpsctp::sim
