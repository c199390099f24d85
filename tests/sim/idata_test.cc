// RFC 8260 user message interleaving through the network simulator: negotiation (§2.2.1),
// a large message no longer holding back small ones on other streams (§2.2.2, the point
// of RFC 8260 §1), and exact delivery with I-DATA over a lossy link.
#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "protocol_harness.h"
#include "wire/byte_io.h"
#include "wire/crc32c.h"

namespace dpsctp::sim {
namespace {

using testing::establish;
using testing::kA;
using testing::kZ;
using testing::MessageLedger;
using testing::Peer;
using testing::Pump;
using testing::seed_trace;
using testing::shutdown_cleanly;

constexpr uint8_t kData = 0;
constexpr uint8_t kIData = 64;
constexpr uint8_t kForwardTsn = 192;
constexpr uint8_t kIForwardTsn = 194;
constexpr uint8_t kFlagB = 0x02;

AssociationOptions options(bool interleaving) {
  AssociationOptions o;
  o.interleaving_enable = interleaving;
  o.stream_scheduler = StreamSchedulerKind::kRoundRobin;  // RFC 8260 §3.2
  o.nodelay = true;
  o.receive_window = 4u << 20;  // room for the whole 1 MiB message (no partial delivery)
  o.send_buffer = 4u << 20;
  return o;
}

/// Watches the packets a sends (at send() time): DATA / I-DATA chunk counts, and when the
/// first fragment of each message (by PPID) first left.
struct Wire {
  std::map<uint32_t, Instant> first_sent;
  uint64_t data_chunks = 0;
  uint64_t idata_chunks = 0;
  uint64_t forward_tsns = 0;
  uint64_t i_forward_tsns = 0;

  void see(Instant now, const std::vector<std::byte>& p) {
    for (size_t at = 12; at + 4 <= p.size();) {  // chunks after the common header
      const uint8_t type = wire::load_u8(&p[at]);
      const uint8_t flags = wire::load_u8(&p[at + 1]);
      const uint16_t len = wire::load_u16(&p[at + 2]);
      if (len < 4) return;
      forward_tsns += type == kForwardTsn ? 1 : 0;
      i_forward_tsns += type == kIForwardTsn ? 1 : 0;
      // RFC 9260 §3.3.1: DATA's PPID at byte 12; RFC 8260 §2.1: I-DATA's at 16 with B.
      if (type == kData && at + 16 <= p.size()) {
        ++data_chunks;
        if ((flags & kFlagB) != 0) first_sent.try_emplace(wire::load_u32(&p[at + 12]), now);
      } else if (type == kIData && at + 20 <= p.size()) {
        ++idata_chunks;
        if ((flags & kFlagB) != 0) first_sent.try_emplace(wire::load_u32(&p[at + 16]), now);
      }
      at += (len + 3u) & ~3u;
    }
  }
};

/// z's side: checks every message with a ledger and notes when each one (by PPID) arrived.
struct Receiver final : Listener {
  Receiver(Network& n, MessageLedger& l) : net(n), ledger(l) {}
  void on_message(const ReceivedMessage& m) override {
    delivered.try_emplace(m.ppid.value(), net.now());
    ledger.on_received(m);
  }
  Network& net;
  MessageLedger& ledger;
  std::map<uint32_t, Instant> delivered;
};

struct Timing {
  std::vector<Duration> sender_delay;  // small message k: send() -> its chunk left a
  std::vector<Instant> small_delivered;
  Instant large_delivered{};
  uint64_t data_chunks = 0;
  uint64_t idata_chunks = 0;
};

constexpr size_t kLarge = 1u << 20;
constexpr uint32_t kSmall = 10;
constexpr Duration kPacketTime = 1200us;  // 1500 B at 10 Mbit/s

// a sends 1 MiB on stream 1 (PPID 0), then, while it is being sent, a 100 B message on
// stream 2 every 30 ms (PPIDs 1..10). The link is a 10 Mbit/s bottleneck with a queue long
// enough never to drop, so the run is about scheduling alone.
Timing large_then_small(bool interleaving) {
  const uint64_t seed = interleaving ? 0x1da7a1 : 0x1da7a0;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  LinkConfig link;
  link.delay = 5ms;
  link.bandwidth_bps = 10'000'000;
  link.queue_limit_bytes = 8u << 20;
  net.set_default_link(link);
  Peer a(net, kA, 1, options(interleaving));
  MessageLedger ledger(3);
  Receiver rx(net, ledger);
  EndpointHost z(net, testing::endpoint_config({kZ}, 2, options(interleaving)), rx);
  Wire w;
  net.set_interceptor([&](std::vector<std::byte>& p, const IpAddress& src, const IpAddress&) {
    if (src == kA) w.see(net.now(), p);
    return true;
  });
  const IpAddress peers[] = {kZ};
  const AssocId id = a.host().connect(peers, testing::kPort).value_or(AssocId(0));
  EXPECT_TRUE(net.run_until([&] { return a.count(AssocChangeState::kCommUp) == 1; },
                            net.now() + 1min));

  std::vector<std::byte> big(kLarge);
  for (size_t i = 0; i < big.size(); ++i) big[i] = testing::content_byte(0, i);
  EXPECT_EQ(a.host().send(id, StreamId(1), Ppid(0), big, {}), core::SendStatus::kOk);
  ledger.commit(1, false, kLarge);
  const Instant start = net.now();
  std::vector<Instant> sent_at(kSmall + 1);
  std::vector<std::byte> small(100);
  for (uint32_t k = 1; k <= kSmall; ++k) {
    net.run_until(start + 50ms + 30ms * (k - 1));
    EXPECT_FALSE(rx.delivered.count(0)) << "the large message must still be in transfer";
    for (size_t i = 0; i < small.size(); ++i) small[i] = testing::content_byte(k, i);
    sent_at[k] = net.now();
    EXPECT_EQ(a.host().send(id, StreamId(2), Ppid(k), small, {}), core::SendStatus::kOk);
    ledger.commit(2, false, static_cast<uint32_t>(small.size()));
  }
  EXPECT_TRUE(net.run_until([&] { return ledger.all_delivered(); }, net.now() + 1min));
  EXPECT_EQ(ledger.errors(), std::vector<std::string>{});
  Timing r;
  for (uint32_t k = 1; k <= kSmall; ++k) {
    EXPECT_EQ(w.first_sent.count(k), 1u) << k;
    r.sender_delay.push_back(w.first_sent[k] - sent_at[k]);
    r.small_delivered.push_back(rx.delivered[k]);
  }
  r.large_delivered = rx.delivered[0];
  r.data_chunks = w.data_chunks;
  r.idata_chunks = w.idata_chunks;
  return r;
}

TEST(SimIData, Rfc8260_2_2_2_LargeMessageDoesNotDelaySmallOnesOnOtherStreams) {
  // With I-DATA (RFC 8260 §2.2.2) the scheduler picks the stream of every fragment: each
  // small message leaves in the next packet a sends. a sends when a SACK opens the window,
  // and z SACKs every second packet (RFC 9260 §6.2), i.e. every 2 packet times at the
  // bottleneck; so the wait is at most ~2 packet times, never the 1 MiB transfer (~0.9 s).
  const Timing with = large_then_small(true);
  EXPECT_EQ(with.data_chunks, 0u);  // §2.2.1: no DATA once I-DATA is negotiated
  EXPECT_GT(with.idata_chunks, 700u);
  Duration worst{};
  for (uint32_t k = 0; k < kSmall; ++k) {
    SCOPED_TRACE(k + 1);
    worst = std::max(worst, with.sender_delay[k]);
    EXPECT_LE(with.sender_delay[k], 2 * kPacketTime + 100us);
    EXPECT_LT(with.small_delivered[k], with.large_delivered);  // not behind the 1 MiB
  }
  ::testing::Test::RecordProperty(
      "idata_worst_wait_us",
      static_cast<int>(std::chrono::duration_cast<std::chrono::microseconds>(worst).count()));

  // Without I-DATA, RFC 9260 §6.9 keeps the fragments of one message together: every
  // small message waits until the whole 1 MiB has been sent and is delivered after it.
  const Timing without = large_then_small(false);
  EXPECT_EQ(without.idata_chunks, 0u);
  EXPECT_GT(without.data_chunks, 700u);
  for (uint32_t k = 0; k < kSmall; ++k) {
    SCOPED_TRACE(k + 1);
    EXPECT_GT(without.sender_delay[k], 100 * kPacketTime);
    // Delivered with or after the large message's last fragment (often in its packet).
    EXPECT_GE(without.small_delivered[k], without.large_delivered);
  }
}

TEST(SimIData, Rfc8260_2_2_1_UsedOnlyWhenBothSidesListIData) {
  for (const bool a_on : {false, true}) {
    for (const bool z_on : {false, true}) {
      SCOPED_TRACE(std::string("a ") + (a_on ? "on" : "off") + ", z " + (z_on ? "on" : "off"));
      Network net(0x1da7a2);
      Peer a(net, kA, 1, options(a_on));
      Peer z(net, kZ, 2, options(z_on));
      MessageLedger a_to_z;
      MessageLedger z_to_a;
      z.inbound = &a_to_z;
      a.inbound = &z_to_a;
      Wire wa;
      net.set_interceptor([&](std::vector<std::byte>& p, const IpAddress& src, const IpAddress&) {
        if (src == kA) wa.see(net.now(), p);
        return true;
      });
      const AssocId id = establish(net, a, z);
      ASSERT_TRUE(z.last_up.has_value());
      Pump pa(a, id, a_to_z, 11, 200, 4, 4000);
      Pump pz(z, *z.last_up, z_to_a, 12, 200, 4, 4000);
      EXPECT_TRUE(net.run_until(
          [&] {
            EXPECT_TRUE(pa.fill());
            EXPECT_TRUE(pz.fill());
            return a_to_z.all_delivered() && z_to_a.all_delivered() && pa.done() && pz.done();
          },
          net.now() + 5min));
      EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
      EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
      const bool both = a_on && z_on;
      // Exactly one kind of data chunk on the wire: I-DATA iff both ends listed it.
      EXPECT_EQ(wa.idata_chunks > 0, both);
      EXPECT_EQ(wa.data_chunks > 0, !both);
      EXPECT_EQ(a.ep().counters().DpsctpIDataChunksSent > 0, both);
      EXPECT_EQ(z.ep().counters().DpsctpIDataChunksReceived > 0, both);
      EXPECT_EQ(z.ep().counters().DpsctpDataKindViolations, 0u);
      shutdown_cleanly(net, a, id, z);
    }
  }
}

TEST(SimIData, Rfc8260_2_2_3_ExactDeliveryOverLossyLinkWithInterleaving) {
  const uint64_t seed = 0x1da7a3;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  LinkConfig link;
  link.delay = 5ms;
  link.loss = 0.03;
  link.reorder = 0.05;
  link.reorder_delay = 10ms;
  link.duplicate = 0.01;
  net.set_default_link(link);
  Peer a(net, kA, 1, options(true));
  Peer z(net, kZ, 2, options(true));
  MessageLedger a_to_z;
  MessageLedger z_to_a;
  z.inbound = &a_to_z;
  a.inbound = &z_to_a;
  const AssocId id = establish(net, a, z);
  ASSERT_TRUE(z.last_up.has_value());
  // Messages up to 20000 B on 8 streams, 30 % unordered: many interleaved fragments.
  Pump pa(a, id, a_to_z, seed + 1, 2000, 8, 20000);
  Pump pz(z, *z.last_up, z_to_a, seed + 2, 2000, 8, 20000);
  EXPECT_TRUE(net.run_until(
      [&] {
        EXPECT_TRUE(pa.fill());
        EXPECT_TRUE(pz.fill());
        return a_to_z.all_delivered() && z_to_a.all_delivered() && pa.done() && pz.done();
      },
      net.now() + 30min));
  EXPECT_EQ(a_to_z.delivered(), 2000u);
  EXPECT_EQ(z_to_a.delivered(), 2000u);
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
  EXPECT_GT(net.stats().dropped_loss, 0u);
  EXPECT_GT(a.ep().counters().DpsctpIDataChunksSent, 0u);
  EXPECT_GT(z.ep().counters().DpsctpIDataChunksReceived, 0u);
  shutdown_cleanly(net, a, id, z);
  EXPECT_EQ(a.send_failed + z.send_failed, 0);
}

TEST(SimIData, Rfc8260_2_2_1_DataChunkAfterIDataNegotiatedIsAProtocolViolation) {
  Network net(0x1da7a4);
  Peer a(net, kA, 1, options(true));
  Peer z(net, kZ, 2, options(true));
  // Rewrites the first I-DATA chunk a sends into a DATA chunk (type 0), as a peer that
  // mixes the two kinds would send it.
  bool rewritten = false;
  net.set_interceptor([&](std::vector<std::byte>& p, const IpAddress& src, const IpAddress&) {
    if (src != kA || rewritten) return true;
    for (size_t at = 12; at + 4 <= p.size();) {
      const uint16_t len = wire::load_u16(&p[at + 2]);
      if (len < 4) break;
      if (wire::load_u8(&p[at]) == kIData) {
        p[at] = std::byte{kData};
        wire::write_sctp_checksum(p);
        rewritten = true;
        break;
      }
      at += (len + 3u) & ~3u;
    }
    return true;
  });
  const AssocId id = establish(net, a, z);
  const std::vector<std::byte> msg(300, std::byte{7});
  EXPECT_EQ(a.host().send(id, StreamId(0), Ppid(0), msg, {}), core::SendStatus::kOk);
  EXPECT_TRUE(net.run_until([&] { return z.count(AssocChangeState::kCommLost) == 1; },
                            net.now() + 10s));
  EXPECT_TRUE(rewritten);
  EXPECT_EQ(z.ep().counters().DpsctpDataKindViolations, 1u);
  EXPECT_EQ(z.ep().counters().DpsctpProtocolViolations, 1u);
  EXPECT_TRUE(net.run_until([&] { return a.count(AssocChangeState::kCommLost) == 1; },
                            net.now() + 10s));  // the ABORT reached a
  EXPECT_EQ(z.messages, 0u);
}

TEST(SimIData, Rfc8260_2_3_1_AbandonedMessagesSkippedWithIForwardTsn) {
  // PR-SCTP with I-DATA: messages with a 30 ms lifetime over a 20 % loss link get
  // abandoned; a skips them with I-FORWARD-TSN (never FORWARD TSN), z drops their
  // fragments and moves on, and reliable messages sent afterwards all arrive.
  const uint64_t seed = 0x1da7a5;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  LinkConfig link;
  link.delay = 5ms;
  link.loss = 0.2;
  net.set_default_link(link);
  Peer a(net, kA, 1, options(true));
  struct Counting final : Listener {
    std::map<uint32_t, int> seen;
    std::map<uint16_t, uint32_t> last_ordered;
    int errors = 0;
    void on_message(const ReceivedMessage& m) override {
      const uint32_t id = m.ppid.value();
      if (++seen[id] != 1) ++errors;  // at most once
      for (size_t i = 0; i < m.data.size(); ++i) {
        errors += m.data[i] != testing::content_byte(id, i) ? 1 : 0;
      }
      // Ordered messages of a stream: ids increase (gaps are the abandoned ones).
      if (m.unordered) return;
      auto [it, fresh] = last_ordered.try_emplace(m.stream.value(), id);
      if (!fresh && id <= it->second) ++errors;
      it->second = id;
    }
  } zl;
  EndpointHost z(net, testing::endpoint_config({kZ}, 2, options(true)), zl);
  Wire w;
  net.set_interceptor([&](std::vector<std::byte>& p, const IpAddress& src, const IpAddress&) {
    if (src == kA) w.see(net.now(), p);
    return true;
  });
  const IpAddress peers[] = {kZ};
  const AssocId id = a.host().connect(peers, testing::kPort).value_or(AssocId(0));
  ASSERT_TRUE(net.run_until([&] { return a.count(AssocChangeState::kCommUp) == 1; },
                            net.now() + 1min));
  std::vector<std::byte> buf;
  auto send = [&](uint32_t msg_id, size_t size, Duration lifetime) {
    buf.resize(size);
    for (size_t i = 0; i < size; ++i) buf[i] = testing::content_byte(msg_id, i);
    core::SendOptions o;
    o.lifetime = lifetime;
    o.unordered = msg_id % 5 == 0;  // unordered ones are listed too (§2.3.1)
    return a.host().send(id, StreamId(static_cast<uint16_t>(msg_id % 4)), Ppid(msg_id), buf, o);
  };
  uint32_t next = 0;
  for (; next < 400; ++next) {  // one every ms, 1..6000 B (fragmented and interleaved)
    EXPECT_EQ(send(next, 1 + (next * 7919) % 6000, 30ms), core::SendStatus::kOk);
    net.run_for(1ms);
  }
  net.run_for(3s);
  const uint32_t reliable_from = next;
  for (; next < reliable_from + 50; ++next) {
    EXPECT_EQ(send(next, 1 + (next * 7919) % 6000, Duration::max()), core::SendStatus::kOk);
  }
  EXPECT_TRUE(net.run_until(
      [&] {
        for (uint32_t k = reliable_from; k < next; ++k) {
          if (zl.seen.count(k) == 0) return false;
        }
        return true;
      },
      net.now() + 2min));
  EXPECT_EQ(zl.errors, 0);
  EXPECT_EQ(a.count(AssocChangeState::kCommLost), 0);
  EXPECT_GT(w.i_forward_tsns, 0u);
  EXPECT_EQ(w.forward_tsns, 0u);
  EXPECT_GT(z.endpoint().counters().DpsctpIForwardTsnReceived, 0u);
  EXPECT_LT(zl.seen.size(), size_t{next});  // some were abandoned
  EXPECT_EQ(z.endpoint().counters().DpsctpDataKindViolations, 0u);
}

}  // namespace
}  // namespace dpsctp::sim
