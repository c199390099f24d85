// SocketListener: what the embedding API (dpsctp/api.h) tells the application. Messages
// always arrive with their RFC 6458 §5.3.5 rcvinfo; notifications only when subscribed
// (SCTP_EVENT, dpsctp/notifications.h). The event structs are the core's (dpsctp/events.h).
//
// Called synchronously from inside Socket's entry points. A listener may call
// Socket::send() / shutdown() / abort(); it must not destroy the Socket. Spans are valid
// only during the call.
#pragma once

#include <cstddef>
#include <span>

#include "dpsctp/events.h"
#include "dpsctp/sndrcv.h"

namespace dpsctp {

class SocketListener {
 public:
  virtual ~SocketListener() = default;
  virtual void on_message(const RcvInfo& info, std::span<const std::byte> data) = 0;
  virtual void on_assoc_change(const AssocChange& /*e*/) {}         ///< kAssocChange
  virtual void on_peer_addr_change(const PeerAddrChange& /*e*/) {}  ///< kPeerAddrChange
  virtual void on_remote_error(const RemoteError& /*e*/) {}         ///< kRemoteError
  virtual void on_send_failed(const SendFailed& /*e*/) {}           ///< kSendFailed
  virtual void on_shutdown_event(AssocId /*assoc*/) {}              ///< kShutdown
  virtual void on_sender_dry(AssocId /*assoc*/) {}                  ///< kSenderDry
};

}  // namespace dpsctp
