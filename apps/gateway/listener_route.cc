// ListenerRoute: echo / sink, the PPID filter, per-association state and the graceful
// stop (see listener_route.h).
#include "apps/gateway/listener_route.h"

#include <algorithm>
#include <string_view>

#include "apps/gateway/relay_route.h"
#include "runtime/stack/shard.h"

namespace dpsctp::gateway {
namespace {

std::span<const std::byte> reason_bytes(std::string_view s) {
  return std::as_bytes(std::span<const char>(s.data(), s.size()));
}

}  // namespace

ListenerRoute::ListenerRoute(const config::GatewayConfig& config,
                             const config::Listener& listener, ShardContext& context)
    : listener_(listener),
      context_(context),
      // Past these bounds the client ignored the window the backlog closed (echo_backlog.h).
      backlog_messages_(backlog_bounds(config.options.receive_window, config.options.send_buffer).first),
      backlog_bytes_(backlog_bounds(config.options.receive_window, config.options.send_buffer).second) {
  if (listener_.route == config::Route::kRelay) {
    const config::Upstream* up = config.find_upstream(listener_.upstream);
    relay_ = std::make_unique<RelayRoute>(config, *up, *this, context_, counters_);
  }
}

ListenerRoute::~ListenerRoute() = default;

void ListenerRoute::attach(core::Endpoint& endpoint) {
  endpoint_ = &endpoint;
  if (relay_) relay_->attach_client(endpoint);
}

void ListenerRoute::attach_upstream(core::Endpoint& upstream) {
  if (relay_) relay_->attach_upstream(upstream);
}

const core::Endpoint* ListenerRoute::upstream_endpoint() const {
  return relay_ ? relay_->upstream_endpoint() : nullptr;
}

Instant ListenerRoute::now() const { return context_.shard->now(); }

bool ListenerRoute::accepted(Ppid ppid) const {
  if (listener_.ppids.empty()) return true;
  return std::find(listener_.ppids.begin(), listener_.ppids.end(), ppid.value()) !=
         listener_.ppids.end();
}

void ListenerRoute::on_message(const ReceivedMessage& m) {
  // The operator listed the PPIDs this listener serves (e.g. 18 = S1AP, RFC 4960 IANA
  // registry); anything else is not ours to interpret, so it is counted (ppid_drops, in
  // the summary and telemetry) and consumed. The message was already acknowledged at the
  // SCTP layer, and SCTP has no per-message reject, so dropping is the only option short
  // of ABORTing the association — too harsh for one stray message.
  if (!accepted(m.ppid)) {
    ++counters_.ppid_drops;
    return;
  }
  ++counters_.msgs_in;
  counters_.bytes_in += m.data.size();
  switch (listener_.route) {
    case config::Route::kEcho:
      echo(m);
      break;
    case config::Route::kSink:
      break;
    case config::Route::kRelay:
      relay_->from_client(m);
      break;
  }
}

void ListenerRoute::echo(const ReceivedMessage& m) {
  auto it = assocs_.find(m.assoc.value());
  if (it == assocs_.end()) {  // not up (or already closing on our side): nothing to answer on
    ++counters_.send_refused;
    return;
  }
  Assoc& a = it->second;
  if (a.doomed != nullptr) {
    ++counters_.send_refused;
    return;
  }
  if (a.shutdown_sent) {  // stopping: the client's last queued messages (RFC 9260 §9.2)
    ++counters_.stop_unanswered;
    return;
  }
  if (a.backlog.empty()) {
    const auto st = endpoint_->send(m.assoc, m.stream, m.ppid, m.data, {}, now());
    if (st == core::SendStatus::kOk) {
      ++counters_.msgs_out;
      counters_.bytes_out += m.data.size();
      return;
    }
    if (st != core::SendStatus::kBufferFull) {
      ++counters_.send_refused;  // closing, or a stream the peer did not grant (§6.5)
      return;
    }
    backlogged_.push_back(m.assoc.value());
  }
  // Queued behind what waits already, so the echo keeps the per-stream order.
  if (!a.backlog.push(m.stream, m.ppid, m.data)) {
    // The client ignored the closed window (below). Dropping silently would break the
    // echo's exactly-once contract: ABORT instead.
    ++counters_.backlog_aborts;
    return doom(m.assoc, "dpsctp-gateway: echo backlog overflow (peer ignores our window)");
  }
  counters_.backlog_high_water = std::max<uint64_t>(counters_.backlog_high_water, a.backlog.size());
  // Backpressure, RFC 9260 §6.2: what waits here is not consumed; a_rwnd shrinks by it.
  endpoint_->set_receive_held(m.assoc, a.backlog.held_bytes(), now());
}

void ListenerRoute::doom(AssocId id, const char* reason) {
  auto it = assocs_.find(id.value());
  if (it == assocs_.end() || it->second.doomed != nullptr) return;
  if (listener_.route == config::Route::kRelay) ++counters_.backlog_aborts;
  it->second.doomed = reason;
  it->second.backlog.clear();
  doomed_.push_back(id.value());
}

void ListenerRoute::drain(uint32_t id, Assoc& a) {
  const size_t before = a.backlog.size();
  while (!a.backlog.empty()) {
    const auto& e = a.backlog.front();
    const auto st = endpoint_->send(AssocId(id), e.stream, e.ppid, e.data, {}, now());
    if (st == core::SendStatus::kBufferFull) break;
    if (st == core::SendStatus::kOk) {
      ++counters_.msgs_out;
      counters_.bytes_out += e.data.size();
    } else {
      ++counters_.send_refused;
    }
    a.backlog.pop();
  }
  // §6.2: consumed; the core reopens the window (and sends a window update when due).
  if (a.backlog.size() != before) endpoint_->set_receive_held(AssocId(id), a.backlog.held_bytes(), now());
}

void ListenerRoute::service() {
  if (!doomed_.empty()) {
    scratch_.swap(doomed_);
    doomed_.clear();
    for (uint32_t id : scratch_) {
      auto it = assocs_.find(id);
      if (it == assocs_.end()) continue;
      // RFC 9260 §9.1: ABORT with a User-Initiated Abort cause saying why (§3.3.10.12).
      endpoint_->abort(AssocId(id), reason_bytes(it->second.doomed), now());
      closed(AssocId(id));  // abort() reports COMM_LOST; closed() is idempotent
    }
    scratch_.clear();
  }
  if (!backlogged_.empty()) {
    scratch_.swap(backlogged_);
    backlogged_.clear();
    for (uint32_t id : scratch_) {
      auto it = assocs_.find(id);
      if (it == assocs_.end()) continue;
      drain(id, it->second);
      if (!it->second.backlog.empty()) backlogged_.push_back(id);
    }
    scratch_.clear();
  }
  if (relay_) relay_->service();
  if (context_.stopping) shutdown_idle();
}

void ListenerRoute::on_assoc_change(const AssocChange& e) {
  switch (e.state) {
    case AssocChangeState::kCommUp:
    case AssocChangeState::kRestart: {
      if (e.state == AssocChangeState::kRestart && assocs_.contains(e.assoc.value())) {
        // §5.2.2 restart: same AssocId, fresh TSNs; what waited for the old peer is void.
        assocs_.at(e.assoc.value()).backlog.clear();
        if (relay_) relay_->client_restarted(e.assoc);
        return;
      }
      ++counters_.assocs_up;
      if (context_.stopping) {
        ++counters_.refused_stopping;
        endpoint_->abort(e.assoc, reason_bytes("dpsctp-gateway: shutting down"), now());
        return;
      }
      if (context_.live_associations >= context_.max_associations) {
        ++counters_.refused_limit;
        endpoint_->abort(e.assoc, reason_bytes("dpsctp-gateway: limits.max_associations"), now());
        return;
      }
      assocs_.try_emplace(e.assoc.value(), backlog_messages_, backlog_bytes_);
      ++context_.live_associations;
      if (relay_) relay_->client_up(e.assoc, e.outbound_streams);
      return;
    }
    case AssocChangeState::kShutdownComp:
    case AssocChangeState::kCommLost:
    case AssocChangeState::kCantStrAssoc:
      closed(e.assoc);
      return;
  }
}

void ListenerRoute::on_send_failed(const SendFailed& e) {
  // Toward a client that is going away: nothing to retry on.
  (void)e;
  ++counters_.send_refused;
}

void ListenerRoute::closed(AssocId id) {
  auto it = assocs_.find(id.value());
  if (it == assocs_.end()) return;
  assocs_.erase(it);
  ++counters_.assocs_closed;
  --context_.live_associations;
  if (relay_) relay_->client_closed(id);
}

void ListenerRoute::begin_stop() { shutdown_idle(); }

void ListenerRoute::shutdown_idle() {
  for (auto& [id, a] : assocs_) {
    if (a.shutdown_sent || a.doomed != nullptr || !a.backlog.empty()) continue;
    if (relay_ && !relay_->drained(AssocId(id))) continue;
    a.shutdown_sent = true;
    endpoint_->shutdown(AssocId(id), now());  // RFC 9260 §9.2
  }
}

void ListenerRoute::abort_all(const char* reason) {
  if (relay_) relay_->give_up();
  core::Endpoint* up = relay_ ? relay_->upstream_endpoint() : nullptr;
  for (core::Endpoint* ep : {endpoint_, up}) {
    if (ep == nullptr) continue;
    scratch_.clear();
    ep->for_each_association([&](const core::Association& a) { scratch_.push_back(a.id().value()); });
    for (uint32_t id : scratch_) ep->abort(AssocId(id), reason_bytes(reason), now());
  }
  scratch_.clear();
}

size_t ListenerRoute::open_associations() const {
  size_t n = endpoint_ ? endpoint_->association_count() : 0;
  if (const auto* up = upstream_endpoint()) n += up->association_count();
  return n;
}

}  // namespace dpsctp::gateway
