// The DPDK Environment Abstraction Layer: building its command line and owning its
// lifetime. No SCTP here; the DPDK layer below the shards (design.md §3).
//
// The argument rules come from ../shared/dpdk-on-this-machine.md ("Gotchas"):
//  1. --no-huge and --in-memory never together;
//  2. --no-pci always, unless PCI devices are really wanted (a NIC bound to vfio);
//  3. rte_eal_init() works once per process: Eal::init() refuses a second call itself;
//  4. two DPDK processes need --no-shconf (or --in-memory, or distinct --file-prefix), and
//     as root EAL still creates /var/run/dpdk/<prefix>/: ~Eal removes it if init made it;
//  6. more lcores than CPUs: --lcores=(0-3)@(0-1), plain -l 0-3 fails.
//
// No rte_* declaration leaks out of this header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dpsctp::runtime {

struct EalConfig {
  std::string program = "dpsctp";  ///< argv[0]
  /// Logical cores to run; the first is the main lcore. Empty: only lcore 0.
  std::vector<unsigned> lcores;
  bool no_huge = true;                  ///< --no-huge (ignored with in_memory: gotcha 1)
  unsigned memory_mb = 256;             ///< -m; 0 leaves it to EAL
  bool no_pci = true;                   ///< --no-pci (gotcha 2)
  std::vector<std::string> vdevs;       ///< each becomes --vdev=<text>, e.g. "net_ring0"
  std::string file_prefix;              ///< --file-prefix; empty: EAL's default "rte"
  bool in_memory = false;               ///< --in-memory (needs reserved hugepages, gotcha 1)
  bool no_shconf = true;                ///< --no-shconf (implied by, so omitted with, in_memory)
  bool no_telemetry = true;             ///< --no-telemetry
  std::vector<std::string> extra_args;  ///< appended verbatim, last
  /// More lcores than CPUs: run all `lcores` as one group over `cpus`, emitted as
  /// --lcores=(0-3)@(0-1) (gotcha 6). Each lcore thread may then float over those CPUs.
  bool oversubscribe = false;
  /// CPUs the lcore group floats over when `oversubscribe`; empty: Eal::init() fills in
  /// every online CPU, eal_arguments() alone uses CPU 0.
  std::vector<unsigned> cpus;
};

/// The EAL argv for `config`, argv[0] included. Pure: reads nothing but `config`.
/// Order: program, --no-huge | --in-memory, --no-pci, --no-shconf, --no-telemetry, -m N,
/// -l LIST | --lcores=(LIST)@(CPUS), --file-prefix=P, --vdev=..., extra_args.
std::vector<std::string> eal_arguments(const EalConfig& config);

/// "0-3,5,7-8" for {0,1,2,3,5,7,8}: EAL's CPU list syntax. Sorts and removes duplicates.
std::string format_cpu_list(std::vector<unsigned> cpus);

/// The EAL of this process. At most one exists; its destructor calls rte_eal_cleanup().
class Eal {
 public:
  /// Runs rte_eal_init() with eal_arguments(config), then checks that every requested
  /// lcore is enabled and every vdev created an ethdev port. On failure returns nullopt
  /// and, when `error` is not null, a message naming the cause (rte_strerror(rte_errno)
  /// for EAL errors, the missing lcore or port otherwise). Call once per process: a
  /// second call fails without touching EAL (gotcha 3), even after the first failed.
  static std::optional<Eal> init(const EalConfig& config, std::string* error);

  Eal(Eal&& other) noexcept;
  Eal& operator=(Eal&&) = delete;
  Eal(const Eal&) = delete;
  Eal& operator=(const Eal&) = delete;
  /// rte_eal_cleanup(), then removes the runtime directory if init created it (gotcha 4).
  /// Stop and close every port first (Port's destructor does).
  ~Eal();

  /// The port that the device `name` (a vdev's name before its first ',', e.g.
  /// "net_ring0", or a PCI address) created; nullopt plus a message listing the ports
  /// that exist otherwise.
  static std::optional<uint16_t> port_by_name(std::string_view name, std::string* error);

  /// The argv that rte_eal_init() was given.
  [[nodiscard]] const std::vector<std::string>& arguments() const { return args_; }
  /// EAL's runtime directory (/var/run/dpdk/<prefix> as root).
  [[nodiscard]] const std::string& runtime_dir() const { return runtime_dir_; }
  /// True when init created runtime_dir() and the destructor will remove it.
  [[nodiscard]] bool removes_runtime_dir() const { return remove_runtime_dir_; }

 private:
  Eal() = default;

  std::vector<std::string> args_;
  std::string runtime_dir_;
  bool remove_runtime_dir_ = false;
  bool remove_runtime_parent_ = false;
  bool owner_ = false;  // false once moved from
};

}  // namespace dpsctp::runtime
