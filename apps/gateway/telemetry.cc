// DPDK telemetry commands /dpsctp/* (telemetry.h).
#include "apps/gateway/telemetry.h"

#include <rte_telemetry.h>

#include <atomic>
#include <cstdio>

#include "apps/gateway/relay_route.h"
#include "apps/gateway/snmp_fields.h"
#include "core/association.h"
#include "runtime/stack/stack.h"

namespace dpsctp::gateway {
namespace {

// The one instance the callbacks read. Written by the main lcore at start/stop, read by
// the telemetry thread (acquire/release: the object is fully built before it is seen).
std::atomic<Telemetry*> g_instance{nullptr};
bool g_registered = false;

const char* route_name(config::Route r) {
  switch (r) {
    case config::Route::kEcho:
      return "echo";
    case config::Route::kSink:
      return "sink";
    case config::Route::kRelay:
      return "relay";
  }
  return "?";
}

template <class Fill>
int with_snapshot(rte_tel_data* d, Fill&& fill) {
  Telemetry* t = g_instance.load(std::memory_order_acquire);
  if (t == nullptr) return -1;
  t->read([&](const TelemetrySnapshot& s) { fill(s, d); });
  return 0;
}

int cmd_stats(const char*, const char*, rte_tel_data* d) {
  return with_snapshot(d, [](const TelemetrySnapshot& s, rte_tel_data* out) {
    rte_tel_data_start_dict(out);
    const GatewayTotals& t = s.totals;
    const RouteCounters& r = t.routes;
    const std::pair<const char*, uint64_t> rows[] = {
        {"associations", t.associations}, {"msgs_in", r.msgs_in},
        {"bytes_in", r.bytes_in},         {"msgs_out", r.msgs_out},
        {"bytes_out", r.bytes_out},       {"ppid_drops", r.ppid_drops},
        {"send_refused", r.send_refused}, {"backlog_high_water", r.backlog_high_water},
        {"backlog_aborts", r.backlog_aborts}, {"refused_stopping", r.refused_stopping},
        {"refused_limit", r.refused_limit}, {"upstream_msgs_out", r.upstream_msgs_out},
        {"upstream_msgs_in", r.upstream_msgs_in}, {"upstream_connects", r.upstream_connects},
        {"upstream_failures", r.upstream_failures}, {"upstream_resent", r.upstream_resent},
        {"stop_unanswered", r.stop_unanswered}, {"relay_undelivered", r.relay_undelivered},
        {"retransmitted_chunks", t.snmp.DpsctpRetransmittedChunks},
        {"rx_frames", t.rx_frames},       {"tx_frames", t.tx_frames},
        {"net_drops", t.net_drops},       {"init_drops", t.init_drops}};
    for (const auto& [k, v] : rows) rte_tel_data_add_dict_u64(out, k, v);
  });
}

int cmd_snmp(const char*, const char*, rte_tel_data* d) {
  return with_snapshot(d, [](const TelemetrySnapshot& s, rte_tel_data* out) {
    rte_tel_data_start_dict(out);
    for (const SnmpField& f : kSnmpFields) rte_tel_data_add_dict_u64(out, f.name, s.totals.snmp.*f.member);
  });
}

// DPDK 22.11 arrays hold only arrays of scalars; dicts hold dicts: one dict entry per row,
// keyed by the endpoint name / the association id.
void add_row(rte_tel_data* out, const char* key, rte_tel_data* row) {
  if (rte_tel_data_add_dict_container(out, key, row, 0) != 0) rte_tel_data_free(row);
}

int cmd_eps(const char*, const char*, rte_tel_data* d) {
  return with_snapshot(d, [](const TelemetrySnapshot& s, rte_tel_data* out) {
    rte_tel_data_start_dict(out);
    for (const auto& e : s.eps) {
      rte_tel_data* c = rte_tel_data_alloc();
      if (c == nullptr) return;
      rte_tel_data_start_dict(c);
      rte_tel_data_add_dict_string(c, "name", e.name.c_str());
      rte_tel_data_add_dict_u64(c, "port", e.port);
      rte_tel_data_add_dict_string(c, "route", e.route.c_str());
      rte_tel_data_add_dict_string(c, "addresses", s.addresses.c_str());
      rte_tel_data_add_dict_u64(c, "associations", e.associations);
      add_row(out, e.name.c_str(), c);
    }
  });
}

int cmd_assocs(const char*, const char*, rte_tel_data* d) {
  return with_snapshot(d, [](const TelemetrySnapshot& s, rte_tel_data* out) {
    rte_tel_data_start_dict(out);
    rte_tel_data_add_dict_u64(out, "total", s.assocs_total);  // rows beyond kMaxAssocs: left out
    for (const auto& a : s.assocs) {
      rte_tel_data* c = rte_tel_data_alloc();
      if (c == nullptr) return;
      rte_tel_data_start_dict(c);
      rte_tel_data_add_dict_u64(c, "assoc_id", a.id);
      rte_tel_data_add_dict_string(c, "endpoint", a.listener.c_str());
      rte_tel_data_add_dict_string(c, "state", a.state);
      rte_tel_data_add_dict_u64(c, "local_port", a.local_port);
      rte_tel_data_add_dict_u64(c, "peer_port", a.peer_port);
      rte_tel_data_add_dict_string(c, "peer_addresses", a.peers.c_str());
      rte_tel_data_add_dict_string(c, "primary", a.primary.c_str());
      rte_tel_data_add_dict_u64(c, "peer_rwnd", a.rwnd);
      rte_tel_data_add_dict_u64(c, "unacked", a.unacked);
      rte_tel_data_add_dict_u64(c, "flight_size", a.flight);
      rte_tel_data_add_dict_u64(c, "cwnd", a.cwnd);
      rte_tel_data_add_dict_u64(c, "srtt_us", a.srtt_us);
      rte_tel_data_add_dict_u64(c, "rto_us", a.rto_us);
      add_row(out, std::to_string(a.id).c_str(), c);
    }
  });
}

}  // namespace

Telemetry::Telemetry(const config::GatewayConfig& cfg) {
  for (const auto& a : cfg.addresses) {
    if (!addresses_.empty()) addresses_ += ' ';
    addresses_ += a.to_string();
  }
}

std::unique_ptr<Telemetry> Telemetry::start(const config::GatewayConfig& cfg, std::string* error) {
  std::unique_ptr<Telemetry> t(new Telemetry(cfg));
  if (!g_registered) {
    const struct {
      const char* cmd;
      telemetry_cb fn;
      const char* help;
    } cmds[] = {
        {"/dpsctp/stats", cmd_stats, "dpsctp-gateway totals. No parameters"},
        {"/dpsctp/assocs", cmd_assocs, "Associations (like /proc/net/sctp/assocs). No parameters"},
        {"/dpsctp/eps", cmd_eps, "Listeners and upstream endpoints. No parameters"},
        {"/dpsctp/snmp", cmd_snmp, "SCTP SNMP counters (Linux names). No parameters"},
    };
    for (const auto& c : cmds) {
      if (rte_telemetry_register_cmd(c.cmd, c.fn, c.help) != 0) {
        *error = std::string("rte_telemetry_register_cmd ") + c.cmd + " failed";
        return nullptr;
      }
    }
    g_registered = true;
  }
  g_instance.store(t.get(), std::memory_order_release);
  return t;
}

Telemetry::~Telemetry() {
  g_instance.store(nullptr, std::memory_order_release);
  std::lock_guard<std::mutex> lock(mu_);  // a callback still reading finishes first
}

void Telemetry::build(GatewayShard& gw, runtime::Stack& stack) {
  TelemetrySnapshot& s = building_;
  s.totals = GatewayTotals{};
  add_totals(gw, stack, s.totals);
  s.assocs.clear();
  s.eps.clear();
  s.assocs_total = 0;
  s.addresses = addresses_;
  auto add_endpoint = [&](const core::Endpoint* ep, const std::string& name, const char* route) {
    if (ep == nullptr) return;
    s.eps.push_back({name, route, ep->config().port, ep->association_count()});
    ep->for_each_association([&](const core::Association& a) {
      if (++s.assocs_total > Telemetry::kMaxAssocs) return;
      const core::AssocStatus st = a.status();
      TelemetrySnapshot::Assoc row;
      row.id = a.id().value();
      row.listener = name;
      row.state = core::to_string(a.state());
      row.local_port = ep->config().port;
      row.peer_port = a.peer_port();
      for (const auto& p : a.paths()) {
        if (!row.peers.empty()) row.peers += ' ';
        row.peers += p.peer.to_string();
      }
      if (!a.paths().empty()) row.primary = a.primary_peer().to_string();
      row.rwnd = st.peer_rwnd;
      row.unacked = st.unacked_chunks;
      row.flight = st.flight_size;
      row.cwnd = st.cwnd;
      row.srtt_us = static_cast<uint64_t>(st.srtt.count());
      row.rto_us = static_cast<uint64_t>(st.rto.count());
      s.assocs.push_back(std::move(row));
    });
  };
  for (size_t i = 0; i < gw.route_count(); ++i) {
    const ListenerRoute& r = gw.route(i);
    add_endpoint(r.endpoint(), r.config().name, route_name(r.config().route));
    if (r.relay() != nullptr) {
      add_endpoint(r.upstream_endpoint(), r.config().name + ">" + r.relay()->config().name,
                   "upstream");
    }
  }
}

void Telemetry::maybe_publish(GatewayShard& gw, runtime::Stack& stack,
                              std::chrono::steady_clock::time_point now) {
  if (now < next_) return;
  next_ = now + std::chrono::milliseconds(100);
  if (!pending_) {
    build(gw, stack);
    pending_ = true;
  }
  if (mu_.try_lock()) {  // the lcore never waits for the telemetry thread
    std::swap(published_, building_);
    mu_.unlock();
    pending_ = false;
  }
}

}  // namespace dpsctp::gateway
