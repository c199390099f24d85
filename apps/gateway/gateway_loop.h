// The gateway's poll loop on the main lcore: poll the stack, service the routes, and
// every few iterations look at the clock — the periodic summary line, the stop and reload
// signals, the graceful stop (RFC 9260 §9.2 bounded by shutdown.timeout, then ABORT).
#pragma once

#include "config/gateway_config.h"

namespace dpsctp::runtime {
class Stack;
}

namespace dpsctp::gateway {

class GatewayShard;
class Telemetry;

/// Runs until a stop signal and the graceful stop are done; logs the final stats (and
/// prints them as one JSON line on stdout). `telemetry` (may be null) gets a snapshot
/// every 100 ms. Returns the process exit code (0).
int run_loop(const config::GatewayConfig& cfg, runtime::Stack& stack, GatewayShard& gw,
             Telemetry* telemetry);

}  // namespace dpsctp::gateway
