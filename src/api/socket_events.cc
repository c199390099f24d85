// Socket::Impl as the core's Listener: received messages become RcvInfo (RFC 6458 §5.3.5),
// core events become notifications gated by SCTP_EVENT (RFC 6458 §6.2.2); passive
// associations are refused while not listening; SCTP_AUTOCLOSE (RFC 6458 §8.1.8) shuts
// idle associations down.
#include <algorithm>

#include "api/socket_impl.h"

namespace dpsctp {

bool Socket::Impl::wants(AssocId a, EventType t) const {
  const AssocExtra* e = extra_if(a);
  if (e != nullptr && e->refused) return false;  // the user never saw this association
  return (e != nullptr && e->events ? *e->events : events).has(t);
}

void Socket::Impl::touch(AssocId a) {
  auto it = assocs.find(a.value());
  if (it != assocs.end()) it->second.last_activity = now;
}

void Socket::Impl::on_message(const ReceivedMessage& m) {
  const AssocExtra* e = extra_if(m.assoc);
  if (e != nullptr && e->refused) return;
  touch(m.assoc);  // RFC 6458 §8.1.8: receiving user data is activity
  const RcvInfo info{.sid = m.stream,
                     .ssn = m.ssn,
                     .flags = m.unordered ? rcvflag::kUnordered : uint16_t{0},
                     .ppid = m.ppid,
                     .tsn = m.tsn,
                     .context = e != nullptr && e->context ? *e->context : context,
                     .assoc_id = m.assoc};
  user.on_message(info, m.data);
}

void Socket::Impl::on_assoc_change(const AssocChange& e) {
  if (e.state == AssocChangeState::kCommUp) {
    AssocExtra& x = extra(e.assoc);
    x.up = true;
    if (!x.active && !listening) {
      // Not listening: the core has no way to refuse the INIT, so the association it
      // completed is aborted right after this call (Impl::after_call).
      x.refused = true;
      to_refuse.push_back(e.assoc);
      return;
    }
    x.last_activity = now;
    if (autoclose.count() > 0) autoclose_check = std::min(autoclose_check, now + autoclose);
  }
  const bool show = wants(e.assoc, EventType::kAssocChange);
  const bool final = e.state == AssocChangeState::kCommLost ||
                     e.state == AssocChangeState::kShutdownComp ||
                     e.state == AssocChangeState::kCantStrAssoc;
  if (final) assocs.erase(e.assoc.value());
  if (show) user.on_assoc_change(e);
}

void Socket::Impl::on_send_failed(const SendFailed& e) {
  if (wants(e.assoc, EventType::kSendFailed)) user.on_send_failed(e);
}

void Socket::Impl::on_shutdown_event(AssocId a) {
  if (wants(a, EventType::kShutdown)) user.on_shutdown_event(a);
}

void Socket::Impl::on_remote_error(const RemoteError& e) {
  if (wants(e.assoc, EventType::kRemoteError)) user.on_remote_error(e);
}

void Socket::Impl::on_sender_dry(AssocId a) {
  if (wants(a, EventType::kSenderDry)) user.on_sender_dry(a);
}

void Socket::Impl::on_peer_addr_change(const PeerAddrChange& e) {
  if (wants(e.assoc, EventType::kPeerAddrChange)) user.on_peer_addr_change(e);
}

// --- SCTP_AUTOCLOSE (RFC 6458 §8.1.8) ----------------------------------------------------

void Socket::Impl::recompute_autoclose() {
  autoclose_check = kNever;
  if (autoclose.count() <= 0) return;
  for (const auto& [id, x] : assocs) {
    if (x.up && !x.closing && !x.refused) {
      autoclose_check = std::min(autoclose_check, x.last_activity + autoclose);
    }
  }
}

void Socket::Impl::run_autoclose(Instant t) {
  // "associations that are idle for more than the specified number of seconds" (no user
  // data sent or received) are shut down gracefully. Activity only moves deadlines later,
  // so autoclose_check is never after the true earliest one: wake-ups may come early,
  // never late.
  scratch.clear();
  if (autoclose.count() > 0) {
    for (auto& [id, x] : assocs) {
      if (x.up && !x.closing && !x.refused && x.last_activity + autoclose <= t) {
        x.closing = true;
        scratch.push_back(AssocId(id));
      }
    }
  }
  for (AssocId a : scratch) {
    ++counters.autoclosed;
    endpoint->shutdown(a, t);  // RFC 9260 §9.2
  }
  recompute_autoclose();
}

}  // namespace dpsctp
