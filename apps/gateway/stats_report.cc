// Summary line and final report (stats_report.h).
#include "apps/gateway/stats_report.h"

#include <cinttypes>
#include <cstdio>

namespace dpsctp::gateway {
namespace {

double rate(uint64_t a, uint64_t b, double seconds) {
  return seconds > 0 ? static_cast<double>(b - a) / seconds : 0.0;
}

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

std::string route_json(const RouteCounters& c) {
  char buf[1024];
  std::snprintf(buf, sizeof buf,
                "\"assocs_up\":%" PRIu64 ",\"assocs_closed\":%" PRIu64 ",\"msgs_in\":%" PRIu64
                ",\"bytes_in\":%" PRIu64 ",\"msgs_out\":%" PRIu64 ",\"bytes_out\":%" PRIu64
                ",\"ppid_drops\":%" PRIu64 ",\"send_refused\":%" PRIu64
                ",\"backlog_high_water\":%" PRIu64 ",\"backlog_aborts\":%" PRIu64
                ",\"refused_stopping\":%" PRIu64 ",\"refused_limit\":%" PRIu64
                ",\"upstream_msgs_out\":%" PRIu64 ",\"upstream_msgs_in\":%" PRIu64
                ",\"upstream_connects\":%" PRIu64 ",\"upstream_failures\":%" PRIu64
                ",\"upstream_resent\":%" PRIu64 ",\"stop_unanswered\":%" PRIu64
                ",\"relay_undelivered\":%" PRIu64,
                c.assocs_up, c.assocs_closed, c.msgs_in, c.bytes_in, c.msgs_out, c.bytes_out,
                c.ppid_drops, c.send_refused, c.backlog_high_water, c.backlog_aborts,
                c.refused_stopping, c.refused_limit, c.upstream_msgs_out, c.upstream_msgs_in,
                c.upstream_connects, c.upstream_failures, c.upstream_resent, c.stop_unanswered,
                c.relay_undelivered);
  return buf;
}

}  // namespace

std::string summary_line(const GatewayTotals& prev, const GatewayTotals& cur, double seconds) {
  const RouteCounters& a = prev.routes;
  const RouteCounters& b = cur.routes;
  char buf[512];
  std::snprintf(
      buf, sizeof buf,
      "assocs %" PRIu64 " | in %.0f msg/s %.2f MB/s | out %.0f msg/s %.2f MB/s | rtx %" PRIu64
      " (t3 %" PRIu64 ", fast %" PRIu64 ") | drops ppid %" PRIu64 " refused %" PRIu64
      " net %" PRIu64 " init %" PRIu64 " | backlog hw %" PRIu64 " aborts %" PRIu64,
      cur.associations, rate(a.msgs_in, b.msgs_in, seconds),
      rate(a.bytes_in, b.bytes_in, seconds) / 1e6, rate(a.msgs_out, b.msgs_out, seconds),
      rate(a.bytes_out, b.bytes_out, seconds) / 1e6, cur.snmp.DpsctpRetransmittedChunks,
      cur.snmp.DpsctpT3Expirations, cur.snmp.DpsctpFastRetransmits, b.ppid_drops, b.send_refused,
      cur.net_drops, cur.init_drops, b.backlog_high_water, b.backlog_aborts);
  return buf;
}

std::string final_report(const GatewayShard& gw, const GatewayTotals& t) {
  std::string s = "{\"final\":true,\"associations\":" + std::to_string(t.associations) +
                  ",\"rx_frames\":" + std::to_string(t.rx_frames) +
                  ",\"tx_frames\":" + std::to_string(t.tx_frames) +
                  ",\"net_drops\":" + std::to_string(t.net_drops) +
                  ",\"init_drops\":" + std::to_string(t.init_drops) +
                  ",\"retransmitted_chunks\":" + std::to_string(t.snmp.DpsctpRetransmittedChunks) +
                  ",\"shutdowns\":" + std::to_string(t.snmp.SctpShutdowns) +
                  ",\"aborteds\":" + std::to_string(t.snmp.SctpAborteds) + "," +
                  route_json(t.routes) + ",\"listeners\":[";
  for (size_t i = 0; i < gw.route_count(); ++i) {
    const ListenerRoute& r = gw.route(i);
    if (i > 0) s += ',';
    s += "{\"name\":\"" + r.config().name + "\",\"port\":" + std::to_string(r.config().port) +
         ",\"route\":\"" + route_name(r.config().route) + "\"," + route_json(r.counters()) + "}";
  }
  s += "]}";
  return s;
}

}  // namespace dpsctp::gateway
