// tunables: -> AssociationOptions and Limits (sections.h). Key names are the Linux
// sysctls under /proc/sys/net/sctp; defaults (the struct defaults) are RFC 9260 §16.
// Each key is one table row: its field, its bounds and, where one applies, the rule.
#include <array>
#include <string>
#include <string_view>

#include "config/scalars.h"
#include "config/sections.h"

namespace dpsctp::config::detail {

namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;
using AO = AssociationOptions;

struct DurationKey {
  std::string_view key;
  Duration AO::*field;
  milliseconds lo, hi;
  std::string_view why;
};
constexpr std::array<DurationKey, 6> kDurations{{
    {"rto_initial", &AO::rto_initial, 1ms, 24h, {}},
    {"rto_min", &AO::rto_min, 1ms, 24h, {}},
    {"rto_max", &AO::rto_max, 1ms, 24h, {}},
    {"hb_interval", &AO::hb_interval, 0ms, 24h, {}},  // 0: no heartbeats
    // RFC 9260 §6.2: the delayed-SACK timer MUST NOT exceed 500 ms.
    {"sack_timeout", &AO::sack_timeout, 1ms, 500ms, "RFC 9260 §6.2"},
    {"valid_cookie_life", &AO::valid_cookie_life, 1s, 24h, {}},
}};

template <class T>
struct IntKey {
  std::string_view key;
  T AO::*field;
  T lo, hi;
};
constexpr std::array<IntKey<uint16_t>, 4> kCounts16{{
    {"path_max_retrans", &AO::path_max_retrans, 1, 65535},
    {"pf_retrans", &AO::pf_max_retrans, 0, 65535},  // RFC 7829 PFMR; 0: PF state off
    {"association_max_retrans", &AO::association_max_retrans, 1, 65535},
    {"max_init_retransmits", &AO::max_init_retransmits, 1, 65535},
}};
// sack_freq > 2 departs from RFC 9260 §6.2's SHOULD (a SACK for at least every second
// packet); Linux allows it for bulk receivers, so do we.
constexpr std::array<IntKey<uint8_t>, 2> kCounts8{{
    {"sack_freq", &AO::sack_freq, 1, 255},
    {"max_burst", &AO::max_burst, 1, 255},  // RFC 9260 §7.2.4 Max.Burst
}};
// At least one full 1500-byte packet either way (Linux: SCTP_DEFAULT_MINWINDOW).
constexpr std::array<IntKey<uint32_t>, 2> kBytes{{
    {"send_buffer", &AO::send_buffer, 1500, 1u << 30},
    {"receive_window", &AO::receive_window, 1500, 1u << 30},
}};
struct BoolKey {
  std::string_view key;
  bool AO::*field;
};
constexpr std::array<BoolKey, 5> kBools{{
    {"cookie_preserve_enable", &AO::cookie_preserve_enable},
    {"prsctp_enable", &AO::prsctp_enable},
    {"nodelay", &AO::nodelay},
    {"interleaving_enable", &AO::interleaving_enable},  // RFC 8260 I-DATA
    {"stream_reset", &AO::reconfig_enable},  // RFC 6525 RE-CONFIG
}};

constexpr std::array<std::string_view, 23> kKeys{"rto_initial",
                                                 "rto_min",
                                                 "rto_max",
                                                 "hb_interval",
                                                 "path_max_retrans",
                                                 "pf_retrans",
                                                 "association_max_retrans",
                                                 "max_init_retransmits",
                                                 "sack_timeout",
                                                 "sack_freq",
                                                 "max_burst",
                                                 "valid_cookie_life",
                                                 "cookie_preserve_enable",
                                                 "prsctp_enable",
                                                 "nodelay",
                                                 "max_associations",
                                                 "send_buffer",
                                                 "receive_window",
                                                 "interleaving_enable",
                                                 "stream_scheduler",
                                                 "stream_reset",
                                                 "init_rate",
                                                 "init_burst"};

template <class T, size_t N>
void read_ints(const Map& m, const std::array<IntKey<T>, N>& table, AO& o) {
  for (const IntKey<T>& k : table)
    m.with(k.key, [&](const Value& v) { o.*k.field = v.integer_as<T>(k.lo, k.hi); });
}

std::string ms_text(Duration d) {
  return format_duration(std::chrono::duration_cast<milliseconds>(d));
}

// "expected a duration RELATION (RFC 9260 §6.3.1), found ..." at `key` if written, else at
// the tunables section itself.
[[noreturn]] void rto_error(const Map& m, std::string_view key, const std::string& relation) {
  const std::optional<Value> at = m.get(key);
  (at ? *at : m.self()).expected("a duration " + relation + " (RFC 9260 §6.3.1)");
}

// RFC 9260 §6.3.1: RTO.Min <= RTO.Initial <= RTO.Max (C1 starts at RTO.Initial, C6 rounds
// up to RTO.Min, C7 caps at RTO.Max). The error points at the key that was written.
void check_rto_order(const Map& m, const AO& o) {
  if (o.rto_min > o.rto_max) {
    if (m.has("rto_min")) rto_error(m, "rto_min", "<= rto_max = " + ms_text(o.rto_max));
    rto_error(m, "rto_max", ">= rto_min = " + ms_text(o.rto_min));
  }
  if (m.has("rto_initial") && (o.rto_initial < o.rto_min || o.rto_initial > o.rto_max)) {
    rto_error(m, "rto_initial",
              "within rto_min..rto_max = " + ms_text(o.rto_min) + ".." + ms_text(o.rto_max));
  }
  // rto_initial left at its default: the bound that was moved past it is the error.
  if (o.rto_initial < o.rto_min)
    rto_error(m, "rto_min", "<= rto_initial = " + ms_text(o.rto_initial));
  if (o.rto_initial > o.rto_max)
    rto_error(m, "rto_max", ">= rto_initial = " + ms_text(o.rto_initial));
}

}  // namespace

void read_tunables(const Map& root, AssociationOptions& o, Limits& limits) {
  const Map m = root.sub("tunables", kKeys);
  for (const DurationKey& k : kDurations) {
    m.with(k.key, [&](const Value& v) { o.*k.field = v.duration(k.lo, k.hi, k.why); });
  }
  o.heartbeat_enabled = o.hb_interval != Duration::zero();
  read_ints(m, kCounts16, o);
  read_ints(m, kCounts8, o);
  read_ints(m, kBytes, o);
  for (const BoolKey& k : kBools) m.with(k.key, [&](const Value& v) { o.*k.field = v.boolean(); });
  m.with("max_associations",
         [&](const Value& v) { limits.max_associations = v.integer_as<uint32_t>(1, 1u << 24); });
  // Issue #10: per-shard INIT admission budget (0 = unlimited); the bounds keep the
  // runtime's token arithmetic within 64 bits (runtime/stack/init_admission.h).
  m.with("init_rate",
         [&](const Value& v) { limits.init_rate = v.integer_as<uint32_t>(0, 10'000'000); });
  m.with("init_burst",
         [&](const Value& v) { limits.init_burst = v.integer_as<uint32_t>(1, 1u << 20); });
  // RFC 8260 §3 stream schedulers (names as the issue and FreeBSD: fair_bandwidth is
  // §3.5 "fair capacity").
  m.with("stream_scheduler", [&](const Value& v) {
    using K = StreamSchedulerKind;
    o.stream_scheduler = v.choice<K>({{"fcfs", K::kFirstComeFirstServed},
                                      {"rr", K::kRoundRobin},
                                      {"rr_packet", K::kRoundRobinPerPacket},
                                      {"priority", K::kPriority},
                                      {"fair_bandwidth", K::kFairCapacity},
                                      {"wfq", K::kWeightedFairQueueing}});
  });
  check_rto_order(m, o);
}

}  // namespace dpsctp::config::detail
