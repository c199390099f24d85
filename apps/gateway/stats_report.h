// The gateway's periodic one-line summary (every stats.interval) and its final report,
// built from GatewayTotals. Formatting only: no I/O.
#pragma once

#include <string>

#include "apps/gateway/gateway_shard.h"

namespace dpsctp::gateway {

/// "assocs 3 | in 12034 msg/s 1.5 MB/s | out 12034 msg/s 1.5 MB/s | rtx 0 | drops ppid 0
/// refused 0 net 0 init 0 | backlog hw 12 aborts 0": rates over `seconds` from `prev` to `cur`.
std::string summary_line(const GatewayTotals& prev, const GatewayTotals& cur, double seconds);

/// One JSON object: totals and, per listener, name/port/route and its counters.
std::string final_report(const GatewayShard& gw, const GatewayTotals& t);

}  // namespace dpsctp::gateway
