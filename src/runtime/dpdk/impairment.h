// Impairment: test-only packet loss, reordering, duplication and path cuts on a DPDK port,
// for networks that cannot do it themselves (this kernel has no sch_netem). Installed with
// DPDK's ethdev RX/TX callbacks (rte_eth_add_rx_callback / rte_eth_add_tx_callback) on
// queue 0, so the runtime is untouched; the callbacks run on the polling lcore inside
// rx_burst / tx_burst.
//
//   Impairer<Ops>   the pure part: one seeded PRNG draw per packet decides pass, drop,
//                   duplicate or hold; a held packet is released after `gap` later packets
//                   (or `max_hold` ticks, whichever comes first): reordering. Unit-tested
//                   without DPDK (tests/runtime/dpdk/impairment_test.cc).
//   Impairment      the DPDK glue. RX: dropped mbufs are freed, held ones kept, duplicates
//                   are rte_pktmbuf_copy'd; what does not fit the burst waits for the next.
//                   TX: the burst array cannot shrink (the sink owns what tx_burst does not
//                   take), so a dropped or held frame gets EtherType 0x88B5 (IEEE 802 local
//                   experimental: the peer's L2 drops it), held frames and duplicates are
//                   copies, sent after the burst by a nested tx_burst from the next RX or
//                   TX callback (which lets them pass).
//   cut             a failed path per side: while on, received frames to one local address
//                   and (unless RX only) sent frames to one peer address are dropped, so
//                   each side's primary destination stops receiving (ARP still passes;
//                   RFC 9260 §8.2 path failure, §6.4.1 failover).
//
// Spec: "loss=2,reorder=2,dup=1,gap=3,seed=7" (percent per packet; gap = later packets a
// held one waits for). Not for production: a test's network model.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dpsctp/address.h"

struct rte_mbuf;

namespace dpsctp::runtime {

struct ImpairmentConfig {
  double loss_pct = 0, reorder_pct = 0, dup_pct = 0;
  uint32_t gap = 3;  ///< a held packet goes out after this many later packets
  uint64_t seed = 1;
  /// "key=value,..." with keys loss, reorder, dup (percent, 0..100; their sum <= 100),
  /// gap (1..64), seed. Empty: no impairment. False (and `error`) on bad input.
  bool parse(std::string_view spec, std::string* error);
  [[nodiscard]] bool any() const { return loss_pct > 0 || reorder_pct > 0 || dup_pct > 0; }
};

struct ImpairmentCounters {
  uint64_t seen = 0, dropped = 0, held = 0, duplicated = 0, cut = 0;
  uint64_t overflow = 0;  ///< frames lost to a full queue or a failed copy (test noise)
};

/// One seeded draw per packet (splitmix64): deterministic for a seed and packet order.
class ImpairmentModel {
 public:
  enum class Action : uint8_t { kPass, kDrop, kDuplicate, kHold };
  explicit ImpairmentModel(const ImpairmentConfig& c);
  Action decide();

 private:
  uint64_t state_;
  uint64_t drop_below_, dup_below_, hold_below_;  // cumulative thresholds on a 2^32 draw
};

/// The pure impairment engine over any packet handle. Ops provides:
///   void emit(Pkt)                     pass the packet on
///   void drop(Pkt)                     it is lost
///   std::optional<Pkt> copy(const Pkt&)  a duplicate (nullopt: none)
///   std::optional<Pkt> take(Pkt)       the packet to keep for later (nullopt: pass it)
template <class Ops>
class Impairer {
 public:
  using Pkt = typename Ops::Pkt;
  static constexpr size_t kMaxHeld = 32;

  Impairer(const ImpairmentConfig& c, uint64_t max_hold_ticks, Ops& ops)
      : model_(c), gap_(c.gap), max_hold_(max_hold_ticks), ops_(ops) {}

  void push(Pkt p, uint64_t now) {
    ++counters_.seen;
    switch (model_.decide()) {
      case ImpairmentModel::Action::kDrop:
        ++counters_.dropped;
        ops_.drop(p);
        return;
      case ImpairmentModel::Action::kHold:
        if (held_n_ < kMaxHeld) {
          if (std::optional<Pkt> h = ops_.take(p)) {
            held_[held_n_++] = {*h, gap_, now + max_hold_};
            ++counters_.held;
            return;
          }
        }
        break;  // no room: it passes
      case ImpairmentModel::Action::kDuplicate:
        ops_.emit(p);
        if (std::optional<Pkt> d = ops_.copy(p)) {
          ++counters_.duplicated;
          ops_.emit(*d);
        }
        count_down();
        return;
      case ImpairmentModel::Action::kPass:
        break;
    }
    ops_.emit(p);
    count_down();
  }
  /// Releases held packets whose max_hold expired (call when nothing arrives).
  void poll(uint64_t now) {
    release_if([now](const Held& h) { return now >= h.deadline; });
  }
  /// Releases every held packet, in the order they were held.
  void flush() {
    release_if([](const Held&) { return true; });
  }
  /// Drops every held packet (teardown).
  void discard() {
    for (size_t i = 0; i < held_n_; ++i) ops_.drop(held_[i].pkt);
    held_n_ = 0;
  }
  [[nodiscard]] size_t held() const { return held_n_; }
  [[nodiscard]] const ImpairmentCounters& counters() const { return counters_; }
  ImpairmentCounters& counters() { return counters_; }

 private:
  struct Held {
    Pkt pkt;
    uint32_t remaining;
    uint64_t deadline;
  };
  void count_down() {
    for (size_t i = 0; i < held_n_; ++i) --held_[i].remaining;
    release_if([](const Held& h) { return h.remaining == 0; });
  }
  template <class Pred>
  void release_if(Pred due) {
    size_t kept = 0;
    for (size_t i = 0; i < held_n_; ++i) {
      if (due(held_[i])) {
        ops_.emit(held_[i].pkt);
      } else {
        held_[kept++] = held_[i];
      }
    }
    held_n_ = kept;
  }

  ImpairmentModel model_;
  uint32_t gap_;
  uint64_t max_hold_;
  Ops& ops_;
  std::array<Held, kMaxHeld> held_{};
  size_t held_n_ = 0;
  ImpairmentCounters counters_;
};

/// The DPDK glue: RX and TX callbacks on (port, queue 0) that impair both directions.
class Impairment {
 public:
  Impairment(const ImpairmentConfig& c, uint16_t port_id);
  ~Impairment();  ///< remove() (call before the port closes)
  Impairment(const Impairment&) = delete;
  Impairment& operator=(const Impairment&) = delete;

  /// Installs the callbacks (armed). False (and `error`) if the ethdev has no callbacks.
  bool install(std::string* error);
  /// Removes the callbacks, frees held and pending mbufs; idempotent.
  void remove();
  /// Off: packets pass untouched (held ones are released by the next burst).
  void arm(bool on) { armed_.store(on, std::memory_order_relaxed); }
  /// Path cut: while on, IPv4/IPv6 frames to `local` (RX) and, if `tx`, to `peer` (TX)
  /// are dropped.
  void set_cut(const IpAddress& local, const IpAddress& peer, bool tx = true) {
    cut_local_ = local;
    cut_peer_ = peer;
    cut_tx_ = tx;
  }
  void cut(bool on) { cut_on_.store(on, std::memory_order_relaxed); }
  [[nodiscard]] ImpairmentCounters rx_counters() const;
  [[nodiscard]] ImpairmentCounters tx_counters() const;
  /// {"rx":{...},"tx":{...}} for the peers' report lines.
  [[nodiscard]] std::string json() const;

  struct RxOps;
  struct TxOps;
  struct TxPkt {
    rte_mbuf* m;
    bool original;  // in the caller's burst array (cannot leave it)
  };

 private:
  static uint16_t on_rx(uint16_t port, uint16_t queue, rte_mbuf* pkts[], uint16_t n, uint16_t max,
                        void* self);
  static uint16_t on_tx(uint16_t port, uint16_t queue, rte_mbuf* pkts[], uint16_t n, void* self);
  uint16_t rx(rte_mbuf* pkts[], uint16_t n, uint16_t max);
  void tx(rte_mbuf* pkts[], uint16_t n);
  void send_tx_extras();
  [[nodiscard]] bool is_cut(const rte_mbuf* m, bool rx) const;

  struct State;  // the two Impairers and their queues (impairment.cc)
  ImpairmentConfig config_;
  uint16_t port_;
  std::atomic<bool> armed_{true}, cut_on_{false};
  std::optional<IpAddress> cut_local_, cut_peer_;
  bool cut_tx_ = true;
  const void* rx_cb_ = nullptr;
  const void* tx_cb_ = nullptr;
  State* state_ = nullptr;
  bool in_tx_ = false;  // a nested tx_burst of our own copies passes untouched
};

}  // namespace dpsctp::runtime
