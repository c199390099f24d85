// RelayRoute: 1:1 client <-> upstream association pairing with failover (relay_route.h).
//
// Re-entrancy: the core calls listeners from inside its entry points. Here, callbacks only
// send() (which queues) and record work; connects and ABORTs happen in service(), between
// poll iterations, so no endpoint is changed under its own iteration.
#include "apps/gateway/relay_route.h"

#include <algorithm>

#include "apps/gateway/listener_route.h"
#include "runtime/stack/shard.h"

namespace dpsctp::gateway {

RelayRoute::RelayRoute(const config::GatewayConfig& config, const config::Upstream& upstream,
                       ListenerRoute& owner, ShardContext& context, RouteCounters& counters)
    : config_(upstream),
      owner_(owner),
      context_(context),
      counters_(counters),
      // Room for a whole upstream send buffer handed back at a failover, and for what a
      // window-respecting client sends while its window closes (echo_backlog.h).
      max_messages_(backlog_bounds(config.options.receive_window, config.options.send_buffer).first),
      max_bytes_(backlog_bounds(config.options.receive_window, config.options.send_buffer).second) {
  for (const auto& m : upstream.members) members_.push_back(Member{&m, Instant{}});
}

Instant RelayRoute::now() const { return context_.shard->now(); }

void RelayRoute::mark(uint32_t client, Pair& p) {
  if (p.in_service) return;
  p.in_service = true;
  pending_.push_back(client);
}

void RelayRoute::client_up(AssocId client, uint16_t outbound_streams) {
  auto [it, fresh] = pairs_.try_emplace(client.value(), max_messages_, max_bytes_);
  if (!fresh) return;
  it->second.client_streams = std::max<uint16_t>(outbound_streams, 1);
  it->second.connect_at = now();
  mark(client.value(), it->second);  // service() connects
}

void RelayRoute::client_restarted(AssocId client) {
  // RFC 9260 §5.2.2: the client restarted; answers meant for its old incarnation are void.
  auto it = pairs_.find(client.value());
  if (it != pairs_.end()) it->second.to_client.clear();
}

void RelayRoute::client_closed(AssocId client) {
  auto it = pairs_.find(client.value());
  if (it == pairs_.end()) return;
  Pair& p = it->second;
  p.to_client.clear();  // answers for a client that is gone: nobody to deliver them to
  if (!p.resend.empty() || !p.to_upstream.empty()) {
    // The client's SCTP has them acknowledged: they must still reach an upstream.
    p.client_gone = true;
    mark(client.value(), p);
    return;
  }
  close_upstream(p);
  pairs_.erase(it);  // pending_ may still list it: service() skips missing pairs
}

bool RelayRoute::finish_orphan(Pair& p) {
  if (!p.resend.empty() || !p.to_upstream.empty()) {
    if (!context_.stopping || p.upstream) return false;  // up, or its handshake under way
    // Stopping and no upstream to take them: count what is given up, never silently.
    counters_.relay_undelivered += p.resend.size() + p.to_upstream.size();
    p.resend.clear();
    p.to_upstream.clear();
  }
  close_upstream(p);
  return true;
}

void RelayRoute::close_upstream(Pair& p) {
  if (!p.upstream) return;
  by_up_.erase(p.upstream->value());
  // The pairing is 1:1, so the upstream association ends with its client: gracefully
  // (RFC 9260 §9.2) once established, else ABORT the handshake.
  if (p.upstream_up) {
    upstream_->shutdown(*p.upstream, now());
  } else {
    static constexpr char kWhy[] = "dpsctp-gateway: client association closed";
    upstream_->abort(*p.upstream, std::as_bytes(std::span<const char>(kWhy, sizeof kWhy - 1)),
                     now());
  }
  p.upstream.reset();
  p.upstream_up = false;
}

void RelayRoute::give_up() {
  for (auto& [client, p] : pairs_) {
    counters_.relay_undelivered += p.resend.size() + p.to_upstream.size();
    p.resend.clear();
    p.to_upstream.clear();
  }
}

bool RelayRoute::drained(AssocId client) const {
  auto it = pairs_.find(client.value());
  if (it == pairs_.end()) return true;
  const Pair& p = it->second;
  return p.resend.empty() && p.to_upstream.empty() && p.to_client.empty();
}

std::optional<size_t> RelayRoute::choose_member(AssocId client) {
  const size_t n = members_.size();
  size_t start = 0;
  if (config_.selection == config::Selection::kHash) {
    // Fibonacci hashing of the client association: stable for the client, so it returns
    // to the same member while that member is healthy.
    start = static_cast<size_t>((uint64_t{client.value()} * 0x9E3779B97F4A7C15ULL) >> 32) % n;
  } else {
    start = next_member_++ % n;
  }
  const Instant t = now();
  for (size_t k = 0; k < n; ++k) {
    const size_t i = (start + k) % n;
    if (members_[i].retry_at <= t) return i;
  }
  return std::nullopt;
}

void RelayRoute::connect(uint32_t client, Pair& p) {
  const auto m = choose_member(AssocId(client));
  const Instant t = now();
  if (!m) {  // every member failed recently: wait for the first to become eligible
    Instant first = kNever;
    for (const Member& x : members_) first = std::min(first, x.retry_at);
    p.connect_at = first;
    return;
  }
  const config::UpstreamMember& mc = *members_[*m].config;
  const auto id = upstream_->connect(mc.addresses, mc.port, t);
  ++counters_.upstream_connects;
  if (!id) {
    ++counters_.upstream_failures;
    members_[*m].retry_at = t + config_.reconnect_interval;
    p.connect_at = t;  // the next member, next iteration
    return;
  }
  p.upstream = id;
  p.member = *m;
  p.upstream_up = false;
  by_up_[id->value()] = client;
}

void RelayRoute::queue(uint32_t client, Pair& p, EchoBacklog& b, StreamId s, Ppid ppid,
                       std::span<const std::byte> data) {
  if (!b.push(s, ppid, data)) {
    if (p.client_gone) {
      ++counters_.relay_undelivered;  // no client left to ABORT: counted
      return;
    }
    owner_.doom(AssocId(client), "dpsctp-gateway: relay buffer overflow");
    return;
  }
  counters_.backlog_high_water = std::max<uint64_t>(counters_.backlog_high_water, b.size());
  mark(client, p);
  if (&b != &p.to_client) hold_client(client, p);
}

void RelayRoute::hold_client(uint32_t client, Pair& p) {
  // RFC 9260 §6.2: what waits for an upstream is not consumed; the client's window
  // shrinks by it, so a slow or failed-over upstream slows the client down.
  if (p.client_gone) return;
  client_->set_receive_held(AssocId(client), p.resend.held_bytes() + p.to_upstream.held_bytes(),
                            now());
}

void RelayRoute::from_client(const ReceivedMessage& m) {
  auto it = pairs_.find(m.assoc.value());
  if (it == pairs_.end()) {
    ++counters_.send_refused;
    return;
  }
  Pair& p = it->second;
  if (p.upstream_up && p.resend.empty() && p.to_upstream.empty()) {
    const StreamId s(static_cast<uint16_t>(m.stream.value() % p.upstream_streams));
    const auto st = upstream_->send(*p.upstream, s, m.ppid, m.data, {}, now());
    if (st == core::SendStatus::kOk) {
      ++counters_.upstream_msgs_out;
      return;
    }
  }
  // Not up yet, buffer full, or the upstream is closing (it fails over soon).
  queue(m.assoc.value(), p, p.to_upstream, m.stream, m.ppid, m.data);
}

void RelayRoute::flush_to_upstream(uint32_t client, Pair& p) {
  if (!p.upstream_up) return;
  const size_t before = p.resend.size() + p.to_upstream.size();
  for (EchoBacklog* b : {&p.resend, &p.to_upstream}) {
    while (!b->empty()) {
      const auto& e = b->front();
      const StreamId s(static_cast<uint16_t>(e.stream.value() % p.upstream_streams));
      const auto st = upstream_->send(*p.upstream, s, e.ppid, e.data, {}, now());
      if (st == core::SendStatus::kBufferFull || st == core::SendStatus::kInvalidState) break;
      if (st == core::SendStatus::kOk) {
        ++counters_.upstream_msgs_out;
      } else {
        ++counters_.send_refused;  // too large / empty: no upstream would take it
      }
      b->pop();
    }
    if (!b->empty()) break;  // order: to_upstream waits behind resend
  }
  if (p.resend.size() + p.to_upstream.size() != before) hold_client(client, p);
}

void RelayRoute::from_upstream(const ReceivedMessage& m) {
  auto up = by_up_.find(m.assoc.value());
  if (up == by_up_.end()) {  // its client is gone
    ++counters_.send_refused;
    return;
  }
  Pair& p = pairs_.at(up->second);
  ++counters_.upstream_msgs_in;
  if (p.to_client.empty()) {
    const StreamId s(static_cast<uint16_t>(m.stream.value() % p.client_streams));
    const auto st = client_->send(AssocId(up->second), s, m.ppid, m.data, {}, now());
    if (st == core::SendStatus::kOk) {
      ++counters_.msgs_out;
      counters_.bytes_out += m.data.size();
      return;
    }
    if (st != core::SendStatus::kBufferFull) {
      ++counters_.send_refused;
      return;
    }
  }
  queue(up->second, p, p.to_client, m.stream, m.ppid, m.data);
}

void RelayRoute::flush_to_client(uint32_t client, Pair& p) {
  while (!p.to_client.empty()) {
    const auto& e = p.to_client.front();
    const StreamId s(static_cast<uint16_t>(e.stream.value() % p.client_streams));
    const auto st = client_->send(AssocId(client), s, e.ppid, e.data, {}, now());
    if (st == core::SendStatus::kBufferFull) return;
    if (st == core::SendStatus::kOk) {
      ++counters_.msgs_out;
      counters_.bytes_out += e.data.size();
    } else {
      ++counters_.send_refused;
    }
    p.to_client.pop();
  }
}

void RelayRoute::upstream_change(const AssocChange& e) {
  auto up = by_up_.find(e.assoc.value());
  if (up == by_up_.end()) return;  // an upstream whose client closed: nothing to do
  const uint32_t client = up->second;
  Pair& p = pairs_.at(client);
  switch (e.state) {
    case AssocChangeState::kCommUp:
    case AssocChangeState::kRestart:
      p.upstream_up = true;
      p.upstream_streams = std::max<uint16_t>(e.outbound_streams, 1);
      members_[p.member].retry_at = Instant{};
      mark(client, p);
      return;
    case AssocChangeState::kShutdownComp:  // the upstream shut us down: it is going away
    case AssocChangeState::kCommLost:
    case AssocChangeState::kCantStrAssoc:
      by_up_.erase(up);
      ++counters_.upstream_failures;
      members_[p.member].retry_at = now() + config_.reconnect_interval;
      upstream_lost(p);
      mark(client, p);
      return;
  }
}

void RelayRoute::upstream_lost(Pair& p) {
  p.upstream.reset();
  p.upstream_up = false;
  p.connect_at = now();  // the next healthy member, from service()
}

void RelayRoute::upstream_send_failed(const SendFailed& e) {
  auto up = by_up_.find(e.assoc.value());
  if (up == by_up_.end()) {
    ++counters_.send_refused;  // its client is gone: nobody to deliver to
    return;
  }
  Pair& p = pairs_.at(up->second);
  // RFC 6458 §6.1.4: not delivered; the core hands them back in TSN order, then the
  // unsent ones, before COMM_LOST. They go first on the next upstream association.
  ++counters_.upstream_resent;
  queue(up->second, p, p.resend, e.stream, e.ppid, e.data);
}

void RelayRoute::service() {
  if (pending_.empty()) return;
  scratch_.swap(pending_);
  pending_.clear();
  const Instant t = now();
  for (uint32_t client : scratch_) {
    auto it = pairs_.find(client);
    if (it == pairs_.end()) continue;
    Pair& p = it->second;
    p.in_service = false;
    if (!p.upstream && !context_.stopping && t >= p.connect_at) connect(client, p);
    flush_to_upstream(client, p);
    if (p.client_gone) {
      if (finish_orphan(p)) {
        pairs_.erase(it);
      } else {
        mark(client, p);
      }
      continue;
    }
    flush_to_client(client, p);
    const bool waiting = (!p.upstream && !context_.stopping) || !p.resend.empty() ||
                         !p.to_upstream.empty() || !p.to_client.empty();
    if (waiting) mark(client, p);
  }
  scratch_.clear();
}

}  // namespace dpsctp::gateway
