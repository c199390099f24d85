// Tests for src/config/scalars.cc: integer, duration, name and PCI address text.
#include "config/scalars.h"

#include <gtest/gtest.h>

namespace dpsctp::config {
namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

TEST(ParseUint, DecimalDigitsOnly) {
  EXPECT_EQ(parse_uint("0"), 0u);
  EXPECT_EQ(parse_uint("36412"), 36412u);
  EXPECT_EQ(parse_uint("18446744073709551615"), UINT64_MAX);
  EXPECT_EQ(parse_uint("18446744073709551616"), std::nullopt);  // overflows 64 bits
  for (const char* bad : {"", "-1", "+1", "0x10", "1e3", " 1", "1 ", "1.0", "12a"})
    EXPECT_EQ(parse_uint(bad), std::nullopt) << bad;
}

TEST(ParseDuration, UnitsAndBareMilliseconds) {
  EXPECT_EQ(parse_duration("200ms"), 200ms);
  EXPECT_EQ(parse_duration("3s"), 3s);
  EXPECT_EQ(parse_duration("1m"), 1min);
  EXPECT_EQ(parse_duration("2h"), 2h);
  EXPECT_EQ(parse_duration("250"), 250ms);  // an integer is milliseconds
  EXPECT_EQ(parse_duration("0"), 0ms);
  EXPECT_EQ(parse_duration("0s"), 0ms);
}

TEST(ParseDuration, RejectsOtherShapes) {
  for (const char* bad :
       {"", "fast", "ms", "s", "1.5s", "-1s", "1 s", "1sec", "1S", "1d", "1msx", "s1", "10us"})
    EXPECT_EQ(parse_duration(bad), std::nullopt) << bad;
}

TEST(ParseDuration, HugeValuesSaturateForTheRangeCheck) {
  EXPECT_EQ(parse_duration("99999999999999999999999h"), milliseconds::max());
  EXPECT_EQ(parse_duration("9223372036854775807h"), milliseconds::max());
  EXPECT_EQ(parse_duration("9223372036854775807"), milliseconds{INT64_MAX});
}

TEST(FormatDuration, ShortestExactUnit) {
  EXPECT_EQ(format_duration(0ms), "0s");
  EXPECT_EQ(format_duration(200ms), "200ms");
  EXPECT_EQ(format_duration(1500ms), "1500ms");
  EXPECT_EQ(format_duration(3s), "3s");
  EXPECT_EQ(format_duration(90s), "90s");
  EXPECT_EQ(format_duration(1min), "1m");
  EXPECT_EQ(format_duration(24h), "24h");
  for (const char* text : {"200ms", "3s", "1m", "24h", "1500ms"})
    EXPECT_EQ(format_duration(*parse_duration(text)), text);
}

TEST(IsValidName, LettersDigitsDashUnderscoreDot) {
  const std::string longest(32, 'x'), too_long(33, 'x');
  for (const std::string& good : {std::string("s1-mme"), std::string("mme_pool"), std::string("a"),
                                  std::string("dpsctp.gw"), std::string("0abc"), longest})
    EXPECT_TRUE(is_valid_name(good)) << good;
  for (const std::string& bad :
       {std::string(""), std::string("-x"), std::string(".x"), std::string("a b"),
        std::string("a/b"), std::string("\xc3\xa4"), too_long})
    EXPECT_FALSE(is_valid_name(bad)) << bad;
}

TEST(IsPciAddress, DomainOptional) {
  for (const char* good : {"0000:01:00.0", "01:00.0", "0000:af:1f.7", "ABCD:EF:01.2"})
    EXPECT_TRUE(is_pci_address(good)) << good;
  for (const char* bad : {"", "01:00", "01:00.8", "0000:01:00.00", "000:01:00.0", "g1:00.0",
                          "01-00.0", "0000:01:00.0 ", "net_memif0"})
    EXPECT_FALSE(is_pci_address(bad)) << bad;
}

}  // namespace
}  // namespace dpsctp::config
