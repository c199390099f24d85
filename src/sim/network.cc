#include "sim/network.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace dpsctp::sim {

Network::Network(uint64_t seed, Instant start) : seed_(seed), rng_(seed), now_(start) {}

// --- Topology ---------------------------------------------------------------------------

void Network::attach(const IpAddress& addr, Host& host) {
  auto [it, inserted] = addresses_.emplace(addr, &host);
  if (!inserted && it->second != &host) {
    std::fprintf(stderr, "sim::Network: address %s is already attached to another host\n",
                 addr.to_string().c_str());
    std::abort();
  }
  if (std::find(hosts_.begin(), hosts_.end(), &host) == hosts_.end()) hosts_.push_back(&host);
}

void Network::detach(Host& host) {
  std::erase_if(addresses_, [&](const auto& kv) { return kv.second == &host; });
  std::erase(hosts_, &host);
  if (last_timer_host_ == &host) last_timer_host_ = nullptr;
}

Network::Link& Network::link_state(const IpAddress& from, const IpAddress& to) {
  auto [it, inserted] = links_.try_emplace({from, to});
  if (inserted) it->second.config = default_link_;
  return it->second;
}

void Network::set_link(const IpAddress& from, const IpAddress& to, const LinkConfig& c) {
  Link& l = link_state(from, to);
  l.config = c;
  l.configured = true;
}

void Network::set_link_both(const IpAddress& a, const IpAddress& b, const LinkConfig& c) {
  set_link(a, b, c);
  set_link(b, a, c);
}

void Network::set_default_link(const LinkConfig& c) {
  default_link_ = c;
  for (auto& [pair, l] : links_) {
    if (!l.configured) l.config = c;
  }
}

void Network::set_up(const IpAddress& from, const IpAddress& to, bool up) {
  Link& l = link_state(from, to);
  l.config.up = up;
  l.configured = true;
}

void Network::set_up_both(const IpAddress& a, const IpAddress& b, bool up) {
  set_up(a, b, up);
  set_up(b, a, up);
}

const LinkConfig& Network::link(const IpAddress& from, const IpAddress& to) const {
  auto it = links_.find({from, to});
  return it == links_.end() ? default_link_ : it->second.config;
}

// --- Link model -------------------------------------------------------------------------

bool Network::chance(double p) {
  if (p <= 0.0) return false;  // draws nothing: a clean link consumes no randomness
  if (p >= 1.0) return true;
  const double u = static_cast<double>(rng_.next64() >> 11) * 0x1.0p-53;  // [0, 1)
  return u < p;
}

void Network::flip_random_bit(std::vector<std::byte>& bytes) {
  if (bytes.empty()) return;
  const uint64_t bit = rng_.next64() % (uint64_t{bytes.size()} * 8);
  bytes[bit / 8] ^= std::byte{static_cast<uint8_t>(1u << (bit % 8))};
}

Duration Network::propagation(const LinkConfig& c) {
  Duration d = c.delay;
  if (c.jitter.count() > 0) {
    const auto span = static_cast<uint64_t>(c.jitter.count()) + 1;  // uniform [0, jitter]
    d += Duration(static_cast<Duration::rep>(rng_.next64() % span));
  }
  return d;
}

Instant Network::serialise(Link& l, size_t len) {
  const uint64_t bps = l.config.bandwidth_bps;
  if (bps == 0) return now_;
  while (!l.backlog.empty() && l.backlog.front().first <= now_) {  // already on the wire
    l.backlog_bytes -= l.backlog.front().second;
    l.backlog.pop_front();
  }
  if (l.backlog_bytes + len > l.config.queue_limit_bytes) return kNever;  // drop-tail
  const Instant start = std::max(now_, l.busy_until);
  const uint64_t bit_us = uint64_t{len} * 8 * 1'000'000;
  const Duration tx(static_cast<Duration::rep>((bit_us + bps - 1) / bps));  // round up
  l.busy_until = start + tx;
  l.backlog.emplace_back(l.busy_until, len);
  l.backlog_bytes += len;
  return l.busy_until;
}

void Network::schedule(uint32_t packet, Instant at) {
  events_.push(Event{at, next_seq_++, packet});
}

void Network::send(wire::ByteSpan packet, const IpAddress& src, const IpAddress& dst) {
  ++stats_.sent;
  const uint32_t id = pool_.acquire(packet, src, dst);
  SimPacket& p = pool_[id];
  if (interceptor_ && !interceptor_(p.bytes, src, dst)) {
    ++stats_.dropped_intercepted;
    pool_.release(id);
    return;
  }
  Link& l = link_state(src, dst);
  const LinkConfig& c = l.config;
  if (!c.up) {
    ++stats_.dropped_down;
    pool_.release(id);
    return;
  }
  const Instant left = serialise(l, p.bytes.size());
  if (left == kNever) {
    ++stats_.dropped_queue;
    pool_.release(id);
    return;
  }
  if (chance(c.loss)) {
    ++stats_.dropped_loss;
    pool_.release(id);
    return;
  }
  if (chance(c.corrupt)) {
    flip_random_bit(p.bytes);
    ++stats_.corrupted;
  }
  Instant at = left + propagation(c);
  if (chance(c.reorder)) {
    at += c.reorder_delay;
    ++stats_.reordered;
  }
  schedule(id, at);
  if (chance(c.duplicate)) {
    const uint32_t copy = pool_.clone(id);
    ++stats_.duplicated;
    schedule(copy, left + propagation(c));
  }
}

// --- Virtual time -----------------------------------------------------------------------

Instant Network::next_event() const {
  Instant t = events_.empty() ? kNever : events_.top().at;
  for (const Host* h : hosts_) t = std::min(t, h->next_timer());
  return t;
}

bool Network::step(Instant limit) {
  const Instant t_packet = events_.empty() ? kNever : events_.top().at;
  Host* timer_host = nullptr;
  Instant t_timer = kNever;
  for (Host* h : hosts_) {  // strict <: the first attached host wins a tie
    const Instant t = h->next_timer();
    if (t < t_timer) {
      t_timer = t;
      timer_host = h;
    }
  }
  const Instant next = std::min(t_packet, t_timer);
  if (next == kNever || next > limit) return false;
  now_ = std::max(now_, next);  // an overdue timer fires now, time never goes back
  if (t_packet <= t_timer) {
    deliver_next();  // packets first on a tie
  } else {
    fire_timer(*timer_host);
  }
  return true;
}

void Network::deliver_next() {
  const Event e = events_.top();
  events_.pop();
  SimPacket& p = pool_[e.packet];  // stays valid if the host sends (deque slots)
  auto it = addresses_.find(p.dst);
  if (it == addresses_.end()) {
    ++stats_.dropped_no_host;
  } else {
    ++stats_.delivered;
    if (tap_) tap_(now_, p.bytes, p.src, p.dst);
    it->second->receive(p.bytes, p.src, p.dst, now_);
  }
  pool_.release(e.packet);
}

void Network::fire_timer(Host& h) {
  constexpr uint32_t kStallLimit = 100'000;
  if (&h == last_timer_host_ && now_ == last_timer_at_) {
    if (++same_timer_count_ > kStallLimit) {
      std::fprintf(stderr,
                   "sim::Network (seed %llu): a host's timer stays due at t=%lld us after "
                   "%u on_timer() calls: the host never re-arms it\n",
                   static_cast<unsigned long long>(seed_),
                   static_cast<long long>(now_.time_since_epoch().count()), kStallLimit);
      std::abort();
    }
  } else {
    last_timer_host_ = &h;
    last_timer_at_ = now_;
    same_timer_count_ = 0;
  }
  ++stats_.timers_fired;
  h.on_timer(now_);
}

void Network::run_until(Instant until) {
  while (step(until)) {
  }
  if (until != kNever && until > now_) now_ = until;
}

bool Network::run_until(const std::function<bool()>& pred, Instant limit) {
  if (pred()) return true;
  while (step(limit)) {
    if (pred()) return true;
  }
  if (limit != kNever && limit > now_) now_ = limit;
  return false;
}

}  // namespace dpsctp::sim
