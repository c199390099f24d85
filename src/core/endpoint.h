// Endpoint: one local SCTP port with its addresses (RFC 9260 §2.5 "SCTP endpoint"), the
// associations it owns, and the stateless half of the handshake. The sans-IO entry point
// of the core:
//
//   inputs   handle_packet(bytes, {src, dst}, now)   a received SCTP packet
//            handle_timeout(now)                     when now >= next_timeout()
//            connect / send / shutdown / abort       user calls (RFC 9260 §11.1)
//   outputs  PacketSink::send                        packets, built in place
//            Listener                                events and received messages
//
// Files: endpoint.cc (demultiplexing, §8.4 OOTB, §8.5 tags, user calls, timers) and
// endpoint_handshake.cc (INIT -> INIT ACK without state, COOKIE ECHO and §5.2.4).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/association.h"
#include "core/association_context.h"
#include "core/common/timer_wheel.h"
#include "core/handshake/state_cookie.h"
#include "core/packet_sink.h"
#include "core/random.h"
#include "core/tx/payload.h"
#include "dpsctp/address.h"
#include "dpsctp/counters.h"
#include "dpsctp/events.h"
#include "dpsctp/options.h"
#include "wire/chunk/init_chunk.h"

namespace dpsctp::core {

struct EndpointConfig {
  std::vector<IpAddress> local_addresses;  ///< the first is the default source
  uint16_t port = 0;
  AssociationOptions options;
  std::array<std::byte, 32> cookie_secret{};  ///< HMAC-SHA256 key for State Cookies
  uint64_t seed = 1;                          ///< for tags and TSNs (injected randomness)
  uint16_t shard = 0;     ///< local verification tags satisfy tag % shards == shard
  uint16_t shards = 1;
  uint32_t max_associations = 65536;  ///< beyond it INIT/COOKIE ECHO get "Out of Resource"
  bool verify_checksum = true;        ///< false when the NIC verified the CRC32c
  /// true: every user call (send, ...) builds and sends its packets before returning.
  /// false: user calls only queue; the embedder calls flush() once per batch (the DPDK
  /// runtime does, once per poll-loop iteration), so messages bundle into full packets.
  bool flush_on_user_call = true;
};

struct PacketInfo {
  IpAddress src;  ///< IP source of the packet: the peer
  IpAddress dst;  ///< IP destination: one of our addresses
};

class Endpoint {
 public:
  Endpoint(EndpointConfig config, PacketSink& sink, Listener& listener, Instant now);
  ~Endpoint();
  Endpoint(const Endpoint&) = delete;
  Endpoint& operator=(const Endpoint&) = delete;

  // --- Inputs ---------------------------------------------------------------------------
  void handle_packet(wire::ByteSpan packet, const PacketInfo& info, Instant now);
  void handle_timeout(Instant now);
  /// When handle_timeout() should be called next (at or before the earliest timer).
  [[nodiscard]] Instant next_timeout() const;
  /// Builds and sends what user calls queued (see EndpointConfig::flush_on_user_call).
  void flush(Instant now) { finish_call(now); }

  // --- User calls -------------------------------------------------------------------
  /// Starts an association to `peer_port` at the given addresses (sctp_connectx).
  std::optional<AssocId> connect(std::span<const IpAddress> peers, uint16_t peer_port,
                                 Instant now);
  SendStatus send(AssocId a, StreamId stream, Ppid ppid, wire::ByteSpan data,
                  const SendOptions& opt, Instant now);
  void shutdown(AssocId a, Instant now);
  void abort(AssocId a, wire::ByteSpan reason, Instant now);
  /// ICMP "fragmentation needed" / ICMPv6 "packet too big" quoting a packet we sent to
  /// `peer`:`peer_port` with verification tag `quoted_vtag`; `ip_mtu` is the next-hop MTU.
  /// RFC 9260 Appendix C (ICMP5/ICMP6): the quoted tag must be the association's peer
  /// tag, else the message is ignored (blind attacks). Returns whether a path shrank.
  bool handle_packet_too_big(const IpAddress& peer, uint16_t peer_port,
                             VerificationTag quoted_vtag, uint32_t ip_mtu);
  /// SCTP_PRIMARY_ADDR (RFC 6458 §8.3): the peer address new data goes to.
  bool set_primary(AssocId a, const IpAddress& peer);
  /// RFC 6525 §6.3.3-§6.3.5 (Association::reset_streams / reset_association /
  /// add_streams); kInvalidState if there is no such association.
  ReconfigStatus reset_streams(AssocId a, std::span<const StreamId> streams, bool outgoing,
                               bool incoming, Instant now);
  ReconfigStatus reset_association(AssocId a, Instant now);
  ReconfigStatus add_streams(AssocId a, uint16_t outbound, uint16_t inbound, Instant now);
  /// RFC 9260 §6.2: `bytes` the user holds unconsumed (Association::set_receive_held):
  /// they shrink the advertised window; a window update is sent when it reopens.
  /// May be called from a listener callback.
  void set_receive_held(AssocId a, uint32_t bytes, Instant now);
  /// RFC 8260 §4.3.2 / §4.3.3 (Association::set_stream_scheduler / _value): false if
  /// there is no such association or the value is refused.
  bool set_stream_scheduler(AssocId a, SchedulerKind k);
  bool set_stream_scheduler_value(AssocId a, StreamId s, uint16_t value);

  // --- State ------------------------------------------------------------------------
  [[nodiscard]] const Association* association(AssocId a) const;
  [[nodiscard]] size_t association_count() const { return by_id_.size(); }
  /// Calls f(const Association&) for every association (any order). Control plane only:
  /// stats snapshots, graceful stop; do not call endpoint entry points from `f`.
  template <class F>
  void for_each_association(F&& f) const {
    for (const auto& [id, slot] : by_id_) f(static_cast<const Association&>(*slots_[slot]));
  }
  [[nodiscard]] const SnmpCounters& counters() const { return counters_; }
  [[nodiscard]] const EndpointConfig& config() const { return config_; }
  [[nodiscard]] const PayloadPool& payload_pool() const { return pool_; }

 private:
  struct PeerKey {
    IpAddress ip;
    uint16_t port;
    friend auto operator<=>(const PeerKey&, const PeerKey&) = default;
  };

  // endpoint.cc
  Association* find_by_tag(VerificationTag tag, const PacketInfo& info, uint16_t src_port);
  Association* find_by_peer(const IpAddress& ip, uint16_t port);
  Association* find(AssocId a);
  void handle_ootb(const wire::PacketView& p, const PacketInfo& info);
  void send_reply(const PacketInfo& info, const wire::CommonHeader& to, uint8_t chunk_type,
                  uint8_t flags, uint16_t cause, wire::ByteSpan cause_body);
  VerificationTag new_local_tag();
  Association& insert(std::unique_ptr<Association> a, std::span<const IpAddress> peers,
                      uint16_t peer_port);
  void touched(Association& a);
  void finish_call(Instant now);  ///< flush touched associations, re-arm timers, reap closed
  void remove(uint32_t slot);
  void index_peers(uint32_t slot);

  // endpoint_handshake.cc
  void handle_init(const wire::PacketView& p, const PacketInfo& info, Instant now);
  void handle_cookie_echo(const wire::PacketView& p, const PacketInfo& info, Instant now);
  void send_init_ack(const wire::PacketView& p, const PacketInfo& info, const wire::InitChunk& init,
                     Association* existing, Instant now);
  wire::ByteSpan unrecognized_parameters(wire::TlvRange params);
  bool reject_init_parameters(const wire::PacketView& p, const PacketInfo& info,
                              const wire::InitChunk& init);
  void resolve_existing(Association& a, const CookieContents& c, const TcbParams& params,
                        const wire::PacketView& p, const PacketInfo& info, Instant now);

  EndpointConfig config_;
  SnmpCounters counters_;
  Random rng_;
  PayloadPool pool_;
  CookieSigner cookies_;
  AssociationContext ctx_;
  TimerWheel wheel_;

  std::vector<std::unique_ptr<Association>> slots_;
  std::vector<uint32_t> free_slots_;
  std::unordered_map<uint32_t, uint32_t> by_tag_;  // local verification tag -> slot
  std::unordered_map<uint32_t, uint32_t> by_id_;   // AssocId -> slot
  std::map<PeerKey, uint32_t> by_peer_;             // peer transport address -> slot
  std::vector<uint32_t> touched_;                   // slots to flush at the end of a call
  std::vector<uint32_t> batch_;                     // finish_call()'s working copy
  uint32_t next_assoc_id_ = 1;
  int depth_ = 0;  // > 0 while inside an entry point (listener callbacks re-enter)
  std::array<std::byte, 2048> scratch_{};       // cookie being built
  std::array<std::byte, 512> unrecognized_{};   // INIT parameters to report in the INIT ACK
};

}  // namespace dpsctp::core
