// RFC 6458 §8 socket options through the embedding API: get/set round trips, Linux-like
// validation, the statuses for options the core keeps endpoint-wide, and the read-only
// SCTP_STATUS / SCTP_GET_PEER_ADDR_INFO after traffic.
#include <gtest/gtest.h>

#include <algorithm>

#include "socket_host.h"
#include "wire/packet_view.h"

namespace dpsctp::testing {
namespace {

using namespace std::chrono_literals;

TEST(ApiSockopt, RtoInfoRoundTripAndValidation) {
  // RFC 6458 §8.1.1; zero = unchanged; Linux rejects min > max and the hard bounds.
  Pair p;
  Socket& s = p.a.socket();
  ASSERT_EQ(s.set(RtoInfo{.initial = 2s, .max = 30s, .min = 500ms}), ApiStatus::kOk);
  RtoInfo r;
  ASSERT_EQ(s.get(r), ApiStatus::kOk);
  EXPECT_EQ(r.initial, 2s);
  EXPECT_EQ(r.max, 30s);
  EXPECT_EQ(r.min, 500ms);
  ASSERT_EQ(s.set(RtoInfo{.max = 40s}), ApiStatus::kOk);
  ASSERT_EQ(s.get(r), ApiStatus::kOk);
  EXPECT_EQ(r.initial, 2s) << "unchanged";
  EXPECT_EQ(r.max, 40s);
  EXPECT_EQ(s.set(RtoInfo{.initial = 3s, .max = 4s, .min = 5s}), ApiStatus::kInvalidArgument);
  EXPECT_EQ(s.set(RtoInfo{.min = 100ms}), ApiStatus::kInvalidArgument) << "below 200 ms";
  EXPECT_EQ(s.set(RtoInfo{.max = 48h}), ApiStatus::kInvalidArgument) << "above 24 h";
  EXPECT_EQ(s.set(RtoInfo{.initial = 50s}), ApiStatus::kInvalidArgument) << "above RTO.Max";
  EXPECT_EQ(s.set(RtoInfo{.initial = -1s}), ApiStatus::kInvalidArgument);
  ASSERT_EQ(s.get(r), ApiStatus::kOk);
  EXPECT_EQ(r.min, 500ms) << "rejected sets change nothing";

  const AssocId id = p.connect();
  EXPECT_EQ(s.set(RtoInfo{.max = 20s}), ApiStatus::kEndpointActive);
  EXPECT_EQ(s.set(RtoInfo{.assoc_id = id, .max = 20s}), ApiStatus::kNotForLiveAssociation);
  EXPECT_EQ(s.set(RtoInfo{.assoc_id = AssocId(99)}), ApiStatus::kNoSuchAssociation);
  RtoInfo ra{.assoc_id = id};
  ASSERT_EQ(s.get(ra), ApiStatus::kOk);
  EXPECT_EQ(ra.initial, 2s);
  EXPECT_EQ(ra.max, 40s);
  // The association really runs with these bounds: its RTO is RTO.Initial before any
  // measurement could lower it below RTO.Min = 500 ms (LAN round trips are 10 ms).
  p.net.run_for(2s);
  AssocStatusInfo st{.assoc_id = id};
  ASSERT_EQ(s.get(st), ApiStatus::kOk);
  EXPECT_GE(st.primary.rto, 500ms);
}

TEST(ApiSockopt, AssocInfoRoundTripAndValidation) {
  // RFC 6458 §8.1.2.
  AssociationOptions o;
  o.path_max_retrans = 3;
  Pair p(o);
  Socket& s = p.a.socket();
  ASSERT_EQ(s.set(AssocParams{.asoc_max_rxt = 6, .cookie_life = 30s}), ApiStatus::kOk);
  AssocParams a;
  ASSERT_EQ(s.get(a), ApiStatus::kOk);
  EXPECT_EQ(a.asoc_max_rxt, 6);
  EXPECT_EQ(a.cookie_life, 30s);
  EXPECT_EQ(a.local_rwnd, o.receive_window);
  EXPECT_EQ(s.set(AssocParams{.cookie_life = -1s}), ApiStatus::kInvalidArgument);

  const AssocId id = p.connect();
  AssocParams live{.assoc_id = id};
  ASSERT_EQ(s.get(live), ApiStatus::kOk);
  EXPECT_EQ(live.number_peer_destinations, 2);
  EXPECT_GT(live.peer_rwnd, 0u);
  EXPECT_EQ(live.asoc_max_rxt, 6);
  // Linux: above the sum of the paths' Path.Max.Retrans (2 x 3) is EINVAL.
  EXPECT_EQ(s.set(AssocParams{.assoc_id = id, .asoc_max_rxt = 7}), ApiStatus::kInvalidArgument);
  EXPECT_EQ(s.set(AssocParams{.assoc_id = id, .asoc_max_rxt = 5}),
            ApiStatus::kNotForLiveAssociation);
}

TEST(ApiSockopt, InitMsgRoundTripAndNegotiatedStreams) {
  // RFC 6458 §8.1.3; the streams agreed are min(OS, peer MIS) (RFC 9260 §5.1.1).
  Pair p;
  ASSERT_EQ(p.a.socket().set(InitMsg{.num_ostreams = 5, .max_instreams = 7, .max_attempts = 4}),
            ApiStatus::kOk);
  ASSERT_EQ(p.z.socket().set(InitMsg{.max_instreams = 3}), ApiStatus::kOk);
  InitMsg m;
  ASSERT_EQ(p.a.socket().get(m), ApiStatus::kOk);
  EXPECT_EQ(m.num_ostreams, 5);
  EXPECT_EQ(m.max_instreams, 7);
  EXPECT_EQ(m.max_attempts, 4);
  EXPECT_EQ(m.max_init_timeo, 60s) << "the core caps T1 at RTO.Max";
  EXPECT_EQ(p.a.socket().set(InitMsg{.max_init_timeo = 5s}), ApiStatus::kNotSupported);
  const AssocId id = p.connect();
  AssocStatusInfo st{.assoc_id = id};
  ASSERT_EQ(p.a.socket().get(st), ApiStatus::kOk);
  EXPECT_EQ(st.outstreams, 3);
  EXPECT_EQ(st.instreams, 7) << "Z offers its default 10 outbound, A accepts 7";
  EXPECT_EQ(p.a.socket().set(InitMsg{.num_ostreams = 2}), ApiStatus::kEndpointActive);
}

TEST(ApiSockopt, NoDelayAndDisableFragments) {
  // RFC 6458 §8.1.5, §8.1.20: endpoint-only flags, frozen once the endpoint is active.
  Pair p;
  Socket& s = p.a.socket();
  NoDelay nd;
  ASSERT_EQ(s.get(nd), ApiStatus::kOk);
  EXPECT_FALSE(nd.on);
  ASSERT_EQ(s.set(NoDelay{.on = true}), ApiStatus::kOk);
  ASSERT_EQ(s.get(nd), ApiStatus::kOk);
  EXPECT_TRUE(nd.on);
  ASSERT_EQ(s.set(DisableFragments{.on = true}), ApiStatus::kOk);
  DisableFragments df;
  ASSERT_EQ(s.get(df), ApiStatus::kOk);
  EXPECT_TRUE(df.on);
  const AssocId id = p.connect();
  EXPECT_EQ(s.set(NoDelay{.on = false}), ApiStatus::kEndpointActive);
  EXPECT_EQ(s.set(DisableFragments{.on = false}), ApiStatus::kEndpointActive);
  // In effect: a message larger than one DATA chunk is refused (Linux EMSGSIZE).
  EXPECT_EQ(p.a.send(id, bytes(3000), SndInfo{}), ApiStatus::kMessageTooLarge);
  EXPECT_EQ(p.a.send(id, bytes(1000), SndInfo{}), ApiStatus::kOk);
}

TEST(ApiSockopt, AutocloseRoundTrip) {
  Pair p;
  Socket& s = p.a.socket();
  AutoClose ac;
  ASSERT_EQ(s.get(ac), ApiStatus::kOk);
  EXPECT_EQ(ac.idle, 0s);
  ASSERT_EQ(s.set(AutoClose{.idle = 120s}), ApiStatus::kOk);
  ASSERT_EQ(s.get(ac), ApiStatus::kOk);
  EXPECT_EQ(ac.idle, 120s);
  EXPECT_EQ(s.set(AutoClose{.idle = -1s}), ApiStatus::kInvalidArgument);
  ASSERT_EQ(s.set(AutoClose{.idle = std::chrono::seconds(int64_t{1} << 40)}), ApiStatus::kOk);
  ASSERT_EQ(s.get(ac), ApiStatus::kOk);
  EXPECT_EQ(ac.idle, std::chrono::seconds(8640000)) << "clamped like net.sctp.max_autoclose";
  p.connect();
  EXPECT_EQ(s.set(AutoClose{.idle = 0s}), ApiStatus::kOk) << "the facade's own: always settable";
}

TEST(ApiSockopt, PrimaryAddrMovesDataToTheOtherPath) {
  // RFC 6458 §8.1.9.
  Pair p;
  const AssocId id = p.connect();
  Socket& s = p.a.socket();
  PrimaryAddr pa{.assoc_id = id};
  ASSERT_EQ(s.get(pa), ApiStatus::kOk);
  EXPECT_EQ(pa.address, kZ1);
  ASSERT_EQ(s.set(PrimaryAddr{.assoc_id = id, .address = kZ2}), ApiStatus::kOk);
  ASSERT_EQ(s.get(pa), ApiStatus::kOk);
  EXPECT_EQ(pa.address, kZ2);
  EXPECT_EQ(s.set(PrimaryAddr{.assoc_id = id, .address = kY1}), ApiStatus::kUnknownPeerAddress);
  EXPECT_EQ(s.set(PrimaryAddr{.address = kZ2}), ApiStatus::kInvalidArgument);
  EXPECT_EQ(s.set(PrimaryAddr{.assoc_id = AssocId(42), .address = kZ2}),
            ApiStatus::kNoSuchAssociation);
  // Data now flows to kZ2 only: with kZ1 cut, messages still arrive without a T3 timeout.
  p.net.set_up_both(kA1, kZ1, false);
  p.net.set_up_both(kA2, kZ1, false);
  ASSERT_EQ(p.a.send(id, bytes(100), SndInfo{}), ApiStatus::kOk);
  p.net.run_for(200ms);
  EXPECT_EQ(p.z.messages.size(), 1u);
  EXPECT_EQ(s.counters().DpsctpT3Expirations, 0u);
  AssocStatusInfo st{.assoc_id = id};
  ASSERT_EQ(s.get(st), ApiStatus::kOk);
  EXPECT_EQ(st.primary.address, kZ2);
}

TEST(ApiSockopt, PeerAddrParamsRoundTripAndValidation) {
  // RFC 6458 §8.1.12; flag validation as Linux sctp_apply_peer_addr_params.
  Pair p;
  Socket& s = p.a.socket();
  ASSERT_EQ(s.set(PeerAddrParams{.hb_interval = 5s, .path_max_rxt = 4, .flags = spp::kHbEnable}),
            ApiStatus::kOk);
  PeerAddrParams pp;
  ASSERT_EQ(s.get(pp), ApiStatus::kOk);
  EXPECT_EQ(pp.hb_interval, 5s);
  EXPECT_EQ(pp.path_max_rxt, 4);
  EXPECT_EQ(pp.flags, spp::kHbEnable | spp::kPmtudEnable);
  EXPECT_EQ(pp.path_mtu, 1500u);
  EXPECT_EQ(s.set(PeerAddrParams{.flags = spp::kHbEnable | spp::kHbDisable}),
            ApiStatus::kInvalidArgument);
  EXPECT_EQ(s.set(PeerAddrParams{.flags = spp::kPmtudEnable | spp::kPmtudDisable}),
            ApiStatus::kInvalidArgument);
  EXPECT_EQ(s.set(PeerAddrParams{.flags = spp::kHbDemand}), ApiStatus::kInvalidArgument)
      << "a heartbeat on demand needs an address";
  EXPECT_EQ(s.set(PeerAddrParams{.flags = 1u << 20}), ApiStatus::kInvalidArgument);
  EXPECT_EQ(s.set(PeerAddrParams{.flags = spp::kPmtudDisable}), ApiStatus::kNotSupported);
  EXPECT_EQ(s.set(PeerAddrParams{.path_mtu = 1400}), ApiStatus::kNotSupported);
  ASSERT_EQ(s.set(PeerAddrParams{.flags = spp::kHbDisable}), ApiStatus::kOk);
  ASSERT_EQ(s.get(pp), ApiStatus::kOk);
  EXPECT_EQ(pp.flags & spp::kHbDisable, spp::kHbDisable);
  EXPECT_EQ(pp.hb_interval, 5s) << "unchanged";
  ASSERT_EQ(s.set(PeerAddrParams{.flags = spp::kHbEnable}), ApiStatus::kOk);

  const AssocId id = p.connect();
  PeerAddrParams per{.assoc_id = id, .address = kZ2};
  ASSERT_EQ(s.get(per), ApiStatus::kOk);
  EXPECT_EQ(per.path_max_rxt, 4);
  EXPECT_EQ(per.path_mtu, 1500u);
  EXPECT_EQ(s.set(PeerAddrParams{.assoc_id = id, .address = kZ2, .flags = spp::kHbDemand}),
            ApiStatus::kNotSupported);
  EXPECT_EQ(s.set(PeerAddrParams{.assoc_id = id, .address = kY1}), ApiStatus::kUnknownPeerAddress);
  EXPECT_EQ(s.set(PeerAddrParams{.assoc_id = id, .address = kZ2, .path_max_rxt = 2}),
            ApiStatus::kNotForLiveAssociation);
  EXPECT_EQ(s.set(PeerAddrParams{.path_max_rxt = 2}), ApiStatus::kEndpointActive);
}

TEST(ApiSockopt, DefaultSndInfoAndPrInfoRoundTrip) {
  // RFC 6458 §8.1.31, RFC 7496 §4.2.
  Pair p;
  Socket& s = p.a.socket();
  const SndInfo def{
      .sid = StreamId(2), .flags = sndflag::kUnordered, .ppid = Ppid(9), .context = 4};
  ASSERT_EQ(s.set(DefaultSndInfo{.info = def}), ApiStatus::kOk);
  DefaultSndInfo got;
  ASSERT_EQ(s.get(got), ApiStatus::kOk);
  EXPECT_EQ(got.info, def);
  EXPECT_EQ(s.set(DefaultSndInfo{.info = {.flags = sndflag::kEof}}), ApiStatus::kInvalidArgument);
  EXPECT_EQ(s.set(DefaultSndInfo{.info = {.flags = sndflag::kAbort}}), ApiStatus::kInvalidArgument);
  ASSERT_EQ(s.set(DefaultPrInfo{.info = {.policy = PrPolicy::kTtl, .value = 250}}), ApiStatus::kOk);
  DefaultPrInfo pr;
  ASSERT_EQ(s.get(pr), ApiStatus::kOk);
  EXPECT_EQ(pr.info.policy, PrPolicy::kTtl);
  EXPECT_EQ(pr.info.value, 250u);
  ASSERT_EQ(s.set(DefaultPrInfo{.info = {.policy = PrPolicy::kRtx, .value = 2}}),
            ApiStatus::kOk);  // RFC 7496 §4 SCTP_DEFAULT_PRINFO
  ASSERT_EQ(s.get(pr), ApiStatus::kOk);
  EXPECT_EQ(pr.info.policy, PrPolicy::kRtx);
  EXPECT_EQ(pr.info.value, 2u);
  ASSERT_EQ(s.set(DefaultPrInfo{.info = {.policy = PrPolicy::kTtl, .value = 250}}), ApiStatus::kOk);

  const AssocId id = p.connect();
  DefaultSndInfo per{.assoc_id = id};
  ASSERT_EQ(s.get(per), ApiStatus::kOk);
  EXPECT_EQ(per.info, def) << "inherits the endpoint default";
  ASSERT_EQ(s.set(DefaultSndInfo{.assoc_id = id, .info = {.sid = StreamId(1)}}), ApiStatus::kOk);
  ASSERT_EQ(s.get(per), ApiStatus::kOk);
  EXPECT_EQ(per.info.sid, StreamId(1));
  ASSERT_EQ(s.get(got), ApiStatus::kOk);
  EXPECT_EQ(got.info, def) << "the endpoint default is untouched";
  DefaultSndInfo missing{.assoc_id = AssocId(77)};
  EXPECT_EQ(s.get(missing), ApiStatus::kNoSuchAssociation);
}

TEST(ApiSockopt, EventRoundTripPerEndpointAndAssociation) {
  // RFC 6458 §6.2.2 SCTP_EVENT.
  Pair p;
  Socket& s = p.a.socket();
  Event e{.type = EventType::kRemoteError};
  ASSERT_EQ(s.get(e), ApiStatus::kOk);
  EXPECT_FALSE(e.on) << "off until subscribed";
  ASSERT_EQ(s.set(Event{.type = EventType::kRemoteError, .on = true}), ApiStatus::kOk);
  ASSERT_EQ(s.get(e), ApiStatus::kOk);
  EXPECT_TRUE(e.on);
  EXPECT_EQ(s.set(Event{.type = static_cast<EventType>(kEventTypeCount), .on = true}),
            ApiStatus::kInvalidArgument);
  const AssocId id = p.connect();
  ASSERT_EQ(s.set(Event{.assoc_id = id, .type = EventType::kRemoteError, .on = false}),
            ApiStatus::kOk);
  Event per{.assoc_id = id, .type = EventType::kRemoteError};
  ASSERT_EQ(s.get(per), ApiStatus::kOk);
  EXPECT_FALSE(per.on);
  Event other{.assoc_id = id, .type = EventType::kAssocChange};
  ASSERT_EQ(s.get(other), ApiStatus::kOk);
  EXPECT_TRUE(other.on) << "copied from the endpoint mask when the override was made";
  ASSERT_EQ(s.get(e), ApiStatus::kOk);
  EXPECT_TRUE(e.on);
  Event missing{.assoc_id = AssocId(50), .type = EventType::kShutdown};
  EXPECT_EQ(s.get(missing), ApiStatus::kNoSuchAssociation);
}

TEST(ApiSockopt, MaxSegRoundTripValidationAndEffect) {
  // RFC 6458 §8.1.16; Linux bounds: [512 - IP - 12 - 16, 65532 - 16].
  Pair p;
  Socket& s = p.a.socket();
  EXPECT_EQ(s.set(MaxSeg{.value = 463}), ApiStatus::kInvalidArgument);
  EXPECT_EQ(s.set(MaxSeg{.value = 65517}), ApiStatus::kInvalidArgument);
  ASSERT_EQ(s.set(MaxSeg{.value = 464}), ApiStatus::kOk);
  ASSERT_EQ(s.set(MaxSeg{.value = 600}), ApiStatus::kOk);
  MaxSeg m;
  ASSERT_EQ(s.get(m), ApiStatus::kOk);
  EXPECT_EQ(m.value, 600u);
  const AssocId id = p.connect();
  MaxSeg live{.assoc_id = id};
  ASSERT_EQ(s.get(live), ApiStatus::kOk);
  EXPECT_EQ(live.value, 600u) << "the fragmentation point in use";
  EXPECT_EQ(s.set(MaxSeg{.assoc_id = id, .value = 1000}), ApiStatus::kNotForLiveAssociation);
  EXPECT_EQ(s.set(MaxSeg{.value = 1000}), ApiStatus::kEndpointActive);
  // Every DATA chunk on the wire carries at most 600 bytes (the core may cut smaller
  // fragments to fill a packet's remaining room).
  size_t data_chunks = 0;
  size_t largest = 0;
  p.net.set_tap([&](Instant, wire::ByteSpan pkt, const IpAddress& src, const IpAddress&) {
    if (src != kA1 && src != kA2) return;
    wire::Result<wire::PacketView> v = wire::PacketView::parse(pkt);
    if (!v) return;
    for (const wire::ChunkView& c : v->chunks()) {
      if (!c.is(wire::ChunkType::kData)) continue;
      ++data_chunks;
      largest = std::max<size_t>(largest, c.length - 16u);
    }
  });
  const auto msg = bytes(3000, 6);
  ASSERT_EQ(p.a.send(id, msg, SndInfo{}), ApiStatus::kOk);
  p.net.run_for(1s);
  ASSERT_EQ(p.z.messages.size(), 1u);
  EXPECT_EQ(p.z.messages[0].data, msg);
  EXPECT_GE(data_chunks, 5u);
  EXPECT_EQ(largest, 600u);
}

TEST(ApiSockopt, StatusAfterTraffic) {
  // RFC 6458 §8.2.1 SCTP_STATUS.
  Pair p;
  p.net.set_default_link({.delay = 10ms});
  const AssocId id = p.connect();
  for (int i = 0; i < 20; ++i) ASSERT_EQ(p.a.send(id, bytes(700), SndInfo{}), ApiStatus::kOk);
  AssocStatusInfo busy{.assoc_id = id};
  ASSERT_EQ(p.a.socket().get(busy), ApiStatus::kOk);
  EXPECT_GT(busy.unacked_chunks + busy.queued_bytes, 0u) << "right after sending";
  EXPECT_GT(busy.flight_size, 0u);
  p.net.run_for(3s);
  AssocStatusInfo st{.assoc_id = id};
  ASSERT_EQ(p.a.socket().get(st), ApiStatus::kOk);
  EXPECT_EQ(st.state, AssociationState::kEstablished);
  EXPECT_EQ(st.instreams, 10);
  EXPECT_EQ(st.outstreams, 10);
  EXPECT_EQ(st.unacked_chunks, 0u);
  EXPECT_EQ(st.flight_size, 0u);
  EXPECT_EQ(st.queued_bytes, 0u);
  EXPECT_EQ(st.pending_receipt_bytes, 0u);
  EXPECT_EQ(st.rwnd, AssociationOptions{}.receive_window) << "Z consumed everything";
  EXPECT_EQ(st.fragmentation_point, 1500u - 20 - 12 - 16);
  EXPECT_EQ(st.primary.address, kZ1);
  EXPECT_EQ(st.primary.state, PeerAddrReachability::kActive);
  EXPECT_GE(st.primary.srtt, 20ms) << "two 10 ms hops";
  EXPECT_LT(st.primary.srtt, 250ms) << "plus at most the delayed SACK (RFC 9260 §6.2)";
  EXPECT_EQ(st.primary.mtu, 1500u);
  EXPECT_GT(st.primary.cwnd, 0u);
  AssocStatusInfo missing{.assoc_id = AssocId(9)};
  EXPECT_EQ(p.a.socket().get(missing), ApiStatus::kNoSuchAssociation);
}

TEST(ApiSockopt, PeerAddrInfoForEachPath) {
  // RFC 6458 §8.2.2 SCTP_GET_PEER_ADDR_INFO; Z's view of A's INIT-listed address starts
  // UNCONFIRMED until a HEARTBEAT ACK confirms it (RFC 9260 §5.4).
  Pair p;
  const AssocId id = p.connect();
  PeerAddrInfo z1{.assoc_id = id, .address = kZ1};
  PeerAddrInfo z2{.assoc_id = id, .address = kZ2};
  ASSERT_EQ(p.a.socket().get(z1), ApiStatus::kOk);
  ASSERT_EQ(p.a.socket().get(z2), ApiStatus::kOk);
  EXPECT_EQ(z1.state, PeerAddrReachability::kActive);
  EXPECT_EQ(z2.state, PeerAddrReachability::kActive) << "given to connectx: confirmed";
  EXPECT_EQ(z1.mtu, 1500u);
  EXPECT_EQ(z1.rto, AssociationOptions{}.rto_initial) << "no measurement yet on a fresh path";
  PeerAddrInfo unknown{.assoc_id = id, .address = kY1};
  EXPECT_EQ(p.a.socket().get(unknown), ApiStatus::kUnknownPeerAddress);

  const AssocId zid = p.z_id();
  const PeerAddrInfo before = [&] {
    PeerAddrInfo i{.assoc_id = zid, .address = kA2};
    EXPECT_EQ(p.z.socket().get(i), ApiStatus::kOk);
    return i;
  }();
  // Z heard from kA1 only; kA2 was listed in the INIT and needs its HEARTBEAT.
  EXPECT_EQ(before.state, PeerAddrReachability::kUnconfirmed);
  p.net.run_for(10s);
  PeerAddrInfo after{.assoc_id = zid, .address = kA2};
  ASSERT_EQ(p.z.socket().get(after), ApiStatus::kOk);
  EXPECT_EQ(after.state, PeerAddrReachability::kActive);
  // A path that stops answering goes INACTIVE after Path.Max.Retrans (RFC 9260 §8.2).
  p.net.set_up_both(kA1, kZ2, false);
  p.net.set_up_both(kA2, kZ2, false);
  p.net.run_for(30min);
  ASSERT_EQ(p.a.socket().get(z2), ApiStatus::kOk);
  EXPECT_EQ(z2.state, PeerAddrReachability::kInactive);
}

}  // namespace
}  // namespace dpsctp::testing
