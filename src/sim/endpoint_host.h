// EndpointHost: puts a core::Endpoint on the simulator's virtual network. It is the
// Endpoint's PacketSink (packets are built in a buffer owned here, then copied into the
// Network's pooled buffers by Network::send) and the Network's Host (received packets
// and timer expiries go to the Endpoint with the virtual time). It attaches every address
// in EndpointConfig::local_addresses, so a multi-homed endpoint is one host with several
// addresses, and detaches them when destroyed — destroying one and building another with
// the same addresses is how a test restarts a peer (RFC 9260 §5.2.2, §5.2.4 A).
//
// No RFC sections of its own: test infrastructure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/endpoint.h"
#include "core/packet_sink.h"
#include "dpsctp/events.h"
#include "sim/host.h"
#include "sim/network.h"

namespace dpsctp::sim {

class EndpointHost final : public Host, public core::PacketSink {
 public:
  /// Builds the Endpoint at the network's current time and attaches its local addresses.
  /// `net` and `listener` must outlive the host.
  EndpointHost(Network& net, core::EndpointConfig config, Listener& listener);
  ~EndpointHost() override;
  EndpointHost(const EndpointHost&) = delete;
  EndpointHost& operator=(const EndpointHost&) = delete;

  core::Endpoint& endpoint() { return endpoint_; }
  [[nodiscard]] const core::Endpoint& endpoint() const { return endpoint_; }

  // --- User calls at the network's current virtual time ---------------------------------
  std::optional<AssocId> connect(std::span<const IpAddress> peers, uint16_t peer_port) {
    return endpoint_.connect(peers, peer_port, net_.now());
  }
  core::SendStatus send(AssocId a, StreamId stream, Ppid ppid, wire::ByteSpan data,
                        const core::SendOptions& opt = {}) {
    return endpoint_.send(a, stream, ppid, data, opt, net_.now());
  }
  void shutdown(AssocId a) { endpoint_.shutdown(a, net_.now()); }
  void abort(AssocId a) { endpoint_.abort(a, {}, net_.now()); }

  // --- Host ------------------------------------------------------------------------------
  void receive(wire::ByteSpan packet, const IpAddress& src, const IpAddress& dst,
               Instant now) override;
  void on_timer(Instant now) override;
  [[nodiscard]] Instant next_timer() const override;

  // --- core::PacketSink --------------------------------------------------------------------
  wire::MutableByteSpan next_buffer() override { return buffer_; }
  void send(size_t len, const IpAddress& src, const IpAddress& dst) override;

  /// Packets the Endpoint has sent.
  [[nodiscard]] uint64_t packets_sent() const { return packets_sent_; }

 private:
  /// Large enough for any packet the core builds (at least AssociationOptions::mtu).
  static constexpr size_t kBufferSize = 65536;

  Network& net_;
  std::vector<std::byte> buffer_;
  uint64_t packets_sent_ = 0;
  core::Endpoint endpoint_;  // last: built with *this as its sink
};

}  // namespace dpsctp::sim
