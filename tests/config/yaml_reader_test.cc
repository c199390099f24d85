// Tests for src/config/yaml_reader.cc: typed access with positions, unknown / duplicate
// keys, and how found values are described in messages.
#include "config/yaml_reader.h"

#include <gtest/gtest.h>

namespace dpsctp::config {
namespace {

using namespace std::chrono_literals;

const std::string kSource = "t.yaml";

Value doc(const std::string& text) {
  return Value(&kSource, YAML::Load(text), "", YAML::Mark::null_mark());
}

// Runs f and returns the ConfigError message it throws ("" if none).
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const ConfigError& e) {
    return e.message;
  }
  return "";
}

TEST(Describe, SaysWhatWasFound) {
  EXPECT_EQ(describe(YAML::Load("{a: 1}")), "a map");
  EXPECT_EQ(describe(YAML::Load("{}")), "an empty map");
  EXPECT_EQ(describe(YAML::Load("[1]")), "a list");
  EXPECT_EQ(describe(YAML::Load("[]")), "an empty list");
  EXPECT_EQ(describe(YAML::Load("~")), "nothing");
  EXPECT_EQ(describe(YAML::Load("fast")), "fast");
  EXPECT_EQ(describe(YAML::Load("\"\"")), "\"\"");
}

TEST(Describe, KeepsMessagesOnOneLine) {
  EXPECT_EQ(describe(YAML::Load("|\n  a\n  b\n")), "a\\nb\\n");
  EXPECT_EQ(describe(YAML::Load("\"a\\tb\\x01\"")), "a\\tb\\x01");
  EXPECT_EQ(describe(YAML::Load(std::string(100, 'x'))), std::string(60, 'x') + "...");
}

TEST(Value, IntegerRangeAndPosition) {
  const Map m(doc("a: 1\nport: 70000\n"), {"a", "port"});
  EXPECT_EQ(m.required("a").integer(0, 10), 1u);
  EXPECT_EQ(error_of([&] { (void)m.required("port").integer(1, 65535); }),
            "t.yaml:2:7: port: expected an integer 1..65535, found 70000");
  EXPECT_EQ(error_of([&] { (void)m.required("a").integer(2, 3); }),
            "t.yaml:1:4: a: expected an integer 2..3, found 1");
}

TEST(Value, EmptyValuePointsAtItsKey) {
  const Map m(doc("a:\nb: 2\n"), {"a", "b"});
  EXPECT_EQ(error_of([&] { (void)m.required("a").integer(0, 9); }),
            "t.yaml:1:1: a: expected an integer 0..9, found nothing");
}

TEST(Value, TypeMismatchSaysWhatWasFound) {
  const Map m(doc("l: {x: 1}\ns: [1]\n"), {"l", "s"});
  EXPECT_EQ(error_of([&] { (void)m.required("l").list(); }),
            "t.yaml:1:4: l: expected a list, found a map");
  EXPECT_EQ(error_of([&] { (void)m.required("s").boolean(); }),
            "t.yaml:2:4: s: expected true or false, found a list");
}

TEST(Value, ListElementsCarryIndexedPaths) {
  const Map m(doc("l: [1, x]\n"), {"l"});
  const std::vector<Value> items = m.required("l").list(1);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].path(), "l[1]");
  EXPECT_EQ(error_of([&] { (void)items[1].integer(0, 5); }),
            "t.yaml:1:8: l[1]: expected an integer 0..5, found x");
  const Map e(doc("l: []\n"), {"l"});
  EXPECT_EQ(error_of([&] { (void)e.required("l").list(1); }),
            "t.yaml:1:4: l: expected a non-empty list, found an empty list");
}

TEST(Value, DurationShapeAndRange) {
  const Map m(doc("a: 200ms\nb: fast\nc: 600ms\n"), {"a", "b", "c"});
  EXPECT_EQ(m.required("a").duration(1ms, 500ms), 200ms);
  EXPECT_EQ(error_of([&] { (void)m.required("b").duration(1ms, 500ms); }),
            "t.yaml:2:4: b: expected a duration like 200ms, 3s, 1m or an integer (milliseconds), "
            "found fast");
  EXPECT_EQ(error_of([&] { (void)m.required("c").duration(1ms, 500ms, "RFC 9260 §6.2"); }),
            "t.yaml:3:4: c: expected a duration 1ms..500ms (RFC 9260 §6.2), found 600ms");
}

TEST(Value, AddressesMustBeUnicast) {
  const Map m(doc("a: fd00::1\nb: 300.1.1.1\nc: 224.0.0.1\nd: 0.0.0.0\ne: ff02::1\n"),
              {"a", "b", "c", "d", "e"});
  EXPECT_EQ(m.required("a").address().to_string(), "fd00::1");
  EXPECT_EQ(error_of([&] { (void)m.required("b").address(); }),
            "t.yaml:2:4: b: expected an IPv4 or IPv6 address, found 300.1.1.1");
  for (const char* k : {"c", "d", "e"}) {
    EXPECT_NE(error_of([&] {
                (void)m.required(k).address();
              }).find("expected a unicast address (not unspecified, multicast or broadcast)"),
              std::string::npos)
        << k;
  }
}

TEST(Value, Choice) {
  enum class Color { kRed, kBlue };
  const Map m(doc("a: blue\nb: green\n"), {"a", "b"});
  EXPECT_EQ(m.required("a").choice<Color>({{"red", Color::kRed}, {"blue", Color::kBlue}}),
            Color::kBlue);
  EXPECT_EQ(error_of([&] {
              (void)m.required("b").choice<Color>({{"red", Color::kRed}, {"blue", Color::kBlue}});
            }),
            "t.yaml:2:4: b: expected one of red, blue, found green");
}

TEST(Map, RejectsUnknownKeysAtTheKey) {
  EXPECT_EQ(error_of([] {
              (void)Map(doc("x:\n  a: 1\n  rout: 2\n"), {"x"}).sub("x", {"a", "route"});
            }),
            "t.yaml:3:3: x.rout: unknown key (expected one of: a, route)");
}

TEST(Map, RejectsDuplicateKeys) {
  EXPECT_EQ(error_of([] {
              Map(doc("a: 1\nb: 2\na: 3\n"), {"a", "b"});
            }),
            "t.yaml:3:1: a: duplicate key (first at line 1)");
}

TEST(Map, MissingRequiredKeyPointsAtTheMap) {
  const Map m(doc("x:\n  - name: a\n"), {"x"});
  const Map entry(m.required("x").list()[0], {"name", "port"});
  EXPECT_EQ(error_of([&] { (void)entry.required("port"); }),
            "t.yaml:2:5: x[0]: missing required key 'port'");
  EXPECT_EQ(error_of([&] { (void)m.required("y"); }),
            "t.yaml:1:1: (document): missing required key 'y'");
}

TEST(Map, AbsentOrEmptySectionIsAnEmptyMap) {
  const Map m(doc("a:\nb: 1\n"), {"a", "b", "c"});
  EXPECT_FALSE(m.sub("a", {"k"}).has("k"));
  EXPECT_FALSE(m.sub("c", {"k"}).has("k"));
  EXPECT_EQ(error_of([&] { (void)m.sub("b", {"k"}); }), "t.yaml:2:4: b: expected a map, found 1");
}

TEST(RejectDuplicates, NamesBothPlaces) {
  const Map m(doc("l: [3, 4, 3]\n"), {"l"});
  const std::vector<Value> items = m.required("l").list();
  EXPECT_EQ(error_of([&] {
              reject_duplicates(items, std::vector<int>{3, 4, 3}, "lcore");
            }),
            "t.yaml:1:11: l[2]: duplicate lcore 3 (also l[0] at line 1)");
}

}  // namespace
}  // namespace dpsctp::config
