// The EAL of the dpdk_tests process. rte_eal_init works once per process (gotcha 3 of
// dpdk-on-this-machine.md), so one gtest Environment initialises it before the first test
// and cleans up after the last: rte_eal_cleanup and /var/run/dpdk/<prefix> (gotcha 4).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "runtime/dpdk/eal.h"

namespace dpsctp::runtime::dpdktest {

/// The EAL configuration of the test process: --no-huge --no-pci --no-shconf
/// --no-telemetry -m 256 -l 0 --vdev=net_ring0.
EalConfig test_eal_config();

class DpdkEnvironment : public ::testing::Environment {
 public:
  /// Eal::init(test_eal_config()); a failure is fatal, so no test runs.
  void SetUp() override;
  /// Destroys the Eal: rte_eal_cleanup, then the runtime directory if init created it.
  void TearDown() override;
};

/// The process's EAL, null outside the environment's lifetime or if init failed.
Eal* test_eal();

/// net_ring0's port id (the vdev on the EAL command line). Only one test may open it:
/// closing a vdev port releases it for good.
uint16_t ring0_port();

/// A fresh ring port created now (rte_dev_probe("net_ring_<tag><n>")): TX queue i loops
/// back to RX queue i, 16 queues. For tests that open and close a port of their own.
std::optional<uint16_t> make_ring_port(const std::string& tag, std::string* name = nullptr);

}  // namespace dpsctp::runtime::dpdktest
