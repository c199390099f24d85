#include "dpdk_env.h"

#include <rte_dev.h>
#include <unistd.h>

#include <optional>
#include <string>
#include <utility>

namespace dpsctp::runtime::dpdktest {
namespace {

std::optional<Eal> g_eal;

}  // namespace

EalConfig test_eal_config() {
  EalConfig c;
  c.program = "dpdk_tests";
  c.lcores = {0};
  c.memory_mb = 256;
  c.vdevs = {"net_ring0"};
  // Our own runtime directory: a stale /var/run/dpdk/rte left by another process would
  // make EAL reuse it (and the test then sees a directory it did not create).
  c.file_prefix = "dpdk_tests_" + std::to_string(::getpid());
  return c;  // no_huge, no_pci, no_shconf, no_telemetry are the defaults
}

void DpdkEnvironment::SetUp() {
  std::string error;
  std::optional<Eal> eal = Eal::init(test_eal_config(), &error);
  ASSERT_TRUE(eal.has_value()) << error;
  g_eal.emplace(std::move(*eal));
}

void DpdkEnvironment::TearDown() { g_eal.reset(); }

Eal* test_eal() { return g_eal ? &*g_eal : nullptr; }

uint16_t ring0_port() {
  std::string error;
  const std::optional<uint16_t> id = Eal::port_by_name("net_ring0", &error);
  EXPECT_TRUE(id.has_value()) << error;
  return id.value_or(0);
}

std::optional<uint16_t> make_ring_port(const std::string& tag, std::string* name_out) {
  static unsigned counter = 0;
  const std::string name = "net_ring_" + tag + std::to_string(++counter);
  if (rte_dev_probe(name.c_str()) != 0) return std::nullopt;  // hotplug a vdev
  if (name_out != nullptr) *name_out = name;
  return Eal::port_by_name(name, nullptr);
}

}  // namespace dpsctp::runtime::dpdktest
