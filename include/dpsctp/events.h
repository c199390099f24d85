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

struct RemoteError {
  AssocId assoc;
  uint16_t cause_code = 0;
  std::span<const std::byte> cause;  ///< the whole cause TLV
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
};

}  // namespace dpsctp
