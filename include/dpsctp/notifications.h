// Notification subscriptions of the embedding API (dpsctp/api.h): RFC 6458 §6.2.2
// SCTP_EVENT. Only the notifications the protocol core can raise are listed; the rest of
// RFC 6458 §6.1 (adaptation, partial delivery, authentication, stream reset) does not
// exist here. Every notification is off until subscribed (SCTP_EVENT, as on Linux).
#pragma once

#include <cstdint>

namespace dpsctp {

enum class EventType : uint8_t {
  kAssocChange,     ///< SCTP_ASSOC_CHANGE (§6.1.1)
  kPeerAddrChange,  ///< SCTP_PEER_ADDR_CHANGE (§6.1.2)
  kRemoteError,     ///< SCTP_REMOTE_ERROR (§6.1.3)
  kSendFailed,      ///< SCTP_SEND_FAILED_EVENT (§6.1.11)
  kShutdown,        ///< SCTP_SHUTDOWN_EVENT (§6.1.5)
  kSenderDry,       ///< SCTP_SENDER_DRY_EVENT (§6.1.9)
};
inline constexpr uint8_t kEventTypeCount = 6;

/// A set of EventType.
class EventMask {
 public:
  constexpr EventMask() = default;
  static constexpr EventMask all() { return EventMask((1u << kEventTypeCount) - 1); }
  [[nodiscard]] constexpr bool has(EventType t) const { return (bits_ & bit(t)) != 0; }
  constexpr void set(EventType t, bool on) {
    bits_ = static_cast<uint8_t>(on ? (bits_ | bit(t)) : (bits_ & ~bit(t)));
  }
  [[nodiscard]] constexpr uint8_t bits() const { return bits_; }
  friend constexpr bool operator==(EventMask, EventMask) = default;

 private:
  constexpr explicit EventMask(unsigned b) : bits_(static_cast<uint8_t>(b)) {}
  static constexpr unsigned bit(EventType t) { return 1u << static_cast<unsigned>(t); }
  uint8_t bits_ = 0;
};

}  // namespace dpsctp
