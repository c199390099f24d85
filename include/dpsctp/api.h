// The embedding API: an SCTP one-to-many style socket (RFC 6458 §3, SOCK_SEQPACKET) over
// the sans-IO core. Call names follow RFC 6458: bindx (§9.1), listen, connectx (§9.9),
// sctp_sendv's sndinfo/prinfo (§5.3.4, §5.3.7), rcvinfo (§5.3.5), SCTP_EVENT (§6.2.2) and
// the §8 socket options (dpsctp/sockopt.h) as typed get()/set() overloads.
//
//   Socket s(sink, listener, config);       // sink: the core's PacketSink (I/O)
//   s.set(InitMsg{.num_ostreams = 16});     // endpoint defaults: before listen/connectx
//   s.bindx(addresses, 36412);
//   s.listen(true, now);                    // or: s.connectx(peers, port, now, id)
//   s.send(id, bytes, SndInfo{.sid = StreamId(1), .ppid = ppid::kS1ap}, now);
//   // inputs, from the embedder's loop:
//   s.handle_packet(bytes, src, dst, now); s.handle_timeout(now); s.next_timeout();
//
// Lifecycle: bindx() only records the addresses and port. The core Endpoint is created
// by the first listen(true) or connectx() ("activation"), with the options set so far;
// before that, packets are dropped (counted). The core reads its options from one
// endpoint-wide structure it does not let anyone change, so after activation the options
// that live in the core return kEndpointActive, and per-association values of them
// return kNotForLiveAssociation. Options the facade itself implements (SCTP_EVENT,
// SCTP_DEFAULT_SNDINFO, SCTP_DEFAULT_PRINFO, SCTP_CONTEXT, SCTP_AUTOCLOSE, SCTP_PRIMARY_ADDR)
// work at any time and per association.
//
// listen(false): the core has no hook to refuse an INIT, so it completes the handshake;
// the facade then aborts every association it did not start, at COMM_UP, without telling
// the listener (the peer sees COMM_UP followed by ABORT, not an INIT refused).
//
// Embedding in the DPDK runtime: today runtime::Shard owns core::Endpoints
// (Stack::add_endpoint(port, options, listener)) and feeds them packets and timeouts from
// its poll loop. To use this facade there, the shard would hold a Socket instead (its
// MbufSink is the PacketSink; RX SCTP packets go to Socket::handle_packet, the timer
// check to Socket::next_timeout/handle_timeout, and flush_on_user_call = false with
// Socket::flush once per loop iteration). That wiring is a follow-up, not done here.
//
// Threading: none. One Socket belongs to one shard (lcore); every call must come from it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "dpsctp/address.h"
#include "dpsctp/api_status.h"
#include "dpsctp/counters.h"
#include "dpsctp/notifications.h"
#include "dpsctp/options.h"
#include "dpsctp/sndrcv.h"
#include "dpsctp/socket_listener.h"
#include "dpsctp/sockopt.h"
#include "dpsctp/time.h"
#include "dpsctp/types.h"

namespace dpsctp {

namespace core {
class PacketSink;
}

/// What the embedder decides once (the YAML config in the apps); the options are only the
/// starting defaults, set() changes them until activation.
struct SocketConfig {
  AssociationOptions defaults;
  std::array<std::byte, 32> cookie_secret{};  ///< HMAC-SHA256 key for State Cookies
  uint64_t seed = 1;                          ///< tags and TSNs (injected randomness)
  uint32_t max_associations = 65536;
  uint16_t shard = 0;  ///< local verification tags satisfy tag % shards == shard
  uint16_t shards = 1;
  bool verify_checksum = true;     ///< false when the NIC verified the CRC32c
  bool flush_on_user_call = true;  ///< false: call flush() once per batch (DPDK loop)
};

/// RFC 6458 §9.1 SCTP_BINDX_ADD_ADDR / SCTP_BINDX_REM_ADDR.
enum class BindxOp : uint8_t { kAdd, kRemove };

/// Counters of the facade itself (the core's are in counters()).
struct SocketCounters {
  uint64_t dropped_not_active = 0;    ///< packets before the first listen()/connectx()
  uint64_t refused_associations = 0;  ///< passive associations aborted: not listening
  uint64_t autoclosed = 0;            ///< associations shut down by SCTP_AUTOCLOSE
};

class Socket {
 public:
  /// `sink` and `listener` must outlive the Socket.
  Socket(core::PacketSink& sink, SocketListener& listener, SocketConfig config = {});
  ~Socket();
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  // --- Endpoint ---------------------------------------------------------------------------
  /// RFC 6458 §9.1: adds (or removes) local addresses; all calls use the same port, which
  /// must be non-zero (no ephemeral ports). Only before activation: after it, changing the
  /// addresses needs ASCONF (RFC 5061), which the core lacks (kNotSupported).
  ApiStatus bindx(std::span<const IpAddress> addresses, uint16_t port, BindxOp op = BindxOp::kAdd);
  /// Accept associations from peers (true) or not (false; see the file comment).
  ApiStatus listen(bool on, Instant now);
  [[nodiscard]] bool listening() const;
  /// RFC 6458 §9.9 sctp_connectx: starts an association to `peer_port` at `peers`.
  ApiStatus connectx(std::span<const IpAddress> peers, uint16_t peer_port, Instant now,
                     AssocId& id);

  // --- Data -------------------------------------------------------------------------------
  /// sctp_sendv with an sctp_sndinfo and an sctp_prinfo. Flags: kUnordered; kEof (RFC 9260
  /// §9.2 graceful shutdown after this message, or alone with no data); kAbort (§9.1, the
  /// data is the User-Initiated Abort reason); kSendAll (every established association).
  ApiStatus send(AssocId assoc, std::span<const std::byte> data, const SndInfo& info,
                 const PrInfo& pr, Instant now);
  /// With the association's SCTP_DEFAULT_PRINFO.
  ApiStatus send(AssocId assoc, std::span<const std::byte> data, const SndInfo& info, Instant now);
  /// With the association's SCTP_DEFAULT_SNDINFO and SCTP_DEFAULT_PRINFO.
  ApiStatus send(AssocId assoc, std::span<const std::byte> data, Instant now);
  ApiStatus shutdown(AssocId assoc, Instant now);  ///< RFC 9260 §9.2
  ApiStatus abort(AssocId assoc, std::span<const std::byte> reason, Instant now);  ///< §9.1

  // --- Inputs from the embedder -------------------------------------------------------------
  void handle_packet(std::span<const std::byte> packet, const IpAddress& src, const IpAddress& dst,
                     Instant now);
  void handle_timeout(Instant now);
  /// When handle_timeout() is due next (kNever if nothing is armed).
  [[nodiscard]] Instant next_timeout() const;
  void flush(Instant now);

  // --- Socket options (RFC 6458 §8) --------------------------------------------------------
  ApiStatus set(const RtoInfo& o);
  ApiStatus get(RtoInfo& o) const;
  ApiStatus set(const AssocParams& o);
  ApiStatus get(AssocParams& o) const;
  ApiStatus set(const InitMsg& o);
  ApiStatus get(InitMsg& o) const;
  ApiStatus set(const NoDelay& o);
  ApiStatus get(NoDelay& o) const;
  ApiStatus set(const AutoClose& o);
  ApiStatus get(AutoClose& o) const;
  ApiStatus set(const PrimaryAddr& o);
  ApiStatus get(PrimaryAddr& o) const;
  ApiStatus set(const PeerAddrParams& o);
  ApiStatus get(PeerAddrParams& o) const;
  ApiStatus set(const DefaultSndInfo& o);
  ApiStatus get(DefaultSndInfo& o) const;
  ApiStatus set(const DefaultPrInfo& o);
  ApiStatus get(DefaultPrInfo& o) const;
  ApiStatus set(const Event& o);
  ApiStatus get(Event& o) const;
  ApiStatus set(const MaxSeg& o);
  ApiStatus get(MaxSeg& o) const;
  ApiStatus set(const DisableFragments& o);
  ApiStatus get(DisableFragments& o) const;
  ApiStatus set(const Context& o);
  ApiStatus get(Context& o) const;
  ApiStatus set(const StreamSchedulerOption& o);  ///< RFC 8260 §4.3.2
  ApiStatus get(StreamSchedulerOption& o) const;
  ApiStatus set(const StreamSchedulerValue& o);  ///< RFC 8260 §4.3.3
  ApiStatus get(StreamSchedulerValue& o) const;
  ApiStatus get(AssocStatusInfo& o) const;  ///< SCTP_STATUS
  ApiStatus get(PeerAddrInfo& o) const;     ///< SCTP_GET_PEER_ADDR_INFO

  // --- State ------------------------------------------------------------------------------
  /// Live associations (sctp_getassocids), in no particular order.
  [[nodiscard]] std::vector<AssocId> associations() const;
  /// The association's peer addresses (sctp_getpaddrs).
  [[nodiscard]] std::vector<IpAddress> peer_addresses(AssocId assoc) const;
  [[nodiscard]] const std::vector<IpAddress>& local_addresses() const;
  [[nodiscard]] const SnmpCounters& counters() const;  ///< the core's; zeros before activation
  [[nodiscard]] const SocketCounters& socket_counters() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dpsctp
