// Typed, position-aware access to a yaml-cpp document (yaml_reader.h).
#include "config/yaml_reader.h"

#include <algorithm>
#include <cstdio>

#include "config/scalars.h"

namespace dpsctp::config {

namespace {

std::string shown_key(const std::string& path) { return path.empty() ? "(document)" : path; }

}  // namespace

// Escapes control characters so a block scalar or a stray byte cannot break the
// one-line message format.
std::string printable(std::string_view s, size_t max) {
  std::string out;
  for (char c : s.substr(0, max)) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  if (s.size() > max) out += "...";
  return out;
}

std::string position(const std::string& source, const YAML::Mark& mark) {
  const int line = mark.line < 0 ? 1 : mark.line + 1;
  const int column = mark.column < 0 ? 1 : mark.column + 1;
  return source + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return node.size() == 0 ? "an empty map" : "a map";
    case YAML::NodeType::Sequence:
      return node.size() == 0 ? "an empty list" : "a list";
    case YAML::NodeType::Scalar:
      return node.Scalar().empty() ? "\"\"" : printable(node.Scalar());
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

// --- Value -------------------------------------------------------------------------------

Value::Value(const std::string* source, YAML::Node node, std::string path, YAML::Mark key_mark)
    : source_(source), node_(std::move(node)), path_(std::move(path)), key_mark_(key_mark) {}

YAML::Mark Value::mark() const { return node_.IsNull() ? key_mark_ : node_.Mark(); }

void Value::fail(std::string_view text) const {
  throw ConfigError{position(*source_, mark()) + shown_key(path_) + ": " + std::string(text)};
}

void Value::expected(std::string_view what) const {
  fail("expected " + std::string(what) + ", found " + describe(node_));
}

const std::string& Value::scalar(std::string_view what) const {
  if (!node_.IsScalar()) expected(what);
  return node_.Scalar();
}

uint64_t Value::integer(uint64_t lo, uint64_t hi) const {
  const std::string what = "an integer " + std::to_string(lo) + ".." + std::to_string(hi);
  const std::optional<uint64_t> v = parse_uint(scalar(what));
  if (!v || *v < lo || *v > hi) expected(what);
  return *v;
}

bool Value::boolean() const {
  const std::string& s = scalar("true or false");
  if (s == "true") return true;
  if (s == "false") return false;
  expected("true or false");
}

std::string Value::text() const {
  if (node_.IsNull()) return {};
  return scalar("a text value");
}

std::string Value::name() const {
  constexpr std::string_view kWhat =
      "a name of 1..32 letters, digits, '-', '_' or '.' starting with a letter or digit";
  const std::string& s = scalar(kWhat);
  if (!is_valid_name(s)) expected(kWhat);
  return s;
}

std::chrono::milliseconds Value::duration(std::chrono::milliseconds lo,
                                          std::chrono::milliseconds hi,
                                          std::string_view why) const {
  constexpr std::string_view kShape = "a duration like 200ms, 3s, 1m or an integer (milliseconds)";
  const std::optional<std::chrono::milliseconds> d = parse_duration(scalar(kShape));
  if (!d) expected(kShape);
  if (*d < lo || *d > hi) {
    std::string what = "a duration " + format_duration(lo) + ".." + format_duration(hi);
    if (!why.empty()) what += " (" + std::string(why) + ")";
    expected(what);
  }
  return *d;
}

namespace {

// Local addresses, next hops and upstream peers are all unicast: the unspecified
// address, multicast (224.0.0.0/4, ff00::/8) and the IPv4 limited broadcast cannot be
// an SCTP transport address (a peer discards packets to or from non-unicast addresses,
// RFC 9260 §8.4 rule 1).
bool is_unicast(const IpAddress& a) {
  const uint8_t* b = a.data();
  if (a == IpAddress{} || a == IpAddress::v6({})) return false;
  if (a.is_v4()) return (b[0] & 0xf0) != 0xe0 && a.v4_host_order() != 0xffffffffu;
  return b[0] != 0xff;
}

}  // namespace

IpAddress Value::address() const {
  constexpr std::string_view kWhat = "an IPv4 or IPv6 address";
  const std::optional<IpAddress> a = IpAddress::parse(scalar(kWhat));
  if (!a) expected(kWhat);
  if (!is_unicast(*a)) expected("a unicast address (not unspecified, multicast or broadcast)");
  return *a;
}

IpAddress Value::address_with_prefix(uint8_t& prefix_len) const {
  constexpr std::string_view kWhat = "an IPv4 or IPv6 address";
  const std::string& s = scalar(kWhat);
  const size_t slash = s.find('/');
  const std::optional<IpAddress> a = IpAddress::parse(std::string_view(s).substr(0, slash));
  if (!a) expected(kWhat);
  if (!is_unicast(*a)) expected("a unicast address (not unspecified, multicast or broadcast)");
  if (slash == std::string::npos) return *a;
  const unsigned max = a->is_v4() ? 32 : 128;
  const std::optional<uint64_t> len = parse_uint(std::string_view(s).substr(slash + 1));
  if (!len || *len < 1 || *len > max) {
    expected("a prefix length 1.." + std::to_string(max) + " after '/'");
  }
  prefix_len = static_cast<uint8_t>(*len);
  return *a;
}

std::vector<Value> Value::list(size_t min_size) const {
  std::vector<Value> out;
  if (node_.IsNull() && min_size == 0) return out;
  const std::string what = min_size == 0 ? "a list" : "a non-empty list";
  if (!node_.IsSequence() || node_.size() < min_size) expected(what);
  out.reserve(node_.size());
  size_t i = 0;
  for (const YAML::Node& e : node_) {
    // An empty element ("-" alone) has no useful mark of its own: use the list's.
    out.emplace_back(source_, e, path_ + "[" + std::to_string(i++) + "]", node_.Mark());
  }
  return out;
}

// --- Map ---------------------------------------------------------------------------------

Map::Map(const Value& self, std::span<const std::string_view> keys) : self_(self) {
  const YAML::Node& n = self.node();
  if (n.IsNull()) return;
  if (!n.IsMap()) self.expected("a map");
  for (auto it = n.begin(); it != n.end(); ++it) {
    if (!it->first.IsScalar()) {
      Value(self_.source_, it->first, self.path(), it->first.Mark()).expected("a plain key");
    }
    const std::string& k = it->first.Scalar();
    // The key as written may be anything (quoted newlines, kilobytes): print it safely.
    const Value at_key(self_.source_, it->first, child_path(describe(it->first)), it->first.Mark());
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
      std::string allowed;
      for (std::string_view a : keys) allowed += (allowed.empty() ? "" : ", ") + std::string(a);
      at_key.fail("unknown key (expected one of: " + allowed + ")");
    }
    for (const Entry& e : entries_) {
      if (e.key == k) {
        at_key.fail("duplicate key (first at line " + std::to_string(e.key_node.Mark().line + 1) +
                    ")");
      }
    }
    entries_.push_back({k, it->first, it->second});
  }
}

std::string Map::child_path(std::string_view key) const {
  return self_.path().empty() ? std::string(key) : self_.path() + "." + std::string(key);
}

bool Map::has(std::string_view key) const {
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return e.key == key; });
}

std::optional<Value> Map::get(std::string_view key) const {
  for (const Entry& e : entries_) {
    if (e.key == key) return Value(self_.source_, e.value, child_path(key), e.key_node.Mark());
  }
  return std::nullopt;
}

Map Map::sub(std::string_view key, std::span<const std::string_view> keys) const {
  if (std::optional<Value> v = get(key)) return Map(*v, keys);
  return Map(Value(self_.source_, YAML::Node(), child_path(key), self_.mark()), keys);
}

Value Map::required(std::string_view key) const {
  std::optional<Value> v = get(key);
  if (!v) self_.fail("missing required key '" + std::string(key) + "'");
  return *v;
}

}  // namespace dpsctp::config
