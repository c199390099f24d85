// What the protocol core tells the application: the RFC 6458 §6.1 notification set
// (association change, send failed, shutdown, remote error, sender dry) and received
// messages with their sctp_sndrcvinfo fields.
//
// Listener methods are called synchronously from inside the core's entry points. They may
// call send() on the association (it only queues), but must not destroy the endpoint.
// Spans passed to them are valid only for the duration of the call.
#pragma once

#include <cstdint>
#include <span>

#include "dpsctp/address.h"
#include "dpsctp/types.h"

namespace dpsctp {

/// RFC 6458 §6.1.1 sac_state.
enum class AssocChangeState : uint8_t {
  kCommUp,        ///< SCTP_COMM_UP: association established
  kCommLost,      ///< SCTP_COMM_LOST: failed (retransmissions, ABORT received)
  kRestart,       ///< SCTP_RESTART: the peer restarted (RFC 9260 §5.2.2)
  kShutdownComp,  ///< SCTP_SHUTDOWN_COMP: graceful shutdown done
  kCantStrAssoc,  ///< SCTP_CANT_STR_ASSOC: the handshake failed
};

struct AssocChange {
  AssocId assoc;
  AssocChangeState state = AssocChangeState::kCommUp;
  uint16_t error = 0;  ///< error cause code that caused it (ABORT), else 0
  uint16_t outbound_streams = 0;
  uint16_t inbound_streams = 0;
};

/// A received user message and its sctp_sndrcvinfo (RFC 6458 §5.3.2).
struct ReceivedMessage {
  AssocId assoc;
  StreamId stream;
  Ssn ssn;
  Ppid ppid;
  Tsn tsn;  ///< TSN of the last fragment (like sinfo_tsn)
  bool unordered = false;
  std::span<const std::byte> data;  ///< valid during the callback only
};

/// RFC 6458 §6.1.4 SCTP_SEND_FAILED_EVENT: a message that will not be delivered.
struct SendFailed {
  AssocId assoc;
  StreamId stream;
  Ppid ppid;
  uint32_t context = 0;  ///< the caller's send() context
  bool was_sent = false;  ///< SCTP_DATA_SENT (some of it went on the wire) vs UNSENT
  uint16_t error = 0;
  std::span<const std::byte> data;  ///< the undelivered payload, handed back
};

/// RFC 6458 §6.1.2 spc_state.
enum class PeerAddrState : uint8_t {
  kAvailable,    ///< SCTP_ADDR_AVAILABLE: reachable again
  kUnreachable,  ///< SCTP_ADDR_UNREACHABLE: Path.Max.Retrans exceeded (RFC 9260 §8.2)
  kAdded,        ///< SCTP_ADDR_ADDED: learnt from INIT / INIT ACK
  kMadePrimary,  ///< SCTP_ADDR_MADE_PRIM
  kConfirmed,    ///< SCTP_ADDR_CONFIRMED: verified by a HEARTBEAT ACK (RFC 9260 §5.4)
};

struct PeerAddrChange {
  AssocId assoc;
  IpAddress address;
  PeerAddrState state = PeerAddrState::kAvailable;
  uint16_t error = 0;
};

struct RemoteError {
  AssocId assoc;
  uint16_t cause_code = 0;
  std::span<const std::byte> cause;  ///< the whole cause TLV
};

/// RFC 6525 §6.1.1 SCTP_STREAM_RESET_EVENT: an SSN reset of some streams was performed,
/// denied or failed.
struct StreamResetEvent {
  AssocId assoc;
  bool incoming = false;  ///< SCTP_STREAM_RESET_INCOMING_SSN: our inbound streams
  bool outgoing = false;  ///< SCTP_STREAM_RESET_OUTGOING_SSN: our outbound streams
  bool denied = false;    ///< SCTP_STREAM_RESET_DENIED: the peer refused
  bool failed = false;    ///< SCTP_STREAM_RESET_FAILED: the peer answered with an error
  std::span<const StreamId> streams{};  ///< the streams reset; empty = all of them
};

/// RFC 6525 §6.1.2 SCTP_ASSOC_RESET_EVENT: an SSN/TSN reset (every stream, both TSNs).
struct AssocResetEvent {
  AssocId assoc;
  bool denied = false;  ///< SCTP_ASSOC_RESET_DENIED
  bool failed = false;  ///< SCTP_ASSOC_RESET_FAILED
  Tsn local_tsn{};      ///< next TSN we send (assocreset_local_tsn)
  Tsn remote_tsn{};     ///< next TSN we expect (assocreset_remote_tsn)
};

/// RFC 6525 §6.1.3 SCTP_STREAM_CHANGE_EVENT: streams were added (or the addition refused).
struct StreamChangeEvent {
  AssocId assoc;
  bool denied = false;  ///< SCTP_STREAM_CHANGE_DENIED
  bool failed = false;  ///< SCTP_STREAM_CHANGE_FAILED
  uint16_t inbound_streams = 0;
  uint16_t outbound_streams = 0;
};

class Listener {
 public:
  virtual ~Listener() = default;
  virtual void on_message(const ReceivedMessage& m) = 0;
  virtual void on_assoc_change(const AssocChange& /*e*/) {}
  virtual void on_send_failed(const SendFailed& /*e*/) {}
  virtual void on_shutdown_event(AssocId /*assoc*/) {}  ///< SCTP_SHUTDOWN_EVENT: peer sent SHUTDOWN
  virtual void on_remote_error(const RemoteError& /*e*/) {}
  virtual void on_sender_dry(AssocId /*assoc*/) {}  ///< SCTP_SENDER_DRY_EVENT
  virtual void on_peer_addr_change(const PeerAddrChange& /*e*/) {}  ///< SCTP_PEER_ADDR_CHANGE
  virtual void on_stream_reset(const StreamResetEvent& /*e*/) {}    ///< RFC 6525 §6.1.1
  virtual void on_assoc_reset(const AssocResetEvent& /*e*/) {}      ///< RFC 6525 §6.1.2
  virtual void on_stream_change(const StreamChangeEvent& /*e*/) {}  ///< RFC 6525 §6.1.3
};

}  // namespace dpsctp
