// JSON report and summary table (see report.h).
#include "report.h"

#include <cinttypes>
#include <cstdio>

namespace dpsctp::loadgen {
namespace {

double per_s(uint64_t n, double s) { return s > 0 ? static_cast<double>(n) / s : 0.0; }

nlohmann::json traffic_json(const Traffic& t, double seconds) {
  return {
      {"sent_msgs", t.sent_msgs},
      {"sent_bytes", t.sent_bytes},
      {"received_msgs", t.received_msgs},
      {"received_bytes", t.received_bytes},
      {"seconds", seconds},
      {"sent_msgs_per_s", per_s(t.sent_msgs, seconds)},
      {"received_msgs_per_s", per_s(t.received_msgs, seconds)},
      {"sent_bytes_per_s", per_s(t.sent_bytes, seconds)},
      {"received_bytes_per_s", per_s(t.received_bytes, seconds)},
  };
}

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string us(const nlohmann::json& ns) {
  return fmt("%.1f", ns.get<double>() / 1000.0);
}

}  // namespace

bool run_ok(const Options& o, const LoadStats& s, const RunResult& r) {
  if (o.expect_peer_shutdown) {
    // The peer's SHUTDOWN is the expected end: every association still ends gracefully
    // (SHUTDOWN_COMP, never COMM_LOST) and every message sent is accounted for exactly.
    return r.error.empty() && !r.timed_out && r.lost == 0 && s.echo_error_total() == 0 &&
           s.unknown_assoc_msgs == 0 && s.send_refused == 0 && s.connect_refused == 0 &&
           s.comm_lost == 0 && s.cant_start == 0 && s.restarts == 0 && s.comm_up > 0 &&
           s.shutdown_comp == s.comm_up &&
           s.total.sent_msgs == s.total.received_msgs + s.send_failed_events +
                                    s.unanswered_at_peer_shutdown;
  }
  return r.error.empty() && !r.timed_out && r.lost == 0 && s.echo_error_total() == 0 &&
         s.unknown_assoc_msgs == 0 && s.send_refused == 0 && s.send_failed_events == 0 &&
         s.connect_refused == 0 && s.comm_lost == 0 && s.cant_start == 0 && s.restarts == 0 &&
         s.peer_shutdowns == 0 && s.comm_up > 0 && s.shutdown_comp == s.comm_up &&
         (o.no_echo ? s.total.received_msgs == 0 && s.total.sent_msgs > 0
                    : s.total.sent_msgs == s.total.received_msgs);
}

nlohmann::json histogram_json(const LatencyHistogram& h) {
  nlohmann::json buckets = nlohmann::json::array();
  for (const auto& b : h.buckets()) buckets.push_back({b.lower, b.upper, b.count});
  return {
      {"unit", "ns"},
      {"count", h.count()},
      {"min", h.min()},
      {"mean", h.mean()},
      {"p50", h.percentile(50)},
      {"p90", h.percentile(90)},
      {"p99", h.percentile(99)},
      {"p99_9", h.percentile(99.9)},
      {"max", h.max()},
      {"buckets_format", "[lower_ns, upper_ns_inclusive, count]"},
      {"buckets", buckets},
  };
}

nlohmann::json build_report(const Options& o, const LoadStats& s, const SctpFigures& f,
                            const RunResult& r) {
  nlohmann::json errors = nlohmann::json::object();
  for (size_t i = 1; i < kVerdicts; ++i) {
    errors[to_string(static_cast<EchoVerdict>(i))] = s.echo_errors[i];
  }
  errors["unknown_association"] = s.unknown_assoc_msgs;
  errors["send_refused"] = s.send_refused;
  errors["send_failed_events"] = s.send_failed_events;
  return {
      {"tool", "dpsctp-loadgen"},
      {"ok", run_ok(o, s, r)},
      {"error", r.error},
      {"timed_out", r.timed_out},
      {"config", to_json(o)},
      {"total", traffic_json(s.total, r.total_s)},
      {"measured", traffic_json(s.measured, r.measured_s)},
      {"lost", r.lost},
      {"echo_errors", errors},
      {"send_backpressure", s.send_backpressure},
      {"associations",
       {{"connects", s.connects},
        {"connect_refused", s.connect_refused},
        {"established", s.comm_up},
        {"established_in_window", s.comm_up_measured},
        {"handshakes_per_s", per_s(s.comm_up_measured, r.measured_s)},
        {"closed_gracefully", s.shutdown_comp},
        {"failed_comm_lost", s.comm_lost},
        {"failed_cant_start", s.cant_start},
        {"restarts", s.restarts},
        {"peer_shutdowns", s.peer_shutdowns},
        {"unanswered_at_peer_shutdown", s.unanswered_at_peer_shutdown}}},
      {"paths",
       {{"unreachable_events", s.path_unreachable},
        {"available_events", s.path_available},
        {"cut_frames_dropped", s.cut_frames_dropped}}},
      {"sctp",
       {{"retransmitted_chunks", f.retransmitted_chunks},
        {"t3_expirations", f.t3_expirations},
        {"fast_retransmits", f.fast_retransmits},
        {"duplicate_tsns", f.duplicate_tsns},
        {"out_packets", f.out_packets},
        {"in_packets", f.in_packets},
        {"aborted", f.aborted}}},
      {"rtt", histogram_json(s.rtt)},
      {"handshake", histogram_json(s.handshake)},
  };
}

std::string summary_table(const nlohmann::json& j) {
  const auto& m = j["measured"];
  const auto& t = j["total"];
  const auto& a = j["associations"];
  const auto& rtt = j["rtt"];
  const auto& hs = j["handshake"];
  uint64_t errors = 0;
  for (const auto& [k, v] : j["echo_errors"].items()) errors += v.get<uint64_t>();
  std::string out;
  auto row = [&out](const std::string& k, const std::string& v) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "  %-26s %s\n", k.c_str(), v.c_str());
    out += buf;
  };
  out += "dpsctp-loadgen " + j["config"]["scenario"].get<std::string>() + " summary\n";
  row("measured window", fmt("%.2f s", m["seconds"].get<double>()));
  row("messages sent / echoed", std::to_string(t["sent_msgs"].get<uint64_t>()) + " / " +
                                    std::to_string(t["received_msgs"].get<uint64_t>()));
  row("msgs/s  out / in", fmt("%.0f", m["sent_msgs_per_s"].get<double>()) + " / " +
                              fmt("%.0f", m["received_msgs_per_s"].get<double>()));
  row("MB/s    out / in", fmt("%.2f", m["sent_bytes_per_s"].get<double>() / 1e6) + " / " +
                              fmt("%.2f", m["received_bytes_per_s"].get<double>() / 1e6));
  row("RTT us p50/p90/p99", us(rtt["p50"]) + " / " + us(rtt["p90"]) + " / " + us(rtt["p99"]));
  row("RTT us p99.9/max", us(rtt["p99_9"]) + " / " + us(rtt["max"]) + "  (" +
                              std::to_string(rtt["count"].get<uint64_t>()) + " samples)");
  row("associations up / closed", std::to_string(a["established"].get<uint64_t>()) + " / " +
                                      std::to_string(a["closed_gracefully"].get<uint64_t>()));
  // Handshakes/s only means something when associations are set up during the window
  // (churn); otherwise they all came up before it.
  const bool churn = a["established_in_window"].get<uint64_t>() > 0;
  row("handshakes/s", (churn ? fmt("%.1f", a["handshakes_per_s"].get<double>()) : "-") +
                          "  (setup p50 " + us(hs["p50"]) + " us, p99 " + us(hs["p99"]) + " us)");
  row("association failures", std::to_string(a["failed_comm_lost"].get<uint64_t>() +
                                              a["failed_cant_start"].get<uint64_t>() +
                                              a["connect_refused"].get<uint64_t>()));
  row("retransmitted chunks", std::to_string(j["sctp"]["retransmitted_chunks"].get<uint64_t>()));
  row("lost / echo errors", std::to_string(j["lost"].get<uint64_t>()) + " / " +
                                std::to_string(errors));
  row("result", j["ok"].get<bool>() ? "OK" : "FAILED " + j["error"].get<std::string>());
  return out;
}

}  // namespace dpsctp::loadgen
