// dpsctp-gateway: the YAML-configured SCTP signalling gateway (issue 6, apps/README.md).
//
//   dpsctp-gateway --config FILE     run until SIGINT/SIGTERM
//   dpsctp-gateway --config FILE --check   validate, print "FILE: OK: ...", exit 0 (2 on error)
//   dpsctp-gateway --version | --help
//
// Lifecycle: load and validate the config (refuse to start on any error), logging, the
// Stack (EAL, port, one shard) with one endpoint per listener, then the poll loop. A stop
// signal refuses new associations, SHUTDOWNs the others (RFC 9260 §9.2), polls until they
// are closed or shutdown.timeout passed, ABORTs the rest, logs the final stats and exits 0.
// SIGHUP: reloading is not supported (logged); restart the process to apply a new config.
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "apps/common/signals.h"
#include "apps/common/stack_config.h"
#include "apps/gateway/capture.h"
#include "apps/gateway/gateway_shard.h"
#include "apps/gateway/gateway_loop.h"
#include "apps/gateway/logging.h"
#include "apps/gateway/telemetry.h"
#include "config/config_loader.h"
#include "runtime/stack/stack.h"

namespace {

using namespace dpsctp;

constexpr const char* kUsage =
    "usage: dpsctp-gateway --config FILE [--check]\n"
    "       dpsctp-gateway --version | --help\n"
    "  --config FILE  the YAML configuration (see config/gateway.yaml)\n"
    "  --check        validate FILE, print a summary and exit (0: valid, 2: invalid)\n"
    "Signals: SIGINT/SIGTERM stop gracefully (SHUTDOWN, bounded by shutdown.timeout);\n"
    "SIGHUP is logged: reload is not supported, restart to apply a new config.\n";

struct Args {
  std::string config;
  bool check = false;
};

/// 0: run; 1: printed --help/--version, exit 0; 2: usage error.
int parse_args(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    if (k == "--help" || k == "-h") {
      std::fputs(kUsage, stdout);
      return 1;
    }
    if (k == "--version") {
      std::printf("dpsctp-gateway %s\n", DPSCTP_VERSION);
      return 1;
    }
    if (k == "--check") {
      a.check = true;
    } else if (k == "--config" && i + 1 < argc) {
      a.config = argv[++i];
    } else {
      std::fprintf(stderr, "dpsctp-gateway: unexpected argument '%s'\n%s", k.c_str(), kUsage);
      return 2;
    }
  }
  if (a.config.empty()) {
    std::fprintf(stderr, "dpsctp-gateway: --config FILE is required\n%s", kUsage);
    return 2;
  }
  return 0;
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

/// "2 listeners: s1-mme 36412/echo, diameter 3868/relay->hss-pool".
std::string listeners_summary(const config::GatewayConfig& c) {
  std::string s = std::to_string(c.listeners.size()) +
                  (c.listeners.size() == 1 ? " listener: " : " listeners: ");
  for (size_t i = 0; i < c.listeners.size(); ++i) {
    const auto& l = c.listeners[i];
    if (i > 0) s += ", ";
    s += l.name + " " + std::to_string(l.port) + "/" + route_name(l.route);
    if (l.route == config::Route::kRelay) s += "->" + l.upstream;
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (const int rc = parse_args(argc, argv, args); rc != 0) return rc == 1 ? 0 : 2;
  config::LoadResult loaded = config::load_gateway_config_file(args.config);
  if (!loaded.ok) {
    std::fprintf(stderr, "%s\n", loaded.error.c_str());
    return 2;
  }
  const config::GatewayConfig& cfg = loaded.config;
  if (args.check) {
    std::printf("%s: OK: %s\n", args.config.c_str(), listeners_summary(cfg).c_str());
    return 0;
  }
  std::string error;
  auto log = gateway::make_logger(cfg.logging, &error);
  if (!log) {
    std::fprintf(stderr, "dpsctp-gateway: %s\n", error.c_str());
    return 1;
  }
  gateway::GatewayShard gw(cfg);
  std::unique_ptr<runtime::Stack> stack =
      runtime::Stack::create(apps::make_stack_config(cfg, "dpsctp-gateway"), gw.primary_listener(),
                             &error);
  if (!stack || !gw.attach(*stack, &error)) {
    spdlog::critical("startup failed: {}", error);
    spdlog::shutdown();
    return 1;
  }
  spdlog::info("dpsctp-gateway {} up: {} on {} (mac {})", DPSCTP_VERSION, listeners_summary(cfg),
               cfg.port.device, stack->mac().to_string());
  std::unique_ptr<gateway::Telemetry> telemetry;
  if (cfg.stats.telemetry) {
    telemetry = gateway::Telemetry::start(cfg, &error);
    if (!telemetry) spdlog::warn("telemetry disabled: {}", error);
  }
  std::unique_ptr<gateway::Capture> capture;
  if (!cfg.capture.file.empty()) {
    // Frames are at most the IP MTU plus Ethernet, VLAN and FCS-less headers.
    capture = gateway::Capture::start(stack->port().id(), cfg.capture.file, cfg.capture.snaplen,
                                      cfg.port.mtu + 64, &error);
    if (!capture) {
      spdlog::critical("capture: {}", error);
      telemetry.reset();
      stack.reset();
      spdlog::shutdown();
      return 1;
    }
    spdlog::info("capturing to {} (pcapng)", cfg.capture.file);
  }
  apps::install_signal_handlers();
  const int rc = gateway::run_loop(cfg, *stack, gw, telemetry.get());
  if (capture) {
    const uint64_t dropped = capture->dropped();
    capture.reset();  // unhook, drain, close the file
    spdlog::info("capture closed: {} frames not captured (pool or ring full)", dropped);
  }
  telemetry.reset();  // before EAL cleanup
  stack.reset();
  spdlog::shutdown();
  return rc;
}
