// dpsctp-loadgen: the dpsctp stack as an SCTP client on a DPDK port, generating scenario
// traffic against an echo server (dpsctp-gateway's echo listeners) and verifying every
// echo. See `dpsctp-loadgen --help` and options.cc for the flags, load_shard.h for the
// run phases, report.h for the JSON report.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "load_shard.h"
#include "options.h"
#include "path_cut.h"
#include "report.h"
#include "runtime/stack/stack.h"

namespace {

using namespace dpsctp;
using namespace dpsctp::loadgen;

volatile std::sig_atomic_t g_stop = 0;
void on_stop_signal(int) { g_stop = 1; }

uint64_t steady_ns() {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count());
}

runtime::StackConfig stack_config(const Options& o) {
  runtime::StackConfig c;
  c.eal.program = "dpsctp-loadgen";
  c.eal.lcores = {o.lcore};
  c.eal.vdevs = o.vdevs;
  c.eal.file_prefix = o.file_prefix;
  for (const auto& ip : o.ips) c.local_addresses.push_back(*IpAddress::parse(ip));
  c.sctp_port = o.local_port;
  c.mtu = o.mtu;
  c.options.outbound_streams = o.streams;
  c.options.nodelay = false;
  c.seed = o.seed;
  c.link_timeout = std::chrono::milliseconds(30000);  // memif: up once both sides run
  return c;
}

bool check_addresses(const Options& o, std::string& error) {
  for (const auto* list : {&o.ips, &o.peer_ips}) {
    for (const auto& ip : *list) {
      if (!IpAddress::parse(ip)) {
        error = "not an IP address: " + ip;
        return false;
      }
    }
  }
  return true;
}

/// The poll loop: the shard, then the load logic; a progress line each second on a TTY.
void run(runtime::Stack& stack, LoadShard& load, PathCut* cut, const Options& o) {
  const bool tty = isatty(STDERR_FILENO) != 0;
  const uint64_t start = steady_ns();
  uint64_t next_progress = start + 1'000'000'000;
  const uint64_t cut_at =
      o.cut_path_at_s >= 0 ? start + static_cast<uint64_t>(o.cut_path_at_s * 1e9) : UINT64_MAX;
  stack.shard().refresh_now();
  while (!load.done()) {
    stack.poll_once();
    const uint64_t now = steady_ns();
    load.step(now);
    if (g_stop != 0) load.request_stop();
    if (cut != nullptr && now >= cut_at) {
      cut->arm();
      std::fprintf(stderr, "multihome: path to %s cut\n", o.peer_ips[0].c_str());
      cut = nullptr;
    }
    if (tty && now >= next_progress) {
      std::fprintf(stderr, "\r%s", load.progress(now).c_str());
      next_progress += 1'000'000'000;
    }
  }
  if (tty) std::fprintf(stderr, "\n");
}

int report(const Options& o, const LoadShard& load, const PathCut* cut) {
  LoadStats stats = load.stats();  // one shard today; merge() per shard later
  if (cut != nullptr) stats.cut_frames_dropped = cut->dropped();
  const RunResult r = load.result();
  const nlohmann::json j = build_report(o, stats, load.sctp_figures(), r);
  std::fputs(summary_table(j).c_str(), stdout);
  std::fflush(stdout);
  if (!o.json_path.empty()) {
    std::ofstream f(o.json_path);
    f << j.dump(2) << '\n';
    if (!f) {
      std::fprintf(stderr, "dpsctp-loadgen: cannot write %s\n", o.json_path.c_str());
      return 1;
    }
  }
  return j["ok"].get<bool>() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::string error;
  if (!parse_options(argc, argv, o, error) || (!o.help && !check_addresses(o, error))) {
    std::fprintf(stderr, "dpsctp-loadgen: %s (see --help)\n", error.c_str());
    return 2;
  }
  if (o.help) {
    std::fputs(usage_text(argv[0]).c_str(), stdout);
    return 0;
  }
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  LoadShard load(o);
  std::unique_ptr<runtime::Stack> stack =
      runtime::Stack::create(stack_config(o), load.primary_listener(), &error);
  if (!stack) {
    std::fprintf(stderr, "dpsctp-loadgen: stack setup failed: %s\n", error.c_str());
    return 1;
  }
  if (!load.attach(*stack, error)) {
    std::fprintf(stderr, "dpsctp-loadgen: %s\n", error.c_str());
    return 1;
  }
  std::unique_ptr<PathCut> cut;
  if (o.cut_path_at_s >= 0) {
    cut = std::make_unique<PathCut>();
    if (!cut->install(stack->port().id(), *IpAddress::parse(o.peer_ips[0]), error)) {
      std::fprintf(stderr, "dpsctp-loadgen: %s\n", error.c_str());
      return 1;
    }
  }
  run(*stack, load, cut.get(), o);
  const int rc = report(o, load, cut.get());
  if (cut) cut->remove();  // before the port closes
  stack.reset();
  return rc;
}
