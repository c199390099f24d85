// Tests for apps/loadgen/options and report: flag parsing and validation, the JSON
// report's figures and invariants, the summary table.
#include <gtest/gtest.h>

#include <vector>

#include "options.h"
#include "report.h"

namespace dpsctp::loadgen {
namespace {

bool parse(std::vector<const char*> args, Options& o, std::string& err) {
  args.insert(args.begin(), "dpsctp-loadgen");
  return parse_options(static_cast<int>(args.size()), args.data(), o, err);
}

TEST(Options, ParsesFlagsInBothForms) {
  Options o;
  std::string err;
  ASSERT_TRUE(parse({"--vdev", "net_ring0", "--ip=10.0.0.2", "--ip", "10.0.0.3", "--peer-ip",
                     "10.0.0.1", "--scenario", "s1ap", "--associations", "4", "--rate", "5000",
                     "--messages", "100", "--seed", "9", "--json", "/tmp/x.json"},
                    o, err))
      << err;
  EXPECT_EQ(o.ips.size(), 2u);
  EXPECT_EQ(o.scenario, Scenario::kS1ap);
  EXPECT_EQ(o.associations, 4u);
  EXPECT_FALSE(o.closed_loop());
  EXPECT_EQ(o.messages, 100u);
  EXPECT_EQ(o.duration_s, 0);
  EXPECT_EQ(o.json_path, "/tmp/x.json");
}

TEST(Options, DefaultsToTenSecondsClosedLoop) {
  Options o;
  std::string err;
  ASSERT_TRUE(parse({"--vdev", "v", "--ip", "1.1.1.1", "--peer-ip", "2.2.2.2"}, o, err));
  EXPECT_TRUE(o.closed_loop());
  EXPECT_EQ(o.effective_window(), 16u);
  EXPECT_EQ(o.duration_s, 10);
}

TEST(Options, RejectsBadCombinations) {
  const std::vector<std::vector<const char*>> bad = {
      {"--ip", "1.1.1.1", "--peer-ip", "2.2.2.2"},  // no vdev
      {"--vdev", "v", "--ip", "1.1.1.1", "--peer-ip", "2.2.2.2", "--rate", "10", "--window", "4"},
      {"--vdev", "v", "--ip", "1.1.1.1", "--peer-ip", "2.2.2.2", "--duration", "1", "--messages", "5"},
      {"--vdev", "v", "--ip", "1.1.1.1", "--peer-ip", "2.2.2.2", "--size", "31"},
      {"--vdev", "v", "--ip", "1.1.1.1", "--peer-ip", "2.2.2.2", "--scenario", "multihome"},
      {"--vdev", "v", "--ip", "1.1.1.1", "--peer-ip", "2.2.2.2", "--cut-path-at", "1"},
      {"--vdev", "v", "--ip", "1.1.1.1", "--peer-ip", "2.2.2.2", "--scenario", "nope"},
      {"--vdev", "v", "--ip", "1.1.1.1", "--peer-ip", "2.2.2.2", "--streams", "0"},
      {"--vdev", "v", "--ip", "1.1.1.1", "--peer-ip", "2.2.2.2", "--bogus", "1"},
      {"--vdev", "v", "--ip", "1.1.1.1", "--peer-ip"},
  };
  for (const auto& args : bad) {
    Options o;
    std::string err;
    EXPECT_FALSE(parse(args, o, err)) << args.size();
    EXPECT_FALSE(err.empty());
  }
}

TEST(Options, Help) {
  Options o;
  std::string err;
  ASSERT_TRUE(parse({"--help"}, o, err));
  EXPECT_TRUE(o.help);
  EXPECT_NE(usage_text("x").find("--cut-path-at"), std::string::npos);
}

LoadStats sample_stats() {
  LoadStats s;
  s.total = {1000, 128000, 1000, 128000};
  s.measured = {800, 102400, 800, 102400};
  for (uint64_t i = 0; i < 800; ++i) s.rtt.record(10'000 + i * 100);
  s.handshake.record(50'000);
  s.connects = s.comm_up = s.comm_up_measured = s.shutdown_comp = 1;
  return s;
}

TEST(Report, FiguresAndInvariants) {
  Options o;
  const LoadStats s = sample_stats();
  RunResult r;
  r.measured_s = 2.0;
  r.total_s = 2.5;
  const auto j = build_report(o, s, {}, r);
  EXPECT_TRUE(j["ok"].get<bool>());
  EXPECT_EQ(j["config"]["scenario"], "echo");
  EXPECT_EQ(j["total"]["sent_msgs"], j["total"]["received_msgs"]);
  EXPECT_DOUBLE_EQ(j["measured"]["received_msgs_per_s"].get<double>(), 400.0);
  uint64_t sum = 0;
  for (const auto& b : j["rtt"]["buckets"]) sum += b[2].get<uint64_t>();
  EXPECT_EQ(sum, j["rtt"]["count"].get<uint64_t>());
  EXPECT_EQ(j["rtt"]["count"], 800u);
  EXPECT_GE(j["rtt"]["p99"].get<uint64_t>(), j["rtt"]["p50"].get<uint64_t>());
  const std::string table = summary_table(j);
  EXPECT_NE(table.find("msgs/s"), std::string::npos);
  EXPECT_NE(table.find("OK"), std::string::npos);
}

TEST(Report, AnyLossCorruptionOrFailureFailsTheRun) {
  Options o;
  RunResult r;
  LoadStats s = sample_stats();
  EXPECT_TRUE(run_ok(o, s, r));
  r.lost = 1;
  EXPECT_FALSE(run_ok(o, s, r));
  r.lost = 0;
  s.echo_errors[static_cast<size_t>(EchoVerdict::kUndecodable)] = 1;
  EXPECT_FALSE(run_ok(o, s, r));
  s = sample_stats();
  s.comm_lost = 1;
  EXPECT_FALSE(run_ok(o, s, r));
  s = sample_stats();
  s.shutdown_comp = 0;  // an association never closed gracefully
  EXPECT_FALSE(run_ok(o, s, r));
  s = sample_stats();
  s.total.received_msgs = 999;
  EXPECT_FALSE(run_ok(o, s, r));
  EXPECT_NE(summary_table(build_report(o, s, {}, r)).find("FAILED"), std::string::npos);
}

}  // namespace
}  // namespace dpsctp::loadgen
