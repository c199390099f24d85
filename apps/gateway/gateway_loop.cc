// The gateway's poll loop (gateway_loop.h).
#include "apps/gateway/gateway_loop.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>

#include "apps/common/signals.h"
#include "apps/gateway/gateway_shard.h"
#include "apps/gateway/stats_report.h"
#include "apps/gateway/telemetry.h"
#include "runtime/stack/stack.h"

namespace dpsctp::gateway {
namespace {

using Clock = std::chrono::steady_clock;

GatewayTotals totals(GatewayShard& gw, runtime::Stack& stack) {
  GatewayTotals t;
  add_totals(gw, stack, t);
  return t;
}

// Polls for `d` so the last control chunks (SHUTDOWN COMPLETE, ABORT) leave the port
// before it closes; memif drops what the peer has not read at disconnect.
void linger(runtime::Stack& stack, GatewayShard& gw, std::chrono::milliseconds d) {
  const auto until = Clock::now() + d;
  while (Clock::now() < until) {
    for (int i = 0; i < 256; ++i) {
      stack.poll_once();
      gw.service();
    }
  }
}

}  // namespace

int run_loop(const config::GatewayConfig& cfg, runtime::Stack& stack, GatewayShard& gw,
             Telemetry* telemetry) {
  const bool periodic = cfg.stats.interval.count() > 0;
  auto next_stats = Clock::now() + cfg.stats.interval;
  auto last_stats_at = Clock::now();
  GatewayTotals last = totals(gw, stack);
  Clock::time_point stop_deadline{};
  for (uint64_t iter = 0;; ++iter) {
    stack.poll_once();
    gw.service();
    if ((iter & 63) != 0) continue;
    const auto now = Clock::now();
    if (telemetry != nullptr) telemetry->maybe_publish(gw, stack, now);
    if (apps::take_reload_request()) {
      spdlog::warn("SIGHUP: configuration reload is not supported; restart to apply changes");
    }
    if (!gw.stopping() && apps::stop_requested()) {
      spdlog::info("stop requested: refusing new associations, SHUTDOWN of {} open (timeout {} ms)",
                   gw.open_associations(), cfg.shutdown_timeout.count());
      gw.begin_stop();
      stop_deadline = now + cfg.shutdown_timeout;
    }
    if (periodic && now >= next_stats) {
      GatewayTotals cur = totals(gw, stack);
      spdlog::info("{}", summary_line(last, cur, std::chrono::duration<double>(now - last_stats_at).count()));
      last = cur;
      last_stats_at = now;
      next_stats = now + cfg.stats.interval;
    }
    if (gw.stopping()) {
      if (gw.open_associations() == 0) break;
      if (now >= stop_deadline) {
        spdlog::warn("shutdown timeout: ABORT of {} associations still open",
                     gw.open_associations());
        gw.abort_all();
        break;
      }
    }
  }
  linger(stack, gw, std::chrono::milliseconds(300));
  const GatewayTotals t = totals(gw, stack);
  const std::string report = final_report(gw, t);
  spdlog::info("final: {}", report);
  std::printf("%s\n", report.c_str());
  std::fflush(stdout);
  return 0;
}

}  // namespace dpsctp::gateway
