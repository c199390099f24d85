// Blind attacks on an established association (RFC 9260 §8.5, §8.5.1, §5.1.5, §5.2.4,
// §6.2.1, §8.3): forged packets without the right verification tag, T-bit misuse, forged
// and replayed cookies, acknowledgements of TSNs never sent, forged HEARTBEAT ACKs. Each
// case checks the counter that records the drop and that the association still carries
// messages both ways afterwards; a positive control shows the same chunk with the right
// tag does take effect (so the test can fail).
#include "forge.h"
#include <tuple>

#include "wire/cause/cause_code.h"
#include "wire/chunk/sack_chunk.h"

namespace dpsctp::core {
namespace {
using testing::bare_chunk;
using testing::Bytes;
using testing::Capture;
using testing::EndpointPair;
using testing::Established;
using testing::expect_alive;
using testing::forge;
using wire::ChunkType;

TEST(BlindAttack, Rfc9260_8_5_WrongTagOnEveryChunkTypeIsDiscardedAndCounted) {
  Established s;
  const uint64_t bad0 = s.net.z->counters().DpsctpBadVtag;
  const Bytes payload = testing::pattern(100, 9);
  const uint32_t wrong = s.z_tag ^ 0x5a5a5a5a;
  std::vector<Bytes> forged = {
      forge(wrong, [&](auto& w) { testing::data_chunk(w, Tsn(123), 1, 0, payload); }),
      forge(wrong, [&](auto& w) {
        wire::SackChunk::write(w, Tsn(77), 0, {}, {});
      }),
      forge(wrong, [&](auto& w) {
        const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kShutdown), 0);
        w.put_u32(0);
        w.end_tlv(m);
      }),
      forge(wrong, [&](auto& w) { bare_chunk(w, ChunkType::kShutdownAck); }),
      forge(wrong, [&](auto& w) { bare_chunk(w, ChunkType::kAbort); }),
      forge(wrong, [&](auto& w) { bare_chunk(w, ChunkType::kShutdownComplete); }),
      forge(wrong, [&](auto& w) {
        const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kHeartbeat), 0);
        const auto t = w.begin_tlv(1);
        w.put_u32(1);
        w.end_tlv(t);
        w.end_tlv(m);
      }),
  };
  for (const Bytes& p : forged) s.to_z(p);
  // §8.5: each one silently discarded: counted, nothing sent, nobody told.
  EXPECT_EQ(s.net.z->counters().DpsctpBadVtag, bad0 + forged.size());
  EXPECT_TRUE(s.net.q.empty());
  EXPECT_TRUE(s.net.lz.payloads.empty());
  EXPECT_EQ(s.net.lz.shutdown_events, 0);
  EXPECT_EQ(s.net.lz.changes.size(), 1u);  // COMM_UP only
  expect_alive(s.net, s.a, s.z);
}

TEST(BlindAttack, Rfc9260_8_4_WrongTagFromAnUnknownAddressIsOutOfTheBlue) {
  Established s;
  const IpAddress spoofed = IpAddress::v4(192, 0, 2, 66);
  s.to_z(forge(s.z_tag ^ 1, [&](auto& w) { bare_chunk(w, ChunkType::kAbort); }), spoofed);
  s.to_z(forge(s.z_tag ^ 1, [&](auto& w) { bare_chunk(w, ChunkType::kCookieAck); }), spoofed);
  // §8.4 rule 2 and rule 7: both discarded without a reply.
  EXPECT_EQ(s.net.z->counters().SctpOutOfBlues, 2u);
  EXPECT_TRUE(s.net.q.empty());
  expect_alive(s.net, s.a, s.z);
}

TEST(BlindAttack, Rfc9260_8_5_1_B_ForgedAbortNeedsTheRightTagAndTBit) {
  Established s;
  const uint64_t bad0 = s.net.z->counters().DpsctpBadVtag;
  // Wrong tag without T; our own tag with T (T-bit misuse, §8.5.1 B); a random tag with T.
  s.to_z(forge(s.z_tag + 1, [](auto& w) { bare_chunk(w, ChunkType::kAbort); }));
  s.to_z(forge(s.z_tag, [](auto& w) { bare_chunk(w, ChunkType::kAbort, 1); }));
  s.to_z(forge(0x12345678, [](auto& w) { bare_chunk(w, ChunkType::kAbort, 1); }));
  EXPECT_EQ(s.net.z->counters().DpsctpBadVtag, bad0 + 3);
  EXPECT_EQ(s.net.z->counters().SctpAborteds, 0u);
  expect_alive(s.net, s.a, s.z);
  // Positive control: T bit with the peer's tag (what Z sends A) is a valid ABORT.
  s.to_z(forge(s.a_tag, [](auto& w) { bare_chunk(w, ChunkType::kAbort, 1); }));
  EXPECT_TRUE(s.net.lz.saw(AssocChangeState::kCommLost));
  EXPECT_EQ(s.net.z->association_count(), 0u);
}

TEST(BlindAttack, Rfc9260_8_5_1_C_ForgedShutdownAndShutdownCompleteIgnored) {
  Established s;
  const uint64_t bad0 = s.net.z->counters().DpsctpBadVtag;
  auto shutdown = [](auto& w) {
    const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kShutdown), 0);
    w.put_u32(0);
    w.end_tlv(m);
  };
  s.to_z(forge(s.z_tag ^ 0x80000000, shutdown));
  s.to_z(forge(s.z_tag, [](auto& w) { bare_chunk(w, ChunkType::kShutdownComplete, 1); }));
  s.to_z(forge(s.a_tag ^ 4, [](auto& w) { bare_chunk(w, ChunkType::kShutdownComplete, 1); }));
  EXPECT_EQ(s.net.z->counters().DpsctpBadVtag, bad0 + 3);
  EXPECT_EQ(s.net.lz.shutdown_events, 0);
  EXPECT_EQ(s.net.z->association(s.z)->state(), AssocState::kEstablished);
  expect_alive(s.net, s.a, s.z);
}

TEST(BlindAttack, Rfc9260_5_1_5_ForgedCookieEchoWithBadMacIsDiscarded) {
  EndpointPair net;
  Capture ca;
  ca.attach(net.sink_a);
  auto [a, z] = net.establish();
  Bytes echo;
  for (const Bytes& p : ca.packets) {
    auto v = wire::PacketView::parse(p);
    if (v && v->first_chunk().is(ChunkType::kCookieEcho)) echo = p;
  }
  ASSERT_FALSE(echo.empty());
  // Flip one bit of the cookie's MAC (its last bytes), keep a valid CRC.
  Bytes forged = echo;
  forged.back() ^= std::byte{0x01};
  testing::fix_crc(forged);
  const size_t q0 = net.q.size();
  net.z->handle_packet(forged, {net.ip_a, net.ip_z}, net.now);
  // A cookie from a stranger, of plausible size, made of garbage.
  Bytes garbage = forge(0x01020304, [](auto& w) {
    const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kCookieEcho), 0);
    for (int i = 0; i < 25; ++i) w.put_u32(static_cast<uint32_t>(i * 0x9e3779b9u));
    w.end_tlv(m);
  });
  net.z->handle_packet(garbage, {IpAddress::v4(198, 51, 100, 9), net.ip_z}, net.now);
  // §5.1.5 steps 1-2: silently discarded, no TCB, no reply.
  EXPECT_EQ(net.z->counters().DpsctpBadCookies, 2u);
  EXPECT_EQ(net.q.size(), q0);
  EXPECT_EQ(net.z->association_count(), 1u);
  EXPECT_EQ(net.lz.changes.size(), 1u);
  expect_alive(net, a, z);
}

Bytes cookie_echo_of(const Capture& c) {
  for (const Bytes& p : c.packets) {
    auto v = wire::PacketView::parse(p);
    if (v && v->first_chunk().is(ChunkType::kCookieEcho)) return p;
  }
  return {};
}

TEST(BlindAttack, Rfc9260_5_2_4_ReplayedOldCookieOfTheLiveAssociationChangesNothing) {
  AssociationOptions o;
  o.valid_cookie_life = std::chrono::seconds(2);
  EndpointPair net(o);
  Capture ca;
  ca.attach(net.sink_a);
  auto [a, z] = net.establish();
  const Bytes echo = cookie_echo_of(ca);
  ASSERT_FALSE(echo.empty());
  expect_alive(net, a, z);
  net.run_for(std::chrono::seconds(10));  // the cookie is long past its lifespan
  Capture cz;
  cz.attach(net.sink_z);
  net.z->handle_packet(echo, {net.ip_a, net.ip_z}, net.now);
  // §5.2.4 rule 3 / case D: both tags match the association, so the cookie is not
  // stale: a COOKIE ACK again, no restart, no new association, no Stale Cookie error.
  EXPECT_EQ(cz.count(ChunkType::kCookieAck), 1);
  EXPECT_EQ(cz.count(ChunkType::kError), 0);
  EXPECT_EQ(net.z->counters().DpsctpStaleCookies, 0u);
  EXPECT_EQ(net.z->association_count(), 1u);
  EXPECT_EQ(net.lz.changes.size(), 1u);
  net.run_for(std::chrono::seconds(1));
  EXPECT_EQ(net.la.changes.size(), 1u);
  expect_alive(net, a, z);
}

TEST(BlindAttack, Rfc9260_5_1_5_StaleCookieReplayedAfterCloseGetsStaleCookieError) {
  AssociationOptions o;
  o.valid_cookie_life = std::chrono::seconds(2);
  EndpointPair net(o);
  Capture ca;
  ca.attach(net.sink_a);
  auto [a, z] = net.establish();
  const Bytes echo = cookie_echo_of(ca);
  ASSERT_FALSE(echo.empty());
  net.a->abort(a, {}, net.now);
  net.run_for(std::chrono::seconds(10));
  ASSERT_EQ(net.z->association_count(), 0u);
  Capture cz;
  cz.attach(net.sink_z);
  net.z->handle_packet(echo, {net.ip_a, net.ip_z}, net.now);
  // §5.1.5 step 3: past Valid.Cookie.Life: ERROR with Stale Cookie (§3.3.10.3), no TCB.
  EXPECT_EQ(net.z->counters().DpsctpStaleCookies, 1u);
  EXPECT_EQ(cz.first_cause(ChunkType::kError), wire::cause_code::kStaleCookie);
  EXPECT_EQ(net.z->association_count(), 0u);
  (void)z;
}

TEST(BlindAttack, Rfc9260_6_2_1_SackForATsnNeverSentAbortsWithProtocolViolation) {
  Established s;
  const Tsn next = s.net.z->association(s.z)->tcb().local_initial_tsn;
  // A blind SACK (wrong tag) first: discarded, no effect.
  s.to_z(forge(s.z_tag ^ 2, [&](auto& w) { wire::SackChunk::write(w, next.next(50), 1000, {}, {}); }));
  EXPECT_EQ(s.net.z->counters().DpsctpBadVtag, 1u);
  expect_alive(s.net, s.a, s.z);
  // With the right tag: a cum TSN ack beyond anything sent. Z aborts (§6.2.1 gives no
  // way to process it; RFC 9260 §3.3.10.13 Protocol Violation), like Linux does.
  const Tsn one_sent = s.net.z->association(s.z)->tcb().local_initial_tsn.next();  // TSN after it
  Capture cz;
  cz.attach(s.net.sink_z);
  s.to_z(forge(s.z_tag,
               [&](auto& w) { wire::SackChunk::write(w, one_sent.next(100), 1000, {}, {}); }));
  EXPECT_EQ(s.net.z->counters().DpsctpProtocolViolations, 1u);
  EXPECT_EQ(cz.first_cause(ChunkType::kAbort), wire::cause_code::kProtocolViolation);
  EXPECT_TRUE(s.net.lz.saw(AssocChangeState::kCommLost));
  s.net.run_for(std::chrono::seconds(1));
  EXPECT_TRUE(s.net.la.saw(AssocChangeState::kCommLost));
}

TEST(BlindAttack, Rfc9260_6_2_1_GapBlockForATsnNeverSentAbortsWithProtocolViolation) {
  Established s;
  // Nothing sent yet: the cum ack point is the initial TSN - 1; the gap block reaches past it.
  const Tsn cum(s.net.z->association(s.z)->tcb().local_initial_tsn.value() - 1);
  Capture cz;
  cz.attach(s.net.sink_z);
  const wire::GapAckBlock gaps[] = {{.start = 10, .end = 20}};
  s.to_z(forge(s.z_tag, [&](auto& w) { wire::SackChunk::write(w, cum, 1000, gaps, {}); }));
  EXPECT_EQ(s.net.z->counters().DpsctpProtocolViolations, 1u);
  EXPECT_EQ(cz.first_cause(ChunkType::kAbort), wire::cause_code::kProtocolViolation);
}

TEST(BlindAttack, Rfc9260_9_2_ShutdownAckingATsnNeverSentAbortsWithProtocolViolation) {
  Established s;
  const Tsn beyond = s.net.z->association(s.z)->tcb().local_initial_tsn.next(1000);
  Capture cz;
  cz.attach(s.net.sink_z);
  s.to_z(forge(s.z_tag, [&](auto& w) {
    const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kShutdown), 0);
    w.put_u32(beyond.value());
    w.end_tlv(m);
  }));
  EXPECT_EQ(s.net.z->counters().DpsctpProtocolViolations, 1u);
  EXPECT_EQ(cz.first_cause(ChunkType::kAbort), wire::cause_code::kProtocolViolation);
  EXPECT_EQ(s.net.lz.shutdown_events, 0);
}

TEST(BlindAttack, Rfc9260_8_3_HeartbeatAckWithAForgedNonceIsIgnored) {
  AssociationOptions o;
  o.hb_interval = std::chrono::seconds(1);
  Established s(o);
  // Let Z have a HEARTBEAT outstanding on its path, then answer it with forged nonces.
  s.net.run_for(std::chrono::seconds(3));
  const Association* z = s.net.z->association(s.z);
  const uint16_t err0 = z->paths()[0].error_count;
  auto hb_ack = [&](uint8_t path, uint64_t nonce, size_t size) {
    return forge(s.z_tag, [&](auto& w) {
      const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kHeartbeatAck), 0);
      const auto t = w.begin_tlv(1);
      w.put_u8(path);
      w.put_u64(nonce);
      w.put_u64(0);
      for (size_t i = 17; i < size; ++i) w.put_u8(0);
      w.end_tlv(t);
      w.end_tlv(m);
    });
  };
  s.to_z(hb_ack(0, 0xdeadbeefcafef00dull, 17));  // wrong nonce
  s.to_z(hb_ack(7, z->paths()[0].hb_nonce, 17));  // no such path
  s.to_z(hb_ack(0, 1, 40));                       // not our Heartbeat Info layout
  EXPECT_EQ(s.net.z->counters().DpsctpBadHeartbeatAcks, 3u);
  EXPECT_EQ(z->paths()[0].error_count, err0);
  expect_alive(s.net, s.a, s.z);
}

}  // namespace
}  // namespace dpsctp::core
