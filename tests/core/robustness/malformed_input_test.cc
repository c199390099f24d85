// Malformed and hostile input through Endpoint::handle_packet (issue #10): bad chunk
// lengths (RFC 9260 §3.2), parameters overrunning their chunk (§3.2.1), unknown chunk
// types with each upper-bit action (§3.2), bundled INIT (§6.10), oversized messages,
// DATA on a stream beyond the negotiated count (§6.5), TSN wrap-around (§1.6 serial
// arithmetic) and bad checksums (§6.8). Each case: the RFC reaction, the counter, and the
// association (where there is one) still working.
#include <algorithm>

#include "forge.h"
#include "wire/cause/cause_code.h"
#include "wire/chunk/init_ack_chunk.h"
#include "wire/chunk/init_chunk.h"
#include "wire/chunk/sack_chunk.h"
#include "wire/param/parameter_type.h"

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

TEST(MalformedInput, Rfc9260_3_2_ZeroAndShortChunkLengthsAreDiscarded) {
  Established s;
  for (const uint16_t len : {uint16_t{0}, uint16_t{2}, uint16_t{3}}) {
    s.to_z(forge(s.z_tag, [&](auto& w) {
      w.put_u8(static_cast<uint8_t>(ChunkType::kSack));
      w.put_u8(0);
      w.put_u16(len);
      w.put_zeros(12);
    }));
  }
  EXPECT_EQ(s.net.z->counters().DpsctpMalformedPackets, 3u);
  EXPECT_TRUE(s.net.q.empty());
  expect_alive(s.net, s.a, s.z);
}

TEST(MalformedInput, Rfc9260_3_2_ChunkLengthPastThePacketIsDiscarded) {
  Established s;
  const Bytes payload = testing::pattern(20, 3);
  Bytes p = forge(s.z_tag, [&](auto& w) {
    testing::data_chunk(w, s.next_tsn_from_a(), 1, 0, payload);
  });
  wire::store_u16(p.data() + 12 + 2, 1000);  // DATA chunk length: far past the packet end
  testing::fix_crc(p);
  s.to_z(p);
  EXPECT_EQ(s.net.z->counters().DpsctpMalformedPackets, 1u);
  EXPECT_TRUE(s.net.lz.payloads.empty());
  EXPECT_TRUE(s.net.q.empty());
  expect_alive(s.net, s.a, s.z);
}

TEST(MalformedInput, Rfc9260_3_2_1_ParameterLongerThanItsChunkIsDiscarded) {
  Established s;
  // A HEARTBEAT whose Heartbeat Info claims 200 bytes inside a 12-byte chunk.
  s.to_z(forge(s.z_tag, [&](auto& w) {
    const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kHeartbeat), 0);
    w.put_u16(wire::param_type::kHeartbeatInfo);
    w.put_u16(200);
    w.put_u32(7);
    w.end_tlv(m);
  }));
  EXPECT_EQ(s.net.z->counters().DpsctpMalformedPackets, 1u);
  EXPECT_TRUE(s.net.q.empty());  // no HEARTBEAT ACK
  // An INIT from a new peer whose parameter overruns the chunk: no INIT ACK, no state.
  EndpointPair fresh;
  fresh.z->handle_packet(forge(0, [](auto& w) {
    const auto m = wire::InitChunk::begin(w, VerificationTag(99), 65536, 10, 10, Tsn(5));
    w.put_u16(wire::param_type::kIpv4Address);
    w.put_u16(64);
    w.put_u32(0x0a000009);
    w.end_tlv(m);
  }), {IpAddress::v4(10, 0, 0, 9), fresh.ip_z}, fresh.now);
  EXPECT_EQ(fresh.z->counters().DpsctpMalformedPackets, 1u);
  Capture none;
  for (const auto& w : fresh.q) none.packets.push_back(w.bytes);
  EXPECT_EQ(none.count(ChunkType::kInitAck), 0);
  EXPECT_EQ(fresh.z->association_count(), 0u);
  expect_alive(s.net, s.a, s.z);
}

struct UnknownCase {
  uint8_t type;
  bool continues;  // the HEARTBEAT behind it is processed (a HEARTBEAT ACK comes back)
  bool reports;    // an ERROR with Unrecognized Chunk Type comes back
};

class UnknownChunk : public ::testing::TestWithParam<UnknownCase> {};

TEST_P(UnknownChunk, Rfc9260_3_2_UpperBitsSelectTheAction) {
  const UnknownCase k = GetParam();
  Established s;
  Capture cz;
  cz.attach(s.net.sink_z);
  s.to_z(forge(s.z_tag, [&](auto& w) {
    const auto m = w.begin_chunk(k.type, 0);
    w.put_u32(0xabcdef01);
    w.end_tlv(m);
    const auto hb = w.begin_chunk(static_cast<uint8_t>(ChunkType::kHeartbeat), 0);
    const auto info = w.begin_tlv(wire::param_type::kHeartbeatInfo);
    w.put_u32(0x11223344);
    w.end_tlv(info);
    w.end_tlv(hb);
  }));
  EXPECT_EQ(s.net.z->counters().DpsctpUnrecognizedChunks, 1u);
  EXPECT_EQ(cz.count(ChunkType::kHeartbeatAck), k.continues ? 1 : 0);
  EXPECT_EQ(cz.first_cause(ChunkType::kError),
            k.reports ? wire::cause_code::kUnrecognizedChunkType : -1);
  expect_alive(s.net, s.a, s.z);
}

INSTANTIATE_TEST_SUITE_P(AllFourActions, UnknownChunk,
                         ::testing::Values(UnknownCase{0x30, false, false},   // 00 stop
                                           UnknownCase{0x70, false, true},    // 01 stop, report
                                           UnknownCase{0xb0, true, false},    // 10 skip
                                           UnknownCase{0xf0, true, true}));   // 11 skip, report

TEST(MalformedInput, Rfc9260_3_2_UnknownChunkFloodKeepsTheErrorReportBounded) {
  Established s;
  Capture cz;
  cz.attach(s.net.sink_z);
  // 30 packets, each with five 300-byte skip-and-report chunks: the reports held for
  // the next packet stay bounded and still fit a packet (an ERROR goes out each time).
  for (int i = 0; i < 30; ++i) {
    s.to_z(forge(s.z_tag, [&](auto& w) {
      for (int c = 0; c < 5; ++c) {
        const auto m = w.begin_chunk(0xf1, 0);
        w.put_zeros(296);
        w.end_tlv(m);
      }
    }));
  }
  EXPECT_EQ(s.net.z->counters().DpsctpUnrecognizedChunks, 150u);
  EXPECT_EQ(cz.count(ChunkType::kError), 30);
  for (const Bytes& p : cz.packets) EXPECT_LE(p.size(), 1480u);
  expect_alive(s.net, s.a, s.z);
}

TEST(MalformedInput, Rfc9260_6_10_InitBundledWithOtherChunksIsDiscarded) {
  EndpointPair net;
  const IpAddress x = IpAddress::v4(10, 0, 0, 9);
  auto init = [](auto& w) {
    w.end_tlv(wire::InitChunk::begin(w, VerificationTag(77), 65536, 10, 10, Tsn(1)));
  };
  net.z->handle_packet(forge(0, [&](auto& w) {
    init(w);
    bare_chunk(w, ChunkType::kCookieAck);
  }), {x, net.ip_z}, net.now);
  net.z->handle_packet(forge(0, [&](auto& w) {
    bare_chunk(w, ChunkType::kCookieAck);
    init(w);
  }), {x, net.ip_z}, net.now);
  EXPECT_EQ(net.z->counters().DpsctpMalformedPackets, 2u);
  EXPECT_TRUE(net.q.empty());
  // Positive control: the same INIT alone gets an INIT ACK.
  net.z->handle_packet(forge(0, init), {x, net.ip_z}, net.now);
  ASSERT_EQ(net.q.size(), 1u);
  EXPECT_TRUE(wire::PacketView::parse(net.q.front().bytes)->first_chunk().is(ChunkType::kInitAck));
}

TEST(MalformedInput, Rfc9260_6_2_OversizedMessagesAreRefusedDeliveredOrAbortedNeverStalled) {
  AssociationOptions o;
  o.send_buffer = 64 * 1024;
  o.receive_window = 16 * 1024;
  Established s(o);
  // Larger than the whole send buffer: can never be accepted (not "retry later").
  const Bytes huge = testing::pattern(o.send_buffer + 1, 5);
  EXPECT_EQ(s.net.a->send(s.a, StreamId(0), ppid::kS1ap, huge, {}, s.net.now),
            SendStatus::kMessageTooLarge);
  // Up to the receive window: delivered whole.
  const Bytes fits = testing::pattern(12 * 1024, 6);
  ASSERT_EQ(s.net.a->send(s.a, StreamId(0), ppid::kS1ap, fits, {}, s.net.now), SendStatus::kOk);
  s.net.run_for(std::chrono::seconds(5));
  ASSERT_EQ(s.net.lz.payloads.size(), 1u);
  EXPECT_EQ(s.net.lz.payloads[0], fits);
  expect_alive(s.net, s.a, s.z);
  // Larger than the receive window but within twice it: the receiver keeps taking the
  // next TSN in sequence past its window (§6.2 would otherwise stall it), so it arrives.
  const Bytes larger = testing::pattern(24 * 1024, 8);
  ASSERT_EQ(s.net.a->send(s.a, StreamId(0), ppid::kS1ap, larger, {}, s.net.now),
            SendStatus::kOk);
  s.net.run_for(std::chrono::seconds(30));
  ASSERT_EQ(s.net.lz.payloads.size(), 3u);
  EXPECT_EQ(s.net.lz.payloads[2], larger);
  EXPECT_EQ(s.net.z->association(s.z)->status().pending_reassembly_bytes, 0u);
  // Far larger than the window (no partial delivery, RFC 6458 §8.1.20): the receiver
  // cannot ever hold it. It ABORTs with Out of Resource (§3.3.10.4) rather than stall for
  // good; nothing is lost silently: the drops are counted, the message comes back to
  // the sender as send-failed.
  const Bytes big = testing::pattern(40 * 1024, 7);
  ASSERT_EQ(s.net.a->send(s.a, StreamId(0), ppid::kS1ap, big, {.context = 77}, s.net.now),
            SendStatus::kOk);
  s.net.run_for(std::chrono::minutes(1));
  EXPECT_EQ(s.net.lz.payloads.size(), 3u);
  EXPECT_GT(s.net.z->counters().DpsctpReceiveBufferDrops, 0u);
  EXPECT_TRUE(s.net.lz.saw(AssocChangeState::kCommLost));
  ASSERT_TRUE(s.net.la.saw(AssocChangeState::kCommLost));
  EXPECT_EQ(s.net.la.changes.back().error, wire::cause_code::kOutOfResource);
  // RFC 6458 §6.1.4: the message comes back once, whole, with its context (it was cut
  // into fragments, some sent, some not: both queues held it).
  ASSERT_EQ(s.net.la.failed.size(), 1u);
  EXPECT_EQ(s.net.la.failed[0].context, 77u);
  EXPECT_TRUE(s.net.la.failed[0].was_sent);
  EXPECT_EQ(s.net.la.failed_payloads[0], big);
}

TEST(MalformedInput, Rfc9260_6_5_DataOnAStreamBeyondTheInboundCountIsReported) {
  Established s;
  const uint16_t streams = s.net.z->association(s.z)->tcb().inbound_streams;
  const Tsn tsn = s.next_tsn_from_a();
  const Bytes payload = testing::pattern(30, 7);
  Capture cz;
  cz.attach(s.net.sink_z);
  s.to_z(forge(s.z_tag, [&](auto& w) {
    const auto d = payload;
    testing::data_chunk(w, tsn, streams, 0, d);
  }));
  s.net.z->handle_timeout(s.net.now + std::chrono::seconds(1));
  EXPECT_EQ(s.net.z->counters().DpsctpInvalidStreams, 1u);
  EXPECT_TRUE(s.net.lz.payloads.empty());
  // §6.5: ERROR with Invalid Stream Identifier naming the stream; the TSN is acked.
  EXPECT_EQ(cz.first_cause(ChunkType::kError), wire::cause_code::kInvalidStreamIdentifier);
  bool acked = false;
  for (const Bytes& p : cz.packets) {
    auto v = wire::PacketView::parse(p);
    for (const wire::ChunkView& c : v->chunks()) {
      if (!c.is(ChunkType::kSack)) continue;
      auto sack = wire::SackChunk::parse(c);
      acked |= sack && sack->cum_tsn_ack == tsn;
    }
    for (const wire::ChunkView& c : v->chunks()) {
      if (c.is(ChunkType::kError)) {
        EXPECT_EQ(wire::load_u16(c.bytes.data() + 8), streams);  // the stream in the cause
      }
    }
  }
  EXPECT_TRUE(acked);
  // The next TSN on a valid stream is delivered.
  s.to_z(forge(s.z_tag, [&](auto& w) { testing::data_chunk(w, tsn.next(), 0, 0, payload); }));
  ASSERT_EQ(s.net.lz.payloads.size(), 1u);
  EXPECT_EQ(s.net.lz.payloads[0], payload);
}

TEST(MalformedInput, Rfc9260_6_8_BadChecksumOnAnAssociationPacketIsDropped) {
  Established s;
  const Bytes payload = testing::pattern(50, 8);
  Bytes p = forge(s.z_tag, [&](auto& w) {
    testing::data_chunk(w, s.next_tsn_from_a(), 1, 0, payload);
  });
  p[p.size() - 5] ^= std::byte{0x10};  // one payload bit: the CRC no longer matches
  s.to_z(p);
  EXPECT_EQ(s.net.z->counters().SctpChecksumErrors, 1u);
  EXPECT_TRUE(s.net.lz.payloads.empty());
  expect_alive(s.net, s.a, s.z);
}

// --- TSN wrap-around -----------------------------------------------------------------

/// A scripted client (10.0.0.9) that completes the handshake with Z by hand, choosing its
/// own initial TSN, then sends hand-made DATA.
struct ScriptedClient {
  EndpointPair net;
  IpAddress ip = IpAddress::v4(10, 0, 0, 9);
  uint32_t z_tag = 0;
  uint32_t my_tag = 0x51515151;

  std::vector<Bytes> take_from_z() {
    std::vector<Bytes> out;
    for (auto& w : net.q) out.push_back(std::move(w.bytes));
    net.q.clear();
    return out;
  }
  void to_z(const Bytes& p) { net.z->handle_packet(p, {ip, net.ip_z}, net.now); }

  bool handshake(Tsn initial_tsn) {
    to_z(forge(0, [&](auto& w) {
      w.end_tlv(wire::InitChunk::begin(w, VerificationTag(my_tag), 1 << 20, 10, 10, initial_tsn));
    }));
    Bytes cookie;
    for (const Bytes& p : take_from_z()) {
      auto v = wire::PacketView::parse(p);
      auto ack = wire::InitAckChunk::parse(v->first_chunk());
      if (!ack) continue;
      z_tag = ack->initiate_tag.value();
      for (const wire::TlvView& t : ack->parameters()) {
        if (t.type == wire::param_type::kStateCookie) cookie.assign(t.value().begin(), t.value().end());
      }
    }
    if (cookie.empty()) return false;
    to_z(forge(z_tag, [&](auto& w) {
      const auto m = w.begin_chunk(static_cast<uint8_t>(ChunkType::kCookieEcho), 0);
      w.put_bytes(cookie);
      w.end_tlv(m);
    }));
    (void)take_from_z();  // COOKIE ACK
    return net.z->association_count() == 1;
  }
};

TEST(MalformedInput, Rfc9260_1_6_TsnWrapAroundDeliversEveryMessageExactlyOnceInOrder) {
  ScriptedClient c;
  const Tsn first(0xfffffff0u);
  ASSERT_TRUE(c.handshake(first));
  // 20 messages on stream 1, SSN 0..19; message 13 in four fragments. TSNs run from
  // 0xfffffff0 across 2^32 to 0x00000006; message 13's fragments straddle the wrap.
  struct Chunk {
    Tsn tsn;
    uint16_t ssn;
    bool b, e;
    Bytes data;
  };
  std::vector<Chunk> chunks;
  std::vector<Bytes> expected;
  Tsn t = first;
  for (uint16_t m = 0; m < 20; ++m) {
    const int frags = m == 13 ? 4 : 1;
    Bytes whole;
    for (int f = 0; f < frags; ++f) {
      Bytes part = testing::pattern(100 + static_cast<size_t>(m * 10 + f), static_cast<uint8_t>(m * 16 + f));
      whole.insert(whole.end(), part.begin(), part.end());
      chunks.push_back({t, m, f == 0, f == frags - 1, std::move(part)});
      t = t.next();
    }
    expected.push_back(std::move(whole));
  }
  ASSERT_EQ(chunks[13].tsn.value(), 0xfffffffdu);
  ASSERT_EQ(chunks[16].tsn.value(), 0u);
  ASSERT_EQ(chunks.back().tsn.value(), 6u);  // wrapped
  // Swap neighbours (out-of-order arrival) and send one duplicate across the wrap.
  for (size_t i = 0; i + 1 < chunks.size(); i += 3) std::swap(chunks[i], chunks[i + 1]);
  chunks.push_back(chunks[6]);
  for (const Chunk& k : chunks) {
    c.to_z(forge(c.z_tag, [&](auto& w) {
      testing::data_chunk(w, k.tsn, 1, k.ssn, k.data, k.b, k.e);
    }));
  }
  c.net.now += std::chrono::seconds(1);
  c.net.z->handle_timeout(c.net.now);  // the delayed SACK
  ASSERT_EQ(c.net.lz.payloads.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(c.net.lz.payloads[i], expected[i]) << "message " << i;
    EXPECT_EQ(c.net.lz.messages[i].ssn, Ssn(static_cast<uint16_t>(i)));
  }
  EXPECT_EQ(c.net.z->counters().DpsctpDuplicateTsns, 1u);
  // The last SACK acknowledges everything, cumulatively, across the wrap.
  std::optional<wire::SackChunk> last;
  std::vector<Bytes> out = c.take_from_z();  // keeps the bytes `last` views alive
  for (const Bytes& p : out) {
    auto v = wire::PacketView::parse(p);
    for (const wire::ChunkView& ch : v->chunks()) {
      if (!ch.is(ChunkType::kSack)) continue;
      if (auto sack = wire::SackChunk::parse(ch)) last = *sack;
    }
  }
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->cum_tsn_ack.value(), 6u);
  EXPECT_EQ(last->num_gap_blocks, 0u);
}

}  // namespace
}  // namespace dpsctp::core
