// Socket options (RFC 6458 §8) over the core's AssociationOptions and the facade's own
// state. Order of checks in every set(): the association exists (kNoSuchAssociation), the
// value is valid (kInvalidArgument, as Linux validates it), then whether it can be changed
// (kNotForLiveAssociation / kEndpointActive for options the core keeps endpoint-wide).
#include <algorithm>

#include "api/socket_impl.h"
#include "wire/packet_view.h"

namespace dpsctp {
namespace {

constexpr size_t kDataChunkHeader = 16;                 // RFC 9260 §3.3.1
constexpr uint32_t kMaxChunkLength = 65532;             // Linux SCTP_MAX_CHUNK_LEN
constexpr uint32_t kMinSegment = 512;                   // Linux SCTP_DEFAULT_MINSEGMENT (IP MTU)
constexpr std::chrono::seconds kMaxAutoclose{8640000};  // Linux net.sctp.max_autoclose

uint32_t ip_header(const IpAddress& ip) { return ip.is_v4() ? 20u : 40u; }

AssociationState public_state(core::AssocState s) {
  switch (s) {
    case core::AssocState::kClosed:
      return AssociationState::kClosed;
    case core::AssocState::kCookieWait:
      return AssociationState::kCookieWait;
    case core::AssocState::kCookieEchoed:
      return AssociationState::kCookieEchoed;
    case core::AssocState::kEstablished:
      return AssociationState::kEstablished;
    case core::AssocState::kShutdownPending:
      return AssociationState::kShutdownPending;
    case core::AssocState::kShutdownSent:
      return AssociationState::kShutdownSent;
    case core::AssocState::kShutdownReceived:
      return AssociationState::kShutdownReceived;
    case core::AssocState::kShutdownAckSent:
      return AssociationState::kShutdownAckSent;
  }
  return AssociationState::kClosed;
}

void fill_path_info(const core::Path& p, PeerAddrInfo& o) {
  o.address = p.peer;
  // RFC 6458 §8.2.2 spinfo_state; Linux reports UNCONFIRMED first, then PF (RFC 7829).
  if (!p.confirmed) {
    o.state = PeerAddrReachability::kUnconfirmed;
  } else if (!p.active) {
    o.state = PeerAddrReachability::kInactive;
  } else if (p.potentially_failed) {
    o.state = PeerAddrReachability::kPotentiallyFailed;
  } else {
    o.state = PeerAddrReachability::kActive;
  }
  o.cwnd = p.cc.cwnd();
  o.srtt = p.rto.srtt();
  o.rto = p.rto.rto();
  o.mtu = p.mtu + ip_header(p.peer);
}

/// The largest DATA payload the association sends now (Association::max_data_payload).
uint32_t fragmentation_point(const core::Association& a, const AssociationOptions& o) {
  const core::Path& p = a.paths()[a.current_data_path()];
  size_t n = p.mtu - wire::CommonHeader::kSize - kDataChunkHeader;
  if (o.max_seg != 0) n = std::min<size_t>(n, o.max_seg);
  return static_cast<uint32_t>(n & ~size_t{3});
}

}  // namespace

// --- Shared checks -------------------------------------------------------------------------

namespace {

/// kOk if the target exists: the endpoint, or a live association.
ApiStatus target(const Socket::Impl& d, AssocId a) {
  if (a == kFutureAssoc || d.find(a) != nullptr) return ApiStatus::kOk;
  return ApiStatus::kNoSuchAssociation;
}

/// Whether an option the core keeps endpoint-wide can be changed for `a` now.
ApiStatus core_writable(const Socket::Impl& d, AssocId a) {
  if (a != kFutureAssoc) return ApiStatus::kNotForLiveAssociation;
  if (d.active()) return ApiStatus::kEndpointActive;
  return ApiStatus::kOk;
}

}  // namespace

// --- SCTP_RTOINFO (RFC 6458 §8.1.1) ---------------------------------------------------------

ApiStatus Socket::set(const RtoInfo& o) {
  Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  const Duration zero{0};
  if (o.initial < zero || o.min < zero || o.max < zero) return ApiStatus::kInvalidArgument;
  const Duration init = o.initial != zero ? o.initial : d.options.rto_initial;
  const Duration lo = o.min != zero ? o.min : d.options.rto_min;
  const Duration hi = o.max != zero ? o.max : d.options.rto_max;
  // Linux: rto_min <= rto_max within [SCTP_RTO_HARD_MIN, SCTP_RTO_HARD_MAX]. Stricter than
  // Linux: RTO.Initial must lie within them too (RFC 9260 §6.3.1 C6/C7 bound every RTO).
  if (lo > hi || lo < kRtoHardMin || hi > kRtoHardMax) return ApiStatus::kInvalidArgument;
  if (init < lo || init > hi) return ApiStatus::kInvalidArgument;
  if (ApiStatus s = core_writable(d, o.assoc_id); s != ApiStatus::kOk) return s;
  d.options.rto_initial = init;
  d.options.rto_min = lo;
  d.options.rto_max = hi;
  return ApiStatus::kOk;
}

ApiStatus Socket::get(RtoInfo& o) const {
  const Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  o.initial = d.options.rto_initial;  // the core keeps no per-association values
  o.min = d.options.rto_min;
  o.max = d.options.rto_max;
  return ApiStatus::kOk;
}

// --- SCTP_ASSOCINFO (RFC 6458 §8.1.2) -------------------------------------------------------

ApiStatus Socket::set(const AssocParams& o) {
  Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  if (o.cookie_life < Duration{0}) return ApiStatus::kInvalidArgument;
  if (const core::Association* a = d.find(o.assoc_id); a != nullptr && o.asoc_max_rxt != 0) {
    // Linux / RFC 9260 §8.2 note: with several destinations, Association.Max.Retrans
    // above the sum of their Path.Max.Retrans could never be reached.
    const uint32_t sum = static_cast<uint32_t>(a->paths().size()) * d.options.path_max_retrans;
    if (a->paths().size() > 1 && sum > 0 && o.asoc_max_rxt > sum) {
      return ApiStatus::kInvalidArgument;
    }
  }
  if (ApiStatus s = core_writable(d, o.assoc_id); s != ApiStatus::kOk) return s;
  if (o.asoc_max_rxt != 0) d.options.association_max_retrans = o.asoc_max_rxt;
  if (o.cookie_life != Duration{0}) d.options.valid_cookie_life = o.cookie_life;
  return ApiStatus::kOk;
}

ApiStatus Socket::get(AssocParams& o) const {
  const Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  o.asoc_max_rxt = d.options.association_max_retrans;
  o.cookie_life = d.options.valid_cookie_life;
  o.local_rwnd = d.options.receive_window;
  o.number_peer_destinations = 0;
  o.peer_rwnd = 0;
  if (const core::Association* a = d.find(o.assoc_id)) {
    o.number_peer_destinations = static_cast<uint16_t>(a->paths().size());
    o.peer_rwnd = a->status().peer_rwnd;
  }
  return ApiStatus::kOk;
}

// --- SCTP_INITMSG (RFC 6458 §8.1.3) ---------------------------------------------------------

ApiStatus Socket::set(const InitMsg& o) {
  Impl& d = *impl_;
  if (o.max_init_timeo < Duration{0}) return ApiStatus::kInvalidArgument;
  // The core caps the T1-init back-off at RTO.Max (RFC 9260 §6.3.3 E2); no separate cap.
  if (o.max_init_timeo != Duration{0} && o.max_init_timeo != d.options.rto_max) {
    return ApiStatus::kNotSupported;
  }
  if (ApiStatus s = core_writable(d, kFutureAssoc); s != ApiStatus::kOk) return s;
  if (o.num_ostreams != 0) d.options.outbound_streams = o.num_ostreams;
  if (o.max_instreams != 0) d.options.max_inbound_streams = o.max_instreams;
  if (o.max_attempts != 0) d.options.max_init_retransmits = o.max_attempts;
  return ApiStatus::kOk;
}

ApiStatus Socket::get(InitMsg& o) const {
  const AssociationOptions& x = impl_->options;
  o.num_ostreams = x.outbound_streams;
  o.max_instreams = x.max_inbound_streams;
  o.max_attempts = x.max_init_retransmits;
  o.max_init_timeo = x.rto_max;
  return ApiStatus::kOk;
}

// --- SCTP_NODELAY, SCTP_DISABLE_FRAGMENTS (RFC 6458 §8.1.5, §8.1.20) -----------------------

ApiStatus Socket::set(const NoDelay& o) {
  if (ApiStatus s = core_writable(*impl_, kFutureAssoc); s != ApiStatus::kOk) return s;
  impl_->options.nodelay = o.on;
  return ApiStatus::kOk;
}

ApiStatus Socket::get(NoDelay& o) const {
  o.on = impl_->options.nodelay;
  return ApiStatus::kOk;
}

ApiStatus Socket::set(const DisableFragments& o) {
  if (ApiStatus s = core_writable(*impl_, kFutureAssoc); s != ApiStatus::kOk) return s;
  impl_->options.disable_fragments = o.on;
  return ApiStatus::kOk;
}

ApiStatus Socket::get(DisableFragments& o) const {
  o.on = impl_->options.disable_fragments;
  return ApiStatus::kOk;
}

// --- SCTP_AUTOCLOSE (RFC 6458 §8.1.8): the facade's own timer --------------------------------

ApiStatus Socket::set(const AutoClose& o) {
  Impl& d = *impl_;
  if (o.idle.count() < 0) return ApiStatus::kInvalidArgument;
  d.autoclose = std::min(o.idle, kMaxAutoclose);  // Linux clamps silently to the sysctl
  d.recompute_autoclose();
  return ApiStatus::kOk;
}

ApiStatus Socket::get(AutoClose& o) const {
  o.idle = impl_->autoclose;
  return ApiStatus::kOk;
}

// --- SCTP_PRIMARY_ADDR (RFC 6458 §8.1.9) ----------------------------------------------------

ApiStatus Socket::set(const PrimaryAddr& o) {
  Impl& d = *impl_;
  if (o.assoc_id == kFutureAssoc) return ApiStatus::kInvalidArgument;
  if (d.find(o.assoc_id) == nullptr) return ApiStatus::kNoSuchAssociation;
  if (!d.endpoint->set_primary(o.assoc_id, o.address)) return ApiStatus::kUnknownPeerAddress;
  return ApiStatus::kOk;
}

ApiStatus Socket::get(PrimaryAddr& o) const {
  if (o.assoc_id == kFutureAssoc) return ApiStatus::kInvalidArgument;
  const core::Association* a = impl_->find(o.assoc_id);
  if (a == nullptr) return ApiStatus::kNoSuchAssociation;
  o.address = a->primary_peer();
  return ApiStatus::kOk;
}

// --- SCTP_PEER_ADDR_PARAMS (RFC 6458 §8.1.12) ------------------------------------------------

namespace {

/// The path of `o.address` in its association, or an error.
ApiStatus find_path(const Socket::Impl& d, AssocId assoc, const std::optional<IpAddress>& addr,
                    const core::Path*& out) {
  out = nullptr;
  if (!addr) return ApiStatus::kOk;
  const core::Association* a = d.find(assoc);
  if (a == nullptr) return ApiStatus::kInvalidArgument;  // an address needs an association
  for (const core::Path& p : a->paths()) {
    if (p.peer == *addr) out = &p;
  }
  return out != nullptr ? ApiStatus::kOk : ApiStatus::kUnknownPeerAddress;
}

}  // namespace

ApiStatus Socket::set(const PeerAddrParams& o) {
  Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  const core::Path* path = nullptr;
  if (ApiStatus s = find_path(d, o.assoc_id, o.address, path); s != ApiStatus::kOk) return s;
  const uint32_t f = o.flags;
  // Linux sctp_apply_peer_addr_params: contradictory flag pairs are EINVAL.
  if ((f & ~spp::kKnown) != 0 || o.hb_interval < Duration{0} ||
      ((f & spp::kHbEnable) != 0 && (f & spp::kHbDisable) != 0) ||
      ((f & spp::kPmtudEnable) != 0 && (f & spp::kPmtudDisable) != 0) ||
      ((f & spp::kHbDemand) != 0 && path == nullptr)) {
    return ApiStatus::kInvalidArgument;
  }
  // No core hooks: an on-demand HEARTBEAT, a fixed path MTU (PMTUD is always on), and a
  // zero heartbeat delay (the core reads hb_interval == 0 as "heartbeats off").
  if ((f & (spp::kHbDemand | spp::kPmtudDisable | spp::kHbTimeIsZero)) != 0 || o.path_mtu != 0) {
    return ApiStatus::kNotSupported;
  }
  if (ApiStatus s = core_writable(d, o.assoc_id); s != ApiStatus::kOk) return s;
  if ((f & spp::kHbEnable) != 0) d.options.heartbeat_enabled = true;
  if ((f & spp::kHbDisable) != 0) d.options.heartbeat_enabled = false;
  if (o.hb_interval != Duration{0}) d.options.hb_interval = o.hb_interval;
  if (o.path_max_rxt != 0) d.options.path_max_retrans = o.path_max_rxt;
  return ApiStatus::kOk;
}

ApiStatus Socket::get(PeerAddrParams& o) const {
  const Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  const core::Path* path = nullptr;
  if (ApiStatus s = find_path(d, o.assoc_id, o.address, path); s != ApiStatus::kOk) return s;
  const AssociationOptions& x = d.options;
  o.hb_interval = x.hb_interval;
  o.path_max_rxt = x.path_max_retrans;
  const bool hb = x.heartbeat_enabled && x.hb_interval.count() > 0;
  o.flags = (hb ? spp::kHbEnable : spp::kHbDisable) | spp::kPmtudEnable;
  o.path_mtu = x.mtu;
  if (path == nullptr && o.assoc_id != kFutureAssoc) {
    const core::Association& a = *d.find(o.assoc_id);
    path = &a.paths()[a.primary_path_index()];
  }
  if (path != nullptr) o.path_mtu = path->mtu + ip_header(path->peer);
  return ApiStatus::kOk;
}

// --- SCTP_DEFAULT_SNDINFO (§8.1.31), SCTP_DEFAULT_PRINFO (RFC 7496 §4.2), SCTP_CONTEXT ------

ApiStatus Socket::set(const DefaultSndInfo& o) {
  Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  // Stricter than Linux: a default of ABORT / EOF / SENDALL would make every plain send()
  // abort or shut down; only the U bit makes sense as a default.
  if ((o.info.flags & ~sndflag::kUnordered) != 0) return ApiStatus::kInvalidArgument;
  if (o.assoc_id == kFutureAssoc) {
    d.default_snd = o.info;
  } else {
    d.extra(o.assoc_id).default_snd = o.info;
  }
  return ApiStatus::kOk;
}

ApiStatus Socket::get(DefaultSndInfo& o) const {
  const Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  const AssocExtra* e = d.extra_if(o.assoc_id);
  o.info = e != nullptr && e->default_snd ? *e->default_snd : d.default_snd;
  return ApiStatus::kOk;
}

ApiStatus Socket::set(const DefaultPrInfo& o) {
  Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  if (o.assoc_id == kFutureAssoc) {
    d.default_pr = o.info;
  } else {
    d.extra(o.assoc_id).default_pr = o.info;
  }
  return ApiStatus::kOk;
}

ApiStatus Socket::get(DefaultPrInfo& o) const {
  const Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  const AssocExtra* e = d.extra_if(o.assoc_id);
  o.info = e != nullptr && e->default_pr ? *e->default_pr : d.default_pr;
  return ApiStatus::kOk;
}

ApiStatus Socket::set(const Context& o) {
  Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  if (o.assoc_id == kFutureAssoc) {
    d.context = o.value;
  } else {
    d.extra(o.assoc_id).context = o.value;
  }
  return ApiStatus::kOk;
}

ApiStatus Socket::get(Context& o) const {
  const Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  const AssocExtra* e = d.extra_if(o.assoc_id);
  o.value = e != nullptr && e->context ? *e->context : d.context;
  return ApiStatus::kOk;
}

// --- SCTP_EVENT (RFC 6458 §6.2.2) --------------------------------------------------------

ApiStatus Socket::set(const Event& o) {
  Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  if (static_cast<uint8_t>(o.type) >= kEventTypeCount) return ApiStatus::kInvalidArgument;
  if (o.assoc_id == kFutureAssoc) {
    d.events.set(o.type, o.on);  // associations without their own mask follow it
  } else {
    AssocExtra& e = d.extra(o.assoc_id);
    if (!e.events) e.events = d.events;
    e.events->set(o.type, o.on);
  }
  return ApiStatus::kOk;
}

ApiStatus Socket::get(Event& o) const {
  const Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  if (static_cast<uint8_t>(o.type) >= kEventTypeCount) return ApiStatus::kInvalidArgument;
  const AssocExtra* e = d.extra_if(o.assoc_id);
  o.on = (e != nullptr && e->events ? *e->events : d.events).has(o.type);
  return ApiStatus::kOk;
}

// --- SCTP_MAXSEG (RFC 6458 §8.1.16) -------------------------------------------------------

ApiStatus Socket::set(const MaxSeg& o) {
  Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  if (o.value != 0) {
    // Linux: between the payload of a minimum-MTU packet and the largest chunk.
    const bool v6 =
        std::any_of(d.local.begin(), d.local.end(), [](const IpAddress& ip) { return ip.is_v6(); });
    const uint32_t lo = kMinSegment - (v6 ? 40u : 20u) -
                        static_cast<uint32_t>(wire::CommonHeader::kSize + kDataChunkHeader);
    const uint32_t hi = kMaxChunkLength - static_cast<uint32_t>(kDataChunkHeader);
    if (o.value < lo || o.value > hi) return ApiStatus::kInvalidArgument;
  }
  if (ApiStatus s = core_writable(d, o.assoc_id); s != ApiStatus::kOk) return s;
  d.options.max_seg = o.value;
  return ApiStatus::kOk;
}

ApiStatus Socket::get(MaxSeg& o) const {
  const Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  const core::Association* a = d.find(o.assoc_id);
  o.value = a != nullptr ? fragmentation_point(*a, d.options) : d.options.max_seg;
  return ApiStatus::kOk;
}

// --- SCTP_STREAM_SCHEDULER, SCTP_STREAM_SCHEDULER_VALUE (RFC 8260 §4.3.2, §4.3.3) -------------

ApiStatus Socket::set(const StreamSchedulerOption& o) {
  Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  // Linux: a value past SCTP_SS_MAX is EINVAL.
  constexpr auto kLast = static_cast<uint8_t>(StreamSchedulerKind::kWeightedFairQueueing);
  if (static_cast<uint8_t>(o.value) > kLast) return ApiStatus::kInvalidArgument;
  if (o.assoc_id != kFutureAssoc) {
    d.endpoint->set_stream_scheduler(o.assoc_id, o.value);  // the association exists
    return ApiStatus::kOk;
  }
  if (ApiStatus s = core_writable(d, o.assoc_id); s != ApiStatus::kOk) return s;
  d.options.stream_scheduler = o.value;
  return ApiStatus::kOk;
}

ApiStatus Socket::get(StreamSchedulerOption& o) const {
  const Impl& d = *impl_;
  if (ApiStatus s = target(d, o.assoc_id); s != ApiStatus::kOk) return s;
  const core::Association* a = d.find(o.assoc_id);
  o.value = a != nullptr ? a->stream_scheduler() : d.options.stream_scheduler;
  return ApiStatus::kOk;
}

ApiStatus Socket::set(const StreamSchedulerValue& o) {
  Impl& d = *impl_;
  // Linux: per association only (SCTP_FUTURE_ASSOC is EINVAL); the stream must be one of
  // its outbound streams and the value valid for its scheduler.
  if (o.assoc_id == kFutureAssoc) return ApiStatus::kInvalidArgument;
  if (d.find(o.assoc_id) == nullptr) return ApiStatus::kNoSuchAssociation;
  if (!d.endpoint->set_stream_scheduler_value(o.assoc_id, o.stream, o.value)) {
    return ApiStatus::kInvalidArgument;
  }
  return ApiStatus::kOk;
}

ApiStatus Socket::get(StreamSchedulerValue& o) const {
  const Impl& d = *impl_;
  if (o.assoc_id == kFutureAssoc) return ApiStatus::kInvalidArgument;
  const core::Association* a = d.find(o.assoc_id);
  if (a == nullptr) return ApiStatus::kNoSuchAssociation;
  const std::optional<uint16_t> v = a->stream_scheduler_value(o.stream);
  if (!v) return ApiStatus::kInvalidArgument;
  o.value = *v;
  return ApiStatus::kOk;
}

// --- SCTP_STATUS (§8.2.1), SCTP_GET_PEER_ADDR_INFO (§8.2.2) ---------------------------------

ApiStatus Socket::get(AssocStatusInfo& o) const {
  const Impl& d = *impl_;
  const core::Association* a = d.find(o.assoc_id);
  if (a == nullptr) return ApiStatus::kNoSuchAssociation;
  const core::AssocStatus s = a->status();
  o.state = public_state(s.state);
  o.rwnd = s.peer_rwnd;
  o.unacked_chunks = static_cast<uint32_t>(s.unacked_chunks);
  o.pending_receipt_bytes = s.pending_reassembly_bytes;
  o.instreams = s.inbound_streams;
  o.outstreams = s.outbound_streams;
  o.fragmentation_point = fragmentation_point(*a, d.options);
  o.primary.assoc_id = o.assoc_id;
  fill_path_info(a->paths()[a->primary_path_index()], o.primary);
  o.flight_size = s.flight_size;
  o.queued_bytes = static_cast<uint32_t>(s.queued_bytes);
  return ApiStatus::kOk;
}

ApiStatus Socket::get(PeerAddrInfo& o) const {
  const core::Association* a = impl_->find(o.assoc_id);
  if (a == nullptr) return ApiStatus::kNoSuchAssociation;
  for (const core::Path& p : a->paths()) {
    if (p.peer == o.address) {
      fill_path_info(p, o);
      return ApiStatus::kOk;
    }
  }
  return ApiStatus::kUnknownPeerAddress;
}

}  // namespace dpsctp
