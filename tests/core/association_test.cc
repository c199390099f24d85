// Association behaviour over the in-memory pair: loss recovery (RFC 9260 §6.3.3, §7.2.4),
// failure detection (§8.1), heartbeats (§8.3), error reporting (§3.2, §6.5), ABORT (§9.1).
#include "core/association.h"

#include "endpoint_pair.h"
#include "wire/chunk/data_chunk.h"
#include "wire/packet_builder.h"
#include "wire/packet_view.h"

namespace dpsctp::core {
namespace {
using testing::EndpointPair;

std::vector<std::byte> msg(size_t n, uint8_t seed) {
  std::vector<std::byte> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<std::byte>(seed * 31 + i);
  return v;
}

bool has_chunk(wire::ByteSpan pkt, wire::ChunkType t) {
  auto p = wire::PacketView::parse(pkt);
  if (!p) return false;
  for (const wire::ChunkView& c : p->chunks()) {
    if (c.is(t)) return true;
  }
  return false;
}

TEST(Association, Rfc9260_6_3_3_T3RetransmitsLostDataInOrder) {
  EndpointPair net;
  auto [id, zid] = net.establish();
  int dropped = 0;
  net.sink_a.drop_if = [&](wire::ByteSpan p) {
    return has_chunk(p, wire::ChunkType::kData) && dropped++ < 3;  // lose the first 3 DATA packets
  };
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(net.a->send(id, StreamId(1), ppid::kS1ap, msg(200, static_cast<uint8_t>(i)), {},
                          net.now),
              SendStatus::kOk);
  }
  net.run_for(std::chrono::seconds(20));
  ASSERT_EQ(net.lz.payloads.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(net.lz.payloads[i], msg(200, static_cast<uint8_t>(i)));
  EXPECT_GT(net.a->counters().DpsctpT3Expirations, 0u);
  EXPECT_GT(net.a->counters().DpsctpRetransmittedChunks, 0u);
  EXPECT_EQ(net.a->association(id)->state(), AssocState::kEstablished);
}

TEST(Association, Rfc9260_7_2_4_FastRetransmitOnThreeMissIndications) {
  AssociationOptions o;
  o.nodelay = true;
  EndpointPair net(o);
  auto [id, zid] = net.establish();
  bool dropped = false;
  net.sink_a.drop_if = [&](wire::ByteSpan p) {
    if (dropped || !has_chunk(p, wire::ChunkType::kData)) return false;
    dropped = true;  // lose exactly the first DATA packet
    return true;
  };
  for (int i = 0; i < 8; ++i) {
    ASSERT_EQ(net.a->send(id, StreamId(0), ppid::kS1ap, msg(100, static_cast<uint8_t>(i)), {},
                          net.now),
              SendStatus::kOk);
  }
  net.run_for(std::chrono::milliseconds(500));  // well below RTO.Initial: no T3
  ASSERT_EQ(net.lz.payloads.size(), 8u);
  EXPECT_EQ(net.a->counters().DpsctpFastRetransmits, 1u);
  EXPECT_EQ(net.a->counters().DpsctpT3Expirations, 0u);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(net.lz.payloads[i], msg(100, static_cast<uint8_t>(i)));
}

TEST(Association, Rfc9260_8_1_PeerUnreachableFailsAndHandsBackMessages) {
  AssociationOptions o;
  o.association_max_retrans = 3;
  o.rto_max = std::chrono::seconds(2);
  EndpointPair net(o);
  auto [id, zid] = net.establish();
  net.sink_a.drop_next = 1000;  // the peer vanishes
  const auto m = msg(300, 9);
  ASSERT_EQ(net.a->send(id, StreamId(2), ppid::kDiameter, m, {.context = 77}, net.now),
            SendStatus::kOk);
  net.run_for(std::chrono::seconds(60));
  EXPECT_TRUE(net.la.saw(AssocChangeState::kCommLost));
  EXPECT_EQ(net.a->association(id), nullptr);
  ASSERT_EQ(net.la.failed.size(), 1u);
  EXPECT_EQ(net.la.failed[0].context, 77u);
  EXPECT_EQ(net.la.failed[0].stream, StreamId(2));
  EXPECT_TRUE(net.la.failed[0].was_sent);
  EXPECT_EQ(net.la.failed_payloads[0], m);
  EXPECT_EQ(net.a->counters().SctpAborteds, 1u);
  EXPECT_EQ(net.a->counters().SctpCurrEstab, 0u);
}

TEST(Association, Rfc9260_8_3_IdlePathIsHeartbeatedAndStaysUp) {
  AssociationOptions o;
  o.hb_interval = std::chrono::seconds(5);
  EndpointPair net(o);
  auto [id, zid] = net.establish();
  int heartbeats = 0;
  net.sink_a.drop_if = [&](wire::ByteSpan p) {
    heartbeats += has_chunk(p, wire::ChunkType::kHeartbeat) ? 1 : 0;
    return false;
  };
  net.run_for(std::chrono::seconds(60));
  EXPECT_GE(heartbeats, 5);
  EXPECT_LE(heartbeats, 12);
  EXPECT_EQ(net.a->association(id)->state(), AssocState::kEstablished);
  EXPECT_EQ(net.a->association(id)->paths()[0].error_count, 0);
  // An SRTT came from the heartbeats: 2 x 5 ms one-way delay.
  EXPECT_EQ(net.a->association(id)->status().srtt, std::chrono::milliseconds(10));
}

TEST(Association, Rfc9260_8_3_UnansweredHeartbeatsFailTheAssociation) {
  AssociationOptions o;
  o.hb_interval = std::chrono::seconds(1);
  o.association_max_retrans = 2;
  o.path_max_retrans = 1;
  EndpointPair net(o);
  (void)net.establish();
  net.sink_z.drop_if = [&](wire::ByteSpan p) { return has_chunk(p, wire::ChunkType::kHeartbeatAck); };
  net.run_for(std::chrono::seconds(120));
  EXPECT_TRUE(net.la.saw(AssocChangeState::kCommLost));
}

TEST(Association, Rfc9260_5_1_1_StreamsNegotiatedToTheMinimum) {
  AssociationOptions zo;
  zo.max_inbound_streams = 4;  // the server accepts 4 streams; the client asks for 10
  EndpointPair net;
  net.z = std::make_unique<Endpoint>(EndpointPair::config(net.ip_z, 2, zo), net.sink_z, net.lz,
                                     net.now);
  auto [id, zid] = net.establish();
  EXPECT_EQ(net.a->association(id)->status().outbound_streams, 4);
  EXPECT_EQ(net.z->association(zid)->status().inbound_streams, 4);
  EXPECT_EQ(net.a->send(id, StreamId(7), ppid::kS1ap, msg(10, 1), {}, net.now),
            SendStatus::kInvalidStream);
}

TEST(Association, Rfc9260_6_5_DataOnInvalidStreamGetsInvalidStreamError) {
  AssociationOptions zo;
  zo.max_inbound_streams = 4;
  EndpointPair net;
  net.z = std::make_unique<Endpoint>(EndpointPair::config(net.ip_z, 2, zo), net.sink_z, net.lz,
                                     net.now);
  auto [id, zid] = net.establish();
  // A peer that ignores the negotiation sends DATA on stream 7.
  std::array<std::byte, 64> buf{};
  wire::PacketBuilder b(buf, {.src_port = EndpointPair::kPort, .dst_port = EndpointPair::kPort,
                              .vtag = net.z->association(zid)->local_tag()});
  const auto payload = msg(4, 2);
  wire::DataChunk d;
  d.tsn = net.a->association(id)->tcb().local_initial_tsn;
  d.stream = StreamId(7);
  d.ppid = ppid::kS1ap;
  d.payload = payload;
  d.serialize_to(b.writer());
  auto pkt = b.finish();
  net.z->handle_packet(pkt, {net.ip_a, net.ip_z}, net.now);
  EXPECT_TRUE(net.lz.payloads.empty());  // discarded, not delivered
  EXPECT_EQ(net.z->association(zid)->state(), AssocState::kEstablished);
  // Deliver only the immediate ERROR to the client (the crafted TSN was never sent by the
  // client, so a later SACK for it would rightly make the client abort: §6.2.1).
  ASSERT_FALSE(net.q.empty());
  EXPECT_TRUE(has_chunk(net.q.back().bytes, wire::ChunkType::kError));
  net.a->handle_packet(net.q.back().bytes, {net.ip_z, net.ip_a}, net.now);
  ASSERT_EQ(net.la.remote_errors.size(), 1u);
  EXPECT_EQ(net.la.remote_errors[0], 1);  // Invalid Stream Identifier (§3.3.10.1)
}

TEST(Association, Rfc9260_9_1_UserAbortReachesPeerAsCommLost) {
  EndpointPair net;
  auto [id, zid] = net.establish();
  const std::string reason = "bye";
  net.a->abort(id, wire::as_bytes_of(reason.data(), reason.size()), net.now);
  net.run_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(net.la.saw(AssocChangeState::kCommLost));
  ASSERT_TRUE(net.lz.saw(AssocChangeState::kCommLost));
  EXPECT_EQ(net.lz.changes.back().error, 12);  // User-Initiated Abort cause (§3.3.10.12)
  EXPECT_EQ(net.a->association_count() + net.z->association_count(), 0u);
}

TEST(Association, Rfc9260_9_2_ShutdownWaitsForOutstandingData) {
  EndpointPair net;
  auto [id, zid] = net.establish();
  net.sink_a.drop_next = 1;  // the first DATA packet is lost: shutdown must wait for it
  const auto m = msg(1000, 4);
  ASSERT_EQ(net.a->send(id, StreamId(0), ppid::kS1ap, m, {}, net.now), SendStatus::kOk);
  net.a->shutdown(id, net.now);
  EXPECT_EQ(net.a->association(id)->state(), AssocState::kShutdownPending);
  EXPECT_EQ(net.a->send(id, StreamId(0), ppid::kS1ap, m, {}, net.now), SendStatus::kInvalidState);
  net.run_for(std::chrono::seconds(10));
  ASSERT_EQ(net.lz.payloads.size(), 1u);
  EXPECT_EQ(net.lz.payloads[0], m);
  EXPECT_TRUE(net.la.saw(AssocChangeState::kShutdownComp));
  EXPECT_TRUE(net.lz.saw(AssocChangeState::kShutdownComp));
}

TEST(Association, Rfc9260_3_2_UnrecognizedChunkReportedWhenAsked) {
  EndpointPair net;
  auto [id, zid] = net.establish();
  const Association* za = net.z->association(zid);
  ASSERT_NE(za, nullptr);
  std::array<std::byte, 64> buf{};
  wire::PacketBuilder b(buf, {.src_port = EndpointPair::kPort, .dst_port = EndpointPair::kPort,
                              .vtag = za->local_tag()});
  b.writer().end_tlv(b.writer().begin_chunk(0xff, 0));  // 11: skip and report
  auto pkt = b.finish();
  net.z->handle_packet(pkt, {net.ip_a, net.ip_z}, net.now);
  ASSERT_FALSE(net.q.empty());
  EXPECT_TRUE(has_chunk(net.q.back().bytes, wire::ChunkType::kError));
  EXPECT_EQ(net.z->association(zid)->state(), AssocState::kEstablished);
}

TEST(Association, Rfc9260_6_2_DataWithoutUserDataAborts) {
  EndpointPair net;
  auto [id, zid] = net.establish();
  const Association* za = net.z->association(zid);
  std::array<std::byte, 64> buf{};
  wire::PacketBuilder b(buf, {.src_port = EndpointPair::kPort, .dst_port = EndpointPair::kPort,
                              .vtag = za->local_tag()});
  auto m = b.writer().begin_chunk(0, 3);
  b.writer().put_zeros(12);  // TSN, SID, SSN, PPID and no user data
  b.writer().end_tlv(m);
  auto pkt = b.finish();
  net.z->handle_packet(pkt, {net.ip_a, net.ip_z}, net.now);
  EXPECT_TRUE(net.lz.saw(AssocChangeState::kCommLost));
  EXPECT_EQ(net.lz.changes.back().error, 9);  // No User Data
  ASSERT_FALSE(net.q.empty());
  EXPECT_TRUE(has_chunk(net.q.back().bytes, wire::ChunkType::kAbort));
}

}  // namespace
}  // namespace dpsctp::core
