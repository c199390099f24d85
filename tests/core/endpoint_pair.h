// A minimal deterministic harness for two Endpoints, "A" (client, 10.0.0.1) and "Z"
// (server, 10.0.0.2), joined by a perfect in-memory link with a fixed one-way delay.
// Unit tests of the core use it to drive handshakes and transfers step by step; the
// network simulator (src/sim) adds loss, reordering and the rest.
#pragma once

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include "core/endpoint.h"

namespace dpsctp::core::testing {

struct Recorder : Listener {
  std::vector<ReceivedMessage> messages;          // spans cleared: see payloads
  std::vector<std::vector<std::byte>> payloads;
  std::vector<AssocChange> changes;
  std::vector<SendFailed> failed;
  std::vector<std::vector<std::byte>> failed_payloads;
  int shutdown_events = 0;
  int dry_events = 0;
  std::vector<uint16_t> remote_errors;
  std::function<void(const ReceivedMessage&)> on_msg;

  void on_message(const ReceivedMessage& m) override {
    payloads.emplace_back(m.data.begin(), m.data.end());
    ReceivedMessage copy = m;
    copy.data = {};
    messages.push_back(copy);
    if (on_msg) on_msg(m);
  }
  void on_assoc_change(const AssocChange& e) override { changes.push_back(e); }
  void on_send_failed(const SendFailed& e) override {
    failed.push_back(e);
    failed_payloads.emplace_back(e.data.begin(), e.data.end());
  }
  void on_shutdown_event(AssocId) override { ++shutdown_events; }
  void on_remote_error(const RemoteError& e) override { remote_errors.push_back(e.cause_code); }
  void on_sender_dry(AssocId) override { ++dry_events; }
  [[nodiscard]] bool saw(AssocChangeState s) const {
    for (const AssocChange& c : changes) {
      if (c.state == s) return true;
    }
    return false;
  }
};

struct Wire {
  Instant at;
  std::vector<std::byte> bytes;
  IpAddress src, dst;
  int to;  // 0 = A, 1 = Z
};

class QueueSink : public PacketSink {
 public:
  QueueSink(std::deque<Wire>& q, const Instant& now, Duration delay, int to)
      : q_(q), now_(now), delay_(delay), to_(to) {}
  wire::MutableByteSpan next_buffer() override { return buf_; }
  void send(size_t len, const IpAddress& src, const IpAddress& dst) override {
    if (drop_next > 0) {
      --drop_next;
      return;
    }
    if (drop_if && drop_if(wire::ByteSpan(buf_.data(), len))) return;
    q_.push_back({now_ + delay_, {buf_.begin(), buf_.begin() + static_cast<long>(len)}, src, dst,
                  to_});
    ++sent;
  }
  int drop_next = 0;  // drops the next N packets
  std::function<bool(wire::ByteSpan)> drop_if;  // drops the packets it returns true for
  int sent = 0;

 private:
  std::deque<Wire>& q_;
  const Instant& now_;
  Duration delay_;
  int to_;
  std::array<std::byte, 65536> buf_{};
};

class EndpointPair {
 public:
  static constexpr uint16_t kPort = 36412;
  explicit EndpointPair(AssociationOptions o = {}, Duration delay = std::chrono::milliseconds(5))
      : sink_a(q, now, delay, 1), sink_z(q, now, delay, 0) {
    a = std::make_unique<Endpoint>(config(ip_a, 1, o), sink_a, la, now);
    z = std::make_unique<Endpoint>(config(ip_z, 2, o), sink_z, lz, now);
  }

  static EndpointConfig config(const IpAddress& ip, uint64_t seed, const AssociationOptions& o) {
    EndpointConfig c;
    c.local_addresses = {ip};
    c.port = kPort;
    c.options = o;
    c.seed = seed;
    for (size_t i = 0; i < c.cookie_secret.size(); ++i) {
      c.cookie_secret[i] = static_cast<std::byte>(i * 7 + seed);
    }
    return c;
  }

  /// Delivers queued packets and fires timers until `until` (virtual time).
  void run_until(Instant until) {
    int spins = 0;  // guards against a timer hint that never advances
    Instant last = now;
    while (true) {
      if (now == last) {
        if (++spins > 1000000) {
          ADD_FAILURE() << "virtual time stuck";
          return;
        }
      } else {
        spins = 0;
        last = now;
      }
      Instant next = until;
      if (!q.empty()) next = std::min(next, q.front().at);
      next = std::min({next, a->next_timeout(), z->next_timeout()});
      if (next > until) break;
      now = std::max(now, next);
      if (!q.empty() && q.front().at <= now) {
        Wire w = std::move(q.front());
        q.pop_front();
        (w.to == 0 ? a : z)->handle_packet(w.bytes, {w.src, w.dst}, now);
        continue;
      }
      if (a->next_timeout() <= now) a->handle_timeout(now);
      if (z->next_timeout() <= now) z->handle_timeout(now);
      if (next == until && q.empty() && a->next_timeout() > until && z->next_timeout() > until) {
        break;
      }
    }
    now = until;
  }
  void run_for(Duration d) { run_until(now + d); }

  /// Connects and runs the handshake; returns {client id, server id}.
  std::pair<AssocId, AssocId> establish() {
    const AssocId id = connect();
    run_for(std::chrono::milliseconds(100));
    EXPECT_EQ(lz.changes.size(), 1u);
    return {id, lz.changes.empty() ? AssocId(0) : lz.changes.back().assoc};
  }

  AssocId connect() {
    const IpAddress peers[] = {ip_z};
    std::optional<AssocId> id = a->connect(peers, kPort, now);
    EXPECT_TRUE(id.has_value());
    return id.value_or(AssocId(0));
  }

  Instant now{};
  std::deque<Wire> q;
  IpAddress ip_a = IpAddress::v4(10, 0, 0, 1);
  IpAddress ip_z = IpAddress::v4(10, 0, 0, 2);
  Recorder la, lz;
  QueueSink sink_a, sink_z;
  std::unique_ptr<Endpoint> a, z;
};

}  // namespace dpsctp::core::testing
