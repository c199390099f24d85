// libFuzzer target: a stateful, structure-aware fuzzer of two associated Endpoints.
//
// Each input builds a client A and a server Z joined by an in-memory packet queue,
// establishes an association (RFC 9260 §5.1), then reads the rest of the input as a
// program of operations: deliver / drop / duplicate / reorder the next queued packet,
// mutate one field of it first (chunk type, flags, length, TSN, SSN, stream, cum TSN ack,
// gap blocks, a_rwnd, verification tag, a parameter length, any byte) and re-checksum it,
// inject raw chunk bytes under a real common header, advance virtual time, and the user
// calls send / shutdown / abort / connect. After every operation the core's externally
// visible invariants are checked (see check_invariants); any violation aborts, as does
// any sanitizer report. In the regular build the same function replays the corpus
// (fuzz/corpus/association/) as a test (replay_main.cc).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <vector>

#include "core/endpoint.h"
#include "wire/crc32c.h"
#include "wire/packet_view.h"

namespace {

using namespace dpsctp;
using core::AssocState;
using core::Endpoint;

constexpr uint16_t kPort = 36412;
constexpr size_t kMaxQueue = 256;  // packets in flight: bounds each input's work

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "association_fuzzer invariant violated: %s\n", what);
  std::abort();
}

/// Reads the fuzz input; past its end every read returns 0.
class Input {
 public:
  Input(const uint8_t* d, size_t n) : d_(d), n_(n) {}
  [[nodiscard]] bool empty() const { return i_ >= n_; }
  uint8_t u8() { return i_ < n_ ? d_[i_++] : 0; }
  uint16_t u16() { return static_cast<uint16_t>(u8() << 8 | u8()); }
  uint32_t u32() { return static_cast<uint32_t>(u16()) << 16 | u16(); }
  std::span<const uint8_t> bytes(size_t n) {
    n = std::min(n, n_ - std::min(i_, n_));
    std::span<const uint8_t> s(d_ + i_, n);
    i_ += n;
    return s;
  }

 private:
  const uint8_t* d_;
  size_t n_;
  size_t i_ = 0;
};

struct Packet {
  std::vector<std::byte> bytes;
  IpAddress src, dst;
  int to;  // 0 = A, 1 = Z
};

struct Sink final : core::PacketSink {
  Sink(std::deque<Packet>& q, int to) : q_(q), to_(to) {}
  wire::MutableByteSpan next_buffer() override { return buf_; }
  void send(size_t len, const IpAddress& src, const IpAddress& dst) override {
    if (q_.size() >= kMaxQueue) return;  // a full link drops
    q_.push_back({{buf_.begin(), buf_.begin() + static_cast<long>(len)}, src, dst, to_});
  }
  std::deque<Packet>& q_;
  int to_;
  std::array<std::byte, 65536> buf_{};
};

/// Records what the fuzzer needs from the Listener; sends back from callbacks like a real
/// application would (re-entrancy is part of what is fuzzed).
struct App final : Listener {
  std::vector<AssocId> up;
  Endpoint* ep = nullptr;
  Instant* now = nullptr;
  bool echo = false;
  uint64_t messages = 0;
  void on_message(const ReceivedMessage& m) override {
    ++messages;
    if (m.data.empty()) fail("empty message delivered");
    if (echo && ep != nullptr && m.data.size() < 200) {
      (void)ep->send(m.assoc, m.stream, m.ppid, m.data, {}, *now);
    }
  }
  void on_assoc_change(const AssocChange& e) override {
    if (e.state == AssocChangeState::kCommUp || e.state == AssocChangeState::kRestart) {
      up.push_back(e.assoc);
    }
  }
  void on_send_failed(const SendFailed& e) override {
    if (e.data.empty()) fail("send-failed without its data");
  }
};

AssociationOptions options() {
  AssociationOptions o;
  o.rto_initial = std::chrono::milliseconds(200);
  o.rto_min = std::chrono::milliseconds(100);
  o.rto_max = std::chrono::seconds(2);
  o.hb_interval = std::chrono::seconds(1);
  o.valid_cookie_life = std::chrono::seconds(5);
  o.receive_window = 8 * 1024;
  o.send_buffer = 32 * 1024;
  o.outbound_streams = 8;
  o.max_inbound_streams = 6;
  o.association_max_retrans = 4;
  o.path_max_retrans = 2;
  o.max_init_retransmits = 2;
  o.t5_shutdown_guard = std::chrono::seconds(10);
  return o;
}

core::EndpointConfig config(const IpAddress& ip, uint64_t seed) {
  core::EndpointConfig c;
  c.local_addresses = {ip};
  c.port = kPort;
  c.options = options();
  c.seed = seed;
  c.max_associations = 4;
  for (size_t i = 0; i < c.cookie_secret.size(); ++i) {
    c.cookie_secret[i] = static_cast<std::byte>(i * 3 + seed);
  }
  return c;
}

class World {
 public:
  explicit World(uint8_t seed)
      : sink_a_(q_, 1), sink_z_(q_, 0),
        a_(config(ip_a_, 1 + seed), sink_a_, app_a_, now_),
        z_(config(ip_z_, 100 + seed), sink_z_, app_z_, now_) {
    app_a_.ep = &a_;
    app_z_.ep = &z_;
    app_a_.now = app_z_.now = &now_;
  }

  void establish() {
    const IpAddress peers[] = {ip_z_};
    (void)a_.connect(peers, kPort, now_);
    settle(64);
  }

  void run(Input& in) {
    int ops = 0;
    while (!in.empty() && ops++ < 400) {
      step(in);
      check_invariants(a_);
      check_invariants(z_);
    }
    settle(200);
    check_invariants(a_);
    check_invariants(z_);
  }

 private:
  Endpoint& ep(int i) { return i == 0 ? a_ : z_; }
  App& app(int i) { return i == 0 ? app_a_ : app_z_; }

  void deliver(Packet p) {
    ep(p.to).handle_packet(p.bytes, {p.src, p.dst}, now_);
  }

  /// Delivers queued packets and fires due timers, at most `n` events.
  void settle(int n) {
    for (int i = 0; i < n; ++i) {
      if (!q_.empty()) {
        Packet p = std::move(q_.front());
        q_.pop_front();
        deliver(std::move(p));
        continue;
      }
      const Instant next = std::min(a_.next_timeout(), z_.next_timeout());
      if (next == kNever || next - now_ > std::chrono::seconds(30)) return;
      now_ = std::max(now_, next);
      a_.handle_timeout(now_);
      z_.handle_timeout(now_);
    }
  }

  std::optional<AssocId> assoc(int side) {
    const std::vector<AssocId>& up = app(side).up;
    for (auto it = up.rbegin(); it != up.rend(); ++it) {
      if (ep(side).association(*it) != nullptr) return *it;
    }
    return std::nullopt;
  }

  void step(Input& in) {
    const uint8_t op = in.u8();
    switch (op % 13) {
      case 0:
      case 1:
        if (!q_.empty()) {
          Packet p = std::move(q_.front());
          q_.pop_front();
          deliver(std::move(p));
        }
        break;
      case 2:
      case 3:
        if (!q_.empty()) {
          Packet p = std::move(q_.front());
          q_.pop_front();
          mutate(p, in);
          deliver(std::move(p));
        }
        break;
      case 4: if (!q_.empty()) q_.pop_front(); break;  // loss
      case 5:
        if (!q_.empty() && q_.size() < kMaxQueue) q_.push_back(q_.front());  // duplicate
        break;
      case 6:
        if (q_.size() >= 2) std::swap(q_[0], q_[1 + in.u8() % (q_.size() - 1)]);  // reorder
        break;
      case 7: inject_raw(in); break;
      case 8: {  // advance virtual time, firing what is due
        now_ += std::chrono::milliseconds(in.u16() % 5000);
        a_.handle_timeout(now_);
        z_.handle_timeout(now_);
        break;
      }
      case 9: user_send(in); break;
      case 10: {
        const int side = in.u8() & 1;
        if (auto id = assoc(side)) ep(side).shutdown(*id, now_);
        break;
      }
      case 11: {
        const int side = in.u8() & 1;
        const uint8_t how = in.u8();
        if (auto id = assoc(side)) {
          if (how < 16) {
            std::array<std::byte, 8> reason{};
            ep(side).abort(*id, reason, now_);
          } else if (how < 32) {
            const IpAddress peers[] = {side == 0 ? ip_z_ : ip_a_};
            (void)ep(side).connect(peers, kPort, now_);  // a second association / collision
          } else {
            app(side).echo = !app(side).echo;
          }
        } else {
          const IpAddress peers[] = {side == 0 ? ip_z_ : ip_a_};
          (void)ep(side).connect(peers, kPort, now_);
        }
        break;
      }
      default: settle(1 + in.u8() % 32); break;
    }
  }

  void user_send(Input& in) {
    const int side = in.u8() & 1;
    const uint16_t stream = in.u8() % 10;  // 8 and 9: beyond the negotiated streams
    const size_t size = in.u16() % 12000;   // up to a few fragments, past receive_window
    const bool unordered = (in.u8() & 1) != 0;
    payload_.resize(size);
    for (size_t i = 0; i < size; ++i) payload_[i] = static_cast<std::byte>(i * 31 + size);
    if (auto id = assoc(side)) {
      (void)ep(side).send(*id, StreamId(stream), Ppid(static_cast<uint32_t>(size)), payload_,
                          {.unordered = unordered}, now_);
    }
  }

  /// One structure-aware mutation of a packet produced by a real endpoint.
  void mutate(Packet& p, Input& in) {
    std::vector<std::byte>& b = p.bytes;
    const uint8_t what = in.u8();
    const uint32_t v = in.u32();
    const bool fix_crc = (what & 0x80) == 0;
    auto put16 = [&](size_t at, uint16_t x) {
      if (at + 2 <= b.size()) wire::store_u16(b.data() + at, x);
    };
    auto put32 = [&](size_t at, uint32_t x) {
      if (at + 4 <= b.size()) wire::store_u32(b.data() + at, x);
    };
    auto get32 = [&](size_t at) { return at + 4 <= b.size() ? wire::load_u32(b.data() + at) : 0; };
    // Offsets of the chunks, from the (still valid) packet.
    std::vector<size_t> chunks;
    if (auto view = wire::PacketView::parse(b)) {
      for (const wire::ChunkView& c : view->chunks()) {
        chunks.push_back(static_cast<size_t>(c.bytes.data() - b.data()));
      }
    }
    const size_t c = chunks.empty() ? 12 : chunks[(v >> 24) % chunks.size()];
    // Small signed deltas reach the interesting edges (one past the last TSN sent...).
    const uint32_t delta = static_cast<uint32_t>(static_cast<int32_t>(static_cast<int8_t>(v)));
    switch (what % 12) {
      case 0: if (c < b.size()) b[c] = static_cast<std::byte>(v); break;           // type
      case 1: if (c + 1 < b.size()) b[c + 1] = static_cast<std::byte>(v); break;   // flags
      case 2: put16(c + 2, static_cast<uint16_t>(v)); break;                       // length
      case 3: put32(c + 4, get32(c + 4) + delta); break;  // DATA TSN / SACK cum ack / tags
      case 4: put32(c + 4, v); break;
      case 5: put16(c + 8, static_cast<uint16_t>(v)); break;   // DATA stream / SACK a_rwnd hi
      case 6: put16(c + 10, static_cast<uint16_t>(get32(c + 8) + delta)); break;  // SSN
      case 7: put32(c + 8, v); break;                          // a_rwnd / PPID
      case 8: {  // gap block or dup TSN entries, or a parameter of an INIT(-ACK)
        const size_t at = c + 16 + 4 * ((v >> 16) % 8);
        put32(at, (get32(at) & 0xffff0000u) | static_cast<uint16_t>(v));
        break;
      }
      case 9: put32(4, (v & 0x100) != 0 ? get32(4) ^ (v >> 24) : 0); break;  // vtag
      case 10: put16(c + 4 + 2 + 4 * ((v >> 16) % 6), static_cast<uint16_t>(v)); break;  // param len
      default:
        if (!b.empty()) b[v % b.size()] ^= static_cast<std::byte>(1u << ((v >> 8) % 8));
        break;
    }
    if ((what & 0x40) != 0 && b.size() > 16) b.resize(12 + (v % (b.size() - 12)));  // truncate
    if (fix_crc && b.size() >= 12) wire::write_sctp_checksum(b);
  }

  /// Raw chunk bytes from the input under a real common header (ports, and most of the
  /// time the right verification tag), so they reach the association's chunk handlers.
  void inject_raw(Input& in) {
    const int to = in.u8() & 1;
    const uint8_t tag_mode = in.u8();
    const size_t n = in.u8() * 4u + 4;
    std::span<const uint8_t> raw = in.bytes(n);
    std::vector<std::byte> b(12 + raw.size());
    wire::store_u16(b.data(), kPort);
    wire::store_u16(b.data() + 2, kPort);
    uint32_t vtag = 0;
    if (auto id = assoc(to)) {
      if (const core::Association* a = ep(to).association(*id)) {
        vtag = tag_mode < 200 ? a->local_tag().value() : a->peer_tag().value();
      }
    }
    wire::store_u32(b.data() + 4, tag_mode >= 240 ? 0 : vtag);
    for (size_t i = 0; i < raw.size(); ++i) b[12 + i] = static_cast<std::byte>(raw[i]);
    wire::write_sctp_checksum(b);
    deliver({std::move(b), to == 0 ? ip_z_ : ip_a_, to == 0 ? ip_a_ : ip_z_, to});
  }

  /// What must hold whatever the peer sent.
  static void check_invariants(const Endpoint& e) {
    const AssociationOptions& o = e.config().options;
    uint64_t established = 0;
    size_t n = 0;
    e.for_each_association([&](const core::Association& a) {
      ++n;
      const core::AssocStatus s = a.status();
      if (a.closed()) fail("a closed association is still listed");
      if (s.state == AssocState::kEstablished || s.state == AssocState::kShutdownPending ||
          s.state == AssocState::kShutdownReceived) {
        ++established;
      }
      // send(): queued + in flight never exceed the send buffer (backpressure, not growth).
      if (s.queued_bytes > o.send_buffer) fail("send queue beyond send_buffer");
      // §6.2: the reassembly buffer holds at most the window plus one completing chunk.
      if (s.pending_reassembly_bytes > o.receive_window + 65536) fail("reassembly unbounded");
      if (s.inbound_streams > o.max_inbound_streams) fail("more inbound streams than offered");
      if (s.outbound_streams > o.outbound_streams) fail("more outbound streams than asked");
      if (a.paths().empty() || a.primary_path_index() >= a.paths().size()) fail("bad paths");
      if (s.mtu < 500 || s.mtu > o.mtu) fail("path MTU out of range");
    });
    if (n != e.association_count()) fail("association_count disagrees with the table");
    if (n > e.config().max_associations) fail("more associations than max_associations");
    // RFC 3873 sctpCurrEstab: a gauge of ESTABLISHED, SHUTDOWN-PENDING, SHUTDOWN-RECEIVED.
    if (e.counters().SctpCurrEstab != established) fail("SctpCurrEstab gauge drifted");
  }

  Instant now_{};
  std::deque<Packet> q_;
  IpAddress ip_a_ = IpAddress::v4(10, 0, 0, 1);
  IpAddress ip_z_ = IpAddress::v4(10, 0, 0, 2);
  App app_a_, app_z_;
  Sink sink_a_, sink_z_;
  Endpoint a_, z_;
  std::vector<std::byte> payload_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Input in(data, size);
  World w(in.u8() & 7);
  w.establish();
  w.run(in);
  return 0;
}
