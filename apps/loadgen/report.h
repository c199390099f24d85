// The run report: JSON (--json FILE: the configuration echoed, every figure, histogram
// buckets) and the human summary table printed at the end. Pure: built from Options,
// merged LoadStats and the SCTP counters the caller collected.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "options.h"
#include "stats.h"

namespace dpsctp::loadgen {

/// SCTP-level figures summed over the endpoints (from dpsctp::SnmpCounters).
struct SctpFigures {
  uint64_t retransmitted_chunks = 0;
  uint64_t t3_expirations = 0;
  uint64_t fast_retransmits = 0;
  uint64_t duplicate_tsns = 0;
  uint64_t out_packets = 0;
  uint64_t in_packets = 0;
  uint64_t aborted = 0;
};

struct RunResult {
  double measured_s = 0;  ///< length of the measured window (after the warm-up)
  double total_s = 0;     ///< from the first connect to the end of shutdown
  uint64_t lost = 0;      ///< sent but never echoed (counted at the end)
  bool timed_out = false;
  std::string error;      ///< first fatal condition, empty if none
};

/// Whether the run passed: no loss, no corruption, no unexpected association failure.
bool run_ok(const Options& o, const LoadStats& s, const RunResult& r);
nlohmann::json histogram_json(const LatencyHistogram& h);
nlohmann::json build_report(const Options& o, const LoadStats& s, const SctpFigures& f,
                            const RunResult& r);
/// The human table, from the JSON report (one source for both).
std::string summary_table(const nlohmann::json& report);

}  // namespace dpsctp::loadgen
