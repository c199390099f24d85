// Helpers of the robustness tests: hand-built (forged) packets injected into an Endpoint
// of an EndpointPair, a capture of what an endpoint sends, and a liveness check of an
// established association (a message each way still arrives, byte-exact).
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <tuple>
#include <vector>

#include "endpoint_pair.h"
#include "wire/chunk/data_chunk.h"
#include "wire/crc32c.h"
#include "wire/packet_builder.h"
#include "wire/packet_view.h"

namespace dpsctp::core::testing {

using Bytes = std::vector<std::byte>;

/// A packet with the given tag and ports; `chunks` writes its chunks. Valid CRC32c.
inline Bytes forge(uint32_t vtag, const std::function<void(wire::BufferWriter&)>& chunks,
                   uint16_t src_port = EndpointPair::kPort,
                   uint16_t dst_port = EndpointPair::kPort) {
  std::array<std::byte, 4096> buf{};
  wire::PacketBuilder b(buf, {.src_port = src_port, .dst_port = dst_port,
                              .vtag = VerificationTag(vtag)});
  chunks(b.writer());
  wire::MutableByteSpan p = b.finish();
  return {p.begin(), p.end()};
}

/// Writes an empty-bodied chunk (ABORT, SHUTDOWN COMPLETE, COOKIE ACK...).
inline void bare_chunk(wire::BufferWriter& w, wire::ChunkType t, uint8_t flags = 0) {
  w.end_tlv(w.begin_chunk(static_cast<uint8_t>(t), flags));
}

inline void data_chunk(wire::BufferWriter& w, Tsn tsn, uint16_t stream, uint16_t ssn,
                       wire::ByteSpan payload, bool beginning = true, bool ending = true) {
  wire::DataChunk d;
  d.tsn = tsn;
  d.stream = StreamId(stream);
  d.ssn = Ssn(ssn);
  d.ppid = ppid::kS1ap;
  d.beginning = beginning;
  d.ending = ending;
  d.payload = payload;
  d.serialize_to(w);
}

/// Recomputes the CRC32c after a test edited the bytes.
inline void fix_crc(Bytes& p) { wire::write_sctp_checksum(p); }

/// Everything one side sends, as parsed chunk-type lists plus raw copies (packets pass on).
struct Capture {
  std::vector<Bytes> packets;
  void attach(QueueSink& s) {
    s.drop_if = [this](wire::ByteSpan p) {
      packets.emplace_back(p.begin(), p.end());
      return false;
    };
  }
  /// Number of chunks of type `t` in all captured packets.
  [[nodiscard]] int count(wire::ChunkType t) const {
    int n = 0;
    for (const Bytes& b : packets) {
      auto v = wire::PacketView::parse(b);
      if (!v) continue;
      for (const wire::ChunkView& c : v->chunks()) n += c.is(t) ? 1 : 0;
    }
    return n;
  }
  /// The first error cause code of the first chunk of type `t` (ABORT / ERROR), or -1.
  [[nodiscard]] int first_cause(wire::ChunkType t) const {
    for (const Bytes& b : packets) {
      auto v = wire::PacketView::parse(b);
      if (!v) continue;
      for (const wire::ChunkView& c : v->chunks()) {
        if (c.is(t) && c.bytes.size() >= 8) return wire::load_u16(c.bytes.data() + 4);
      }
    }
    return -1;
  }
  void clear() { packets.clear(); }
};

inline Bytes pattern(size_t n, uint8_t seed) {
  Bytes v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<std::byte>(seed + i * 7);
  return v;
}

/// The association still works both ways: one message A -> Z and one Z -> A arrive.
/// `a_to_z` false after a test injected DATA that Z accepted in A's name: those TSNs are
/// taken, so A's next real DATA is (correctly) a duplicate at Z.
inline void expect_alive(EndpointPair& net, AssocId a, AssocId z, bool a_to_z = true) {
  const size_t za = net.lz.payloads.size();
  const size_t aa = net.la.payloads.size();
  const Bytes m1 = pattern(300, 1);
  const Bytes m2 = pattern(200, 2);
  if (a_to_z) {
    ASSERT_EQ(net.a->send(a, StreamId(1), ppid::kS1ap, m1, {}, net.now), SendStatus::kOk);
  }
  ASSERT_EQ(net.z->send(z, StreamId(2), ppid::kNgap, m2, {}, net.now), SendStatus::kOk);
  net.run_for(std::chrono::seconds(2));
  ASSERT_EQ(net.lz.payloads.size(), za + (a_to_z ? 1 : 0));
  ASSERT_EQ(net.la.payloads.size(), aa + 1);
  if (a_to_z) {
    EXPECT_EQ(net.lz.payloads.back(), m1);
  }
  EXPECT_EQ(net.la.payloads.back(), m2);
  ASSERT_NE(net.z->association(z), nullptr);
  EXPECT_EQ(net.z->association(z)->state(), AssocState::kEstablished);
  EXPECT_EQ(net.a->association(a)->state(), AssocState::kEstablished);
}

/// Two endpoints with one ESTABLISHED association, and a way to inject forged packets
/// into Z as if they came from A (or from another address).
struct Established {
  EndpointPair net;
  AssocId a, z;
  uint32_t z_tag = 0;  // Z's local tag: what A's packets carry
  uint32_t a_tag = 0;
  explicit Established(AssociationOptions o = {}) : net(o) {
    std::tie(a, z) = net.establish();
    z_tag = net.z->association(z)->local_tag().value();
    a_tag = net.a->association(a)->local_tag().value();
  }
  void to_z(const Bytes& p, const IpAddress& from) {
    net.z->handle_packet(p, {from, net.ip_z}, net.now);
  }
  void to_z(const Bytes& p) { to_z(p, net.ip_a); }
  /// The TSN A's next DATA chunk would carry (nothing sent by A yet).
  [[nodiscard]] Tsn next_tsn_from_a() const {
    return net.z->association(z)->tcb().peer_initial_tsn;
  }
};

}  // namespace dpsctp::core::testing
