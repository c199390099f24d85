// RFC 6525 stream re-configuration end to end through the network simulator: SSN resets
// in the middle of lossy traffic, incoming resets, SSN/TSN reset, adding streams, a lost
// request or response, and a peer without RE-CONFIG. Every message is checked by a
// MessageLedger (exactly once, byte-exact, in order per stream across the reset).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "protocol_harness.h"
#include "wire/chunk_type.h"
#include "wire/common_header.h"

namespace dpsctp::sim {
namespace {

using core::ReconfigStatus;
using testing::kA;
using testing::kPort;
using testing::kZ;
using testing::MessageLedger;
using testing::seed_trace;

struct ResetSeen {
  bool incoming;
  bool outgoing;
  bool denied;
  bool failed;
  std::vector<StreamId> streams;
};

/// One endpoint that also records the RFC 6525 §6.1 events and, per stream, the SSNs of
/// the ordered messages it receives together with how many stream resets it had seen.
class ReconfigPeer final : public Listener {
 public:
  ReconfigPeer(Network& net, const IpAddress& addr, uint64_t seed, AssociationOptions o = {})
      : host_(net, testing::endpoint_config({addr}, seed, o), *this) {}
  EndpointHost& host() { return host_; }
  core::Endpoint& ep() { return host_.endpoint(); }

  void on_message(const ReceivedMessage& m) override {
    if (inbound != nullptr) inbound->on_received(m);
    if (!m.unordered) ssns[m.stream.value()].push_back({m.ssn.value(), resets.size()});
    if (!first_tsn_after_assoc_reset && !assoc_resets.empty()) first_tsn_after_assoc_reset = m.tsn;
  }
  void on_assoc_change(const AssocChange& e) override {
    if (e.state == AssocChangeState::kCommUp) last_up = e.assoc;
    changes.push_back(e);
  }
  void on_send_failed(const SendFailed&) override { ++send_failed; }
  void on_stream_reset(const StreamResetEvent& e) override {
    resets.push_back({e.incoming, e.outgoing, e.denied, e.failed,
                      std::vector<StreamId>(e.streams.begin(), e.streams.end())});
  }
  void on_assoc_reset(const AssocResetEvent& e) override { assoc_resets.push_back(e); }
  void on_stream_change(const StreamChangeEvent& e) override { stream_changes.push_back(e); }

  [[nodiscard]] int count(AssocChangeState s) const {
    return static_cast<int>(std::count_if(changes.begin(), changes.end(),
                                          [&](const AssocChange& c) { return c.state == s; }));
  }

  struct Delivered {
    uint16_t ssn;
    size_t resets_before;  // stream reset events seen when it was delivered
  };
  MessageLedger* inbound = nullptr;
  std::map<uint16_t, std::vector<Delivered>> ssns;
  std::vector<ResetSeen> resets;
  std::vector<AssocResetEvent> assoc_resets;
  std::vector<StreamChangeEvent> stream_changes;
  std::vector<AssocChange> changes;
  std::optional<AssocId> last_up;
  std::optional<Tsn> first_tsn_after_assoc_reset;
  int send_failed = 0;

 private:
  EndpointHost host_;
};

/// testing::Pump for a ReconfigPeer: random ordered messages on `streams` streams, sizes
/// 1..max_size, until `target` were accepted; a refused send is retried next fill().
class RPump {
 public:
  RPump(ReconfigPeer& from, AssocId assoc, MessageLedger& ledger, uint64_t seed, uint64_t target,
        uint16_t streams, uint32_t max_size, uint32_t /*unordered_percent*/)
      : from_(from), assoc_(assoc), ledger_(ledger), rng_(seed), target_(target),
        streams_(streams), max_size_(max_size) {}
  bool fill() {
    while (ledger_.sent() < target_) {
      if (buf_.empty()) {
        stream_ = static_cast<uint16_t>(rng_.below(streams_));
        buf_.resize(1 + rng_.below(max_size_));
        for (size_t i = 0; i < buf_.size(); ++i) buf_[i] = testing::content_byte(ledger_.next_id(), i);
      }
      const core::SendStatus st =
          from_.host().send(assoc_, StreamId(stream_), Ppid(ledger_.next_id()), buf_);
      if (st == core::SendStatus::kBufferFull) return true;
      if (st != core::SendStatus::kOk) return false;
      ledger_.commit(stream_, false, static_cast<uint32_t>(buf_.size()));
      buf_.clear();
    }
    return true;
  }
  [[nodiscard]] bool done() const { return ledger_.sent() >= target_; }

 private:
  ReconfigPeer& from_;
  AssocId assoc_;
  MessageLedger& ledger_;
  core::Random rng_;
  uint64_t target_;
  uint16_t streams_;
  uint32_t max_size_;
  uint16_t stream_ = 0;
  std::vector<std::byte> buf_;
};

AssocId connect(Network& net, ReconfigPeer& a, ReconfigPeer& z) {
  const IpAddress peers[] = {kZ};
  const std::optional<AssocId> id = a.host().connect(peers, kPort);
  EXPECT_TRUE(id.has_value());
  EXPECT_TRUE(net.run_until([&] { return a.last_up && z.last_up; }, net.now() + 2min));
  return id.value_or(AssocId(0));
}

/// The SSNs of the ordered messages on one stream, split at the receiver's reset event:
/// 0, 1, 2 ... before it and 0, 1, 2 ... again after it.
void expect_ssns_restart(const std::vector<ReconfigPeer::Delivered>& log) {
  uint16_t expect = 0;
  size_t epoch = 0;
  size_t before = 0;
  size_t after = 0;
  for (const ReconfigPeer::Delivered& d : log) {
    if (d.resets_before != epoch) {
      epoch = d.resets_before;
      expect = 0;  // RFC 6525 §5.2.2: after the reset the stream starts at SSN 0
    }
    ASSERT_EQ(d.ssn, expect) << "after " << (epoch == 0 ? before : after) << " messages";
    ++expect;
    ++(epoch == 0 ? before : after);
  }
  EXPECT_GT(before, 10u) << "the reset must fall in the middle of the traffic";
  EXPECT_GT(after, 10u);
}

/// Graceful shutdown (RFC 9260 §9.2) from `a`; both sides must report SHUTDOWN_COMP.
void shut_down(Network& net, ReconfigPeer& a, AssocId id, ReconfigPeer& z) {
  a.host().shutdown(id);
  EXPECT_TRUE(net.run_until(
      [&] {
        return a.count(AssocChangeState::kShutdownComp) == 1 &&
               z.count(AssocChangeState::kShutdownComp) == 1;
      },
      net.now() + 5min));
  EXPECT_EQ(a.send_failed + z.send_failed, 0);
}

/// True if the packet carries a chunk of `type` (walks the chunk headers).
bool has_chunk(const std::vector<std::byte>& p, wire::ChunkType type) {
  size_t off = wire::CommonHeader::kSize;
  while (off + 4 <= p.size()) {
    const auto t = static_cast<uint8_t>(p[off]);
    const size_t len = wire::load_u16(p.data() + off + 2);
    if (t == static_cast<uint8_t>(type)) return true;
    if (len < 4) break;
    off += wire::pad4(len);
  }
  return false;
}

TEST(SimReconfig, Rfc6525_5_1_2_5_2_2_OutgoingResetMidTrafficLosesAndDuplicatesNothing) {
  const uint64_t seed = 0x6525a;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  LinkConfig link;
  link.delay = 5ms;
  link.loss = 0.03;
  link.reorder = 0.02;
  link.reorder_delay = 8ms;
  net.set_default_link(link);
  ReconfigPeer a(net, kA, 1);
  ReconfigPeer z(net, kZ, 2);
  MessageLedger a_to_z;
  z.inbound = &a_to_z;
  const AssocId id = connect(net, a, z);

  // Continuous traffic on streams 0-3 (ordered only, so every message has an SSN).
  RPump pump(a, id, a_to_z, seed + 1, 6000, /*streams=*/4, /*max_size=*/3000,
            /*unordered_percent=*/0);
  bool requested = false;
  const bool done = net.run_until(
      [&] {
        EXPECT_TRUE(pump.fill());
        if (!requested && a_to_z.delivered() >= 2000) {
          const StreamId s1[] = {StreamId(1)};
          EXPECT_EQ(a.ep().reset_streams(id, s1, /*outgoing=*/true, /*incoming=*/false, net.now()),
                    ReconfigStatus::kOk);
          requested = true;
        }
        return pump.done() && a_to_z.all_delivered() && !a.resets.empty();
      },
      net.now() + 30min);
  ASSERT_TRUE(done) << a_to_z.delivered() << "/" << a_to_z.sent() << " resets a=" << a.resets.size()
                    << " z=" << z.resets.size() << " pending="
                    << a.ep().association(id)->reconfig_pending() << " queued="
                    << a.ep().association(id)->status().queued_bytes << " unacked="
                    << a.ep().association(id)->status().unacked_chunks << " inprogress="
                    << z.ep().counters().DpsctpReconfigResponsesInProgress << " sent="
                    << a.ep().counters().DpsctpReconfigRequestsSent << " rtx="
                    << a.ep().counters().DpsctpReconfigRetransmissions << " failed=" << a.send_failed
                    << " err=" << (a_to_z.errors().empty() ? "" : a_to_z.errors()[0]);
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(a_to_z.delivered(), 6000u);
  EXPECT_GT(net.stats().dropped_loss, 100u);

  // RFC 6525 §6.1.1: the sender learns its outgoing stream 1 was reset, the receiver
  // that its incoming stream 1 was; nothing denied, nothing else reset.
  ASSERT_EQ(a.resets.size(), 1u);
  EXPECT_TRUE(a.resets[0].outgoing);
  EXPECT_FALSE(a.resets[0].denied || a.resets[0].failed);
  EXPECT_EQ(a.resets[0].streams, std::vector<StreamId>{StreamId(1)});
  ASSERT_EQ(z.resets.size(), 1u);
  EXPECT_TRUE(z.resets[0].incoming);
  EXPECT_EQ(z.resets[0].streams, std::vector<StreamId>{StreamId(1)});
  expect_ssns_restart(z.ssns[1]);
  // The other streams kept counting.
  for (const uint16_t s : {uint16_t{0}, uint16_t{2}, uint16_t{3}}) {
    const auto& log = z.ssns[s];
    for (size_t i = 0; i < log.size(); ++i) ASSERT_EQ(log[i].ssn, i) << "stream " << s;
  }
  // §5.2.2: with data in flight the receiver deferred the reset ("In progress").
  EXPECT_GE(z.ep().counters().DpsctpReconfigResponsesInProgress, 1u);
  EXPECT_EQ(a.ep().counters().DpsctpReconfigRequestsSent, 1u);
  EXPECT_EQ(z.ep().counters().DpsctpReconfigResponsesError, 0u);
  EXPECT_EQ(a.send_failed, 0);
}

TEST(SimReconfig, Rfc6525_5_1_3_5_2_3_IncomingResetMakesThePeerResetItsOutgoingStream) {
  const uint64_t seed = 0x6525b;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  LinkConfig link;
  link.delay = 3ms;  // lossless: a lost request waits an RTO (tested below); keep it short
  net.set_default_link(link);
  ReconfigPeer a(net, kA, 1);
  ReconfigPeer z(net, kZ, 2);
  MessageLedger z_to_a;
  a.inbound = &z_to_a;
  const AssocId id = connect(net, a, z);
  RPump pump(z, *z.last_up, z_to_a, seed + 1, 3000, 4, 2000, 0);
  bool requested = false;
  const bool done = net.run_until(
      [&] {
        EXPECT_TRUE(pump.fill());
        if (!requested && z_to_a.delivered() >= 1000) {
          const StreamId s2[] = {StreamId(2)};
          // a asks z to reset z's outgoing stream 2 (a's incoming stream 2).
          EXPECT_EQ(a.ep().reset_streams(id, s2, false, true, net.now()), ReconfigStatus::kOk);
          requested = true;
        }
        return pump.done() && z_to_a.all_delivered() && !z.resets.empty() && !a.resets.empty();
      },
      net.now() + 30min);
  ASSERT_TRUE(done) << z_to_a.delivered() << "/" << z_to_a.sent();
  EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
  // §5.2.3: z answered with its own Outgoing SSN Reset Request, performed by a (§5.2.2).
  ASSERT_EQ(z.resets.size(), 1u);
  EXPECT_TRUE(z.resets[0].outgoing);
  EXPECT_FALSE(z.resets[0].denied || z.resets[0].failed);
  ASSERT_EQ(a.resets.size(), 1u);
  EXPECT_TRUE(a.resets[0].incoming);
  EXPECT_EQ(a.resets[0].streams, std::vector<StreamId>{StreamId(2)});
  expect_ssns_restart(a.ssns[2]);
  EXPECT_FALSE(a.ep().association(id)->reconfig_pending());  // the request completed
}

TEST(SimReconfig, Rfc6525_5_1_4_5_2_4_SsnTsnResetRestartsTsnsAndSsnsBothWays) {
  const uint64_t seed = 0x6525c;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  ReconfigPeer a(net, kA, 1);
  ReconfigPeer z(net, kZ, 2);
  MessageLedger a_to_z;
  MessageLedger z_to_a;
  z.inbound = &a_to_z;
  a.inbound = &z_to_a;
  const AssocId id = connect(net, a, z);
  const AssocId zid = *z.last_up;
  RPump pa(a, id, a_to_z, seed + 1, 500, 3, 1500, 0);
  RPump pz(z, zid, z_to_a, seed + 2, 500, 3, 1500, 0);
  ASSERT_TRUE(net.run_until(
      [&] {
        EXPECT_TRUE(pa.fill() && pz.fill());
        return pa.done() && pz.done() && a_to_z.all_delivered() && z_to_a.all_delivered();
      },
      net.now() + 10min));
  net.run_for(1s);  // SACKs in: nothing outstanding either way
  ASSERT_EQ(a.ep().reset_association(id, net.now()), ReconfigStatus::kOk);
  EXPECT_EQ(a.ep().reset_association(id, net.now()), ReconfigStatus::kBusy);  // §5.1.1
  ASSERT_TRUE(net.run_until([&] { return !a.assoc_resets.empty() && !z.assoc_resets.empty(); },
                            net.now() + 1min));
  const AssocResetEvent& ea = a.assoc_resets[0];
  const AssocResetEvent& ez = z.assoc_resets[0];
  EXPECT_FALSE(ea.denied || ea.failed);
  // §4.4: each side's new sending TSN is what the other now expects.
  EXPECT_EQ(ea.local_tsn, ez.remote_tsn);
  EXPECT_EQ(ea.remote_tsn, ez.local_tsn);
  // Traffic after the reset: every stream starts again at SSN 0, TSNs at the new values.
  const size_t a_before = a.ssns[0].size();
  const size_t z_before = z.ssns[0].size();
  RPump pa2(a, id, a_to_z, seed + 3, 1000, 3, 1500, 0);
  RPump pz2(z, zid, z_to_a, seed + 4, 1000, 3, 1500, 0);
  ASSERT_TRUE(net.run_until(
      [&] {
        EXPECT_TRUE(pa2.fill() && pz2.fill());
        return pa2.done() && pz2.done() && a_to_z.all_delivered() && z_to_a.all_delivered();
      },
      net.now() + 10min));
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
  ASSERT_GT(z.ssns[0].size(), z_before);
  ASSERT_GT(a.ssns[0].size(), a_before);
  EXPECT_EQ(z.ssns[0][z_before].ssn, 0);
  EXPECT_EQ(a.ssns[0][a_before].ssn, 0);
  ASSERT_TRUE(z.first_tsn_after_assoc_reset.has_value());
  ASSERT_TRUE(a.first_tsn_after_assoc_reset.has_value());
  // The first message after the reset may be fragmented: its last TSN is at or after
  // the announced start.
  EXPECT_GE(*z.first_tsn_after_assoc_reset, ez.remote_tsn);
  EXPECT_LT(z.first_tsn_after_assoc_reset->distance_from(ez.remote_tsn), 8u);
  EXPECT_GE(*a.first_tsn_after_assoc_reset, ea.remote_tsn);
  EXPECT_LT(a.first_tsn_after_assoc_reset->distance_from(ea.remote_tsn), 8u);
  shut_down(net, a, id, z);
}

TEST(SimReconfig, Rfc6525_5_1_5_5_1_6_AddStreamsThenSendOnThem) {
  const uint64_t seed = 0x6525d;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  ReconfigPeer a(net, kA, 1);
  ReconfigPeer z(net, kZ, 2);
  MessageLedger a_to_z;
  MessageLedger z_to_a;
  z.inbound = &a_to_z;
  a.inbound = &z_to_a;
  const AssocId id = connect(net, a, z);
  const AssocId zid = *z.last_up;
  const uint16_t out0 = a.ep().association(id)->status().outbound_streams;  // 10
  const uint16_t in0 = a.ep().association(id)->status().inbound_streams;    // 10
  const std::vector<std::byte> msg(100, std::byte{0x5a});
  auto send = [&](ReconfigPeer& p, AssocId as, MessageLedger& l, uint16_t stream) {
    std::vector<std::byte> m(100);
    for (size_t i = 0; i < m.size(); ++i) m[i] = testing::content_byte(l.next_id(), i);
    const core::SendStatus st = p.host().send(as, StreamId(stream), Ppid(l.next_id()), m);
    if (st == core::SendStatus::kOk) l.commit(stream, false, 100);
    return st;
  };
  EXPECT_EQ(send(a, id, a_to_z, out0), core::SendStatus::kInvalidStream);

  // §5.1.5: a adds 2 outgoing streams; §5.1.6: and asks z for 3 more of z's.
  ASSERT_EQ(a.ep().add_streams(id, 2, 3, net.now()), ReconfigStatus::kOk);
  ASSERT_TRUE(net.run_until(
      [&] { return a.stream_changes.size() >= 2 && z.stream_changes.size() >= 2; },
      net.now() + 1min));
  const StreamChangeEvent& last_a = a.stream_changes.back();
  EXPECT_FALSE(last_a.denied || last_a.failed);
  EXPECT_EQ(last_a.outbound_streams, out0 + 2);
  EXPECT_EQ(last_a.inbound_streams, in0 + 3);
  const StreamChangeEvent& last_z = z.stream_changes.back();
  EXPECT_EQ(last_z.inbound_streams, out0 + 2);
  EXPECT_EQ(last_z.outbound_streams, in0 + 3);
  EXPECT_EQ(a.ep().association(id)->status().outbound_streams, out0 + 2);
  EXPECT_EQ(z.ep().association(zid)->status().outbound_streams, in0 + 3);

  // The new streams carry data both ways.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(send(a, id, a_to_z, static_cast<uint16_t>(out0 + 1)), core::SendStatus::kOk);
    EXPECT_EQ(send(z, zid, z_to_a, static_cast<uint16_t>(in0 + 2)), core::SendStatus::kOk);
  }
  EXPECT_EQ(send(a, id, a_to_z, static_cast<uint16_t>(out0 + 2)), core::SendStatus::kInvalidStream);
  ASSERT_TRUE(net.run_until([&] { return a_to_z.all_delivered() && z_to_a.all_delivered(); },
                            net.now() + 1min));
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  EXPECT_EQ(z_to_a.errors(), std::vector<std::string>{});
  EXPECT_EQ(z.ssns[static_cast<uint16_t>(out0 + 1)].size(), 5u);
  EXPECT_EQ(a.ssns[static_cast<uint16_t>(in0 + 2)].size(), 5u);
  EXPECT_EQ(a.ep().counters().DpsctpInvalidStreams + z.ep().counters().DpsctpInvalidStreams, 0u);
  shut_down(net, a, id, z);
}

TEST(SimReconfig, Rfc6525_5_1_1_5_2_1_LostRequestAndLostResponseAreRetransmitted) {
  const uint64_t seed = 0x6525e;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  ReconfigPeer a(net, kA, 1);
  ReconfigPeer z(net, kZ, 2);
  MessageLedger a_to_z;
  z.inbound = &a_to_z;
  const AssocId id = connect(net, a, z);
  // Drop the first RE-CONFIG a sends (the request) and the first z sends (its answer).
  int dropped_a = 0;
  int dropped_z = 0;
  net.set_interceptor([&](std::vector<std::byte>& p, const IpAddress& src, const IpAddress&) {
    if (!has_chunk(p, wire::ChunkType::kReconfig)) return true;
    int& n = src == kA ? dropped_a : dropped_z;
    return n++ > 0;
  });
  RPump pump(a, id, a_to_z, seed + 1, 400, 2, 1000, 0);
  ASSERT_TRUE(net.run_until([&] { return pump.fill() && pump.done(); }, net.now() + 1min));
  const Instant asked = net.now();
  const StreamId s0[] = {StreamId(0)};
  ASSERT_EQ(a.ep().reset_streams(id, s0, true, false, net.now()), ReconfigStatus::kOk);
  ASSERT_TRUE(net.run_until([&] { return !a.resets.empty() && a_to_z.all_delivered(); },
                            net.now() + 2min));
  EXPECT_GE(dropped_a, 2);  // the request went out again after the loss ...
  EXPECT_GE(dropped_z, 2);  // ... and its lost answer was repeated (§5.2.1)
  EXPECT_GE(a.ep().counters().DpsctpReconfigRetransmissions, 2u);
  EXPECT_GE(net.now() - asked, 1s);  // §5.1.1: at RTO (RTO.Initial 1 s here), not at once
  // §5.2.1: the retransmission was answered again, but the reset performed once.
  ASSERT_EQ(z.resets.size(), 1u);
  ASSERT_EQ(a.resets.size(), 1u);
  EXPECT_FALSE(a.resets[0].denied || a.resets[0].failed);
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
  // After the reset, stream 0 starts again at SSN 0.
  const size_t before = z.ssns[0].size();
  RPump more(a, id, a_to_z, seed + 2, 450, 1, 500, 0);
  ASSERT_TRUE(net.run_until([&] { return more.fill() && more.done() && a_to_z.all_delivered(); },
                            net.now() + 1min));
  ASSERT_GT(z.ssns[0].size(), before);
  EXPECT_EQ(z.ssns[0][before].ssn, 0);
  EXPECT_EQ(a_to_z.errors(), std::vector<std::string>{});
}

TEST(SimReconfig, Rfc6525_4_PeerWithoutReconfigRefusedLocally) {
  const uint64_t seed = 0x6525f;
  SCOPED_TRACE(seed_trace(seed));
  Network net(seed);
  AssociationOptions off;
  off.reconfig_enable = false;
  ReconfigPeer a(net, kA, 1);
  ReconfigPeer z(net, kZ, 2, off);
  const AssocId id = connect(net, a, z);
  const StreamId s0[] = {StreamId(0)};
  // z did not list RE-CONFIG (0x82) in Supported Extensions: nothing is sent, a clear
  // status comes back at once.
  EXPECT_EQ(a.ep().reset_streams(id, s0, true, false, net.now()), ReconfigStatus::kNotSupported);
  EXPECT_EQ(a.ep().reset_association(id, net.now()), ReconfigStatus::kNotSupported);
  EXPECT_EQ(a.ep().add_streams(id, 1, 0, net.now()), ReconfigStatus::kNotSupported);
  EXPECT_EQ(core::to_string(ReconfigStatus::kNotSupported),
            "peer does not support RE-CONFIG (RFC 6525)");
  // And z, with the option off, refuses its own calls.
  EXPECT_EQ(z.ep().add_streams(*z.last_up, 1, 0, net.now()), ReconfigStatus::kDisabled);
  net.run_for(5s);
  EXPECT_EQ(a.ep().counters().DpsctpReconfigRequestsSent, 0u);
  EXPECT_EQ(z.ep().counters().DpsctpReconfigRequestsReceived, 0u);
  EXPECT_FALSE(a.ep().association(id)->reconfig_pending());
  // Argument checks come after support: with a capable peer they are reported as such.
  ReconfigPeer b(net, IpAddress::v4(10, 0, 0, 3), 3);
  const IpAddress to_b[] = {IpAddress::v4(10, 0, 0, 3)};
  const std::optional<AssocId> ab = a.host().connect(to_b, kPort);
  ASSERT_TRUE(ab.has_value());
  ASSERT_TRUE(net.run_until([&] { return b.last_up.has_value(); }, net.now() + 1min));
  net.run_for(100ms);
  const StreamId bad[] = {StreamId(10)};
  EXPECT_EQ(a.ep().reset_streams(*ab, bad, true, false, net.now()), ReconfigStatus::kInvalidStream);
  EXPECT_EQ(a.ep().add_streams(*ab, 0, 0, net.now()), ReconfigStatus::kInvalidArgument);
  EXPECT_EQ(a.ep().add_streams(*ab, 65535, 0, net.now()), ReconfigStatus::kInvalidArgument);
  EXPECT_EQ(a.ep().reset_streams(*ab, s0, false, false, net.now()),
            ReconfigStatus::kInvalidArgument);
}

}  // namespace
}  // namespace dpsctp::sim
