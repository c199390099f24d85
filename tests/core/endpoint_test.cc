// The Endpoint and Association driven over a perfect in-memory link: the handshake
// (RFC 9260 §5.1), data transfer (§6) and shutdown (§9.2) end to end, plus the
// verification-tag (§8.5) and out-of-the-blue (§8.4) rules.
#include "core/endpoint.h"

#include "endpoint_pair.h"
#include "wire/packet_builder.h"

namespace dpsctp::core {
namespace {
using testing::EndpointPair;

std::vector<std::byte> msg(size_t n, uint8_t seed) {
  std::vector<std::byte> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<std::byte>(seed + i);
  return v;
}

TEST(Endpoint, Rfc9260_5_1_HandshakeEstablishesBothSides) {
  EndpointPair net;
  const AssocId id = net.connect();
  net.run_for(std::chrono::milliseconds(100));
  ASSERT_NE(net.a->association(id), nullptr);
  EXPECT_EQ(net.a->association(id)->state(), AssocState::kEstablished);
  EXPECT_TRUE(net.la.saw(AssocChangeState::kCommUp));
  EXPECT_TRUE(net.lz.saw(AssocChangeState::kCommUp));
  EXPECT_EQ(net.a->counters().SctpActiveEstabs, 1u);
  EXPECT_EQ(net.z->counters().SctpPassiveEstabs, 1u);
  EXPECT_EQ(net.z->counters().SctpCurrEstab, 1u);
  EXPECT_EQ(net.z->association_count(), 1u);
  // 4 packets: INIT, INIT ACK, COOKIE ECHO, COOKIE ACK.
  EXPECT_EQ(net.sink_a.sent + net.sink_z.sent, 4);
}

TEST(Endpoint, Rfc9260_6_DataBothWaysThenGracefulShutdown_9_2) {
  EndpointPair net;
  const AssocId id = net.connect();
  net.run_for(std::chrono::milliseconds(100));
  ASSERT_EQ(net.lz.changes.size(), 1u);
  const AssocId zid = net.lz.changes[0].assoc;
  for (uint16_t s = 0; s < 10; ++s) {
    auto m = msg(100 + s, static_cast<uint8_t>(s));
    EXPECT_EQ(net.a->send(id, StreamId(s), ppid::kS1ap, m, {}, net.now), SendStatus::kOk);
    EXPECT_EQ(net.z->send(zid, StreamId(s), ppid::kNgap, m, {}, net.now), SendStatus::kOk);
  }
  net.run_for(std::chrono::seconds(1));
  ASSERT_EQ(net.lz.messages.size(), 10u);
  ASSERT_EQ(net.la.messages.size(), 10u);
  for (uint16_t s = 0; s < 10; ++s) {
    EXPECT_EQ(net.lz.messages[s].stream, StreamId(s));
    EXPECT_EQ(net.lz.messages[s].ppid, ppid::kS1ap);
    EXPECT_EQ(net.lz.payloads[s], msg(100 + s, static_cast<uint8_t>(s)));
    EXPECT_EQ(net.la.messages[s].ppid, ppid::kNgap);
  }
  net.a->shutdown(id, net.now);
  net.run_for(std::chrono::seconds(1));
  EXPECT_TRUE(net.la.saw(AssocChangeState::kShutdownComp));
  EXPECT_TRUE(net.lz.saw(AssocChangeState::kShutdownComp));
  EXPECT_EQ(net.lz.shutdown_events, 1);
  EXPECT_EQ(net.a->association_count(), 0u);
  EXPECT_EQ(net.z->association_count(), 0u);
  EXPECT_EQ(net.a->counters().SctpShutdowns + net.z->counters().SctpShutdowns, 2u);
  EXPECT_EQ(net.a->counters().SctpCurrEstab, 0u);
  EXPECT_TRUE(net.la.failed.empty());
}

TEST(Endpoint, Rfc9260_6_9_FragmentedMessageReassembled) {
  EndpointPair net;
  const AssocId id = net.connect();
  net.run_for(std::chrono::milliseconds(100));
  auto big = msg(20000, 3);
  ASSERT_EQ(net.a->send(id, StreamId(1), ppid::kDiameter, big, {}, net.now), SendStatus::kOk);
  net.run_for(std::chrono::seconds(2));
  ASSERT_EQ(net.lz.payloads.size(), 1u);
  EXPECT_EQ(net.lz.payloads[0], big);
  EXPECT_EQ(net.a->counters().SctpFragUsrMsgs, 1u);
}

TEST(Endpoint, Rfc9260_5_1_DataQueuedInCookieWaitRidesWithTheCookieEcho) {
  EndpointPair net;
  const AssocId id = net.connect();
  const auto m = msg(200, 5);
  ASSERT_EQ(net.a->send(id, StreamId(3), ppid::kS1ap, m, {}, net.now), SendStatus::kOk);
  std::vector<std::vector<uint8_t>> types;  // chunk types of each packet A sends
  net.sink_a.drop_if = [&](wire::ByteSpan p) {
    auto v = wire::PacketView::parse(p);
    std::vector<uint8_t> t;
    for (const wire::ChunkView& c : v->chunks()) t.push_back(c.type);
    types.push_back(t);
    return false;
  };
  net.run_for(std::chrono::milliseconds(100));
  ASSERT_EQ(net.lz.payloads.size(), 1u);
  EXPECT_EQ(net.lz.payloads[0], m);
  ASSERT_FALSE(types.empty());
  // §5.1 D: COOKIE ECHO first, the DATA bundled behind it in the same packet.
  EXPECT_EQ(types[0], (std::vector<uint8_t>{10, 0}));
}

TEST(Endpoint, Rfc9260_5_1_1_EarlyDataOnAStreamThePeerRefusesIsHandedBack) {
  AssociationOptions zo;
  zo.max_inbound_streams = 2;
  EndpointPair net;
  net.z = std::make_unique<Endpoint>(EndpointPair::config(net.ip_z, 2, zo), net.sink_z, net.lz,
                                     net.now);
  const AssocId id = net.connect();
  ASSERT_EQ(net.a->send(id, StreamId(5), ppid::kS1ap, msg(10, 1), {.context = 9}, net.now),
            SendStatus::kOk);
  net.run_for(std::chrono::milliseconds(100));
  ASSERT_EQ(net.la.failed.size(), 1u);
  EXPECT_EQ(net.la.failed[0].context, 9u);
  EXPECT_FALSE(net.la.failed[0].was_sent);
  EXPECT_TRUE(net.lz.payloads.empty());
}

TEST(Endpoint, Rfc9260_AppendixC_PacketTooBigShrinksThePathWhenTheTagMatches) {
  EndpointPair net;
  auto [id, zid] = net.establish();
  const Association* a = net.a->association(id);
  ASSERT_EQ(a->paths()[0].mtu, 1480u);
  // A forged ICMP quoting the wrong tag is ignored (Appendix C, ICMP6).
  EXPECT_FALSE(net.a->handle_packet_too_big(net.ip_z, EndpointPair::kPort,
                                            VerificationTag(a->peer_tag().value() ^ 1), 1000));
  EXPECT_EQ(a->paths()[0].mtu, 1480u);
  EXPECT_TRUE(net.a->handle_packet_too_big(net.ip_z, EndpointPair::kPort, a->peer_tag(), 1000));
  EXPECT_EQ(a->paths()[0].mtu, 980u);
  EXPECT_FALSE(net.a->handle_packet_too_big(net.ip_z, EndpointPair::kPort, a->peer_tag(), 1200));
  EXPECT_TRUE(net.a->handle_packet_too_big(net.ip_z, EndpointPair::kPort, a->peer_tag(), 68));
  EXPECT_EQ(a->paths()[0].mtu, 556u);  // clamped to 576 - 20
  // A large message is now cut to the smaller path MTU, and still arrives whole.
  int biggest = 0;
  net.sink_a.drop_if = [&](wire::ByteSpan p) {
    biggest = std::max(biggest, static_cast<int>(p.size()));
    return false;
  };
  const auto big = msg(5000, 7);
  ASSERT_EQ(net.a->send(id, StreamId(0), ppid::kS1ap, big, {}, net.now), SendStatus::kOk);
  net.run_for(std::chrono::seconds(1));
  ASSERT_EQ(net.lz.payloads.size(), 1u);
  EXPECT_EQ(net.lz.payloads[0], big);
  EXPECT_LE(biggest, 556);
  (void)zid;
}

TEST(Endpoint, Rfc9260_5_1_T1InitRetransmitsThenGivesUp) {
  AssociationOptions o;
  o.max_init_retransmits = 2;
  EndpointPair net(o);
  net.sink_a.drop_next = 100;  // the server never hears us
  const AssocId id = net.connect();
  net.run_for(std::chrono::seconds(60));
  EXPECT_TRUE(net.la.saw(AssocChangeState::kCantStrAssoc));
  EXPECT_EQ(net.a->association(id), nullptr);
  EXPECT_EQ(net.z->association_count(), 0u);
}

TEST(Endpoint, Rfc9260_8_4_OutOfTheBlueDataGetsAbortWithTBit) {
  EndpointPair net;
  std::array<std::byte, 64> buf{};
  wire::PacketBuilder b(buf, {.src_port = 1111, .dst_port = EndpointPair::kPort,
                              .vtag = VerificationTag(0xdeadbeef)});
  auto m = b.writer().begin_chunk(static_cast<uint8_t>(wire::ChunkType::kSack), 0);
  b.writer().put_zeros(12);
  b.writer().end_tlv(m);
  auto pkt = b.finish();
  net.z->handle_packet(pkt, {net.ip_a, net.ip_z}, net.now);
  EXPECT_EQ(net.z->counters().SctpOutOfBlues, 1u);
  ASSERT_EQ(net.q.size(), 1u);
  auto p = wire::PacketView::parse(net.q.front().bytes);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->first_chunk().is(wire::ChunkType::kAbort));
  EXPECT_EQ(p->first_chunk().flags & 1, 1);                       // T bit
  EXPECT_EQ(p->header().vtag, VerificationTag(0xdeadbeef));        // reflected tag
  EXPECT_EQ(p->header().dst_port, 1111);
}

TEST(Endpoint, Rfc9260_8_4_OutOfTheBlueAbortIsDiscarded) {
  EndpointPair net;
  std::array<std::byte, 64> buf{};
  wire::PacketBuilder b(buf, {.src_port = 1111, .dst_port = EndpointPair::kPort,
                              .vtag = VerificationTag(5)});
  b.writer().end_tlv(b.writer().begin_chunk(static_cast<uint8_t>(wire::ChunkType::kAbort), 0));
  auto pkt = b.finish();
  net.z->handle_packet(pkt, {net.ip_a, net.ip_z}, net.now);
  EXPECT_EQ(net.z->counters().SctpOutOfBlues, 1u);
  EXPECT_TRUE(net.q.empty());
}

TEST(Endpoint, Rfc9260_6_8_BadChecksumCountedAndDropped) {
  EndpointPair net;
  std::array<std::byte, 64> buf{};
  wire::PacketBuilder b(buf, {.src_port = 1111, .dst_port = EndpointPair::kPort,
                              .vtag = VerificationTag(5)});
  b.writer().end_tlv(b.writer().begin_chunk(static_cast<uint8_t>(wire::ChunkType::kCookieAck), 0));
  auto pkt = b.finish();
  pkt[14] ^= std::byte{1};
  net.z->handle_packet(pkt, {net.ip_a, net.ip_z}, net.now);
  EXPECT_EQ(net.z->counters().SctpChecksumErrors, 1u);
  EXPECT_EQ(net.z->counters().SctpOutOfBlues, 0u);
  EXPECT_TRUE(net.q.empty());
}

}  // namespace
}  // namespace dpsctp::core
