// The embedding API's lifecycle and data path on the simulator: bindx/listen/connectx
// (RFC 6458 §9.1, §9.9), sndinfo/rcvinfo (§5.3.4, §5.3.5), SCTP_EVENT gating (§6.2.2),
// SCTP_EOF / SCTP_ABORT / SCTP_SENDALL, PR-SCTP TTL (§5.3.7), SCTP_AUTOCLOSE (§8.1.8).
#include <gtest/gtest.h>

#include <algorithm>

#include "socket_host.h"
#include "wire/packet_view.h"

namespace dpsctp::testing {
namespace {

using namespace std::chrono_literals;

TEST(ApiSocket, ConnectxWithTwoAddressesEstablishesMultihomedAssociation) {
  // RFC 6458 §9.9: sctp_connectx with several peer addresses; RFC 9260 §6.4 multi-homing.
  Pair p;
  const AssocId id = p.connect();
  std::vector<IpAddress> peers = p.a.socket().peer_addresses(id);
  std::sort(peers.begin(), peers.end());
  EXPECT_EQ(peers, (std::vector<IpAddress>{kZ1, kZ2}));
  // Z learnt both of A's addresses from the INIT (RFC 9260 §5.1.2).
  std::vector<IpAddress> z_peers = p.z.socket().peer_addresses(p.z_id());
  std::sort(z_peers.begin(), z_peers.end());
  EXPECT_EQ(z_peers, (std::vector<IpAddress>{kA1, kA2}));
  ASSERT_EQ(p.a.changes.size(), 1u);
  EXPECT_EQ(p.a.changes[0].assoc, id);
  EXPECT_EQ(p.a.changes[0].outbound_streams, 10);
  EXPECT_EQ(p.a.socket().counters().SctpActiveEstabs, 1u);
  EXPECT_EQ(p.z.socket().counters().SctpPassiveEstabs, 1u);
}

TEST(ApiSocket, ConnectxValidatesItsArguments) {
  sim::Network net(1);
  SocketHost a(net, {kA1}, 1);
  Socket unbound(a, a);
  AssocId id;
  const IpAddress z[] = {kZ1};
  EXPECT_EQ(unbound.connectx(z, kPort, net.now(), id), ApiStatus::kNotBound);
  EXPECT_EQ(unbound.listen(true, net.now()), ApiStatus::kNotBound);
  EXPECT_EQ(a.socket().connectx(z, 0, net.now(), id), ApiStatus::kInvalidArgument);
  EXPECT_EQ(a.socket().connectx({}, kPort, net.now(), id), ApiStatus::kInvalidArgument);
  const IpAddress v6[] = {*IpAddress::parse("2001:db8::2")};
  EXPECT_EQ(a.socket().connectx(v6, kPort, net.now(), id), ApiStatus::kInvalidArgument)
      << "no local address of that family";
  EXPECT_EQ(a.socket().connectx(z, kPort, net.now(), id), ApiStatus::kOk);
  AssocId again;
  EXPECT_EQ(a.socket().connectx(z, kPort, net.now(), again), ApiStatus::kAlreadyConnected);
}

TEST(ApiSocket, BindxAddsAndRemovesBeforeActivationOnly) {
  // RFC 6458 §9.1 SCTP_BINDX_ADD_ADDR / _REM_ADDR on one port.
  sim::Network net(1);
  SocketHost h(net, {kA1}, 1);
  Socket& s = h.socket();
  const IpAddress a2[] = {kA2};
  EXPECT_EQ(s.bindx(a2, kPort + 1), ApiStatus::kInvalidArgument) << "one port per socket";
  EXPECT_EQ(s.bindx(a2, kPort), ApiStatus::kOk);
  EXPECT_EQ(s.bindx(a2, kPort), ApiStatus::kInvalidArgument) << "already bound";
  EXPECT_EQ(s.local_addresses(), (std::vector<IpAddress>{kA1, kA2}));
  EXPECT_EQ(s.bindx(a2, kPort, BindxOp::kRemove), ApiStatus::kOk);
  EXPECT_EQ(s.local_addresses(), (std::vector<IpAddress>{kA1}));
  EXPECT_EQ(s.listen(true, net.now()), ApiStatus::kOk);
  EXPECT_EQ(s.bindx(a2, kPort), ApiStatus::kNotSupported) << "ASCONF (RFC 5061) needed";
}

TEST(ApiSocket, MessagesArriveWithRcvInfo) {
  // RFC 6458 §5.3.5: sid, ssn, flags (SCTP_UNORDERED), ppid, tsn, context, assoc_id.
  Pair p;
  const AssocId id = p.connect();
  const AssocId zid = p.z_id();
  ASSERT_EQ(p.z.socket().set(Context{.assoc_id = zid, .value = 0xFEED}), ApiStatus::kOk);
  const auto m1 = bytes(100, 1);
  const auto m2 = bytes(3000, 2);  // fragmented: rcvinfo carries the last fragment's TSN
  const auto m3 = bytes(10, 3);
  ASSERT_EQ(p.a.send(id, m1, SndInfo{.sid = StreamId(3), .ppid = ppid::kDiameter}), ApiStatus::kOk);
  ASSERT_EQ(p.a.send(id, m2, SndInfo{.sid = StreamId(3), .ppid = ppid::kDiameter}), ApiStatus::kOk);
  ASSERT_EQ(
      p.a.send(id, m3,
               SndInfo{.sid = StreamId(1), .flags = sndflag::kUnordered, .ppid = ppid::kNgap}),
      ApiStatus::kOk);
  p.net.run_for(1s);
  ASSERT_EQ(p.z.messages.size(), 3u);
  std::sort(p.z.messages.begin(), p.z.messages.end(),
            [](const Received& x, const Received& y) { return x.info.tsn < y.info.tsn; });
  const RcvInfo& r1 = p.z.messages[0].info;
  const RcvInfo& r2 = p.z.messages[1].info;
  const RcvInfo& r3 = p.z.messages[2].info;
  EXPECT_EQ(p.z.messages[0].data, m1);
  EXPECT_EQ(p.z.messages[1].data, m2);
  EXPECT_EQ(p.z.messages[2].data, m3);
  EXPECT_EQ(r1.sid, StreamId(3));
  EXPECT_EQ(r1.ssn, Ssn(0));
  EXPECT_EQ(r2.ssn, Ssn(1));  // RFC 9260 §6.5: per-stream sequence
  EXPECT_EQ(r1.ppid, ppid::kDiameter);
  EXPECT_EQ(r1.flags, 0);
  EXPECT_EQ(r3.flags, rcvflag::kUnordered);
  EXPECT_EQ(r3.sid, StreamId(1));
  EXPECT_EQ(r3.ppid, ppid::kNgap);
  EXPECT_EQ(r2.tsn.distance_from(r1.tsn), 3u) << "3000 bytes take 3 DATA chunks at MTU 1500";
  for (const Received& m : p.z.messages) {
    EXPECT_EQ(m.info.assoc_id, zid);
    EXPECT_EQ(m.info.context, 0xFEEDu);
  }
}

TEST(ApiSocket, DefaultSndInfoAppliesWhenSendIsGivenNone) {
  // RFC 6458 §8.1.31 SCTP_DEFAULT_SNDINFO, per association over the endpoint default.
  Pair p;
  const AssocId id = p.connect();
  ASSERT_EQ(p.a.socket().set(DefaultSndInfo{.info = {.sid = StreamId(2), .ppid = Ppid(5)}}),
            ApiStatus::kOk);
  ASSERT_EQ(p.a.socket().send(id, bytes(10), p.net.now()), ApiStatus::kOk);
  ASSERT_EQ(p.a.socket().set(DefaultSndInfo{
                .assoc_id = id,
                .info = {.sid = StreamId(4), .flags = sndflag::kUnordered, .ppid = Ppid(9)}}),
            ApiStatus::kOk);
  ASSERT_EQ(p.a.socket().send(id, bytes(10), p.net.now()), ApiStatus::kOk);
  p.net.run_for(1s);
  ASSERT_EQ(p.z.messages.size(), 2u);
  EXPECT_EQ(p.z.messages[0].info.sid, StreamId(2));
  EXPECT_EQ(p.z.messages[0].info.ppid, Ppid(5));
  EXPECT_EQ(p.z.messages[0].info.flags, 0);
  EXPECT_EQ(p.z.messages[1].info.sid, StreamId(4));
  EXPECT_EQ(p.z.messages[1].info.ppid, Ppid(9));
  EXPECT_EQ(p.z.messages[1].info.flags, rcvflag::kUnordered);
}

TEST(ApiSocket, SendReportsErrorsAsStatus) {
  Pair p;
  const AssocId id = p.connect();
  EXPECT_EQ(p.a.send(id, bytes(10), SndInfo{.sid = StreamId(10)}), ApiStatus::kInvalidStream)
      << "RFC 9260 §6.5: 10 outbound streams";
  EXPECT_EQ(p.a.send(id, {}, SndInfo{}), ApiStatus::kEmptyMessage);
  EXPECT_EQ(p.a.send(AssocId(99), bytes(1), SndInfo{}), ApiStatus::kNoSuchAssociation);
  EXPECT_EQ(p.a.send(id, bytes(1), SndInfo{.flags = 0x8000}), ApiStatus::kInvalidArgument);
  EXPECT_EQ(p.a.send(id, bytes(1), SndInfo{.flags = sndflag::kAddrOver}), ApiStatus::kNotSupported);
  EXPECT_EQ(p.a.send(id, bytes(1), SndInfo{}, PrInfo{.policy = PrPolicy::kRtx, .value = 1}),
            ApiStatus::kOk)
      << "RFC 7496 §4 SCTP_PR_SCTP_RTX";
  EXPECT_EQ(p.a.send(id, bytes(2 * 1024 * 1024), SndInfo{}), ApiStatus::kMessageTooLarge);
}

TEST(ApiSocket, SendFailedCarriesTheContext) {
  // RFC 6458 §6.1.11: undelivered messages come back with the sender's context.
  Pair p;
  const AssocId id = p.connect();
  ASSERT_EQ(p.a.subscribe(EventType::kSendFailed), ApiStatus::kOk);
  p.net.set_up_both(kA1, kZ1, false);
  p.net.set_up_both(kA2, kZ2, false);
  p.net.set_up_both(kA1, kZ2, false);
  p.net.set_up_both(kA2, kZ1, false);
  ASSERT_EQ(p.a.send(id, bytes(50), SndInfo{.sid = StreamId(2), .ppid = Ppid(7), .context = 77}),
            ApiStatus::kOk);
  ASSERT_EQ(p.a.send(id, bytes(50), SndInfo{.sid = StreamId(3), .ppid = Ppid(8), .context = 78}),
            ApiStatus::kOk);
  ASSERT_EQ(p.a.socket().abort(id, {}, p.net.now()), ApiStatus::kOk);
  ASSERT_EQ(p.a.send_failed.size(), 2u);
  std::sort(p.a.send_failed.begin(), p.a.send_failed.end(),
            [](const auto& x, const auto& y) { return x.context < y.context; });
  EXPECT_EQ(p.a.send_failed[0].context, 77u);
  EXPECT_EQ(p.a.send_failed[0].stream, StreamId(2));
  EXPECT_EQ(p.a.send_failed[0].ppid, Ppid(7));
  EXPECT_EQ(p.a.send_failed[1].context, 78u);
  EXPECT_EQ(p.a.count(AssocChangeState::kCommLost), 1);
  EXPECT_TRUE(p.a.socket().associations().empty());
}

TEST(ApiSocket, EventMaskSuppressesNotifications) {
  // RFC 6458 §6.2.2: notifications are off until subscribed (SCTP_EVENT), per association
  // over the endpoint's mask; messages are never gated.
  Pair p;
  ASSERT_EQ(p.z.socket().listen(true, p.net.now()), ApiStatus::kOk);
  const IpAddress peers[] = {kZ1};
  AssocId id;
  ASSERT_EQ(p.a.socket().connectx(peers, kPort, p.net.now(), id), ApiStatus::kOk);
  p.net.run_for(1s);
  EXPECT_TRUE(p.a.changes.empty()) << "COMM_UP not subscribed";
  EXPECT_TRUE(p.z.changes.empty());
  ASSERT_EQ(p.a.socket().associations().size(), 1u);

  ASSERT_EQ(p.a.subscribe(EventType::kSenderDry, true, id), ApiStatus::kOk);
  ASSERT_EQ(p.a.send(id, bytes(100), SndInfo{}), ApiStatus::kOk);
  p.net.run_for(1s);
  EXPECT_EQ(p.a.sender_dry, 1) << "RFC 6458 §6.1.9 once all data is acked";
  EXPECT_EQ(p.z.messages.size(), 1u);

  ASSERT_EQ(p.a.subscribe(EventType::kSenderDry, false, id), ApiStatus::kOk);
  ASSERT_EQ(p.a.subscribe(EventType::kSenderDry, true), ApiStatus::kOk)
      << "the endpoint mask does not override the association's own";
  ASSERT_EQ(p.a.send(id, bytes(100), SndInfo{}), ApiStatus::kOk);
  p.net.run_for(1s);
  EXPECT_EQ(p.a.sender_dry, 1);
  EXPECT_EQ(p.z.messages.size(), 2u);

  // Shutdown: Z subscribed to nothing sees no SHUTDOWN_EVENT and no SHUTDOWN_COMP.
  ASSERT_EQ(p.a.subscribe(EventType::kAssocChange, true, id), ApiStatus::kOk);
  ASSERT_EQ(p.a.socket().shutdown(id, p.net.now()), ApiStatus::kOk);
  p.net.run_for(2s);
  EXPECT_EQ(p.a.count(AssocChangeState::kShutdownComp), 1);
  EXPECT_EQ(p.z.shutdown_events, 0);
  EXPECT_TRUE(p.z.changes.empty());
  EXPECT_TRUE(p.z.socket().associations().empty());
}

TEST(ApiSocket, EofFlagShutsDownGracefullyAfterTheMessage) {
  // RFC 6458 §5.3.4 SCTP_EOF -> RFC 9260 §9.2: the message is delivered, then SHUTDOWN.
  Pair p;
  const AssocId id = p.connect();
  ASSERT_EQ(p.z.subscribe(EventType::kShutdown), ApiStatus::kOk);
  const auto last = bytes(5000, 9);
  ASSERT_EQ(p.a.send(id, last, SndInfo{.sid = StreamId(1), .flags = sndflag::kEof}),
            ApiStatus::kOk);
  EXPECT_EQ(p.a.send(id, bytes(1), SndInfo{}), ApiStatus::kInvalidState)
      << "no new data after SHUTDOWN was requested (§9.2)";
  p.net.run_for(5s);
  ASSERT_EQ(p.z.messages.size(), 1u);
  EXPECT_EQ(p.z.messages[0].data, last);
  EXPECT_EQ(p.a.count(AssocChangeState::kShutdownComp), 1);
  EXPECT_EQ(p.z.count(AssocChangeState::kShutdownComp), 1);
  EXPECT_EQ(p.z.shutdown_events, 1);
  EXPECT_EQ(p.a.count(AssocChangeState::kCommLost), 0);
  EXPECT_EQ(p.a.socket().counters().SctpShutdowns, 1u);
  EXPECT_TRUE(p.a.socket().associations().empty());
  EXPECT_TRUE(p.z.socket().associations().empty());
}

TEST(ApiSocket, AbortFlagAbortsWithTheReason) {
  // RFC 6458 §5.3.4 SCTP_ABORT: ABORT with a User-Initiated Abort cause (RFC 9260 §9.1).
  Pair p;
  const AssocId id = p.connect();
  const auto reason = bytes(8, 4);
  ASSERT_EQ(p.a.send(id, reason, SndInfo{.flags = sndflag::kAbort}), ApiStatus::kOk);
  p.net.run_for(1s);
  EXPECT_EQ(p.a.count(AssocChangeState::kCommLost), 1);
  ASSERT_EQ(p.z.count(AssocChangeState::kCommLost), 1);
  EXPECT_EQ(p.z.changes.back().error, 12) << "cause 12: User-Initiated Abort";
  EXPECT_TRUE(p.z.socket().associations().empty());
}

TEST(ApiSocket, SendAllReachesEveryAssociation) {
  // RFC 6458 §5.3.4 SCTP_SENDALL.
  sim::Network net(3);
  SocketHost a(net, {kA1}, 1);
  SocketHost z(net, {kZ1}, 2);
  SocketHost y(net, {kY1}, 3);
  ASSERT_EQ(z.socket().listen(true, net.now()), ApiStatus::kOk);
  ASSERT_EQ(y.socket().listen(true, net.now()), ApiStatus::kOk);
  AssocId to_z;
  AssocId to_y;
  const IpAddress zs[] = {kZ1};
  const IpAddress ys[] = {kY1};
  ASSERT_EQ(a.socket().connectx(zs, kPort, net.now(), to_z), ApiStatus::kOk);
  ASSERT_EQ(a.socket().connectx(ys, kPort, net.now(), to_y), ApiStatus::kOk);
  EXPECT_NE(to_z, to_y);
  net.run_for(1s);
  ASSERT_EQ(a.send(AssocId(0), bytes(20), SndInfo{.flags = sndflag::kSendAll, .ppid = Ppid(3)}),
            ApiStatus::kOk);
  net.run_for(1s);
  ASSERT_EQ(z.messages.size(), 1u);
  ASSERT_EQ(y.messages.size(), 1u);
  EXPECT_EQ(z.messages[0].info.ppid, Ppid(3));
  EXPECT_EQ(y.messages[0].data, bytes(20));
}

TEST(ApiSocket, NotListeningRefusesPassiveAssociations) {
  // Before activation packets are dropped; after listen(false) the handshake completes
  // in the core (no hook to refuse the INIT) and the facade aborts the association.
  Pair p;
  ASSERT_EQ(p.a.subscribe(EventType::kAssocChange), ApiStatus::kOk);
  ASSERT_EQ(p.z.subscribe(EventType::kAssocChange), ApiStatus::kOk);
  const IpAddress peers[] = {kZ1};
  AssocId id;
  ASSERT_EQ(p.a.socket().connectx(peers, kPort, p.net.now(), id), ApiStatus::kOk);
  p.net.run_for(2s);
  EXPECT_GT(p.z.socket().socket_counters().dropped_not_active, 0u);
  EXPECT_TRUE(p.a.changes.empty());
  ASSERT_EQ(p.a.socket().abort(id, {}, p.net.now()), ApiStatus::kOk);
  const int lost_before = p.a.count(AssocChangeState::kCommLost);  // A's own abort

  ASSERT_EQ(p.z.socket().listen(true, p.net.now()), ApiStatus::kOk);
  ASSERT_EQ(p.z.socket().listen(false, p.net.now()), ApiStatus::kOk);
  EXPECT_FALSE(p.z.socket().listening());
  ASSERT_EQ(p.a.socket().connectx(peers, kPort, p.net.now(), id), ApiStatus::kOk);
  p.net.run_for(5s);
  EXPECT_EQ(p.a.count(AssocChangeState::kCommUp), 1);
  EXPECT_EQ(p.a.count(AssocChangeState::kCommLost), lost_before + 1) << "aborted by Z";
  EXPECT_TRUE(p.z.changes.empty()) << "Z's user never sees the refused association";
  EXPECT_TRUE(p.z.messages.empty());
  EXPECT_EQ(p.z.socket().socket_counters().refused_associations, 1u);
  EXPECT_TRUE(p.z.socket().associations().empty());

  // Z's own connectx-ed associations are not refused.
  AssocId zid;
  const IpAddress to_a[] = {kA1};
  ASSERT_EQ(p.a.socket().listen(true, p.net.now()), ApiStatus::kOk);
  ASSERT_EQ(p.z.socket().connectx(to_a, kPort, p.net.now(), zid), ApiStatus::kOk);
  p.net.run_for(2s);
  EXPECT_EQ(p.z.count(AssocChangeState::kCommUp), 1);
  EXPECT_EQ(p.z.socket().associations().size(), 1u);
}

TEST(ApiSocket, PrTtlMessageExpiredBeforeSendingIsNotDelivered) {
  // RFC 6458 §5.3.7 SCTP_PR_SCTP_TTL, RFC 3758 §3.5 A1: a message still unsent when its
  // lifetime ends is abandoned. The core drops it silently: no SEND_FAILED is raised for
  // it (a core gap, see the report), so only its absence at the receiver is checked.
  AssociationOptions o;
  o.nodelay = true;
  Pair p(o);
  p.net.set_default_link({.delay = 50ms});
  const AssocId id = p.connect();
  // Fill the initial congestion window (RFC 9260 §7.2.1: min(4 MTU, max(2 MTU, 4380)))
  // so the next messages wait for a SACK, a round trip (100 ms) away.
  const auto big = bytes(1400, 5);
  for (int i = 0; i < 8; ++i) {
    ASSERT_EQ(p.a.send(id, big, SndInfo{.ppid = Ppid(100)}), ApiStatus::kOk);
  }
  ASSERT_EQ(p.a.send(id, bytes(10), SndInfo{.ppid = Ppid(1)},
                     PrInfo{.policy = PrPolicy::kTtl, .value = 10}),
            ApiStatus::kOk);
  ASSERT_EQ(p.a.send(id, bytes(10), SndInfo{.ppid = Ppid(2)},
                     PrInfo{.policy = PrPolicy::kTtl, .value = 60000}),
            ApiStatus::kOk);
  p.net.run_for(3s);
  std::vector<uint32_t> ppids;
  for (const Received& m : p.z.messages) ppids.push_back(m.info.ppid.value());
  EXPECT_EQ(std::count(ppids.begin(), ppids.end(), 100u), 8);
  EXPECT_EQ(std::count(ppids.begin(), ppids.end(), 1u), 0) << "expired in the send queue";
  EXPECT_EQ(std::count(ppids.begin(), ppids.end(), 2u), 1) << "lifetime long enough";
}

TEST(ApiSocket, AutocloseShutsDownIdleAssociations) {
  // RFC 6458 §8.1.8: idle = no user data sent or received; heartbeats do not count.
  Pair p;
  ASSERT_EQ(p.a.socket().set(AutoClose{.idle = 10s}), ApiStatus::kOk);
  const AssocId id = p.connect();
  const Instant up = p.net.now();
  p.net.run_until(up + 6s);
  ASSERT_EQ(p.a.send(id, bytes(10), SndInfo{}), ApiStatus::kOk);  // activity at +6 s
  p.net.run_until(up + 15s);
  EXPECT_EQ(p.a.socket().associations().size(), 1u) << "idle 9 s < 10 s";
  const bool closed =
      p.net.run_until([&] { return p.a.count(AssocChangeState::kShutdownComp) == 1; }, up + 30s);
  ASSERT_TRUE(closed);
  EXPECT_GE(p.net.now(), up + 16s);
  EXPECT_LT(p.net.now(), up + 17s);
  EXPECT_EQ(p.a.socket().socket_counters().autoclosed, 1u);
  p.net.run_for(1s);
  EXPECT_EQ(p.z.count(AssocChangeState::kShutdownComp), 1) << "graceful (RFC 9260 §9.2)";
  EXPECT_EQ(p.a.socket().next_timeout(), kNever);
}

TEST(ApiSocket, BatchedModeSendsOnFlushOnly) {
  // The DPDK runtime's mode (flush_on_user_call = false): send() queues, flush() once per
  // loop iteration bundles the queued messages into one packet (RFC 9260 §6.10).
  sim::Network net(5);
  SocketHost a(net, {kA1}, 1, {}, /*flush_on_user_call=*/false);
  SocketHost z(net, {kZ1}, 2);
  ASSERT_EQ(z.socket().listen(true, net.now()), ApiStatus::kOk);
  const IpAddress peers[] = {kZ1};
  AssocId id;
  ASSERT_EQ(a.socket().connectx(peers, kPort, net.now(), id), ApiStatus::kOk);
  net.run_for(1s);
  ASSERT_EQ(a.socket().associations().size(), 1u);
  size_t data_packets = 0;
  size_t data_chunks = 0;
  net.set_tap([&](Instant, wire::ByteSpan pkt, const IpAddress& src, const IpAddress&) {
    wire::Result<wire::PacketView> v = wire::PacketView::parse(pkt);
    if (src != kA1 || !v) return;
    size_t n = 0;
    for (const wire::ChunkView& c : v->chunks()) n += c.is(wire::ChunkType::kData) ? 1 : 0;
    data_packets += n > 0 ? 1 : 0;
    data_chunks += n;
  });
  for (uint32_t i = 0; i < 3; ++i) {
    ASSERT_EQ(a.send(id, bytes(100, static_cast<uint8_t>(i)), SndInfo{.ppid = Ppid(i)}),
              ApiStatus::kOk);
  }
  net.run_for(100ms);
  EXPECT_TRUE(z.messages.empty()) << "nothing leaves before flush()";
  a.socket().flush(net.now());
  net.run_for(100ms);
  ASSERT_EQ(z.messages.size(), 3u);
  EXPECT_EQ(data_packets, 1u);
  EXPECT_EQ(data_chunks, 3u);
}

}  // namespace
}  // namespace dpsctp::testing
