// EAL argv construction and lifetime. See eal.h for the gotchas each rule comes from.
#include "runtime/dpdk/eal.h"

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <thread>
#include <utility>

namespace dpsctp::runtime {
namespace {

// Gotcha 3: rte_eal_init() succeeds once per process; a second attempt (even after a
// failed first one) returns EALREADY. Guard it here so the error is ours and clear.
std::atomic<bool> g_eal_attempted{false};

void set_error(std::string* error, std::string text) {
  if (error != nullptr) *error = std::move(text);
}

std::string join(const std::vector<std::string>& args) {
  std::string s;
  for (const std::string& a : args) {
    if (!s.empty()) s += ' ';
    s += a;
  }
  return s;
}

// Where EAL 22.11 puts its runtime directory (eal_create_runtime_dir()): /var/run as
// root, else $XDG_RUNTIME_DIR or /tmp; then dpdk/<prefix>.
std::filesystem::path expected_runtime_dir(const std::string& prefix) {
  std::filesystem::path base = "/var/run";
  if (getuid() != 0) {
    const char* xdg = std::getenv("XDG_RUNTIME_DIR");
    base = xdg != nullptr ? xdg : "/tmp";
  }
  return base / "dpdk" / (prefix.empty() ? std::string("rte") : prefix);
}

std::string vdev_name(const std::string& vdev) { return vdev.substr(0, vdev.find(',')); }

// Post-init checks: every lcore asked for runs, every vdev became a port.
bool check_resources(const EalConfig& config, std::string* error) {
  for (unsigned lcore : config.lcores) {
    if (lcore >= RTE_MAX_LCORE || !rte_lcore_is_enabled(lcore)) {
      set_error(error, "lcore " + std::to_string(lcore) + " is not enabled in EAL (" +
                           std::to_string(rte_lcore_count()) + " lcores run)");
      return false;
    }
  }
  for (const std::string& vdev : config.vdevs) {
    std::string why;
    if (!Eal::port_by_name(vdev_name(vdev), &why)) {
      set_error(error, "--vdev=" + vdev + " created no port: " + why);
      return false;
    }
  }
  return true;
}

}  // namespace

std::string format_cpu_list(std::vector<unsigned> cpus) {
  std::sort(cpus.begin(), cpus.end());
  cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
  std::string out;
  for (size_t i = 0; i < cpus.size();) {
    size_t j = i;
    while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += std::to_string(cpus[i]);
    if (j > i) out += '-' + std::to_string(cpus[j]);
    i = j + 1;
  }
  return out;
}

std::vector<std::string> eal_arguments(const EalConfig& config) {
  std::vector<std::string> a{config.program};
  if (config.in_memory) {
    a.emplace_back("--in-memory");  // gotcha 1: never with --no-huge
  } else if (config.no_huge) {
    a.emplace_back("--no-huge");
  }
  if (config.no_pci) a.emplace_back("--no-pci");  // gotcha 2
  // gotcha 4: --in-memory already implies --no-shconf.
  if (config.no_shconf && !config.in_memory) a.emplace_back("--no-shconf");
  if (config.no_telemetry) a.emplace_back("--no-telemetry");
  if (config.memory_mb != 0) {
    a.emplace_back("-m");
    a.push_back(std::to_string(config.memory_mb));
  }
  const std::vector<unsigned> lcores =
      config.lcores.empty() ? std::vector<unsigned>{0} : config.lcores;
  if (config.oversubscribe) {
    // gotcha 6: all lcores as one group floating over the CPU set. No shell runs, so the
    // parentheses are not quoted.
    const std::vector<unsigned> cpus = config.cpus.empty() ? std::vector<unsigned>{0} : config.cpus;
    a.push_back("--lcores=(" + format_cpu_list(lcores) + ")@(" + format_cpu_list(cpus) + ")");
  } else {
    a.emplace_back("-l");
    a.push_back(format_cpu_list(lcores));
  }
  if (!config.file_prefix.empty()) a.push_back("--file-prefix=" + config.file_prefix);
  for (const std::string& v : config.vdevs) a.push_back("--vdev=" + v);
  a.insert(a.end(), config.extra_args.begin(), config.extra_args.end());
  return a;
}

std::optional<Eal> Eal::init(const EalConfig& config, std::string* error) {
  if (g_eal_attempted.exchange(true)) {
    set_error(error,
              "rte_eal_init already ran in this process; EAL initialises once per "
              "process (EALREADY): share one Eal, e.g. in a gtest Environment");
    return std::nullopt;
  }
  EalConfig resolved = config;
  if (resolved.oversubscribe && resolved.cpus.empty()) {
    const unsigned n = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned c = 0; c < n; ++c) resolved.cpus.push_back(c);
  }
  Eal eal;
  eal.args_ = eal_arguments(resolved);
  const std::filesystem::path dir = expected_runtime_dir(config.file_prefix);
  std::error_code ec;
  const bool dir_existed = std::filesystem::exists(dir, ec);
  const bool parent_existed = std::filesystem::exists(dir.parent_path(), ec);

  // EAL's getopt permutes argv and may keep pointers into it: the strings live for the
  // whole process (there is only ever one init).
  static std::vector<std::string> storage;
  storage = eal.args_;
  static std::vector<char*> argv;
  argv.reserve(storage.size() + 1);
  for (std::string& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);
  const int ret = rte_eal_init(static_cast<int>(storage.size()), argv.data());
  if (ret < 0) {
    set_error(error, "rte_eal_init(" + join(eal.args_) + ") failed: " + rte_strerror(rte_errno));
    if (!dir_existed) std::filesystem::remove_all(dir, ec);  // gotcha 4, even on failure
    if (!parent_existed) std::filesystem::remove(dir.parent_path(), ec);  // only if empty
    return std::nullopt;
  }
  eal.owner_ = true;
  eal.runtime_dir_ = rte_eal_get_runtime_dir();
  eal.remove_runtime_dir_ = !dir_existed && eal.runtime_dir_ == dir.string();
  eal.remove_runtime_parent_ = eal.remove_runtime_dir_ && !parent_existed;
  if (!check_resources(config, error)) return std::nullopt;  // ~Eal cleans up
  return eal;
}

Eal::Eal(Eal&& other) noexcept
    : args_(std::move(other.args_)),
      runtime_dir_(std::move(other.runtime_dir_)),
      remove_runtime_dir_(other.remove_runtime_dir_),
      remove_runtime_parent_(other.remove_runtime_parent_),
      owner_(std::exchange(other.owner_, false)) {}

Eal::~Eal() {
  if (!owner_) return;
  rte_eal_cleanup();
  if (remove_runtime_dir_) {  // gotcha 4: as root EAL creates it even with --no-shconf
    std::error_code ec;
    const std::filesystem::path dir = runtime_dir_;
    std::filesystem::remove_all(dir, ec);
    // Only when empty: other processes' prefixes may live there.
    if (remove_runtime_parent_) std::filesystem::remove(dir.parent_path(), ec);
  }
}

std::optional<uint16_t> Eal::port_by_name(std::string_view name, std::string* error) {
  uint16_t id = 0;
  const std::string n(name);
  if (rte_eth_dev_get_port_by_name(n.c_str(), &id) == 0) return id;
  std::string known;
  // RTE_ETH_FOREACH_DEV without its C casts; ports owned by someone else are listed too.
  for (uint16_t p = rte_eth_find_next(0); p < RTE_MAX_ETHPORTS;
       p = rte_eth_find_next(static_cast<uint16_t>(p + 1))) {
    char buf[RTE_ETH_NAME_MAX_LEN];
    if (rte_eth_dev_get_name_by_port(p, buf) != 0) continue;
    if (!known.empty()) known += ", ";
    known += buf;
  }
  set_error(error, "no port named '" + n + "' (ports: " + (known.empty() ? "none" : known) + ")");
  return std::nullopt;
}

}  // namespace dpsctp::runtime
