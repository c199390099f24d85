// Tests for src/config/config_loader.cc: every tests/data/bad-configs/*.yaml fails with the
// exact line in its sibling .expected file, plus document-level cases (size bound, several
// documents, missing file) and value mapping (durations, local_port resolution).
#include "config/config_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace dpsctp::config {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const fs::path kBadDir = fs::path(DPSCTP_TEST_DATA_DIR) / "bad-configs";

std::string read_line(const fs::path& p) {
  std::ifstream in(p);
  std::string line;
  std::getline(in, line);
  return line;
}

// A .expected file holds the message with FILE in place of the path, so it does not
// depend on where the tree is checked out; the rest is compared exactly.
TEST(BadConfigs, EachFailsWithItsExpectedMessage) {
  std::vector<fs::path> yamls;
  for (const auto& e : fs::directory_iterator(kBadDir))
    if (e.path().extension() == ".yaml") yamls.push_back(e.path());
  std::sort(yamls.begin(), yamls.end());
  EXPECT_GE(yamls.size(), 20u);
  for (const fs::path& yaml : yamls) {
    SCOPED_TRACE(yaml.filename().string());
    fs::path expected_file = yaml;
    expected_file.replace_extension(".expected");
    ASSERT_TRUE(fs::exists(expected_file)) << "no .expected for " << yaml;
    std::string expected = read_line(expected_file);
    ASSERT_EQ(expected.rfind("FILE:", 0), 0u) << expected_file << " must start with FILE:";
    expected.replace(0, 4, yaml.string());
    const LoadResult r = load_gateway_config_file(yaml.string());
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, expected);
  }
}

TEST(BadConfigs, EveryExpectedHasItsYaml) {
  for (const auto& e : fs::directory_iterator(kBadDir)) {
    if (e.path().extension() != ".expected") continue;
    fs::path yaml = e.path();
    yaml.replace_extension(".yaml");
    EXPECT_TRUE(fs::exists(yaml)) << "stray " << e.path();
  }
}

constexpr const char* kMinimal =
    "port: {device: net_memif0}\n"
    "eal: {vdevs: [net_memif0]}\n"
    "addresses: [192.0.2.1]\n"
    "listeners: [{name: a, port: 36412, route: echo}]\n";

LoadResult load(const std::string& text) { return load_gateway_config(text, "t.yaml"); }

TEST(LoadGatewayConfig, MinimalConfigTakesTheDefaults) {
  const LoadResult r = load(kMinimal);
  ASSERT_TRUE(r.ok) << r.error;
  const GatewayConfig& c = r.config;
  EXPECT_EQ(c.source, "t.yaml");
  EXPECT_EQ(c.listeners[0].line, 4);
  EXPECT_EQ(c.listeners[0].outbound_streams, 10);
  EXPECT_TRUE(c.listeners[0].ppids.empty());
  EXPECT_EQ(c.options.rto_initial, 1s);  // RFC 9260 §16
  EXPECT_EQ(c.options.rto_max, 60s);
  EXPECT_EQ(c.options.mtu, 1500u);
  EXPECT_EQ(c.limits.max_associations, 65536u);
  EXPECT_EQ(c.shutdown_timeout, 5s);
}

TEST(LoadGatewayConfig, InitAdmissionBudget) {
  // Issue #10: unlimited by default; tunables.init_rate / init_burst -> Limits.
  const LoadResult def = load(kMinimal);
  ASSERT_TRUE(def.ok) << def.error;
  EXPECT_EQ(def.config.limits.init_rate, 0u);
  EXPECT_EQ(def.config.limits.init_burst, 1000u);
  const LoadResult ok =
      load(std::string(kMinimal) + "tunables: {init_rate: 20000, init_burst: 2000}\n");
  ASSERT_TRUE(ok.ok) << ok.error;
  EXPECT_EQ(ok.config.limits.init_rate, 20000u);
  EXPECT_EQ(ok.config.limits.init_burst, 2000u);
  const LoadResult big = load(std::string(kMinimal) + "tunables: {init_rate: 10000001}\n");
  ASSERT_FALSE(big.ok);
  EXPECT_NE(big.error.find("tunables.init_rate: expected an integer 0..10000000"),
            std::string::npos)
      << big.error;
}

TEST(LoadGatewayConfig, TunablesMapOntoAssociationOptions) {
  const LoadResult ok = load(
      "eal: {vdevs: [net_memif0]}\nport: {device: net_memif0, mtu: 9000}\n"
      "addresses: [192.0.2.1]\nlisteners: [{name: a, port: 1, route: sink}]\n"
      "tunables: {rto_initial: 3000, rto_min: 200ms, rto_max: 1m, hb_interval: 0, "
      "pf_retrans: 2, sack_timeout: 500ms, sack_freq: 1, max_burst: 8, prsctp_enable: false, "
      "send_buffer: 65536}\n");
  ASSERT_TRUE(ok.ok) << ok.error;
  const AssociationOptions& o = ok.config.options;
  EXPECT_EQ(o.rto_initial, 3s);
  EXPECT_EQ(o.rto_min, 200ms);
  EXPECT_EQ(o.rto_max, 60s);
  EXPECT_EQ(o.hb_interval, 0s);
  EXPECT_FALSE(o.heartbeat_enabled);  // hb_interval 0 disables heartbeats
  EXPECT_EQ(o.pf_max_retrans, 2);
  EXPECT_EQ(o.sack_timeout, 500ms);  // RFC 9260 §6.2: 500 ms is still allowed
  EXPECT_EQ(o.sack_freq, 1);
  EXPECT_EQ(o.max_burst, 8);
  EXPECT_FALSE(o.prsctp_enable);
  EXPECT_EQ(o.send_buffer, 65536u);
  EXPECT_EQ(o.mtu, 9000u);
}

TEST(LoadGatewayConfig, RtoMinDefaultInitialBelowIt) {
  // RFC 9260 §6.3.1: raising rto_min above the default rto_initial (1s) is an error at rto_min.
  const LoadResult r = load(std::string(kMinimal) + "tunables:\n  rto_min: 2s\n");
  EXPECT_EQ(r.error,
            "t.yaml:6:12: tunables.rto_min: expected a duration <= rto_initial = 1s "
            "(RFC 9260 §6.3.1), found 2s");
}

// RFC 1122 §3.3.1: "IP/LEN" sets the on-link prefix (default /24, /64); the next hop of
// each family must be on one of those links.
TEST(LoadGatewayConfig, PrefixLengthsAndNextHops) {
  const LoadResult r = load(
      "eal: {vdevs: [net_memif0]}\nport: {device: net_memif0}\n"
      "addresses: [10.1.0.1/16, 192.0.2.1, \"fd00::1/56\", \"fd01::1\"]\n"
      "gateway: [\"fd00:0:0:ff::fe\", 10.1.200.254]\n"
      "listeners: [{name: a, port: 1, route: sink}]\n");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.config.prefix_lengths, (std::vector<uint8_t>{16, 24, 56, 64}));
  ASSERT_EQ(r.config.gateways.size(), 2u);
  EXPECT_EQ(r.config.gateways[1], IpAddress::v4(10, 1, 200, 254));
  EXPECT_EQ(load(std::string(kMinimal) + "gateway: [192.0.2.1]\n").error,
            "t.yaml:5:11: gateway[0]: a next hop cannot be one of our addresses");
}

// RFC 6951 §5.1: port.udp_encapsulation turns SCTP over UDP on; absent = off.
TEST(LoadGatewayConfig, Rfc6951UdpEncapsulationPort) {
  const LoadResult off = load(kMinimal);
  ASSERT_TRUE(off.ok) << off.error;
  EXPECT_FALSE(off.config.port.udp_encapsulation_port.has_value());
  const LoadResult on = load(
      "port: {device: net_memif0, udp_encapsulation: {port: 9899}}\n"
      "eal: {vdevs: [net_memif0]}\naddresses: [192.0.2.1]\n"
      "listeners: [{name: a, port: 36412, route: echo}]\n");
  ASSERT_TRUE(on.ok) << on.error;
  EXPECT_EQ(on.config.port.udp_encapsulation_port, uint16_t{9899});
  EXPECT_EQ(load("port: {device: net_memif0, udp_encapsulation: {}}\n"
                 "eal: {vdevs: [net_memif0]}\naddresses: [192.0.2.1]\n"
                 "listeners: [{name: a, port: 36412, route: echo}]\n")
                .error,
            "t.yaml:1:47: port.udp_encapsulation: missing required key 'port'");
}

TEST(LoadGatewayConfig, LocalPortExplicitIsKept) {
  const LoadResult r = load(
      "eal: {vdevs: [net_memif0]}\nport: {device: net_memif0}\naddresses: [192.0.2.1]\n"
      "listeners: [{name: a, port: 36412, route: relay, upstream: p}]\n"
      "upstreams: [{name: p, local_port: 40000, members: [{addresses: [192.0.2.9], port: 1}]}]\n");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.config.upstreams[0].local_port, 40000);
}

TEST(LoadGatewayConfig, UnusedUpstreamKeepsLocalPortZero) {
  const LoadResult r =
      load(std::string(kMinimal) +
           "upstreams: [{name: p, members: [{addresses: [192.0.2.9], port: 1}]}]\n");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.config.upstreams[0].local_port, 0);
}

TEST(LoadGatewayConfig, RejectsSeveralDocuments) {
  EXPECT_EQ(load(std::string(kMinimal) + "---\nport: 1\n").error,
            "t.yaml:5:1: (document): expected one YAML document, found another");
}

// yaml-cpp 0.7's LoadAll() never returns on these (found by fuzz/config_loader_fuzzer).
TEST(LoadGatewayConfig, ParserThatCannotAdvanceIsAnErrorNotAHang) {
  EXPECT_EQ(load(",").error, "t.yaml:1:1: invalid YAML: no node can be read here");
  EXPECT_EQ(load(" ,o\n").error, "t.yaml:1:2: invalid YAML: no node can be read here");
}

TEST(LoadGatewayConfig, RejectsOversizedInput) {
  const std::string big(size_t{1} << 20 | 1, '#');
  EXPECT_EQ(load(big).error,
            "t.yaml:1:1: (document): expected at most 1048576 bytes, found 1048577");
}

TEST(LoadGatewayConfig, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  const LoadResult r = load(deep);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.rfind("t.yaml:", 0), 0u) << r.error;
}

TEST(LoadGatewayConfig, Rfc8260_3_StreamSchedulerTunable) {
  EXPECT_EQ(load(kMinimal).config.options.stream_scheduler,
            StreamSchedulerKind::kFirstComeFirstServed);
  const std::pair<const char*, StreamSchedulerKind> cases[] = {
      {"fcfs", StreamSchedulerKind::kFirstComeFirstServed},
      {"rr", StreamSchedulerKind::kRoundRobin},
      {"rr_packet", StreamSchedulerKind::kRoundRobinPerPacket},
      {"priority", StreamSchedulerKind::kPriority},
      {"fair_bandwidth", StreamSchedulerKind::kFairCapacity},
      {"wfq", StreamSchedulerKind::kWeightedFairQueueing}};
  for (const auto& [name, kind] : cases) {
    const LoadResult r =
        load(std::string(kMinimal) + "tunables: {stream_scheduler: " + name + "}\n");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.config.options.stream_scheduler, kind) << name;
  }
}

TEST(LoadGatewayConfigFile, MissingFile) {
  const LoadResult r = load_gateway_config_file("/nonexistent/dpsctp.yaml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "/nonexistent/dpsctp.yaml: cannot open: No such file or directory");
}

}  // namespace
}  // namespace dpsctp::config
