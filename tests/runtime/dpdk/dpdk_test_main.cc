// main() of dpdk_tests: registers the one EAL environment, then runs the suites.
#include <gtest/gtest.h>

#include "dpdk_env.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new dpsctp::runtime::dpdktest::DpdkEnvironment);
  return RUN_ALL_TESTS();
}
