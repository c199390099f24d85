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
#include <thread>

#include "init_flood.h"
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
void run(runtime::Stack& stack, LoadShard& load, PathCut* cut, InitFlood* flood,
         const Options& o) {
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
    if (flood != nullptr) {
      flood->step(now, load.phase() == LoadShard::Phase::kRunning, load.stats().total.received_msgs);
      if (flood->done()) load.request_stop();  // --duration is then only the upper bound
    }
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

int report(const Options& o, const LoadShard& load, const PathCut* cut, const InitFlood* flood) {
  LoadStats stats = load.stats();  // one shard today; merge() per shard later
  if (cut != nullptr) stats.cut_frames_dropped = cut->dropped();
  const RunResult r = load.result();
  nlohmann::json j = build_report(o, stats, load.sctp_figures(), r);
  if (flood != nullptr) {
    j["init_flood"] = flood->report();
    const nlohmann::json& f = j["init_flood"];
    std::printf(
        "initflood: sent %llu INITs at %.0f/s, %llu INIT ACKs (%.0f/s), bad crc %llu, bad tag "
        "%llu, other %llu; established %.0f echoes/s before, %.0f during the flood\n",
        f["inits_sent"].get<unsigned long long>(), f["inits_per_s"].get<double>(),
        f["init_acks_ok"].get<unsigned long long>(), f["init_acks_per_s"].get<double>(),
        f["init_acks_bad_crc"].get<unsigned long long>(),
        f["init_acks_bad_tag"].get<unsigned long long>(),
        f["other_to_spoofed"].get<unsigned long long>(),
        f["established_echoes_per_s_before"].get<double>(),
        f["established_echoes_per_s_during"].get<double>());
    if (!f["ok"].get<bool>() && j["ok"].get<bool>()) {
      j["ok"] = false;
      j["error"] = "initflood: not every INIT sent within --duration, or a malformed INIT ACK";
    }
    if (!flood->done() && j["ok"].get<bool>()) {
      j["ok"] = false;
      j["error"] = "initflood: --duration ended within 1 s of the last INIT (ACKs still due)";
    }
  }
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
  std::unique_ptr<InitFlood> flood;
  if (o.scenario == Scenario::kInitFlood) {
    flood = std::make_unique<InitFlood>(InitFloodConfig{
        .count = o.flood_inits,
        .rate = o.flood_rate,
        .src_net = o.flood_src_net,
        .src_len = o.flood_src_len,
        .target = *IpAddress::parse(o.peer_ips[0]),
        .target_port = o.port,
        .seed = o.seed,
        .start_after_s = o.flood_start_s,
        .grace_s = 1});
    if (!flood->install(*stack, error)) {
      std::fprintf(stderr, "dpsctp-loadgen: %s\n", error.c_str());
      return 1;
    }
  }
  run(*stack, load, cut.get(), flood.get(), o);
  const int rc = report(o, load, cut.get(), flood.get());
  if (o.hold_port) {  // options.h: let the test stop the memif server before we disconnect
    std::fputs("dpsctp-loadgen: holding the port until SIGTERM\n", stderr);
    while (g_stop == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (cut) cut->remove();  // before the port closes
  if (flood) flood->remove();
  stack.reset();
  return rc;
}
