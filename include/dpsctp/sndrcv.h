// Per-message ancillary data of the embedding API (dpsctp/api.h): what the caller says
// about a message it sends (RFC 6458 §5.3.4 sctp_sndinfo, §5.3.7 sctp_prinfo) and what it
// learns about a message it receives (RFC 6458 §5.3.5 sctp_rcvinfo). Flag values are
// the Linux <linux/sctp.h> ones, so code ported from sctp_sendv() keeps its constants.
#pragma once

#include <cstdint>

#include "dpsctp/types.h"

namespace dpsctp {

/// RFC 6458 §5.3.4 snd_flags.
namespace sndflag {
inline constexpr uint16_t kUnordered = 1u << 0;  ///< SCTP_UNORDERED: U bit (RFC 9260 §6.6)
inline constexpr uint16_t kAddrOver = 1u << 1;   ///< SCTP_ADDR_OVER: not supported
inline constexpr uint16_t kAbort = 1u << 2;      ///< SCTP_ABORT: abort; the data is the reason
inline constexpr uint16_t kSackImmediately = 1u << 3;  ///< SCTP_SACK_IMMEDIATELY: not supported
inline constexpr uint16_t kSendAll = 1u << 6;          ///< SCTP_SENDALL: to every association
inline constexpr uint16_t kEof = 0x200;  ///< SCTP_EOF (MSG_FIN): graceful shutdown after
inline constexpr uint16_t kKnown =
    kUnordered | kAddrOver | kAbort | kSackImmediately | kSendAll | kEof;
}  // namespace sndflag

/// RFC 6458 §5.3.4 struct sctp_sndinfo (the association is send()'s first argument).
struct SndInfo {
  StreamId sid{0};
  uint16_t flags = 0;  ///< sndflag::*
  Ppid ppid{0};
  uint32_t context = 0;  ///< handed back in SendFailed if the message is not delivered
  friend bool operator==(const SndInfo&, const SndInfo&) = default;
};

/// RFC 6458 §5.3.7 pr_policy; RFC 7496 §4 adds the limited-retransmissions policy.
enum class PrPolicy : uint8_t {
  kNone,  ///< SCTP_PR_SCTP_NONE: fully reliable
  kTtl,   ///< SCTP_PR_SCTP_TTL: timed reliability (RFC 3758 §3.5 A1), value in ms
  kRtx,   ///< SCTP_PR_SCTP_RTX (RFC 7496 §3.1): value = retransmissions allowed
};

/// RFC 6458 §5.3.7 struct sctp_prinfo.
struct PrInfo {
  PrPolicy policy = PrPolicy::kNone;
  /// kTtl: lifetime in milliseconds, 0 = no limit (as Linux); kRtx: how many times a chunk
  /// may be retransmitted before the message is abandoned (0: sent once). PR-SCTP applies
  /// to sent data only if the peer supports it (RFC 3758 §3.3.1).
  uint32_t value = 0;
  friend bool operator==(const PrInfo&, const PrInfo&) = default;
};

/// RFC 6458 §5.3.5 rcv_flags.
namespace rcvflag {
inline constexpr uint16_t kUnordered = 1u << 0;  ///< SCTP_UNORDERED
}  // namespace rcvflag

/// RFC 6458 §5.3.5 struct sctp_rcvinfo. rcv_cumtsn is missing: the core does not report
/// its cumulative TSN with a delivered message.
struct RcvInfo {
  StreamId sid{};
  Ssn ssn{};           ///< 0 for unordered messages
  uint16_t flags = 0;  ///< rcvflag::*
  Ppid ppid{};
  Tsn tsn{};             ///< TSN of the message's last fragment
  uint32_t context = 0;  ///< the association's SCTP_CONTEXT value (RFC 6458 §8.1.17)
  AssocId assoc_id{};
};

}  // namespace dpsctp
