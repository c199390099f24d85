// Blind attacks (RFC 9260 §8.5, §8.5.1, §8.4, §5.1.5) against an association that is
// busy transferring over a lossy network: an off-path attacker who knows the addresses
// and ports but not the verification tags sprays forged packets of every kind, some
// spoofing the peer's address, some from elsewhere. The transfer must complete with
// every message delivered exactly once and in order, the association must never change
// state, and every forged packet must be accounted for by exactly one drop counter.
#include <gtest/gtest.h>

#include "protocol_harness.h"
#include "wire/chunk/sack_chunk.h"
#include "wire/chunk_type.h"
#include "wire/packet_builder.h"

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
using wire::ChunkType;

/// Builds one forged packet: a random chunk kind, random tag (never the real one), random
/// T bit; returns its bytes.
class Attacker {
 public:
  Attacker(uint64_t seed, uint32_t avoid_tag) : rng_(seed), avoid_(avoid_tag) {}

  std::vector<std::byte> forge() {
    std::array<std::byte, 512> buf{};
    uint32_t tag = rng_.next32();
    if (tag == avoid_) tag ^= 1;
    wire::PacketBuilder b(buf, {.src_port = kPort, .dst_port = kPort,
                                .vtag = VerificationTag(tag)});
    wire::BufferWriter& w = b.writer();
    const uint8_t t_bit = static_cast<uint8_t>(rng_.below(2));
    switch (rng_.below(8)) {
      case 0: {  // DATA
        const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kData), 3);
        w.put_u32(rng_.next32());
        w.put_u16(0);
        w.put_u16(0);
        w.put_u32(0);
        w.put_u32(0xdeadbeef);
        w.end_tlv(m);
        break;
      }
      case 1:  // SACK acknowledging everything
        wire::SackChunk::write(w, Tsn(rng_.next32()), 1 << 20, {}, {});
        break;
      case 2: w.end_tlv(w.begin_chunk(static_cast<uint8_t>(ChunkType::kAbort), t_bit)); break;
      case 3: {
        const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kShutdown), 0);
        w.put_u32(rng_.next32());
        w.end_tlv(m);
        break;
      }
      case 4:
        w.end_tlv(w.begin_chunk(static_cast<uint8_t>(ChunkType::kShutdownComplete), t_bit));
        break;
      case 5: w.end_tlv(w.begin_chunk(static_cast<uint8_t>(ChunkType::kShutdownAck), 0)); break;
      case 6: {  // COOKIE ECHO with a made-up cookie
        const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kCookieEcho), 0);
        for (int i = 0; i < 24; ++i) w.put_u32(rng_.next32());
        w.end_tlv(m);
        break;
      }
      default: {  // HEARTBEAT ACK with a guessed nonce
        const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kHeartbeatAck), 0);
        const auto p = w.begin_tlv(1);
        w.put_u8(0);
        w.put_u64(rng_.next64());
        w.put_u64(0);
        w.end_tlv(p);
        w.end_tlv(m);
        break;
      }
    }
    wire::MutableByteSpan p = b.finish();
    return {p.begin(), p.end()};
  }

 private:
  core::Random rng_;
  uint32_t avoid_;
};

TEST(SimAttack, Rfc9260_8_5_ForgedPacketFloodDuringTransferChangesNothing) {
  const uint64_t seed = 0xa77ac4;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  LinkConfig link;
  link.delay = 5ms;
  net.set_default_link(link);  // toward Z: lossless, so every forged packet arrives
  link.loss = 0.03;            // Z -> A loses SACKs: A retransmits under attack too
  net.set_link(kZ, kA, link);
  Peer a(net, kA, 1);
  Peer z(net, kZ, 2);
  MessageLedger a_to_z;
  z.inbound = &a_to_z;
  const AssocId id = establish(net, a, z);
  ASSERT_TRUE(z.last_up.has_value());
  const AssocId zid = *z.last_up;
  const uint32_t z_tag = z.ep().association(zid)->local_tag().value();
  const SnmpCounters before = z.ep().counters();

  // Off-path sources: the peer's own address (spoofed) and an address with no host, where
  // Z's §8.4 replies vanish.
  const IpAddress elsewhere = IpAddress::v4(203, 0, 113, 7);
  Attacker attacker(seed + 7, z_tag);
  Pump pa(a, id, a_to_z, seed + 1, 3000);
  uint64_t forged = 0;
  uint64_t spoofed = 0;
  Instant next_attack = net.now();
  const bool done = net.run_until(
      [&] {
        EXPECT_TRUE(pa.fill());
        while (next_attack <= net.now()) {  // one forged packet per virtual millisecond
          const bool spoof = forged % 3 != 0;
          net.send(attacker.forge(), spoof ? kA : elsewhere, kZ);
          ++forged;
          spoofed += spoof ? 1 : 0;
          next_attack += 1ms;
        }
        return a_to_z.all_delivered() && pa.done();
      },
      net.now() + 10min);
  ASSERT_TRUE(done);
  net.run_for(100ms);  // forged packets still in flight arrive
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(a_to_z.delivered(), 3000u);
  // No state change on either side: one COMM_UP each, nothing else.
  EXPECT_EQ(a.changes.size(), 1u);
  EXPECT_EQ(z.changes.size(), 1u);
  EXPECT_EQ(z.shutdown_events, 0);
  EXPECT_EQ(a.send_failed, 0);
  EXPECT_EQ(z.ep().association(zid)->state(), core::AssocState::kEstablished);

  // Every forged packet that arrived is counted once by the drop counters: wrong tag from
  // the known peer (§8.5), out of the blue from elsewhere (§8.4), or a cookie failing its
  // MAC (§5.1.5).
  const SnmpCounters& after = z.ep().counters();
  const uint64_t counted = (after.DpsctpBadVtag - before.DpsctpBadVtag) +
                           (after.SctpOutOfBlues - before.SctpOutOfBlues) +
                           (after.DpsctpBadCookies - before.DpsctpBadCookies);
  EXPECT_EQ(counted, forged);
  EXPECT_GT(forged, 100u);
  EXPECT_GT(after.DpsctpBadCookies - before.DpsctpBadCookies, 0u);
  EXPECT_GT(after.SctpOutOfBlues - before.SctpOutOfBlues, 0u);
  EXPECT_EQ(after.SctpAborteds, before.SctpAborteds);
  EXPECT_EQ(after.DpsctpProtocolViolations, 0u);
  EXPECT_GT(spoofed, 0u);

  shutdown_cleanly(net, a, id, z);
}

}  // namespace
}  // namespace dpsctp::sim
