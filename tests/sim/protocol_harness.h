// Shared pieces of the protocol-level simulator tests: a Peer (an EndpointHost plus a
// Listener that records events), a MessageLedger that checks the delivery invariants of
// one direction, and a Pump that feeds random messages into an association.
//
// Invariants checked by MessageLedger (RFC 9260 §1.5.2, §6.6): every message sent is
// delivered exactly once, byte-exact, on the stream it was sent on, with its U bit, and
// ordered messages of a stream arrive in the order they were sent. A message carries its
// id in the PPID (so even 1-byte messages are identifiable); its bytes are a function of
// (id, offset), and the ledger knows each id's stream, size and per-stream order.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/random.h"
#include "sim/endpoint_host.h"
#include "sim/network.h"

namespace dpsctp::sim::testing {

inline constexpr uint16_t kPort = 36412;

inline core::EndpointConfig endpoint_config(std::vector<IpAddress> addrs, uint64_t seed,
                                            const AssociationOptions& o = {}) {
  core::EndpointConfig c;
  c.local_addresses = std::move(addrs);
  c.port = kPort;
  c.options = o;
  c.seed = seed;
  for (size_t i = 0; i < c.cookie_secret.size(); ++i) {
    c.cookie_secret[i] = static_cast<std::byte>(i * 13 + seed);
  }
  return c;
}

/// Byte `i` of message `id`: differs between messages and between offsets, so a lost,
/// duplicated or misplaced fragment changes the reassembled message.
inline std::byte content_byte(uint64_t id, size_t i) {
  const uint32_t x = static_cast<uint32_t>(id) * 2654435761u + static_cast<uint32_t>(i) * 40503u;
  return static_cast<std::byte>(x >> 11);
}

class MessageLedger {
 public:
  struct Sent {
    uint16_t stream;
    bool unordered;
    uint32_t size;
    uint32_t order;  // index among the ordered messages of its stream
  };

  explicit MessageLedger(uint16_t streams = 65535)
      : ordered_sent_(streams), next_ordered_(streams) {}

  [[nodiscard]] uint32_t next_id() const { return static_cast<uint32_t>(sent_.size()); }
  /// Records that message next_id() was accepted by send().
  void commit(uint16_t stream, bool unordered, uint32_t size) {
    sent_.push_back({stream, unordered, size, unordered ? 0 : ordered_sent_[stream]++});
    seen_.push_back(0);
  }
  /// Checks a message received by the other side.
  void on_received(const ReceivedMessage& m) {
    const uint32_t id = m.ppid.value();
    if (id >= sent_.size()) return fail("unknown message id " + std::to_string(id));
    const Sent& s = sent_[id];
    if (seen_[id] != 0) return fail("message " + std::to_string(id) + " delivered twice");
    seen_[id] = 1;
    ++delivered_;
    if (m.stream.value() != s.stream)
      return fail("message " + std::to_string(id) + " wrong stream");
    if (m.unordered != s.unordered) return fail("message " + std::to_string(id) + " wrong U bit");
    if (m.data.size() != s.size) {
      return fail("message " + std::to_string(id) + " size " + std::to_string(m.data.size()) +
                  " != " + std::to_string(s.size));
    }
    for (size_t i = 0; i < m.data.size(); ++i) {
      if (m.data[i] != content_byte(id, i)) {
        return fail("message " + std::to_string(id) + " corrupt at byte " + std::to_string(i));
      }
    }
    if (!s.unordered) {
      uint32_t& expect = next_ordered_[s.stream];
      if (s.order != expect) {
        return fail("stream " + std::to_string(s.stream) + ": ordered message #" +
                    std::to_string(s.order) + " delivered, expected #" + std::to_string(expect));
      }
      ++expect;
    }
  }
  [[nodiscard]] uint64_t sent() const { return sent_.size(); }
  [[nodiscard]] uint64_t delivered() const { return delivered_; }
  [[nodiscard]] bool all_delivered() const { return delivered_ == sent_.size(); }
  [[nodiscard]] const std::vector<std::string>& errors() const { return errors_; }

 private:
  void fail(std::string what) {
    if (errors_.size() < 20) errors_.push_back(std::move(what));
  }
  std::vector<Sent> sent_;
  std::vector<uint8_t> seen_;
  std::vector<uint32_t> ordered_sent_;
  std::vector<uint32_t> next_ordered_;
  uint64_t delivered_ = 0;
  std::vector<std::string> errors_;
};

/// One SCTP endpoint on the virtual network and what its Listener saw.
class Peer final : public Listener {
 public:
  Peer(Network& net, std::vector<IpAddress> addrs, uint64_t seed, AssociationOptions o = {})
      : net_(net), addrs_(std::move(addrs)), options_(o) {
    restart(seed);
  }
  Peer(Network& net, const IpAddress& addr, uint64_t seed, AssociationOptions o = {})
      : Peer(net, std::vector<IpAddress>{addr}, seed, o) {}

  /// Crash and reboot: a new Endpoint (new tags and TSNs) at the same addresses and port.
  void restart(uint64_t seed) {
    host_.reset();
    host_.emplace(net_, endpoint_config(addrs_, seed, options_), *this);
  }
  EndpointHost& host() { return *host_; }
  core::Endpoint& ep() { return host_->endpoint(); }

  void on_message(const ReceivedMessage& m) override {
    ++messages;
    if (inbound != nullptr) inbound->on_received(m);
  }
  void on_assoc_change(const AssocChange& e) override {
    changes.push_back(e);
    if (e.state == AssocChangeState::kCommUp || e.state == AssocChangeState::kRestart) {
      last_up = e.assoc;
    }
  }
  void on_send_failed(const SendFailed&) override { ++send_failed; }
  void on_peer_addr_change(const PeerAddrChange& e) override { addr_changes.push_back(e); }
  [[nodiscard]] int count(const IpAddress& ip, PeerAddrState s) const {
    int n = 0;
    for (const PeerAddrChange& c : addr_changes) n += (c.address == ip && c.state == s) ? 1 : 0;
    return n;
  }
  void on_shutdown_event(AssocId) override { ++shutdown_events; }

  [[nodiscard]] int count(AssocChangeState s) const {
    int n = 0;
    for (const AssocChange& c : changes) n += c.state == s ? 1 : 0;
    return n;
  }

  MessageLedger* inbound = nullptr;  ///< checks what this peer receives
  std::vector<AssocChange> changes;
  std::vector<PeerAddrChange> addr_changes;
  std::optional<AssocId> last_up;
  uint64_t messages = 0;
  int send_failed = 0;
  int shutdown_events = 0;

 private:
  Network& net_;
  std::vector<IpAddress> addrs_;
  AssociationOptions options_;
  std::optional<EndpointHost> host_;
};

/// Feeds random messages (sizes 1..max_size, random stream, a share unordered) into one
/// association until `target` have been accepted; send() refusing with kBufferFull
/// keeps the drawn message for the next fill().
class Pump {
 public:
  Pump(Peer& from, AssocId assoc, MessageLedger& ledger, uint64_t seed, uint64_t target,
       uint16_t streams = 10, uint32_t max_size = 5000, uint32_t unordered_percent = 30)
      : from_(from),
        assoc_(assoc),
        ledger_(ledger),
        rng_(seed),
        target_(target),
        streams_(streams),
        max_size_(max_size),
        unordered_percent_(unordered_percent) {
    buf_.reserve(max_size);
  }

  /// Sends until the send buffer is full or the target is reached; false on an
  /// unexpected send() status.
  bool fill() {
    while (ledger_.sent() < target_) {
      if (!pending_) draw();
      const core::SendStatus s =
          from_.host().send(assoc_, StreamId(stream_), Ppid(ledger_.next_id()), buf_,
                            core::SendOptions{.unordered = unordered_});
      if (s == core::SendStatus::kBufferFull) return true;
      if (s != core::SendStatus::kOk) return false;
      ledger_.commit(stream_, unordered_, static_cast<uint32_t>(buf_.size()));
      pending_ = false;
    }
    return true;
  }
  [[nodiscard]] bool done() const { return ledger_.sent() >= target_; }

 private:
  void draw() {
    stream_ = static_cast<uint16_t>(rng_.below(streams_));
    unordered_ = rng_.below(100) < unordered_percent_;
    const uint32_t size = 1 + rng_.below(max_size_);
    const uint32_t id = ledger_.next_id();
    buf_.resize(size);
    for (size_t i = 0; i < size; ++i) buf_[i] = content_byte(id, i);
    pending_ = true;
  }

  Peer& from_;
  AssocId assoc_;
  MessageLedger& ledger_;
  core::Random rng_;
  uint64_t target_;
  uint16_t streams_;
  uint32_t max_size_;
  uint32_t unordered_percent_;
  std::vector<std::byte> buf_;
  bool pending_ = false;
  uint16_t stream_ = 0;
  bool unordered_ = false;
};

inline const IpAddress kA = IpAddress::v4(10, 0, 0, 1);
inline const IpAddress kZ = IpAddress::v4(10, 0, 0, 2);

inline std::string seed_trace(uint64_t seed) { return "network seed " + std::to_string(seed); }

/// Connects a to z and runs until both report COMM_UP; returns a's AssocId.
inline AssocId establish(Network& net, Peer& a, Peer& z, Duration limit = 2min,
                         const IpAddress& to = kZ) {
  const IpAddress peers[] = {to};
  const std::optional<AssocId> id = a.host().connect(peers, kPort);
  EXPECT_TRUE(id.has_value());
  const bool up = net.run_until(
      [&] {
        return a.count(AssocChangeState::kCommUp) == 1 && z.count(AssocChangeState::kCommUp) == 1;
      },
      net.now() + limit);
  EXPECT_TRUE(up) << "handshake did not complete";
  return id.value_or(AssocId(0));
}

/// Graceful shutdown from `a` (RFC 9260 §9.2); runs until both sides report SHUTDOWN_COMP.
inline void shutdown_cleanly(Network& net, Peer& a, AssocId id, Peer& z, Duration limit = 10min) {
  a.host().shutdown(id);
  const bool done = net.run_until(
      [&] {
        return a.count(AssocChangeState::kShutdownComp) == 1 &&
               z.count(AssocChangeState::kShutdownComp) == 1;
      },
      net.now() + limit);
  EXPECT_TRUE(done) << "shutdown did not complete";
  EXPECT_EQ(a.ep().association_count(), 0u);
  EXPECT_EQ(z.ep().association_count(), 0u);
  EXPECT_EQ(z.shutdown_events, 1);
}

}  // namespace dpsctp::sim::testing
