// Socket: lifecycle (bindx, listen, connectx: RFC 6458 §9.1, §9.9), sending with
// sndinfo/prinfo (RFC 6458 §5.3.4, §5.3.7) and the embedder's inputs. Options are in
// sockopt.cc, events and SCTP_AUTOCLOSE in socket_events.cc.
#include <algorithm>
#include <utility>

#include "api/socket_impl.h"

namespace dpsctp {
namespace {

ApiStatus from_core(core::SendStatus s) {
  switch (s) {
    case core::SendStatus::kOk:
      return ApiStatus::kOk;
    case core::SendStatus::kInvalidStream:
      return ApiStatus::kInvalidStream;
    case core::SendStatus::kBufferFull:
      return ApiStatus::kWouldBlock;
    case core::SendStatus::kMessageTooLarge:
      return ApiStatus::kMessageTooLarge;
    case core::SendStatus::kEmptyMessage:
      return ApiStatus::kEmptyMessage;
    case core::SendStatus::kInvalidState:
      return ApiStatus::kInvalidState;
  }
  return ApiStatus::kInvalidState;
}

bool same_family_as_any(const IpAddress& ip, const std::vector<IpAddress>& local) {
  return std::any_of(local.begin(), local.end(),
                     [&](const IpAddress& l) { return l.family() == ip.family(); });
}

}  // namespace

Socket::Socket(core::PacketSink& sink, SocketListener& listener, SocketConfig config)
    : impl_(std::make_unique<Impl>(sink, listener, std::move(config))) {}

Socket::~Socket() = default;

// --- Impl helpers ------------------------------------------------------------------------

void Socket::Impl::activate(Instant t) {
  core::EndpointConfig c;
  c.local_addresses = local;
  c.port = port;
  c.options = options;
  c.cookie_secret = config.cookie_secret;
  c.seed = config.seed;
  c.max_associations = config.max_associations;
  c.shard = config.shard;
  c.shards = config.shards;
  c.verify_checksum = config.verify_checksum;
  c.flush_on_user_call = config.flush_on_user_call;
  endpoint = std::make_unique<core::Endpoint>(std::move(c), sink, *this, t);
}

AssocExtra& Socket::Impl::extra(AssocId a) { return assocs[a.value()]; }

const AssocExtra* Socket::Impl::extra_if(AssocId a) const {
  auto it = assocs.find(a.value());
  return it == assocs.end() ? nullptr : &it->second;
}

void Socket::Impl::after_call(Instant t) {
  // Passive associations completed while not listening: abort them now that the
  // Endpoint has indexed them (their COMM_UP came from inside the core's constructor).
  while (!to_refuse.empty()) {
    scratch.clear();
    scratch.swap(to_refuse);
    for (AssocId a : scratch) {
      ++counters.refused_associations;
      endpoint->abort(a, {}, t);  // RFC 9260 §9.1, cause User-Initiated Abort
    }
  }
}

ApiStatus Socket::Impl::send_one(AssocId a, std::span<const std::byte> data, const SndInfo& info,
                                 const PrInfo& pr, Instant t) {
  if (find(a) == nullptr) return ApiStatus::kNoSuchAssociation;
  // RFC 6458 §5.3.4 SCTP_ABORT: the message is the User-Initiated Abort's reason.
  if ((info.flags & sndflag::kAbort) != 0) {
    endpoint->abort(a, data, t);
    return ApiStatus::kOk;
  }
  if (!data.empty()) {
    core::SendOptions o{.unordered = (info.flags & sndflag::kUnordered) != 0,
                        .context = info.context};
    // RFC 6458 §5.3.7 / RFC 3758 §3.5: timed reliability; 0 ms means no limit (Linux).
    if (pr.policy == PrPolicy::kTtl && pr.value != 0) {
      o.lifetime = std::chrono::milliseconds(pr.value);
    }
    // RFC 7496 §4 SCTP_PR_SCTP_RTX: the limit on retransmissions (0xFFFF = none).
    if (pr.policy == PrPolicy::kRtx) {
      o.max_retransmits = static_cast<uint16_t>(std::min<uint32_t>(pr.value, 0xFFFE));
    }
    const ApiStatus s = from_core(endpoint->send(a, info.sid, info.ppid, data, o, t));
    if (s != ApiStatus::kOk) return s;  // no shutdown either: the message was refused
    touch(a);
  } else if ((info.flags & sndflag::kEof) == 0) {
    return ApiStatus::kEmptyMessage;
  }
  // RFC 6458 §5.3.4 SCTP_EOF: graceful shutdown (RFC 9260 §9.2) once queued data is acked.
  if ((info.flags & sndflag::kEof) != 0) {
    extra(a).closing = true;
    endpoint->shutdown(a, t);
  }
  return ApiStatus::kOk;
}

// --- Endpoint ------------------------------------------------------------------------------

ApiStatus Socket::bindx(std::span<const IpAddress> addresses, uint16_t port, BindxOp op) {
  Impl& d = *impl_;
  if (d.active()) return ApiStatus::kNotSupported;  // ASCONF (RFC 5061) not implemented
  if (addresses.empty() || port == 0) return ApiStatus::kInvalidArgument;
  if (!d.local.empty() && port != d.port) return ApiStatus::kInvalidArgument;
  std::vector<IpAddress> next = d.local;
  for (const IpAddress& ip : addresses) {
    auto it = std::find(next.begin(), next.end(), ip);
    if (op == BindxOp::kAdd) {
      if (it != next.end()) return ApiStatus::kInvalidArgument;  // bound twice
      next.push_back(ip);
    } else {
      if (it == next.end()) return ApiStatus::kInvalidArgument;  // not bound
      next.erase(it);
    }
  }
  d.local = std::move(next);
  d.port = d.local.empty() ? 0 : port;
  return ApiStatus::kOk;
}

ApiStatus Socket::listen(bool on, Instant now) {
  Impl& d = *impl_;
  if (d.local.empty()) return ApiStatus::kNotBound;
  d.listening = on;
  if (on && !d.active()) d.activate(now);
  return ApiStatus::kOk;
}

bool Socket::listening() const { return impl_->listening; }

ApiStatus Socket::connectx(std::span<const IpAddress> peers, uint16_t peer_port, Instant now,
                           AssocId& id) {
  Impl& d = *impl_;
  if (d.local.empty()) return ApiStatus::kNotBound;
  if (peers.empty() || peer_port == 0) return ApiStatus::kInvalidArgument;
  for (const IpAddress& p : peers) {
    if (!same_family_as_any(p, d.local)) return ApiStatus::kInvalidArgument;
  }
  if (d.active()) {
    // One association per peer transport address (RFC 9260 §2.5); Linux: EISCONN.
    bool taken = false;
    d.endpoint->for_each_association([&](const core::Association& a) {
      for (const core::Path& p : a.paths()) {
        taken |= a.peer_port() == peer_port &&
                 std::find(peers.begin(), peers.end(), p.peer) != peers.end();
      }
    });
    if (taken) return ApiStatus::kAlreadyConnected;
  } else {
    d.activate(now);
  }
  d.now = now;
  const std::optional<AssocId> a = d.endpoint->connect(peers, peer_port, now);
  if (!a) return ApiStatus::kResourceExhausted;
  AssocExtra& e = d.extra(*a);
  e.active = true;
  e.last_activity = now;
  d.autoclose_check =
      std::min(d.autoclose_check, d.autoclose.count() > 0 ? now + d.autoclose : kNever);
  id = *a;
  d.after_call(now);
  return ApiStatus::kOk;
}

// --- Data ----------------------------------------------------------------------------------

ApiStatus Socket::send(AssocId assoc, std::span<const std::byte> data, const SndInfo& info,
                       const PrInfo& pr, Instant now) {
  Impl& d = *impl_;
  if ((info.flags & ~sndflag::kKnown) != 0) return ApiStatus::kInvalidArgument;
  if ((info.flags & (sndflag::kAddrOver | sndflag::kSackImmediately)) != 0) {
    return ApiStatus::kNotSupported;  // no per-send path choice, no I bit (RFC 7053)
  }
  if (!d.active()) return ApiStatus::kNoSuchAssociation;
  d.now = now;
  ApiStatus result = ApiStatus::kOk;
  if ((info.flags & sndflag::kSendAll) != 0) {
    // RFC 6458 §5.3.4 SCTP_SENDALL: the message goes to every association.
    std::vector<AssocId> all = associations();
    SndInfo one = info;
    one.flags = static_cast<uint16_t>(one.flags & ~sndflag::kSendAll);
    for (AssocId a : all) {
      const ApiStatus s = d.send_one(a, data, one, pr, now);
      if (result == ApiStatus::kOk) result = s;
    }
  } else {
    result = d.send_one(assoc, data, info, pr, now);
  }
  d.after_call(now);
  return result;
}

ApiStatus Socket::send(AssocId assoc, std::span<const std::byte> data, const SndInfo& info,
                       Instant now) {
  const AssocExtra* e = impl_->extra_if(assoc);
  const PrInfo& pr = e != nullptr && e->default_pr ? *e->default_pr : impl_->default_pr;
  return send(assoc, data, info, pr, now);
}

ApiStatus Socket::send(AssocId assoc, std::span<const std::byte> data, Instant now) {
  const AssocExtra* e = impl_->extra_if(assoc);
  const SndInfo& info = e != nullptr && e->default_snd ? *e->default_snd : impl_->default_snd;
  return send(assoc, data, info, now);
}

ApiStatus Socket::shutdown(AssocId assoc, Instant now) {
  return send(assoc, {}, SndInfo{.flags = sndflag::kEof}, PrInfo{}, now);
}

ApiStatus Socket::abort(AssocId assoc, std::span<const std::byte> reason, Instant now) {
  return send(assoc, reason, SndInfo{.flags = sndflag::kAbort}, PrInfo{}, now);
}

// --- Inputs ----------------------------------------------------------------------------------

void Socket::handle_packet(std::span<const std::byte> packet, const IpAddress& src,
                           const IpAddress& dst, Instant now) {
  Impl& d = *impl_;
  if (!d.active()) {
    ++d.counters.dropped_not_active;
    return;
  }
  d.now = now;
  d.endpoint->handle_packet(packet, core::PacketInfo{src, dst}, now);
  d.after_call(now);
}

void Socket::handle_timeout(Instant now) {
  Impl& d = *impl_;
  if (!d.active()) return;
  d.now = now;
  if (now >= d.endpoint->next_timeout()) d.endpoint->handle_timeout(now);
  if (now >= d.autoclose_check) d.run_autoclose(now);
  d.after_call(now);
}

Instant Socket::next_timeout() const {
  const Impl& d = *impl_;
  if (!d.active()) return kNever;
  return std::min(d.endpoint->next_timeout(), d.autoclose_check);
}

void Socket::flush(Instant now) {
  Impl& d = *impl_;
  if (!d.active()) return;
  d.now = now;
  d.endpoint->flush(now);
  d.after_call(now);
}

// --- State -----------------------------------------------------------------------------------

std::vector<AssocId> Socket::associations() const {
  std::vector<AssocId> out;
  if (!impl_->active()) return out;
  impl_->endpoint->for_each_association([&](const core::Association& a) {
    if (!a.closed()) out.push_back(a.id());
  });
  return out;
}

std::vector<IpAddress> Socket::peer_addresses(AssocId assoc) const {
  std::vector<IpAddress> out;
  if (const core::Association* a = impl_->find(assoc)) {
    for (const core::Path& p : a->paths()) out.push_back(p.peer);
  }
  return out;
}

const std::vector<IpAddress>& Socket::local_addresses() const { return impl_->local; }

const SnmpCounters& Socket::counters() const {
  return impl_->active() ? impl_->endpoint->counters() : impl_->no_counters;
}

const SocketCounters& Socket::socket_counters() const { return impl_->counters; }

}  // namespace dpsctp
