// Impairment: seeded loss / reorder / duplication and path cuts in ethdev RX/TX callbacks
// (see impairment.h).
#include "runtime/dpdk/impairment.h"

#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace dpsctp::runtime {
namespace {

constexpr uint16_t kEtherIpv4 = 0x0800;
constexpr uint16_t kEtherIpv6 = 0x86DD;
constexpr uint16_t kEtherVlan = 0x8100;
constexpr uint8_t kEtherCut[2] = {0x88, 0xB5};  // IEEE 802 local experimental
constexpr size_t kQueue = 128;                  // RX pending / TX extra frames per burst

uint16_t be16(const uint8_t* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }

uint64_t splitmix64(uint64_t& s) {
  uint64_t x = (s += 0x9E3779B97F4A7C15ull);
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

uint64_t threshold(double pct) {
  return static_cast<uint64_t>(pct / 100.0 * static_cast<double>(uint64_t{1} << 32));
}

// Offset of the EtherType field (after an optional 802.1Q tag), or 0 for a runt.
uint32_t ethertype_at(const rte_mbuf* m) {
  const auto* p = rte_pktmbuf_mtod(m, const uint8_t*);
  const uint32_t len = rte_pktmbuf_data_len(m);
  if (len < 14) return 0;
  if (be16(p + 12) == kEtherVlan) return len >= 18 ? 16 : 0;
  return 12;
}

// The frame never reaches the peer's IP layer: it drops an unknown EtherType.
void mark_cut(rte_mbuf* m) {
  const uint32_t at = ethertype_at(m);
  if (at != 0) std::memcpy(rte_pktmbuf_mtod(m, uint8_t*) + at, kEtherCut, 2);
}

rte_mbuf* copy_of(const rte_mbuf* m) { return rte_pktmbuf_copy(m, m->pool, 0, UINT32_MAX); }

bool parse_number(std::string_view v, double max, double& out) {
  const std::string s(v);
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !(d >= 0 && d <= max)) return false;
  out = d;
  return true;
}

}  // namespace

bool ImpairmentConfig::parse(std::string_view spec, std::string* error) {
  *this = ImpairmentConfig{};
  while (!spec.empty()) {
    const size_t comma = spec.find(',');
    const std::string_view item = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
    const size_t eq = item.find('=');
    const std::string_view key = item.substr(0, eq);
    const std::string_view val = eq == std::string_view::npos ? "" : item.substr(eq + 1);
    double d = 0;
    bool ok = false;
    if (key == "loss") {
      ok = parse_number(val, 100, loss_pct);
    } else if (key == "reorder") {
      ok = parse_number(val, 100, reorder_pct);
    } else if (key == "dup") {
      ok = parse_number(val, 100, dup_pct);
    } else if (key == "gap") {
      ok = parse_number(val, 64, d) && d >= 1 && d == static_cast<double>(static_cast<int>(d));
      gap = static_cast<uint32_t>(d);
    } else if (key == "seed") {
      ok = parse_number(val, 1e18, d) && d == static_cast<double>(static_cast<uint64_t>(d));
      seed = static_cast<uint64_t>(d);
    }
    if (!ok) {
      if (error != nullptr) *error = "bad impairment item '" + std::string(item) + "'";
      return false;
    }
  }
  if (loss_pct + reorder_pct + dup_pct > 100) {
    if (error != nullptr) *error = "impairment percentages add up to more than 100";
    return false;
  }
  return true;
}

ImpairmentModel::ImpairmentModel(const ImpairmentConfig& c)
    : state_(c.seed),
      drop_below_(threshold(c.loss_pct)),
      dup_below_(drop_below_ + threshold(c.dup_pct)),
      hold_below_(dup_below_ + threshold(c.reorder_pct)) {}

ImpairmentModel::Action ImpairmentModel::decide() {
  const uint64_t draw = splitmix64(state_) >> 32;  // uniform in [0, 2^32)
  if (draw < drop_below_) return Action::kDrop;
  if (draw < dup_below_) return Action::kDuplicate;
  if (draw < hold_below_) return Action::kHold;
  return Action::kPass;
}

// RX: the burst array is ours to rewrite up to `max`; what does not fit waits in pending.
struct Impairment::RxOps {
  using Pkt = rte_mbuf*;
  rte_mbuf** out = nullptr;
  uint16_t k = 0, max = 0;
  std::array<rte_mbuf*, kQueue> pending{};
  size_t pending_n = 0;
  uint64_t overflow = 0;

  void emit(rte_mbuf* m) {
    if (k < max && pending_n == 0) {
      out[k++] = m;
    } else if (pending_n < pending.size()) {
      pending[pending_n++] = m;
    } else {
      rte_pktmbuf_free(m);
      ++overflow;
    }
  }
  void drop(rte_mbuf* m) { rte_pktmbuf_free(m); }
  std::optional<rte_mbuf*> copy(rte_mbuf* const& m) {
    rte_mbuf* c = copy_of(m);
    if (c == nullptr) ++overflow;
    return c == nullptr ? std::nullopt : std::optional<rte_mbuf*>(c);
  }
  std::optional<rte_mbuf*> take(rte_mbuf* m) { return m; }
  // Moves waiting frames into the burst first: they are older than anything new.
  void drain_pending() {
    size_t i = 0;
    while (i < pending_n && k < max) out[k++] = pending[i++];
    std::memmove(pending.data(), pending.data() + i, (pending_n - i) * sizeof(rte_mbuf*));
    pending_n -= i;
  }
};

// TX: frames of the caller's array stay there (dropped = marked); held frames and
// duplicates are copies, sent by a nested tx_burst after the callback's pass.
struct Impairment::TxOps {
  using Pkt = TxPkt;
  std::array<rte_mbuf*, kQueue> extra{};
  size_t extra_n = 0;
  uint64_t overflow = 0;

  void emit(TxPkt p) {
    if (p.original) return;  // goes out with its burst
    if (extra_n < extra.size()) {
      extra[extra_n++] = p.m;
    } else {
      rte_pktmbuf_free(p.m);
      ++overflow;
    }
  }
  void drop(TxPkt p) {
    if (p.original) {
      mark_cut(p.m);
    } else {
      rte_pktmbuf_free(p.m);
    }
  }
  std::optional<TxPkt> copy(const TxPkt& p) {
    rte_mbuf* c = copy_of(p.m);
    if (c == nullptr) ++overflow;
    return c == nullptr ? std::nullopt : std::optional<TxPkt>(TxPkt{c, false});
  }
  std::optional<TxPkt> take(TxPkt p) {
    if (!p.original) return p;
    std::optional<TxPkt> c = copy(p);
    if (c) mark_cut(p.m);  // the original still leaves, as a frame the peer ignores
    return c;
  }
};

struct Impairment::State {
  RxOps rx_ops;
  TxOps tx_ops;
  Impairer<RxOps> rx;
  Impairer<TxOps> tx;
  uint64_t rx_cut = 0, tx_cut = 0;
  State(const ImpairmentConfig& c, uint64_t max_hold)
      : rx(c, max_hold, rx_ops), tx(tx_config(c), max_hold, tx_ops) {}
  static ImpairmentConfig tx_config(ImpairmentConfig c) {
    c.seed ^= 0x5bd1e995u;  // its own sequence: the two directions are independent
    return c;
  }
};

Impairment::Impairment(const ImpairmentConfig& c, uint16_t port_id) : config_(c), port_(port_id) {}

Impairment::~Impairment() { remove(); }

bool Impairment::install(std::string* error) {
  // A held frame waits at most 5 ms for its `gap` successors (reordering, not loss).
  state_ = new State(config_, rte_get_tsc_hz() / 200);
  rx_cb_ = rte_eth_add_rx_callback(port_, 0, &Impairment::on_rx, this);
  tx_cb_ = rte_eth_add_tx_callback(port_, 0, &Impairment::on_tx, this);
  if (rx_cb_ == nullptr || tx_cb_ == nullptr) {
    if (error != nullptr) {
      *error = "rte_eth_add_rx/tx_callback failed (RTE_ETHDEV_RXTX_CALLBACKS disabled?)";
    }
    remove();
    return false;
  }
  return true;
}

void Impairment::remove() {
  // Unlinked callbacks are the caller's to free once no burst can run them: we are on the
  // only lcore that polls the port.
  if (rx_cb_ != nullptr) {
    rte_eth_remove_rx_callback(port_, 0, static_cast<const rte_eth_rxtx_callback*>(rx_cb_));
    rte_free(const_cast<void*>(rx_cb_));
    rx_cb_ = nullptr;
  }
  if (tx_cb_ != nullptr) {
    rte_eth_remove_tx_callback(port_, 0, static_cast<const rte_eth_rxtx_callback*>(tx_cb_));
    rte_free(const_cast<void*>(tx_cb_));
    tx_cb_ = nullptr;
  }
  if (state_ != nullptr) {
    state_->rx.discard();
    state_->tx.discard();
    for (size_t i = 0; i < state_->rx_ops.pending_n; ++i) {
      rte_pktmbuf_free(state_->rx_ops.pending[i]);
    }
    for (size_t i = 0; i < state_->tx_ops.extra_n; ++i) rte_pktmbuf_free(state_->tx_ops.extra[i]);
    delete state_;
    state_ = nullptr;
  }
}

bool Impairment::is_cut(const rte_mbuf* m, bool rx) const {
  if (!cut_on_.load(std::memory_order_relaxed) || !cut_peer_ || !cut_local_) return false;
  if (!rx && !cut_tx_) return false;
  const IpAddress& dst = rx ? *cut_local_ : *cut_peer_;
  const uint32_t at = ethertype_at(m);
  if (at == 0) return false;
  const auto* p = rte_pktmbuf_mtod(m, const uint8_t*);
  const uint32_t len = rte_pktmbuf_data_len(m), ip = at + 2;
  const uint16_t type = be16(p + at);
  if (type == kEtherIpv4 && dst.is_v4() && len >= ip + 20) {
    return std::memcmp(p + ip + 16, dst.data(), 4) == 0;  // IPv4 destination
  }
  if (type == kEtherIpv6 && dst.is_v6() && len >= ip + 40) {
    return std::memcmp(p + ip + 24, dst.data(), 16) == 0;  // IPv6 destination
  }
  return false;
}

uint16_t Impairment::on_rx(uint16_t, uint16_t, rte_mbuf* pkts[], uint16_t n, uint16_t max,
                           void* self) {
  return static_cast<Impairment*>(self)->rx(pkts, n, max);
}

uint16_t Impairment::on_tx(uint16_t, uint16_t, rte_mbuf* pkts[], uint16_t n, void* self) {
  auto* i = static_cast<Impairment*>(self);
  if (!i->in_tx_) i->tx(pkts, n);
  return n;
}

uint16_t Impairment::rx(rte_mbuf* pkts[], uint16_t n, uint16_t max) {
  State& s = *state_;
  std::array<rte_mbuf*, 512> in{};  // the burst array is rewritten as the output
  const uint16_t got = n < in.size() ? n : static_cast<uint16_t>(in.size());
  std::memcpy(in.data(), pkts, got * sizeof(rte_mbuf*));
  for (uint16_t j = got; j < n; ++j) {  // a burst beyond 512: not impaired, not leaked
    rte_pktmbuf_free(pkts[j]);
    ++s.rx_ops.overflow;
  }
  s.rx_ops.out = pkts;
  s.rx_ops.k = 0;
  s.rx_ops.max = max;
  s.rx_ops.drain_pending();
  const bool armed = armed_.load(std::memory_order_relaxed);
  const uint64_t now = rte_get_tsc_cycles();
  if (armed) {
    s.rx.poll(now);
    s.tx.poll(now);
  } else {
    s.rx.flush();
    s.tx.flush();
  }
  send_tx_extras();
  for (uint16_t j = 0; j < got; ++j) {
    if (is_cut(in[j], true)) {
      rte_pktmbuf_free(in[j]);
      ++s.rx_cut;
    } else if (armed) {
      s.rx.push(in[j], now);
    } else {
      s.rx_ops.emit(in[j]);
    }
  }
  return s.rx_ops.k;
}

void Impairment::tx(rte_mbuf* pkts[], uint16_t n) {
  State& s = *state_;
  const bool armed = armed_.load(std::memory_order_relaxed);
  const uint64_t now = rte_get_tsc_cycles();
  if (armed) {
    s.tx.poll(now);
  } else {
    s.tx.flush();
  }
  send_tx_extras();  // released before this burst: they were held before it
  for (uint16_t j = 0; j < n; ++j) {
    if (is_cut(pkts[j], false)) {
      mark_cut(pkts[j]);
      ++s.tx_cut;
    } else if (armed) {
      s.tx.push(TxPkt{pkts[j], true}, now);
    }
  }
  // What this burst released (held copies, duplicates) leaves after it: from the next
  // rx_burst of the polling loop (the callback runs before the driver sends the burst).
}

void Impairment::send_tx_extras() {
  State& s = *state_;
  if (s.tx_ops.extra_n == 0) return;
  in_tx_ = true;  // our own copies pass the callback untouched
  const uint16_t sent =
      rte_eth_tx_burst(port_, 0, s.tx_ops.extra.data(), static_cast<uint16_t>(s.tx_ops.extra_n));
  in_tx_ = false;
  for (size_t j = sent; j < s.tx_ops.extra_n; ++j) {
    rte_pktmbuf_free(s.tx_ops.extra[j]);
    ++s.tx_ops.overflow;
  }
  s.tx_ops.extra_n = 0;
}

ImpairmentCounters Impairment::rx_counters() const {
  if (state_ == nullptr) return {};
  ImpairmentCounters c = state_->rx.counters();
  c.cut = state_->rx_cut;
  c.overflow = state_->rx_ops.overflow;
  return c;
}

ImpairmentCounters Impairment::tx_counters() const {
  if (state_ == nullptr) return {};
  ImpairmentCounters c = state_->tx.counters();
  c.cut = state_->tx_cut;
  c.overflow = state_->tx_ops.overflow;
  return c;
}

std::string Impairment::json() const {
  auto one = [](const ImpairmentCounters& c) {
    char b[256];
    std::snprintf(
        b, sizeof b,
        "{\"seen\":%llu,\"dropped\":%llu,\"held\":%llu,\"duplicated\":%llu,"
        "\"cut\":%llu,\"overflow\":%llu}",
        static_cast<unsigned long long>(c.seen), static_cast<unsigned long long>(c.dropped),
        static_cast<unsigned long long>(c.held), static_cast<unsigned long long>(c.duplicated),
        static_cast<unsigned long long>(c.cut), static_cast<unsigned long long>(c.overflow));
    return std::string(b);
  };
  return "{\"rx\":" + one(rx_counters()) + ",\"tx\":" + one(tx_counters()) + "}";
}

}  // namespace dpsctp::runtime
