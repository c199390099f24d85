// The protocol core's handshake and packet-validation rules driven through the network
// simulator: INIT collision, peer restart, stale and forged cookies, verification tags,
// out-of-the-blue packets, and a flood of spoofed INITs. Seeds are printed on failure.
#include <gtest/gtest.h>

#include <initializer_list>

#include "protocol_harness.h"
#include "recording_host.h"
#include "wire/crc32c.h"

namespace dpsctp::sim {
namespace {

using testing::establish;
using testing::kA;
using testing::kPort;
using testing::kZ;
using testing::MessageLedger;
using testing::Peer;
using testing::Pump;
using testing::RecordingHost;
using testing::seed_trace;
using testing::shutdown_cleanly;

const IpAddress kSpoofed = IpAddress::v4(10, 0, 0, 9);

// --- Hand-made packets (for spoofing; the core never sends these) -------------------------

void put16(std::vector<std::byte>& v, uint16_t x) {
  v.push_back(std::byte{static_cast<uint8_t>(x >> 8)});
  v.push_back(std::byte{static_cast<uint8_t>(x)});
}
void put32(std::vector<std::byte>& v, uint32_t x) {
  put16(v, static_cast<uint16_t>(x >> 16));
  put16(v, static_cast<uint16_t>(x));
}
uint32_t get32(const std::vector<std::byte>& v, size_t at) { return wire::load_u32(v.data() + at); }

using Chunk = std::vector<std::byte>;

/// RFC 9260 §3: common header + chunks (each padded to 4 bytes), CRC32c filled (§6.8).
std::vector<std::byte> packet(uint16_t src_port, uint16_t dst_port, uint32_t vtag,
                              std::initializer_list<Chunk> chunks) {
  std::vector<std::byte> p;
  put16(p, src_port);
  put16(p, dst_port);
  put32(p, vtag);
  put32(p, 0);
  for (const Chunk& c : chunks) {
    p.insert(p.end(), c.begin(), c.end());
    while (p.size() % 4 != 0) p.push_back(std::byte{0});
  }
  wire::write_sctp_checksum(p);
  return p;
}

Chunk bare_chunk(uint8_t type, uint8_t flags) {
  Chunk c{std::byte{type}, std::byte{flags}};
  put16(c, 4);
  return c;
}

/// §3.3.2 INIT without optional parameters.
Chunk init_chunk(uint32_t initiate_tag, uint32_t initial_tsn) {
  Chunk c{std::byte{1}, std::byte{0}};
  put16(c, 20);
  put32(c, initiate_tag);
  put32(c, 65536);  // a_rwnd
  put16(c, 10);     // OS
  put16(c, 10);     // MIS
  put32(c, initial_tsn);
  return c;
}

/// §3.3.1 DATA, a complete unfragmented message (B and E bits).
Chunk data_chunk(uint32_t tsn, uint16_t stream, uint16_t ssn, uint32_t ppid, size_t len) {
  Chunk c{std::byte{0}, std::byte{0x03}};
  put16(c, static_cast<uint16_t>(16 + len));
  put32(c, tsn);
  put16(c, stream);
  put16(c, ssn);
  put32(c, ppid);
  c.resize(c.size() + len, std::byte{0x42});
  return c;
}

uint8_t chunk_type(const std::vector<std::byte>& p) { return static_cast<uint8_t>(p[12]); }
uint8_t chunk_flags(const std::vector<std::byte>& p) { return static_cast<uint8_t>(p[13]); }

// --- Tests ---------------------------------------------------------------------------------

TEST(SimHandshake, Rfc9260_5_2_1_InitCollisionYieldsOneAssociation) {
  const uint64_t seed = 201;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  Peer a(net, kA, 1);
  Peer z(net, kZ, 2);
  const IpAddress to_z[] = {kZ};
  const IpAddress to_a[] = {kA};
  // Both sides connect at the same instant: the INITs cross on the wire.
  const std::optional<AssocId> ia = a.host().connect(to_z, kPort);
  const std::optional<AssocId> iz = z.host().connect(to_a, kPort);
  ASSERT_TRUE(ia && iz);
  net.run_for(5s);
  // §5.2.1 / §5.2.4 B, D: each side keeps its own association; exactly one COMM_UP each.
  EXPECT_EQ(a.count(AssocChangeState::kCommUp), 1);
  EXPECT_EQ(z.count(AssocChangeState::kCommUp), 1);
  EXPECT_EQ(a.ep().association_count(), 1u);
  EXPECT_EQ(z.ep().association_count(), 1u);
  EXPECT_EQ(a.last_up, ia);
  EXPECT_EQ(z.last_up, iz);
  const core::Association* aa = a.ep().association(*ia);
  const core::Association* za = z.ep().association(*iz);
  ASSERT_TRUE(aa != nullptr && za != nullptr);
  EXPECT_EQ(aa->peer_tag(), za->local_tag());  // the tags agree both ways
  EXPECT_EQ(za->peer_tag(), aa->local_tag());

  MessageLedger a_to_z, z_to_a;
  z.inbound = &a_to_z;
  a.inbound = &z_to_a;
  Pump pa(a, *ia, a_to_z, seed + 1, 200);
  Pump pz(z, *iz, z_to_a, seed + 2, 200);
  EXPECT_TRUE(net.run_until(
      [&] {
        pa.fill();
        pz.fill();
        return pa.done() && pz.done() && a_to_z.all_delivered() && z_to_a.all_delivered();
      },
      net.now() + 1min));
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
  shutdown_cleanly(net, a, *ia, z);
}

TEST(SimHandshake, Rfc9260_5_2_4_A_PeerRestartKeepsTheAssociation) {
  const uint64_t seed = 202;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  Peer a(net, kA, 1);
  Peer z(net, kZ, 2);
  const AssocId id = establish(net, a, z);
  const VerificationTag old_peer_tag = a.ep().association(id)->peer_tag();

  z.restart(77);  // Z crashes and reboots: new tags, no memory of the association
  const IpAddress to_a[] = {kA};
  const std::optional<AssocId> zid = z.host().connect(to_a, kPort);
  ASSERT_TRUE(zid.has_value());
  EXPECT_TRUE(
      net.run_until([&] { return z.count(AssocChangeState::kCommUp) == 2; }, net.now() + 1min));
  // §5.2.2 INIT ACK with Tie-Tags, then §5.2.4 A: A reports a restart on the same AssocId.
  EXPECT_EQ(a.count(AssocChangeState::kRestart), 1);
  EXPECT_EQ(a.count(AssocChangeState::kCommLost), 0);
  EXPECT_EQ(a.last_up, id);
  EXPECT_EQ(a.ep().association_count(), 1u);
  const core::Association* aa = a.ep().association(id);
  ASSERT_NE(aa, nullptr);
  EXPECT_NE(aa->peer_tag(), old_peer_tag);
  EXPECT_EQ(aa->peer_tag(), z.ep().association(*zid)->local_tag());

  MessageLedger a_to_z, z_to_a;
  z.inbound = &a_to_z;
  a.inbound = &z_to_a;
  Pump pa(a, id, a_to_z, seed + 1, 100);
  Pump pz(z, *zid, z_to_a, seed + 2, 100);
  EXPECT_TRUE(net.run_until(
      [&] {
        pa.fill();
        pz.fill();
        return pa.done() && pz.done() && a_to_z.all_delivered() && z_to_a.all_delivered();
      },
      net.now() + 1min));
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
  shutdown_cleanly(net, a, id, z);
}

TEST(SimHandshake, Rfc9260_5_2_6_StaleCookieThenCookiePreservative) {
  const uint64_t seed = 203;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  LinkConfig slow;
  slow.delay = 60ms;  // INIT ACK + COOKIE ECHO take 120 ms: the cookie lives 100 ms
  net.set_default_link(slow);
  AssociationOptions short_cookie;
  short_cookie.valid_cookie_life = 100ms;
  Peer a(net, kA, 1);
  Peer z(net, kZ, 2, short_cookie);
  const IpAddress to_z[] = {kZ};
  ASSERT_TRUE(a.host().connect(to_z, kPort).has_value());
  EXPECT_TRUE(
      net.run_until([&] { return a.count(AssocChangeState::kCommUp) == 1; }, net.now() + 1min));
  // §5.1.5 step 3: the first COOKIE ECHO is stale: ERROR (Stale Cookie), no association.
  // §5.2.6: A retries with a Cookie Preservative; Z grants up to another 100 ms.
  EXPECT_EQ(z.ep().counters().DpsctpStaleCookies, 1u);
  EXPECT_EQ(a.ep().counters().DpsctpStaleCookies, 1u);
  EXPECT_EQ(z.count(AssocChangeState::kCommUp), 1);
  EXPECT_EQ(z.ep().association_count(), 1u);
  // INIT, INIT ACK, COOKIE ECHO, ERROR, then INIT, INIT ACK, COOKIE ECHO, COOKIE ACK.
  EXPECT_EQ(net.now(), Instant{} + 8 * 60ms);
}

TEST(SimHandshake, Rfc9260_5_1_5_TamperedCookieMacIsDiscarded) {
  const uint64_t seed = 204;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  int tampered = 0;
  net.set_interceptor([&](std::vector<std::byte>& p, const IpAddress& src, const IpAddress&) {
    // The first COOKIE ECHO (chunk type 10): flip a cookie byte, keep the CRC32c valid so
    // that only the MAC can catch it.
    if (src == kA && p.size() > 40 && chunk_type(p) == 10 && tampered == 0) {
      p[12 + 4 + 20] ^= std::byte{0x01};
      wire::write_sctp_checksum(p);
      ++tampered;
    }
    return true;
  });
  Peer a(net, kA, 1);
  Peer z(net, kZ, 2);
  const AssocId id = establish(net, a, z);
  EXPECT_EQ(tampered, 1);
  EXPECT_EQ(z.ep().counters().DpsctpBadCookies, 1u);  // §5.1.5 steps 1-2: silently discarded
  EXPECT_EQ(z.count(AssocChangeState::kCommUp), 1);   // from the retransmitted COOKIE ECHO
  // T1-cookie (RTO.Initial = 1 s) expired once before the good echo went out.
  EXPECT_EQ(net.now(), Instant{} + 1s + 20ms);
  shutdown_cleanly(net, a, id, z);
}

TEST(SimHandshake, Rfc9260_8_5_WrongVerificationTagIsDiscarded) {
  const uint64_t seed = 205;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  Peer a(net, kA, 1);
  Peer z(net, kZ, 2);
  const AssocId id = establish(net, a, z);
  ASSERT_TRUE(z.last_up.has_value());
  const uint32_t z_tag = z.ep().association(*z.last_up)->local_tag().value();
  const uint64_t bad_before = z.ep().counters().DpsctpBadVtag;
  // From A's real address and port, but with a wrong tag: DATA, SACK, ABORT (no T bit).
  for (uint32_t i = 1; i <= 10; ++i) {
    net.send(packet(kPort, kPort, z_tag + i, {data_chunk(1000 + i, 0, 0, 99, 8)}), kA, kZ);
  }
  net.send(packet(kPort, kPort, z_tag ^ 0x80000000u, {bare_chunk(6, 0)}), kA, kZ);
  // §8.5.1 B: an ABORT with the T bit must carry the peer's own tag, not ours.
  net.send(packet(kPort, kPort, z_tag, {bare_chunk(6, 0x01)}), kA, kZ);
  net.run_for(1s);
  EXPECT_EQ(z.ep().counters().DpsctpBadVtag - bad_before, 12u);
  EXPECT_EQ(z.messages, 0u);
  EXPECT_EQ(z.count(AssocChangeState::kCommLost), 0);
  EXPECT_EQ(z.ep().association(*z.last_up)->state(), core::AssocState::kEstablished);
  // Control: the same ABORT with the right tag does end the association (§9.1).
  net.send(packet(kPort, kPort, z_tag, {bare_chunk(6, 0)}), kA, kZ);
  net.run_for(1s);
  EXPECT_EQ(z.count(AssocChangeState::kCommLost), 1);
  EXPECT_EQ(z.ep().association_count(), 0u);
  (void)id;
}

TEST(SimHandshake, Rfc9260_8_4_OutOfTheBluePackets) {
  const uint64_t seed = 206;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  Peer z(net, kZ, 2);
  RecordingHost spoofer("S");
  net.attach(kSpoofed, spoofer);
  constexpr uint16_t kSrcPort = 5000;
  net.send(packet(kSrcPort, kPort, 0x1234, {bare_chunk(6, 0)}), kSpoofed, kZ);  // ABORT
  net.run_for(100ms);
  net.send(packet(kSrcPort, kPort, 0xabcd, {bare_chunk(14, 0)}), kSpoofed,
           kZ);  // SHUTDOWN COMPLETE
  net.run_for(100ms);
  net.send(packet(kSrcPort, kPort, 0x5678, {bare_chunk(8, 0)}), kSpoofed, kZ);  // SHUTDOWN ACK
  net.run_for(100ms);
  net.send(packet(kSrcPort, kPort, 0x9abc, {data_chunk(1, 0, 0, 0, 4)}), kSpoofed, kZ);  // DATA
  net.run_for(100ms);
  // Rule 2 (ABORT) and rule 6 (SHUTDOWN COMPLETE): silence. Rule 5: SHUTDOWN COMPLETE
  // with T bit and the packet's tag. Rule 8: ABORT with T bit and the packet's tag.
  ASSERT_EQ(spoofer.received.size(), 2u);
  const auto& sc = spoofer.received[0].bytes;
  EXPECT_TRUE(wire::verify_sctp_checksum(sc));
  EXPECT_EQ(chunk_type(sc), 14);
  EXPECT_EQ(chunk_flags(sc), 0x01);
  EXPECT_EQ(get32(sc, 4), 0x5678u);
  EXPECT_EQ(wire::load_u16(sc.data()), kPort);
  EXPECT_EQ(wire::load_u16(sc.data() + 2), kSrcPort);
  const auto& ab = spoofer.received[1].bytes;
  EXPECT_TRUE(wire::verify_sctp_checksum(ab));
  EXPECT_EQ(chunk_type(ab), 6);
  EXPECT_EQ(chunk_flags(ab), 0x01);
  EXPECT_EQ(get32(ab, 4), 0x9abcu);
  EXPECT_EQ(z.ep().association_count(), 0u);
  EXPECT_EQ(z.ep().counters().SctpOutOfBlues, 4u);
  EXPECT_EQ(z.host().next_timer(), kNever);
}

TEST(SimHandshake, Rfc9260_5_1_3_SpoofedInitFloodCreatesNoState) {
  const uint64_t seed = 207;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  Peer z(net, kZ, 2);
  core::Random rng(seed);
  constexpr uint32_t kInits = 100'000;
  for (uint32_t i = 0; i < kInits; ++i) {
    const IpAddress src = IpAddress::v4(0x0b000000u + i);  // 11.x.y.z: nobody answers
    const auto port = static_cast<uint16_t>(1024 + rng.below(60000));
    net.send(packet(port, kPort, 0, {init_chunk(rng.next32() | 1u, rng.next32())}), src, kZ);
    if (i % 100 == 99) {
      net.run_for(1ms);
      ASSERT_EQ(z.ep().association_count(), 0u) << "after " << i + 1 << " INITs";
    }
  }
  net.run_for(1s);
  // §5.1.3: the responder keeps no state until a valid COOKIE ECHO: one INIT ACK per INIT
  // (to addresses with no host), no association, no timer armed.
  EXPECT_EQ(z.ep().counters().DpsctpInitsReceived, kInits);
  EXPECT_EQ(z.host().packets_sent(), kInits);
  EXPECT_EQ(net.stats().dropped_no_host, kInits);
  EXPECT_EQ(z.ep().association_count(), 0u);
  EXPECT_EQ(z.changes.size(), 0u);
  EXPECT_EQ(z.host().next_timer(), kNever);
  // The endpoint still serves a real peer.
  Peer a(net, kA, 1);
  const AssocId id = establish(net, a, z);
  shutdown_cleanly(net, a, id, z);
}

}  // namespace
}  // namespace dpsctp::sim
