// PR-SCTP through the network simulator: RFC 3758 §3.5 timed reliability and RFC 7496 §3.1
// limited retransmissions on a lossy link, end to end. Every message sent is accounted for:
// delivered (at most once, byte-exact, ordered messages of a stream in order, abandoned
// ones skipped by the receiver, §3.6) and/or handed back as send-failed exactly once
// (RFC 6458 §6.1.4), and the PR-SCTP counters match those reports. Without
// Forward-TSN-Supported on both sides (§3.3.1) no FORWARD TSN is sent and everything that
// was sent is delivered.
//
// "Delivered and reported" is legal for SCTP_DATA_SENT only: RFC 6458 §6.1.4 says such
// data "was put on the wire" and may or may not have reached the peer (a message received
// whose SACK came back after its lifetime ended). A message reported as never sent must
// never be delivered.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "protocol_harness.h"
#include "wire/chunk/data_chunk.h"
#include "wire/packet_view.h"

namespace dpsctp::sim {
namespace {

using testing::content_byte;
using testing::endpoint_config;
using testing::kA;
using testing::kPort;
using testing::kZ;
using testing::seed_trace;

constexpr uint16_t kOrderedStreams = 4;
constexpr uint16_t kUnorderedStream = kOrderedStreams;  // the last stream carries U messages

/// One endpoint and every event its Listener saw, per message id (= PPID = context).
struct Side final : Listener {
  Side(Network& net, const IpAddress& addr, uint64_t seed, const AssociationOptions& o) {
    host.emplace(net, endpoint_config({addr}, seed, o), *this);
  }
  void on_message(const ReceivedMessage& m) override {
    received.push_back(m.ppid.value());
    check(m);
  }
  void on_assoc_change(const AssocChange& e) override {
    if (e.state == AssocChangeState::kCommUp) up = e.assoc;
    if (e.state == AssocChangeState::kShutdownComp) ++shutdown_complete;
  }
  void on_send_failed(const SendFailed& e) override {
    failed.push_back({e.context, e.was_sent});
    if (e.context >= sizes.size() || e.data.size() != sizes[e.context]) {
      errors.push_back("send-failed " + std::to_string(e.context) + ": wrong data size");
      return;
    }
    for (size_t i = 0; i < e.data.size(); ++i) {
      if (e.data[i] != content_byte(e.context, i)) {
        errors.push_back("send-failed " + std::to_string(e.context) + ": data corrupt");
        return;
      }
    }
  }
  void check(const ReceivedMessage& m) {
    const uint32_t id = m.ppid.value();
    if (peer == nullptr || id >= peer->sizes.size()) return errors.push_back("unknown id");
    if (m.data.size() != peer->sizes[id]) return errors.push_back("size " + std::to_string(id));
    for (size_t i = 0; i < m.data.size(); ++i) {
      if (m.data[i] != content_byte(id, i))
        return errors.push_back("corrupt " + std::to_string(id));
    }
    const uint16_t s = m.stream.value();
    if (m.unordered != (s == kUnorderedStream))
      return errors.push_back("U bit " + std::to_string(id));
    if (!m.unordered) {
      // §6.6 with §3.6 skipping: ids grow with the send order, so per stream the ids
      // delivered must strictly increase (gaps are the abandoned messages).
      auto [it, fresh] = last_ordered.try_emplace(s, id);
      if (!fresh && id <= it->second) return errors.push_back("out of order " + std::to_string(id));
      it->second = id;
    }
  }

  std::optional<EndpointHost> host;
  std::optional<AssocId> up;
  int shutdown_complete = 0;
  std::vector<uint32_t> sizes;     // sender: size of message id
  const Side* peer = nullptr;      // receiver: the sender (for sizes)
  std::vector<uint32_t> received;  // receiver: ids in delivery order
  struct Failed {
    uint32_t id;
    bool was_sent;
  };
  std::vector<Failed> failed;  // sender
  std::map<uint16_t, uint32_t> last_ordered;
  std::vector<std::string> errors;
};

struct Result {
  uint64_t delivered = 0, failed_sent = 0, failed_unsent = 0, both = 0;
  uint64_t delivered_after_skip = 0;  // ordered messages delivered past an undelivered one
  uint64_t forward_tsn_on_wire = 0;
  uint64_t max_transmissions = 0;  // of any one DATA TSN, counted as sent by A
};

struct Scenario {
  uint64_t seed = 1;
  uint32_t messages = 1500;
  Duration interval = 5ms;   // between two send() calls
  uint32_t max_size = 2000;  // bytes; larger than one DATA chunk: some are fragmented
  double loss = 0.2;
  core::SendOptions options;
  bool peer_prsctp = true;
};

/// A latency-sensitive configuration, as PR-SCTP users run it: RTO bounds well below the
/// 1 s RTO.Min default (so a lost retransmission does not stall for a second), SACKs soon
/// after each packet, no Nagle delay.
AssociationOptions low_latency() {
  AssociationOptions o;
  o.rto_initial = 300ms;
  o.rto_min = 100ms;
  o.sack_timeout = 20ms;
  o.nodelay = true;
  return o;
}

/// Connects A to Z, puts `s.loss` on both directions, sends `s.messages` messages (one per
/// `s.interval`, 1..max_size bytes, streams 0-3 ordered, stream 4 unordered) with `s.options`,
/// runs until A has nothing outstanding, shuts down gracefully, and checks the accounting.
Result run(const Scenario& s) {
  SCOPED_TRACE(seed_trace(s.seed));
  Network net(s.seed);
  AssociationOptions za = low_latency();
  za.prsctp_enable = s.peer_prsctp;
  Side a(net, kA, s.seed * 2 + 1, low_latency());
  Side z(net, kZ, s.seed * 2 + 2, za);
  z.peer = &a;
  Result r;
  std::map<uint32_t, uint64_t> tx_count;  // TSN -> DATA transmissions by A
  net.set_interceptor([&](std::vector<std::byte>& p, const IpAddress& src, const IpAddress&) {
    auto v = wire::PacketView::parse(p);
    if (!v || src != kA) return true;
    bool data_seen = false;
    for (const wire::ChunkView& c : v->chunks()) {
      if (c.is(wire::ChunkType::kForwardTsn)) {
        ++r.forward_tsn_on_wire;
        // RFC 3758 §3.5 C3: bundled ahead of DATA in the packet.
        EXPECT_FALSE(data_seen) << "FORWARD TSN after DATA";
      } else if (c.is(wire::ChunkType::kData)) {
        data_seen = true;
        if (auto d = wire::DataChunk::parse(c)) {
          r.max_transmissions = std::max(r.max_transmissions, ++tx_count[d->tsn.value()]);
        }
      }
    }
    return true;
  });
  const IpAddress peers[] = {kZ};
  const std::optional<AssocId> id = a.host->connect(peers, kPort);
  EXPECT_TRUE(id.has_value());
  EXPECT_TRUE(net.run_until([&] { return a.up && z.up; }, net.now() + 10s));
  LinkConfig lossy;
  lossy.loss = s.loss;
  net.set_link_both(kA, kZ, lossy);

  core::Random rng(s.seed);
  for (uint32_t i = 0; i < s.messages; ++i) {
    const auto stream = static_cast<uint16_t>(rng.below(kOrderedStreams + 1));
    const uint32_t size = 1 + rng.below(s.max_size);
    std::vector<std::byte> buf(size);
    const auto msg_id = static_cast<uint32_t>(a.sizes.size());
    for (size_t k = 0; k < size; ++k) buf[k] = content_byte(msg_id, k);
    core::SendOptions o = s.options;
    o.unordered = stream == kUnorderedStream;
    o.context = msg_id;
    if (a.host->send(*id, StreamId(stream), Ppid(msg_id), buf, o) == core::SendStatus::kOk) {
      a.sizes.push_back(size);
    }
    net.run_for(s.interval);
  }
  const core::Association* assoc = a.host->endpoint().association(*id);
  EXPECT_TRUE(net.run_until(
      [&] { return assoc->status().unacked_chunks == 0 && assoc->status().queued_bytes == 0; },
      net.now() + 10min))
      << "A still has data outstanding";
  net.set_link_both(kA, kZ, LinkConfig{});
  a.host->shutdown(*id);
  EXPECT_TRUE(net.run_until([&] { return a.shutdown_complete == 1 && z.shutdown_complete == 1; },
                            net.now() + 1min));

  for (const std::string& e : a.errors) ADD_FAILURE() << "A: " << e;
  for (const std::string& e : z.errors) ADD_FAILURE() << "Z: " << e;
  const size_t n = a.sizes.size();
  std::vector<int> delivered(n, 0), failed(n, 0), failed_unsent(n, 0);
  for (uint32_t m : z.received) ++delivered[m];
  for (const Side::Failed& f : a.failed) {
    ++failed[f.id];
    if (!f.was_sent) ++failed_unsent[f.id];
  }
  std::map<uint16_t, bool> gap_on_stream;  // an ordered message of the stream was skipped
  rng = core::Random(s.seed);
  for (uint32_t m = 0; m < n; ++m) {
    EXPECT_LE(delivered[m], 1) << "message " << m << " delivered twice";
    EXPECT_LE(failed[m], 1) << "message " << m << " reported twice";
    EXPECT_GE(delivered[m] + failed[m], 1) << "message " << m << " neither delivered nor reported";
    if (failed_unsent[m] != 0) {
      EXPECT_EQ(delivered[m], 0) << "unsent message " << m << " delivered";
    }
    r.delivered += delivered[m] != 0 ? 1 : 0;
    r.failed_sent += failed[m] - failed_unsent[m];
    r.failed_unsent += failed_unsent[m];
    r.both += delivered[m] != 0 && failed[m] != 0 ? 1 : 0;
  }
  // Stream of message m: redraw the same sequence.
  for (uint32_t m = 0; m < s.messages; ++m) {
    const auto stream = static_cast<uint16_t>(rng.below(kOrderedStreams + 1));
    (void)rng.below(s.max_size);
    if (m >= n || stream == kUnorderedStream) continue;
    if (delivered[m] == 0) {
      gap_on_stream[stream] = true;
    } else if (gap_on_stream[stream]) {
      ++r.delivered_after_skip;
    }
  }
  // (d) The counters and the reports agree.
  const SnmpCounters& ca = a.host->endpoint().counters();
  const SnmpCounters& cz = z.host->endpoint().counters();
  EXPECT_EQ(ca.DpsctpAbandonedSent, r.failed_sent);
  EXPECT_EQ(ca.DpsctpAbandonedUnsent, r.failed_unsent);
  EXPECT_EQ(ca.DpsctpForwardTsnSent, r.forward_tsn_on_wire);
  EXPECT_LE(cz.DpsctpForwardTsnReceived, ca.DpsctpForwardTsnSent);
  if (ca.DpsctpForwardTsnSent > 0) {
    EXPECT_GT(cz.DpsctpForwardTsnReceived, 0u);
  }
  std::cout << "sent " << n << ", delivered " << r.delivered << ", abandoned sent " << r.failed_sent
            << ", abandoned unsent " << r.failed_unsent << ", delivered and reported " << r.both
            << ", FORWARD TSN " << r.forward_tsn_on_wire << ", delivered after a skip "
            << r.delivered_after_skip << ", most transmissions of a TSN " << r.max_transmissions
            << "\n";
  return r;
}

TEST(SimPrsctp, Rfc3758_3_5_TimedReliability50msLifetimeOn20PercentLoss) {
  Scenario s;
  s.seed = 3758;
  s.options.lifetime = 50ms;
  const Result r = run(s);
  EXPECT_GT(r.failed_sent, 0u) << "no message was abandoned in flight";
  EXPECT_GT(r.delivered, 1200u);  // "the rest delivered": most of the 1500
  EXPECT_GT(r.forward_tsn_on_wire, 0u);
  // §3.6: the receiver skips the abandoned SSNs, so later messages of the stream arrive.
  EXPECT_GT(r.delivered_after_skip, 0u);
}

TEST(SimPrsctp, Rfc7496_3_1_RetransmitLimitZeroSendsEachChunkOnce) {
  Scenario s;
  s.seed = 7496;
  s.messages = 800;
  s.options.max_retransmits = 0;
  const Result r = run(s);
  EXPECT_EQ(r.max_transmissions, 1u);
  EXPECT_GT(r.failed_sent, 0u);
  EXPECT_EQ(r.failed_unsent, 0u);  // no lifetime: nothing expires unsent
  EXPECT_GT(r.delivered_after_skip, 0u);
}

TEST(SimPrsctp, Rfc7496_3_1_RetransmitLimitOneAllowsOneRetransmission) {
  Scenario s;
  s.seed = 7497;
  s.messages = 800;
  s.options.max_retransmits = 1;
  const Result r = run(s);
  EXPECT_LE(r.max_transmissions, 2u);
  EXPECT_EQ(r.max_transmissions, 2u) << "20 % loss and no retransmission at all?";
  EXPECT_GT(r.failed_sent, 0u);
  EXPECT_GT(r.delivered, r.failed_sent);
}

TEST(SimPrsctp, Rfc3758_3_3_1_WithoutPeerSupportSentMessagesStayReliable) {
  Scenario s;
  s.seed = 3759;
  s.messages = 800;
  s.options.lifetime = 50ms;
  s.options.max_retransmits = 0;
  s.peer_prsctp = false;
  const Result r = run(s);
  EXPECT_EQ(r.forward_tsn_on_wire, 0u);
  EXPECT_EQ(r.failed_sent, 0u);  // what went on the wire is delivered
  EXPECT_EQ(r.both, 0u);
  EXPECT_GT(r.max_transmissions, 1u);  // retransmitted despite max_retransmits = 0
}

}  // namespace
}  // namespace dpsctp::sim
