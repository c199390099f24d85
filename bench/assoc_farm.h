// AssocFarm: a server Endpoint with N established, idle associations, built without any
// client-side state: for each association a hand-made INIT (no address parameters, a
// distinct Initiate Tag) arrives from a distinct peer address 11.x.y.z:36412, and the
// State Cookie of the INIT ACK is echoed back in a COOKIE ECHO (RFC 9260 §5.1 steps A-E,
// the client half played by this file). Every packet the server handles goes through
// Endpoint::handle_packet, so the server's tables are filled by the real code path.
//
// The heap growth of the server's calls is measured with mallinfo2 (heap_usage.h):
// `fixed_bytes` for constructing the Endpoint (timer wheel sized by max_associations, ...),
// `assoc_bytes` for the N handshakes (the INIT -> INIT ACK half allocates nothing).
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "core/endpoint.h"
#include "heap_usage.h"
#include "wire/chunk/cookie_echo_chunk.h"
#include "wire/chunk/init_ack_chunk.h"
#include "wire/chunk/init_chunk.h"
#include "wire/packet_builder.h"
#include "wire/packet_view.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::bench {

class AssocFarm {
 public:
  struct Peer {
    IpAddress ip;
    VerificationTag server_tag;  ///< the tag packets to the server carry (§8.5)
    Tsn server_initial_tsn;
  };

  explicit AssocFarm(uint32_t n) {
    core::EndpointConfig c;
    c.local_addresses = {kServer};
    c.port = 36412;
    c.seed = 3;
    c.max_associations = n + 16;
    c.verify_checksum = false;  // the NIC-offload configuration (assoc_table_bench)
    HeapMeter fixed;
    fixed.start();
    server_ = std::make_unique<core::Endpoint>(c, sink_, listener_, now_);
    fixed.stop();
    fixed_bytes = fixed.bytes();
    peers.reserve(n);
    HeapMeter per_assoc;
    for (uint32_t i = 0; i < n; ++i) {
      const Peer p = handshake(i, per_assoc);
      if (p.server_tag.value() == 0) break;
      peers.push_back(p);
    }
    assoc_bytes = per_assoc.bytes();
  }

  core::Endpoint& server() { return *server_; }
  static constexpr IpAddress kServer = IpAddress::v4(10, 0, 0, 2);

  std::vector<Peer> peers;
  int64_t fixed_bytes = 0;
  int64_t assoc_bytes = 0;

 private:
  // Keeps the last packet the server sent (the INIT ACK).
  struct Grab final : core::PacketSink {
    std::array<std::byte, 2048> buf{};
    size_t len = 0;
    wire::MutableByteSpan next_buffer() override { return buf; }
    void send(size_t n, const IpAddress&, const IpAddress&) override { len = n; }
  };
  struct Quiet final : Listener {
    void on_message(const ReceivedMessage&) override {}
  };

  Peer handshake(uint32_t i, HeapMeter& meter) {
    const IpAddress ip = IpAddress::v4(11, static_cast<uint8_t>(i >> 16),
                                       static_cast<uint8_t>(i >> 8), static_cast<uint8_t>(i));
    const core::PacketInfo info{ip, kServer};
    std::array<std::byte, 2048> out{};
    // INIT (§3.3.2): no address parameters, so the packet's source is the only peer address.
    wire::PacketBuilder init(out, {.src_port = 36412, .dst_port = 36412, .vtag = VerificationTag(0)});
    const auto m = wire::InitChunk::begin(init.writer(), VerificationTag(i + 1), 106496, 10, 10,
                                          Tsn(i * 7 + 1));
    init.writer().end_tlv(m);
    const wire::MutableByteSpan init_pkt = init.finish();
    sink_.len = 0;
    meter.start();
    server_->handle_packet(init_pkt, info, now_);
    meter.stop();
    Peer peer{ip, VerificationTag(0), Tsn(0)};
    auto view = wire::PacketView::parse(wire::ByteSpan(sink_.buf.data(), sink_.len));
    if (sink_.len == 0 || !view) return peer;
    auto ack = wire::InitAckChunk::parse(view->first_chunk());
    if (!ack) return peer;
    wire::ByteSpan cookie;
    for (const wire::TlvView& t : ack->parameters()) {
      if (t.type == wire::param_type::kStateCookie) cookie = t.value();
    }
    // COOKIE ECHO (§5.1 C) with the INIT ACK's Initiate Tag.
    wire::PacketBuilder echo(out, {.src_port = 36412, .dst_port = 36412, .vtag = ack->initiate_tag});
    wire::CookieEchoChunk{cookie}.serialize_to(echo.writer());
    const wire::MutableByteSpan echo_pkt = echo.finish();
    const size_t before = server_->association_count();
    meter.start();
    server_->handle_packet(echo_pkt, info, now_);
    meter.stop();
    if (server_->association_count() != before + 1) return peer;
    peer.server_tag = ack->initiate_tag;
    peer.server_initial_tsn = ack->initial_tsn;
    return peer;
  }

  Instant now_{};
  Grab sink_;
  Quiet listener_;
  std::unique_ptr<core::Endpoint> server_;
};

}  // namespace dpsctp::bench
