// ApiStatus names for logs and test failure messages.
#include "dpsctp/api_status.h"

namespace dpsctp {

const char* to_string(ApiStatus s) {
  switch (s) {
    case ApiStatus::kOk:
      return "ok";
    case ApiStatus::kInvalidArgument:
      return "invalid argument";
    case ApiStatus::kNoSuchAssociation:
      return "no such association";
    case ApiStatus::kUnknownPeerAddress:
      return "unknown peer address";
    case ApiStatus::kNotBound:
      return "not bound";
    case ApiStatus::kInvalidStream:
      return "invalid stream";
    case ApiStatus::kWouldBlock:
      return "would block (send buffer full)";
    case ApiStatus::kMessageTooLarge:
      return "message too large";
    case ApiStatus::kEmptyMessage:
      return "empty message";
    case ApiStatus::kInvalidState:
      return "invalid association state";
    case ApiStatus::kAlreadyConnected:
      return "already connected";
    case ApiStatus::kResourceExhausted:
      return "resource exhausted";
    case ApiStatus::kNotSupported:
      return "not supported";
    case ApiStatus::kNotForLiveAssociation:
      return "not settable per association";
    case ApiStatus::kEndpointActive:
      return "endpoint already active";
  }
  return "?";
}

}  // namespace dpsctp
