// Socket options of the embedding API (dpsctp/api.h): RFC 6458 §8 option structs, one C++
// struct per option name, read and written with Socket::get() / Socket::set() overloads
// (read-only options have no set()). `assoc_id` selects the association, or kFutureAssoc
// for the endpoint's defaults (RFC 6458 §7.2 SCTP_FUTURE_ASSOC). Times are Durations where
// RFC 6458 has milliseconds; a zero means "leave unchanged" wherever RFC 6458 says so.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "dpsctp/address.h"
#include "dpsctp/notifications.h"
#include "dpsctp/sndrcv.h"
#include "dpsctp/time.h"
#include "dpsctp/types.h"

namespace dpsctp {

/// RFC 6458 §7.2 SCTP_FUTURE_ASSOC: the endpoint (defaults for new associations).
inline constexpr AssocId kFutureAssoc{0};

/// RFC 6458 §8.1.1 SCTP_RTOINFO (RFC 9260 §6.3.1 RTO.Initial / RTO.Max / RTO.Min).
struct RtoInfo {
  AssocId assoc_id = kFutureAssoc;
  Duration initial{0};  ///< 0 = unchanged
  Duration max{0};      ///< 0 = unchanged
  Duration min{0};      ///< 0 = unchanged
};
/// Linux's bounds (SCTP_RTO_HARD_MIN / _MAX): set() rejects values outside them.
inline constexpr Duration kRtoHardMin = std::chrono::milliseconds(200);
inline constexpr Duration kRtoHardMax = std::chrono::hours(24);

/// RFC 6458 §8.1.2 SCTP_ASSOCINFO.
struct AssocParams {
  AssocId assoc_id = kFutureAssoc;
  uint16_t asoc_max_rxt = 0;              ///< Association.Max.Retrans; 0 = unchanged
  uint16_t number_peer_destinations = 0;  ///< read-only
  uint32_t peer_rwnd = 0;                 ///< read-only
  uint32_t local_rwnd = 0;                ///< read-only (the receive window)
  Duration cookie_life{0};                ///< Valid.Cookie.Life; 0 = unchanged
};

/// RFC 6458 §8.1.3 SCTP_INITMSG (endpoint only).
struct InitMsg {
  uint16_t num_ostreams = 0;   ///< 0 = unchanged
  uint16_t max_instreams = 0;  ///< 0 = unchanged
  uint16_t max_attempts = 0;   ///< Max.Init.Retransmits; 0 = unchanged
  /// The T1-init back-off cap. The core caps it at RTO.Max: get() reports that, set()
  /// accepts 0 or that value only.
  Duration max_init_timeo{0};
};

/// RFC 6458 §8.1.5 SCTP_NODELAY (endpoint only).
struct NoDelay {
  bool on = false;
};

/// RFC 6458 §8.1.8 SCTP_AUTOCLOSE (endpoint only): associations idle (no user data sent or
/// received) this long are shut down gracefully. 0 = off. Applies to live associations too.
struct AutoClose {
  std::chrono::seconds idle{0};
};

/// RFC 6458 §8.1.9 SCTP_PRIMARY_ADDR (association only).
struct PrimaryAddr {
  AssocId assoc_id = kFutureAssoc;
  IpAddress address{};
};

/// RFC 6458 §8.1.12 spp_flags (Linux values).
namespace spp {
inline constexpr uint32_t kHbEnable = 1u << 0;
inline constexpr uint32_t kHbDisable = 1u << 1;
inline constexpr uint32_t kHbDemand = 1u << 2;  ///< not supported (no core hook)
inline constexpr uint32_t kPmtudEnable = 1u << 3;
inline constexpr uint32_t kPmtudDisable = 1u << 4;  ///< not supported: PMTUD is always on
inline constexpr uint32_t kHbTimeIsZero = 1u << 7;
inline constexpr uint32_t kKnown =
    kHbEnable | kHbDisable | kHbDemand | kPmtudEnable | kPmtudDisable | kHbTimeIsZero;
}  // namespace spp

/// RFC 6458 §8.1.12 SCTP_PEER_ADDR_PARAMS. `address` unset = every address of the
/// association (or the endpoint's defaults).
struct PeerAddrParams {
  AssocId assoc_id = kFutureAssoc;
  std::optional<IpAddress> address{};
  Duration hb_interval{0};    ///< 0 = unchanged unless spp::kHbTimeIsZero
  uint16_t path_max_rxt = 0;  ///< Path.Max.Retrans; 0 = unchanged
  uint32_t path_mtu = 0;      ///< get: the path MTU (IP packet size, as Linux); set: must be 0
  uint32_t flags = 0;         ///< spp::*
};

/// RFC 6458 §8.1.31 SCTP_DEFAULT_SNDINFO: the SndInfo send() uses when given none.
struct DefaultSndInfo {
  AssocId assoc_id = kFutureAssoc;
  SndInfo info{};
};

/// RFC 7496 §4.2 SCTP_DEFAULT_PRINFO: the PrInfo send() uses when given none.
struct DefaultPrInfo {
  AssocId assoc_id = kFutureAssoc;
  PrInfo info{};
};

/// RFC 6458 §6.2.2 SCTP_EVENT: one notification type on or off.
struct Event {
  AssocId assoc_id = kFutureAssoc;
  EventType type = EventType::kAssocChange;
  bool on = false;
};

/// RFC 6458 §8.1.16 SCTP_MAXSEG. get() on an association: the fragmentation point in use.
struct MaxSeg {
  AssocId assoc_id = kFutureAssoc;
  uint32_t value = 0;  ///< max DATA payload bytes; 0 = bounded by the path MTU only
};

/// RFC 6458 §8.1.20 SCTP_DISABLE_FRAGMENTS (endpoint only).
struct DisableFragments {
  bool on = false;
};

/// RFC 6458 §8.1.17 SCTP_CONTEXT: the value reported as RcvInfo::context.
struct Context {
  AssocId assoc_id = kFutureAssoc;
  uint32_t value = 0;
};

/// RFC 8260 §4.3.2 SCTP_STREAM_SCHEDULER: the stream scheduler (RFC 8260 §3) of an
/// association, or with kFutureAssoc the default of new ones (before activation only).
/// Switching resets every stream's SCTP_STREAM_SCHEDULER_VALUE (as Linux).
struct StreamSchedulerOption {
  AssocId assoc_id = kFutureAssoc;
  StreamSchedulerKind value = StreamSchedulerKind::kFirstComeFirstServed;
};

/// RFC 8260 §4.3.3 SCTP_STREAM_SCHEDULER_VALUE (association only): the stream's priority
/// (§3.4, lower is served first, default 0) or weight (§3.6, 1..65535, default 1). Other
/// schedulers take no value: set() accepts and ignores it, get() reads 0 (as Linux).
/// kInvalidArgument for kFutureAssoc, a stream that is not an outbound stream of the
/// association, or a weight of 0.
struct StreamSchedulerValue {
  AssocId assoc_id = kFutureAssoc;
  StreamId stream{0};
  uint16_t value = 0;
};

/// RFC 9260 §4 association states as RFC 6458 §8.2.1 sstat_state reports them.
enum class AssociationState : uint8_t {
  kClosed,
  kCookieWait,
  kCookieEchoed,
  kEstablished,
  kShutdownPending,
  kShutdownSent,
  kShutdownReceived,
  kShutdownAckSent,
};

/// RFC 6458 §8.2.2 spinfo_state (plus Linux's SCTP_PF, RFC 7829).
enum class PeerAddrReachability : uint8_t {
  kActive,
  kInactive,
  kUnconfirmed,
  kPotentiallyFailed,
};

/// RFC 6458 §8.2.2 SCTP_GET_PEER_ADDR_INFO (read-only). Set assoc_id and address, get().
struct PeerAddrInfo {
  AssocId assoc_id = kFutureAssoc;
  IpAddress address{};
  PeerAddrReachability state = PeerAddrReachability::kActive;
  uint32_t cwnd = 0;
  Duration srtt{0};
  Duration rto{0};
  uint32_t mtu = 0;  ///< the path MTU (IP packet size, as Linux's spinfo_mtu)
};

/// RFC 6458 §8.2.1 SCTP_STATUS (read-only). Set assoc_id, get().
struct AssocStatusInfo {
  AssocId assoc_id = kFutureAssoc;
  AssociationState state = AssociationState::kClosed;
  uint32_t rwnd = 0;            ///< the peer's receive window
  uint32_t unacked_chunks = 0;  ///< sstat_unackdata
  /// sstat_penddata counts chunks; the core counts bytes waiting for reassembly.
  uint32_t pending_receipt_bytes = 0;
  uint16_t instreams = 0;
  uint16_t outstreams = 0;
  uint32_t fragmentation_point = 0;  ///< largest DATA payload sent now
  PeerAddrInfo primary{};            ///< the primary path (SCTP_PRIMARY_ADDR)
  // dpsctp additions
  uint32_t flight_size = 0;   ///< bytes in flight (RFC 9260 §6.1)
  uint32_t queued_bytes = 0;  ///< bytes not yet sent
};

}  // namespace dpsctp
