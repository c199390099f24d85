// Tests of the simulator's network model (sim/network.h) with recording hosts: no
// protocol core involved. Every expectation is exact or, for random impairments over
// many packets, a bound several standard deviations wide — and the seed is fixed, so a
// run is reproducible bit for bit.
#include "sim/network.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <set>

#include "recording_host.h"
#include "wire/crc32c.h"

namespace dpsctp::sim {
namespace {

using testing::numbered_packet;
using testing::packet_id;
using testing::Received;
using testing::RecordingHost;

const IpAddress kA = IpAddress::v4(10, 0, 0, 1);
const IpAddress kB = IpAddress::v4(10, 0, 0, 2);
const IpAddress kB2 = IpAddress::v4(10, 0, 1, 2);  // B's second address (multi-homing)
const IpAddress kNobody = IpAddress::v4(10, 9, 9, 9);
const Instant kT0{};

LinkConfig plain(Duration delay) {
  LinkConfig c;
  c.delay = delay;
  return c;
}

// Four standard deviations of a binomial count: the bound for "rate within statistics".
double four_sigma(double n, double p) { return 4.0 * std::sqrt(n * p * (1.0 - p)); }

struct Fixture {
  explicit Fixture(uint64_t seed) : net(seed) {
    net.attach(kA, a);
    net.attach(kB, b);
  }
  Network net;
  RecordingHost a{"A"};
  RecordingHost b{"B"};
};

TEST(Network, DelayIsExact) {
  Fixture f(1);
  f.net.set_link(kA, kB, plain(7ms));
  f.net.send(numbered_packet(1), kA, kB);
  f.net.run_until(kT0 + 7ms - 1us);
  EXPECT_TRUE(f.b.received.empty());
  EXPECT_EQ(f.net.now(), kT0 + 7ms - 1us);
  f.net.run_until(kT0 + 7ms);
  ASSERT_EQ(f.b.received.size(), 1u);
  EXPECT_EQ(f.b.received[0].at, kT0 + 7ms);
  EXPECT_EQ(f.b.received[0].src, kA);
  EXPECT_EQ(f.b.received[0].dst, kB);
  EXPECT_EQ(f.b.received[0].bytes, numbered_packet(1));
  EXPECT_EQ(f.net.stats().sent, 1u);
  EXPECT_EQ(f.net.stats().delivered, 1u);
}

TEST(Network, DefaultLinkAppliesToPairsNotSet) {
  Fixture f(1);
  f.net.set_default_link(plain(3ms));
  f.net.set_link(kA, kB, plain(9ms));
  f.net.send(numbered_packet(1), kA, kB);
  f.net.send(numbered_packet(2), kB, kA);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 1u);
  ASSERT_EQ(f.a.received.size(), 1u);
  EXPECT_EQ(f.b.received[0].at, kT0 + 9ms);
  EXPECT_EQ(f.a.received[0].at, kT0 + 3ms);
  EXPECT_EQ(f.net.link(kB, kA).delay, 3ms);
}

TEST(Network, SetDefaultLinkUpdatesPairsAlreadyUsed) {
  Fixture f(1);
  f.net.send(numbered_packet(1), kA, kB);  // creates the pair with the default 5 ms
  f.net.run_for(1s);
  f.net.set_default_link(plain(2ms));
  const Instant t = f.net.now();
  f.net.send(numbered_packet(2), kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 2u);
  EXPECT_EQ(f.b.received[0].at, kT0 + 5ms);
  EXPECT_EQ(f.b.received[1].at, t + 2ms);
}

TEST(Network, JitterStaysWithinBoundsAndCoversThem) {
  Fixture f(42);
  LinkConfig c = plain(5ms);
  c.jitter = 2ms;
  f.net.set_link(kA, kB, c);
  constexpr int kN = 20000;
  for (int i = 0; i < kN; ++i) f.net.send(numbered_packet(static_cast<uint64_t>(i)), kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), size_t{kN});
  Instant lo = kNever;
  Instant hi{};
  double sum_us = 0;
  for (const Received& r : f.b.received) {
    ASSERT_GE(r.at, kT0 + 5ms);
    ASSERT_LE(r.at, kT0 + 7ms);
    lo = std::min(lo, r.at);
    hi = std::max(hi, r.at);
    sum_us += static_cast<double>(r.at.time_since_epoch().count());
  }
  EXPECT_LT(lo, kT0 + 5ms + 10us);  // the whole range is used
  EXPECT_GT(hi, kT0 + 7ms - 10us);
  EXPECT_NEAR(sum_us / kN, 6000.0, 20.0);  // uniform: mean in the middle (sd of mean ~4 us)
  // Jitter reorders packets sent at the same instant: arrival order is not send order.
  bool in_order = std::is_sorted(
      f.b.received.begin(), f.b.received.end(),
      [](const Received& x, const Received& y) { return packet_id(x.bytes) < packet_id(y.bytes); });
  EXPECT_FALSE(in_order);
}

TEST(Network, LossRateWithinStatisticalBoundsOver100kPackets) {
  Fixture f(7);
  LinkConfig c = plain(1ms);
  c.loss = 0.05;
  f.net.set_link(kA, kB, c);
  constexpr int kN = 100000;
  for (int i = 0; i < kN; ++i) {
    f.net.send(numbered_packet(static_cast<uint64_t>(i), 16), kA, kB);
    f.net.run_for(10us);
  }
  f.net.run_for(1s);
  const auto& s = f.net.stats();
  EXPECT_EQ(s.sent, uint64_t{kN});
  EXPECT_EQ(s.delivered + s.dropped_loss, uint64_t{kN});
  EXPECT_EQ(f.b.received.size(), s.delivered);
  EXPECT_NEAR(static_cast<double>(s.dropped_loss), kN * 0.05, four_sigma(kN, 0.05));
  // Survivors arrive once each, in order (no jitter), each exactly 1 ms after its send.
  uint64_t prev = 0;
  for (size_t i = 0; i < f.b.received.size(); ++i) {
    const uint64_t id = packet_id(f.b.received[i].bytes);
    if (i > 0) {
      ASSERT_GT(id, prev);
    }
    prev = id;
    ASSERT_EQ(f.b.received[i].at, kT0 + 1ms + 10us * static_cast<int64_t>(id));
  }
}

TEST(Network, NoLossOnACleanLink) {
  Fixture f(7);
  for (int i = 0; i < 1000; ++i) f.net.send(numbered_packet(static_cast<uint64_t>(i)), kA, kB);
  f.net.run_for(1s);
  EXPECT_EQ(f.b.received.size(), 1000u);
  EXPECT_EQ(f.net.stats().dropped_loss, 0u);
}

TEST(Network, DuplicationDeliversSomePacketsTwice) {
  Fixture f(9);
  LinkConfig c = plain(2ms);
  c.duplicate = 0.1;
  f.net.set_link(kA, kB, c);
  constexpr int kN = 20000;
  for (int i = 0; i < kN; ++i) f.net.send(numbered_packet(static_cast<uint64_t>(i)), kA, kB);
  f.net.run_for(1s);
  const auto& s = f.net.stats();
  EXPECT_EQ(s.delivered, kN + s.duplicated);
  EXPECT_NEAR(static_cast<double>(s.duplicated), kN * 0.1, four_sigma(kN, 0.1));
  std::vector<int> seen(kN, 0);
  for (const Received& r : f.b.received) {
    const uint64_t id = packet_id(r.bytes);
    ASSERT_LT(id, uint64_t{kN});
    ASSERT_EQ(r.bytes, numbered_packet(id));  // the copy is byte-identical
    ++seen[id];
  }
  uint64_t twice = 0;
  for (int n : seen) {
    ASSERT_GE(n, 1);
    ASSERT_LE(n, 2);
    twice += n == 2 ? 1 : 0;
  }
  EXPECT_EQ(twice, s.duplicated);
}

TEST(Network, ReorderingLetsLaterPacketsOvertake) {
  Fixture f(11);
  LinkConfig c = plain(5ms);
  c.reorder = 0.1;
  c.reorder_delay = 10ms;
  f.net.set_link(kA, kB, c);
  constexpr int kN = 10000;
  for (int i = 0; i < kN; ++i) {
    f.net.send(numbered_packet(static_cast<uint64_t>(i)), kA, kB);
    f.net.run_for(1ms);
  }
  f.net.run_for(1s);
  const auto& s = f.net.stats();
  ASSERT_EQ(f.b.received.size(), size_t{kN});
  EXPECT_NEAR(static_cast<double>(s.reordered), kN * 0.1, four_sigma(kN, 0.1));
  uint64_t held = 0;
  uint64_t overtaken = 0;  // packets delivered after one sent later than them
  uint64_t max_id = 0;
  for (size_t i = 0; i < f.b.received.size(); ++i) {
    const Received& r = f.b.received[i];
    const uint64_t id = packet_id(r.bytes);
    const Instant sent = kT0 + 1ms * static_cast<int64_t>(id);
    // Either on time or exactly reorder_delay late.
    if (r.at == sent + 15ms) {
      ++held;
    } else {
      ASSERT_EQ(r.at, sent + 5ms);
    }
    if (i > 0 && id < max_id) ++overtaken;
    max_id = std::max(max_id, id);
  }
  EXPECT_EQ(held, s.reordered);
  EXPECT_GT(overtaken, 0u);
  EXPECT_LE(overtaken, s.reordered);
}

TEST(Network, CorruptionFlipsExactlyOneBit) {
  Fixture f(13);
  LinkConfig c = plain(1ms);
  c.corrupt = 1.0;
  f.net.set_link(kA, kB, c);
  constexpr int kN = 5000;
  for (int i = 0; i < kN; ++i) f.net.send(numbered_packet(static_cast<uint64_t>(i), 64), kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), size_t{kN});
  EXPECT_EQ(f.net.stats().corrupted, uint64_t{kN});
  std::set<size_t> positions;
  for (int i = 0; i < kN; ++i) {
    const auto original = numbered_packet(static_cast<uint64_t>(i), 64);
    const auto& got = f.b.received[static_cast<size_t>(i)].bytes;  // no jitter: in order
    ASSERT_EQ(got.size(), original.size());
    int flipped = 0;
    for (size_t k = 0; k < got.size(); ++k) {
      const auto x = static_cast<uint8_t>(got[k] ^ original[k]);
      flipped += std::popcount(x);
      if (x != 0) positions.insert(k * 8 + static_cast<size_t>(std::countr_zero(x)));
    }
    ASSERT_EQ(flipped, 1) << "packet " << i;
  }
  EXPECT_GT(positions.size(), 400u);  // the bit is chosen over the whole packet (512 bits)
}

// A minimal SCTP packet: common header + one DATA chunk, with a valid CRC32c.
std::vector<std::byte> sctp_data_packet() {
  std::vector<std::byte> p(12 + 16 + 20);
  const uint8_t header[] = {0x0b, 0x59, 0x0b, 0x59, 0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0};
  const uint8_t data[] = {0x00, 0x03, 0x00, 36, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 46};
  for (size_t i = 0; i < sizeof header; ++i) p[i] = std::byte{header[i]};
  for (size_t i = 0; i < sizeof data; ++i) p[12 + i] = std::byte{data[i]};
  for (size_t i = 28; i < p.size(); ++i) p[i] = std::byte{static_cast<uint8_t>(i)};
  wire::write_sctp_checksum(p);
  return p;
}

TEST(Network, CorruptedSctpPacketFailsChecksumVerification) {
  Fixture f(17);
  LinkConfig c = plain(1ms);
  c.corrupt = 1.0;
  f.net.set_link(kA, kB, c);
  const auto packet = sctp_data_packet();
  ASSERT_TRUE(wire::verify_sctp_checksum(packet));
  for (int i = 0; i < 2000; ++i) f.net.send(packet, kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 2000u);
  for (const Received& r : f.b.received) {
    ASSERT_NE(r.bytes, packet);
    ASSERT_FALSE(wire::verify_sctp_checksum(r.bytes));  // CRC32c catches every 1-bit error
  }
}

TEST(Network, CorruptionRateWithinStatisticalBounds) {
  Fixture f(19);
  LinkConfig c = plain(1ms);
  c.corrupt = 0.02;
  f.net.set_link(kA, kB, c);
  const auto packet = sctp_data_packet();
  constexpr int kN = 50000;
  for (int i = 0; i < kN; ++i) f.net.send(packet, kA, kB);
  f.net.run_for(1s);
  uint64_t bad = 0;
  for (const Received& r : f.b.received) bad += wire::verify_sctp_checksum(r.bytes) ? 0 : 1;
  EXPECT_EQ(bad, f.net.stats().corrupted);
  EXPECT_NEAR(static_cast<double>(bad), kN * 0.02, four_sigma(kN, 0.02));
}

TEST(Network, BandwidthSerialisesPackets) {
  Fixture f(1);
  LinkConfig c = plain(5ms);
  c.bandwidth_bps = 8'000'000;  // 1000 bytes take exactly 1 ms
  f.net.set_link(kA, kB, c);
  for (uint64_t i = 0; i < 5; ++i) f.net.send(numbered_packet(i, 1000), kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(packet_id(f.b.received[i].bytes), i);
    EXPECT_EQ(f.b.received[i].at, kT0 + 5ms + 1ms * static_cast<int64_t>(i + 1)) << i;
  }
  // An idle link does not remember old backlog: the next packet only pays its own time.
  const Instant t = f.net.now();
  f.net.send(numbered_packet(9, 500), kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 6u);
  EXPECT_EQ(f.b.received[5].at, t + 500us + 5ms);
}

TEST(Network, BandwidthRoundsSerialisationUpToWholeMicroseconds) {
  Fixture f(1);
  LinkConfig c = plain(0ms);
  c.bandwidth_bps = 1'000'000'000;  // 100 bytes = 0.8 us -> 1 us
  f.net.set_link(kA, kB, c);
  f.net.send(numbered_packet(0, 100), kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 1u);
  EXPECT_EQ(f.b.received[0].at, kT0 + 1us);
}

TEST(Network, BottleneckQueueDropsTail) {
  Fixture f(1);
  LinkConfig c = plain(5ms);
  c.bandwidth_bps = 8'000'000;  // 1 ms per 1000-byte packet
  c.queue_limit_bytes = 3000;
  f.net.set_link(kA, kB, c);
  for (uint64_t i = 0; i < 5; ++i) f.net.send(numbered_packet(i, 1000), kA, kB);
  EXPECT_EQ(f.net.stats().dropped_queue, 2u);  // packets 3 and 4: the queue holds 3000 B
  f.net.run_until(kT0 + 1ms);                  // packet 0 has left the queue: room for one more
  f.net.send(numbered_packet(5, 1000), kA, kB);
  f.net.send(numbered_packet(6, 1000), kA, kB);
  EXPECT_EQ(f.net.stats().dropped_queue, 3u);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 4u);
  const uint64_t ids[] = {0, 1, 2, 5};
  const Duration at[] = {6ms, 7ms, 8ms, 9ms};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(packet_id(f.b.received[i].bytes), ids[i]);
    EXPECT_EQ(f.b.received[i].at, kT0 + at[i]);
  }
}

TEST(Network, LinkDownDropsEverythingUntilUp) {
  Fixture f(1);
  f.net.set_up(kA, kB, false);
  for (uint64_t i = 0; i < 10; ++i) f.net.send(numbered_packet(i), kA, kB);
  f.net.send(numbered_packet(100), kB, kA);  // the other direction still works
  f.net.run_for(1s);
  EXPECT_TRUE(f.b.received.empty());
  EXPECT_EQ(f.a.received.size(), 1u);
  EXPECT_EQ(f.net.stats().dropped_down, 10u);
  f.net.set_up(kA, kB, true);
  f.net.send(numbered_packet(11), kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 1u);
  EXPECT_EQ(packet_id(f.b.received[0].bytes), 11u);
}

TEST(Network, SetUpBothFailsBothDirectionsAndKeepsTheConfig) {
  Fixture f(1);
  f.net.set_link_both(kA, kB, plain(8ms));
  f.net.set_up_both(kA, kB, false);
  f.net.send(numbered_packet(1), kA, kB);
  f.net.send(numbered_packet(2), kB, kA);
  f.net.run_for(1s);
  EXPECT_EQ(f.net.stats().dropped_down, 2u);
  f.net.set_up_both(kA, kB, true);
  const Instant t = f.net.now();
  f.net.send(numbered_packet(3), kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 1u);
  EXPECT_EQ(f.b.received[0].at, t + 8ms);
}

TEST(Network, MultiHomedHostReceivesOnEachAddress) {
  Fixture f(1);
  f.net.attach(kB2, f.b);
  f.net.set_link(kA, kB2, plain(20ms));
  f.net.send(numbered_packet(1), kA, kB2);
  f.net.send(numbered_packet(2), kA, kB);
  f.net.send(numbered_packet(3), kA, kNobody);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 2u);
  EXPECT_EQ(f.b.received[0].dst, kB);
  EXPECT_EQ(f.b.received[0].at, kT0 + 5ms);
  EXPECT_EQ(f.b.received[1].dst, kB2);
  EXPECT_EQ(f.b.received[1].at, kT0 + 20ms);
  EXPECT_EQ(f.net.stats().dropped_no_host, 1u);
}

TEST(Network, DetachedHostGetsNothingAndAReplacementGetsPacketsInFlight) {
  Fixture f(1);
  f.net.send(numbered_packet(1), kA, kB);
  f.net.send(numbered_packet(2), kA, kB);
  f.net.run_until(kT0 + 1ms);
  f.net.detach(f.b);
  RecordingHost b2("B2");
  f.net.attach(kB, b2);  // a restarted peer at the same address
  f.net.run_for(1s);
  EXPECT_TRUE(f.b.received.empty());
  EXPECT_EQ(b2.received.size(), 2u);
}

Network::Stats run_scenario(uint64_t seed, std::vector<Received>& trace) {
  Network net(seed);
  RecordingHost a("A");
  RecordingHost b("B");
  net.attach(kA, a);
  net.attach(kB, b);
  LinkConfig c = plain(3ms);
  c.jitter = 1ms;
  c.loss = 0.05;
  c.duplicate = 0.02;
  c.reorder = 0.05;
  c.corrupt = 0.01;
  c.bandwidth_bps = 100'000'000;
  net.set_link_both(kA, kB, c);
  b.on_receive = [&](wire::ByteSpan p, const IpAddress& src, const IpAddress& dst, Instant) {
    net.send(p.first(20), dst, src);  // an "ack" for every packet
  };
  for (uint64_t i = 0; i < 5000; ++i) {
    net.send(numbered_packet(i, 100 + i % 1000), kA, kB);
    net.run_for(50us);
  }
  net.run_for(1s);
  trace = b.received;
  trace.insert(trace.end(), a.received.begin(), a.received.end());
  return net.stats();
}

TEST(Network, SameSeedGivesIdenticalTraceAndDifferentSeedDoesNot) {
  std::vector<Received> t1, t2, t3;
  const Network::Stats s1 = run_scenario(1234, t1);
  const Network::Stats s2 = run_scenario(1234, t2);
  run_scenario(1235, t3);
  ASSERT_GT(t1.size(), 9000u);
  EXPECT_EQ(s1.dropped_loss, s2.dropped_loss);
  EXPECT_EQ(s1.corrupted, s2.corrupted);
  EXPECT_TRUE(t1 == t2);
  EXPECT_FALSE(t1 == t3);
}

TEST(Network, HostTimersFireAtTheirTimeInterleavedWithPackets) {
  std::vector<std::string> log;
  Network net(1);
  RecordingHost a("A", &log);
  RecordingHost b("B", &log);
  net.attach(kA, a);
  net.attach(kB, b);
  net.set_link_both(kA, kB, plain(5ms));
  a.deadlines = {kT0 + 3ms, kT0 + 10ms};
  b.deadlines = {kT0 + 5ms};
  net.send(numbered_packet(1), kA, kB);  // B gets it at 5 ms: a tie with B's timer
  net.run_until(kT0 + 4ms);
  net.send(numbered_packet(2), kB, kA);  // A gets it at 9 ms
  net.run_until(kT0 + 20ms);
  const std::vector<std::string> expected = {"A timer@3000", "B pkt@5000", "B timer@5000",
                                             "A pkt@9000", "A timer@10000"};
  EXPECT_EQ(log, expected);
  EXPECT_EQ(a.fired, (std::vector<Instant>{kT0 + 3ms, kT0 + 10ms}));
  EXPECT_EQ(net.now(), kT0 + 20ms);
  EXPECT_EQ(net.stats().timers_fired, 3u);
}

TEST(Network, SimultaneousTimersFireInAttachOrder) {
  std::vector<std::string> log;
  Network net(1);
  RecordingHost a("A", &log);
  RecordingHost b("B", &log);
  net.attach(kB, b);  // B first
  net.attach(kA, a);
  a.deadlines = {kT0 + 1ms};
  b.deadlines = {kT0 + 1ms};
  net.run_for(2ms);
  EXPECT_EQ(log, (std::vector<std::string>{"B timer@1000", "A timer@1000"}));
}

TEST(Network, TimerArmedBetweenRunsIsHonoured) {
  Fixture f(1);
  f.net.run_until(kT0 + 100ms);
  f.a.deadlines.push_back(kT0 + 150ms);
  f.net.run_until(kT0 + 1s);
  EXPECT_EQ(f.a.fired, (std::vector<Instant>{kT0 + 150ms}));
}

TEST(Network, RunUntilPredicateStopsAtTheEventThatSatisfiesIt) {
  Fixture f(1);
  f.net.set_link(kA, kB, plain(7ms));
  f.net.send(numbered_packet(1), kA, kB);
  f.net.send(numbered_packet(2), kA, kB);
  EXPECT_TRUE(f.net.run_until([&] { return !f.b.received.empty(); }, kT0 + 1s));
  EXPECT_EQ(f.net.now(), kT0 + 7ms);
  EXPECT_EQ(f.b.received.size(), 1u);  // the second one, due at the same time, waits
  EXPECT_FALSE(f.net.run_until([&] { return f.b.received.size() > 5; }, kT0 + 2s));
  EXPECT_EQ(f.net.now(), kT0 + 2s);
  EXPECT_EQ(f.b.received.size(), 2u);
}

TEST(Network, PingPongRoundTripIsTwiceTheDelay) {
  Fixture f(1);
  f.net.set_link(kA, kB, plain(4ms));
  f.net.set_link(kB, kA, plain(6ms));
  f.b.on_receive = [&](wire::ByteSpan p, const IpAddress& src, const IpAddress& dst, Instant) {
    f.net.send(p, dst, src);
  };
  f.net.send(numbered_packet(1), kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.a.received.size(), 1u);
  EXPECT_EQ(f.a.received[0].at, kT0 + 10ms);
  EXPECT_EQ(f.a.received[0].bytes, numbered_packet(1));
}

TEST(Network, InterceptorCanRewriteOrDropPackets) {
  Fixture f(1);
  f.net.set_interceptor([](std::vector<std::byte>& p, const IpAddress&, const IpAddress&) {
    if (packet_id(p) == 2) return false;
    p.back() = std::byte{0xee};
    return true;
  });
  for (uint64_t i = 1; i <= 3; ++i) f.net.send(numbered_packet(i), kA, kB);
  f.net.run_for(1s);
  ASSERT_EQ(f.b.received.size(), 2u);
  EXPECT_EQ(f.b.received[0].bytes.back(), std::byte{0xee});
  EXPECT_EQ(packet_id(f.b.received[1].bytes), 3u);
  EXPECT_EQ(f.net.stats().dropped_intercepted, 1u);
}

TEST(Network, PacketBuffersAreReused) {
  Fixture f(3);
  LinkConfig c = plain(1ms);
  c.loss = 0.1;
  c.duplicate = 0.1;
  f.net.set_link(kA, kB, c);
  const auto p = numbered_packet(1, 1200);
  for (int i = 0; i < 100000; ++i) {
    f.net.send(p, kA, kB);
    f.net.run_for(100us);  // ~10 packets in flight at a time
  }
  f.net.run_for(1s);
  EXPECT_EQ(f.net.in_flight(), 0u);
  EXPECT_LE(f.net.buffers_allocated(), 40u);
}

}  // namespace
}  // namespace dpsctp::sim
