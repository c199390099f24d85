// Two sans-IO Endpoints ("A" the client, "Z" the server) joined by in-memory packet
// queues, one thread, virtual time: the harness of core_bench (and the model for
// usrsctp_bench's AF_CONN loop). No simulator, no I/O.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <vector>

#include "core/endpoint.h"

namespace dpsctp::bench {

using core::Endpoint;
using core::EndpointConfig;
using core::PacketInfo;
using core::PacketSink;

// A sink that appends each packet to a queue of reusable buffers (the "wire").
// `offload`: pretend the NIC fills the CRC32c (PacketSink::fills_checksum), the path the
// runtime takes with RTE_ETH_TX_OFFLOAD_SCTP_CKSUM.
class QueueLink final : public PacketSink {
 public:
  struct Packet {
    std::vector<std::byte> bytes;
    size_t len = 0;
    IpAddress src, dst;
  };
  explicit QueueLink(bool offload = false) : offload_(offload) {}
  wire::MutableByteSpan next_buffer() override { return buf_; }
  void send(size_t len, const IpAddress& src, const IpAddress& dst) override {
    if (used_ == packets_.size()) packets_.push_back({std::vector<std::byte>(2048), 0, {}, {}});
    Packet& p = packets_[used_++];
    std::copy_n(buf_.begin(), len, p.bytes.begin());
    p.len = len;
    p.src = src;
    p.dst = dst;
    ++total_;
  }
  [[nodiscard]] bool fills_checksum() const override { return offload_; }
  void clear() { used_ = 0; }
  [[nodiscard]] uint64_t total() const { return total_; }
  // Hands every queued packet to `to`; packets sent meanwhile wait for the next call.
  size_t deliver(Endpoint& to, Instant now) {
    batch_.swap(packets_);
    const size_t n = used_;
    used_ = 0;
    for (size_t i = 0; i < n; ++i) {
      const Packet& p = batch_[i];
      to.handle_packet(wire::ByteSpan(p.bytes.data(), p.len), {p.src, p.dst}, now);
    }
    if (used_ == 0 && packets_.size() < batch_.size()) packets_.swap(batch_);
    return n;
  }

 private:
  std::array<std::byte, 2048> buf_{};
  std::vector<Packet> packets_;
  std::vector<Packet> batch_;
  size_t used_ = 0;
  uint64_t total_ = 0;
  bool offload_;
};

// Counts messages and COMM UPs; with `echo` set, sends every message back (server side).
struct Counter final : Listener {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  uint64_t up = 0;
  std::vector<AssocId> ids;
  Endpoint* echo = nullptr;
  Instant* now = nullptr;
  void on_message(const ReceivedMessage& m) override {
    ++messages;
    bytes += m.data.size();
    if (echo != nullptr) (void)echo->send(m.assoc, m.stream, m.ppid, m.data, {}, *now);
  }
  void on_assoc_change(const AssocChange& e) override {
    if (e.state == AssocChangeState::kCommUp) {
      ++up;
      ids.push_back(e.assoc);
    }
  }
};

inline EndpointConfig pair_config(uint8_t last, uint64_t seed, bool nodelay, bool offload) {
  EndpointConfig c;
  c.local_addresses = {IpAddress::v4(10, 0, 0, last)};
  c.port = 36412;
  c.seed = seed;
  c.options.nodelay = nodelay;
  c.options.receive_window = 4 * 1024 * 1024;
  c.options.send_buffer = 8 * 1024 * 1024;
  c.options.heartbeat_enabled = false;
  c.max_associations = 1 << 16;
  c.flush_on_user_call = false;  // batch like the runtime: one flush per burst
  c.verify_checksum = !offload;  // offload: the NIC verified it (RTE_MBUF_F_RX_L4_CKSUM_GOOD)
  return c;
}

struct Pair {
  explicit Pair(bool nodelay, bool offload = false)
      : ab(offload),
        za(offload),
        a(pair_config(1, 1, nodelay, offload), ab, la, now),
        z(pair_config(2, 2, nodelay, offload), za, lz, now) {}
  void pump() {
    a.flush(now);
    z.flush(now);
    for (int i = 0; i < 16; ++i) {
      const size_t n = ab.deliver(z, now) + za.deliver(a, now);
      now += std::chrono::microseconds(1);
      if (a.next_timeout() <= now) a.handle_timeout(now);
      if (z.next_timeout() <= now) z.handle_timeout(now);
      if (n == 0) break;
    }
  }
  // Lets virtual time run (delayed SACKs, Nagle) until `l` counted `n` messages or 10 s
  // of virtual time passed.
  void drain(const Counter& l, uint64_t n) {
    for (int i = 0; i < 1000 && l.messages < n; ++i) {
      now += std::chrono::milliseconds(10);
      if (a.next_timeout() <= now) a.handle_timeout(now);
      if (z.next_timeout() <= now) z.handle_timeout(now);
      pump();
    }
  }
  Instant now{};
  QueueLink ab, za;
  Counter la, lz;
  Endpoint a, z;
};

}  // namespace dpsctp::bench
