// eal_arguments() against the recipes of dpdk-on-this-machine.md; Eal against the live EAL
// of this process (initialised once by DpdkEnvironment).
#include "runtime/dpdk/eal.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "dpdk_env.h"

namespace dpsctp::runtime {
namespace {

using Args = std::vector<std::string>;

TEST(EalArguments, DefaultsAreTheMachineRecipe) {
  // "--no-huge --no-pci --no-shconf --no-telemetry -m 256 -l 0"
  EXPECT_EQ(eal_arguments(EalConfig{}), (Args{"dpsctp", "--no-huge", "--no-pci", "--no-shconf",
                                              "--no-telemetry", "-m", "256", "-l", "0"}));
}

TEST(EalArguments, TestEnvironmentRecipeWithRingVdev) {
  EXPECT_EQ(eal_arguments(dpdktest::test_eal_config()),
            (Args{"dpdk_tests", "--no-huge", "--no-pci", "--no-shconf", "--no-telemetry", "-m",
                  "256", "-l", "0", "--file-prefix=dpdk_tests_" + std::to_string(::getpid()),
                  "--vdev=net_ring0"}));
}

TEST(EalArguments, Gotcha1_InMemoryNeverWithNoHuge) {
  EalConfig c;
  c.in_memory = true;  // no_huge stays true: in_memory wins
  const Args a = eal_arguments(c);
  EXPECT_EQ(a,
            (Args{"dpsctp", "--in-memory", "--no-pci", "--no-telemetry", "-m", "256", "-l", "0"}));
  for (const std::string& s : a) EXPECT_NE(s, "--no-huge");
  // --in-memory implies --no-shconf (gotcha 4); it is not repeated.
  for (const std::string& s : a) EXPECT_NE(s, "--no-shconf");
}

TEST(EalArguments, HugepagesWithoutNoHuge) {
  EalConfig c;
  c.no_huge = false;
  c.no_pci = false;
  c.no_shconf = false;
  c.no_telemetry = false;
  c.memory_mb = 0;
  EXPECT_EQ(eal_arguments(c), (Args{"dpsctp", "-l", "0"}));
}

TEST(EalArguments, LcoreListIsSortedAndCompressedToRanges) {
  EalConfig c;
  c.lcores = {5, 1, 0, 3, 2, 8, 7, 3};
  const Args a = eal_arguments(c);
  ASSERT_GE(a.size(), 2u);
  EXPECT_EQ(a[a.size() - 2], "-l");
  EXPECT_EQ(a.back(), "0-3,5,7-8");
}

TEST(EalArguments, Gotcha6_MoreLcoresThanCpusUseTheGroupForm) {
  EalConfig c;
  c.lcores = {0, 1, 2, 3};
  c.oversubscribe = true;
  c.cpus = {0, 1};
  const Args a = eal_arguments(c);
  EXPECT_EQ(a.back(), "--lcores=(0-3)@(0-1)");  // not quoted: no shell parses argv
  for (const std::string& s : a) EXPECT_NE(s, "-l");
}

TEST(EalArguments, Gotcha6_GroupFormWithoutCpusUsesCpu0) {
  EalConfig c;
  c.lcores = {0, 2};
  c.oversubscribe = true;
  EXPECT_EQ(eal_arguments(c).back(), "--lcores=(0,2)@(0)");
}

TEST(EalArguments, PrefixVdevsThenExtraArgsLast) {
  EalConfig c;
  c.program = "gw";
  c.lcores = {1};
  c.file_prefix = "gwA";
  c.vdevs = {"net_memif0,role=server,socket=/tmp/x/memif.sock,socket-abstract=no",
             "net_null0,copy=1"};
  c.extra_args = {"--log-level=lib.eal:debug", "--", "--app-flag"};
  EXPECT_EQ(eal_arguments(c),
            (Args{"gw", "--no-huge", "--no-pci", "--no-shconf", "--no-telemetry", "-m", "256", "-l",
                  "1", "--file-prefix=gwA",
                  "--vdev=net_memif0,role=server,socket=/tmp/x/memif.sock,socket-abstract=no",
                  "--vdev=net_null0,copy=1", "--log-level=lib.eal:debug", "--", "--app-flag"}));
}

TEST(FormatCpuList, EdgeCases) {
  EXPECT_EQ(format_cpu_list({}), "");
  EXPECT_EQ(format_cpu_list({7}), "7");
  EXPECT_EQ(format_cpu_list({1, 0}), "0-1");
  EXPECT_EQ(format_cpu_list({0, 2, 4}), "0,2,4");
  EXPECT_EQ(format_cpu_list({4, 4, 4}), "4");
  EXPECT_EQ(format_cpu_list({127, 126, 0}), "0,126-127");
}

TEST(Eal, EnvironmentInitialisedWithTheRecipe) {
  Eal* eal = dpdktest::test_eal();
  ASSERT_NE(eal, nullptr);
  EXPECT_EQ(eal->arguments(), eal_arguments(dpdktest::test_eal_config()));
  // Gotcha 4: as root, EAL creates its runtime directory even with --no-shconf.
  EXPECT_FALSE(eal->runtime_dir().empty());
  EXPECT_TRUE(std::filesystem::is_directory(eal->runtime_dir())) << eal->runtime_dir();
  EXPECT_TRUE(eal->removes_runtime_dir()) << eal->runtime_dir();
}

TEST(Eal, Gotcha3_SecondInitFailsCleanlyWithoutTouchingEal) {
  std::string error;
  EXPECT_FALSE(Eal::init(EalConfig{}, &error).has_value());
  EXPECT_NE(error.find("once per process"), std::string::npos) << error;
  // The first EAL is unharmed: it still creates devices.
  EXPECT_TRUE(dpdktest::make_ring_port("again").has_value());
}

// net_ring0 itself belongs to PortOnRing (closing a vdev port releases it), so these use
// ring ports of their own.
TEST(Eal, PortByNameFindsAVdevPort) {
  std::string name;
  const auto created = dpdktest::make_ring_port("byname", &name);
  ASSERT_TRUE(created.has_value());
  std::string error;
  const auto id = Eal::port_by_name(name, &error);
  ASSERT_TRUE(id.has_value()) << error;
  EXPECT_EQ(*id, *created);
}

TEST(Eal, MissingPortNamesTheExistingOnes) {
  ASSERT_TRUE(dpdktest::make_ring_port("listed").has_value());
  std::string error;
  EXPECT_FALSE(Eal::port_by_name("net_nope7", &error).has_value());
  EXPECT_NE(error.find("no port named 'net_nope7' (ports: "), std::string::npos) << error;
  EXPECT_NE(error.find("net_ring_listed"), std::string::npos) << error;
}

}  // namespace
}  // namespace dpsctp::runtime
