// SocketHost: a dpsctp::Socket (the embedding API) on the simulator's virtual network —
// the Socket's PacketSink, the Network's Host and a SocketListener that records what the
// application would see. Test infrastructure for tests/api.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <vector>

#include "core/packet_sink.h"
#include "dpsctp/api.h"
#include "sim/host.h"
#include "sim/network.h"

namespace dpsctp::testing {

inline constexpr uint16_t kPort = 36412;

inline SocketConfig socket_config(uint64_t seed, const AssociationOptions& o,
                                  bool flush_on_user_call) {
  SocketConfig c;
  c.defaults = o;
  c.seed = seed;
  c.flush_on_user_call = flush_on_user_call;
  for (size_t i = 0; i < c.cookie_secret.size(); ++i) {
    c.cookie_secret[i] = static_cast<std::byte>(i * 7 + seed);
  }
  return c;
}

struct Received {
  RcvInfo info;
  std::vector<std::byte> data;
};

class SocketHost final : public sim::Host, public core::PacketSink, public SocketListener {
 public:
  /// Attaches `addrs` to `net` and binds them (bindx) on kPort; does not listen.
  /// `flush_on_user_call` false is the DPDK runtime's mode: send() only queues and the
  /// loop calls Socket::flush() once per iteration.
  SocketHost(sim::Network& net, std::vector<IpAddress> addrs, uint64_t seed,
             const AssociationOptions& o = {}, bool flush_on_user_call = true)
      : net_(net),
        buffer_(65536),
        socket_(*this, *this, socket_config(seed, o, flush_on_user_call)) {
    for (const IpAddress& a : addrs) net_.attach(a, *this);
    EXPECT_EQ(socket_.bindx(addrs, kPort), ApiStatus::kOk);
  }
  ~SocketHost() override { net_.detach(*this); }
  SocketHost(const SocketHost&) = delete;
  SocketHost& operator=(const SocketHost&) = delete;

  Socket& socket() { return socket_; }
  Instant now() const { return net_.now(); }

  // Convenience: user calls at the network's current time.
  ApiStatus send(AssocId a, std::span<const std::byte> data, const SndInfo& info,
                 const PrInfo& pr = {}) {
    return socket_.send(a, data, info, pr, net_.now());
  }
  ApiStatus subscribe(EventType t, bool on = true, AssocId a = kFutureAssoc) {
    return socket_.set(Event{.assoc_id = a, .type = t, .on = on});
  }

  // --- sim::Host ---------------------------------------------------------------------------
  void receive(wire::ByteSpan packet, const IpAddress& src, const IpAddress& dst,
               Instant now) override {
    socket_.handle_packet(packet, src, dst, now);
  }
  void on_timer(Instant now) override { socket_.handle_timeout(now); }
  [[nodiscard]] Instant next_timer() const override { return socket_.next_timeout(); }

  // --- core::PacketSink ------------------------------------------------------------------------
  wire::MutableByteSpan next_buffer() override { return buffer_; }
  void send(size_t len, const IpAddress& src, const IpAddress& dst) override {
    net_.send(std::span<const std::byte>(buffer_).first(len), src, dst);
  }

  // --- SocketListener: what the application sees ----------------------------------------------
  void on_message(const RcvInfo& info, std::span<const std::byte> data) override {
    messages.push_back({info, std::vector<std::byte>(data.begin(), data.end())});
  }
  void on_assoc_change(const AssocChange& e) override { changes.push_back(e); }
  void on_peer_addr_change(const PeerAddrChange& e) override { addr_changes.push_back(e); }
  void on_send_failed(const SendFailed& e) override {
    send_failed.push_back({e.context, e.stream, e.ppid, e.was_sent});
  }
  void on_shutdown_event(AssocId) override { ++shutdown_events; }
  void on_sender_dry(AssocId) override { ++sender_dry; }

  [[nodiscard]] int count(AssocChangeState s) const {
    int n = 0;
    for (const AssocChange& c : changes) n += c.state == s ? 1 : 0;
    return n;
  }

  struct Failed {
    uint32_t context;
    StreamId stream;
    Ppid ppid;
    bool was_sent;
  };
  std::vector<Received> messages;
  std::vector<AssocChange> changes;
  std::vector<PeerAddrChange> addr_changes;
  std::vector<Failed> send_failed;
  int shutdown_events = 0;
  int sender_dry = 0;

 private:
  sim::Network& net_;
  std::vector<std::byte> buffer_;
  Socket socket_;  // last: uses *this as its sink and listener
};

inline std::vector<std::byte> bytes(size_t n, uint8_t seed = 1) {
  std::vector<std::byte> b(n);
  for (size_t i = 0; i < n; ++i) b[i] = static_cast<std::byte>(seed + i * 31);
  return b;
}

inline const IpAddress kA1 = IpAddress::v4(10, 0, 0, 1);
inline const IpAddress kA2 = IpAddress::v4(10, 1, 0, 1);
inline const IpAddress kZ1 = IpAddress::v4(10, 0, 0, 2);
inline const IpAddress kZ2 = IpAddress::v4(10, 1, 0, 2);
inline const IpAddress kY1 = IpAddress::v4(10, 0, 0, 3);

/// A multi-homed pair: A {kA1, kA2} connects to Z {kZ1, kZ2}, which listens.
struct Pair {
  explicit Pair(const AssociationOptions& o = {}, uint64_t seed = 7)
      : net(seed), a(net, {kA1, kA2}, 11, o), z(net, {kZ1, kZ2}, 22, o) {}

  /// Z listens, A connectx-es to both of Z's addresses; runs until both are up.
  AssocId connect() {
    EXPECT_EQ(z.socket().set(Event{.type = EventType::kAssocChange, .on = true}), ApiStatus::kOk);
    EXPECT_EQ(a.socket().set(Event{.type = EventType::kAssocChange, .on = true}), ApiStatus::kOk);
    EXPECT_EQ(z.socket().listen(true, net.now()), ApiStatus::kOk);
    const IpAddress peers[] = {kZ1, kZ2};
    AssocId id;
    EXPECT_EQ(a.socket().connectx(peers, kPort, net.now(), id), ApiStatus::kOk);
    const bool up = net.run_until(
        [&] {
          return a.count(AssocChangeState::kCommUp) == 1 && z.count(AssocChangeState::kCommUp) == 1;
        },
        net.now() + std::chrono::minutes(1));
    EXPECT_TRUE(up) << "handshake did not complete";
    return id;
  }
  /// Z's AssocId of the (only) association.
  AssocId z_id() {
    const std::vector<AssocId> ids = z.socket().associations();
    EXPECT_EQ(ids.size(), 1u);
    return ids.empty() ? AssocId(0) : ids.front();
  }

  sim::Network net;
  SocketHost a;
  SocketHost z;
};

}  // namespace dpsctp::testing
