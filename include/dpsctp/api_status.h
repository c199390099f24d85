// ApiStatus: what every call of the embedding API (dpsctp/api.h) returns — the errno
// values a Linux SCTP socket would give (RFC 6458), as one enum with names that say why.
#pragma once

#include <cstdint>

namespace dpsctp {

enum class ApiStatus : uint8_t {
  kOk,
  kInvalidArgument,     ///< EINVAL: a value out of range or inconsistent (rto_min > rto_max)
  kNoSuchAssociation,   ///< EINVAL: the AssocId names no live association
  kUnknownPeerAddress,  ///< EINVAL: not one of the association's peer addresses
  kNotBound,            ///< listen()/connectx() before bindx()
  kInvalidStream,       ///< EINVAL: stream id >= the negotiated outbound streams
  kWouldBlock,          ///< EAGAIN: the send buffer is full; retry after SENDER_DRY / SACKs
  kMessageTooLarge,     ///< EMSGSIZE: larger than the send buffer, or than one chunk with
                        ///< SCTP_DISABLE_FRAGMENTS
  kEmptyMessage,        ///< EINVAL: a DATA chunk carries at least one byte (RFC 9260 §6.2)
  kInvalidState,        ///< EPIPE: the association is shutting down or closed
  kAlreadyConnected,    ///< EISCONN: an association to that peer address and port exists
  kResourceExhausted,   ///< ENOMEM-like: max_associations reached
  kNotSupported,        ///< EOPNOTSUPP: the protocol core has no such feature (yet)
  /// The core keeps this option endpoint-wide: it cannot differ per association. Set it
  /// on the endpoint (assoc_id = kFutureAssoc) before the first listen()/connectx().
  kNotForLiveAssociation,
  /// The core endpoint exists (after the first listen()/connectx()) and reads this
  /// option from a structure it does not let anyone change.
  kEndpointActive,
};

/// "ok", "invalid argument", ...
const char* to_string(ApiStatus s);

}  // namespace dpsctp
