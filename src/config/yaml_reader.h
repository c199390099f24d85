// Typed, position-aware access to a yaml-cpp document for the config loader.
//
// A Value is one YAML node plus its dotted key path ("listeners[0].port"); its accessors
// either return the typed value or throw ConfigError carrying the one-line message
//   FILE:LINE:COLUMN: KEY: expected WHAT, found WHAT
// A Map is a mapping whose allowed keys are fixed: building one rejects unknown and
// duplicate keys, so every section reader states its schema in one place.
// ConfigError never leaves the loader: load_gateway_config() catches it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dpsctp/address.h"

namespace dpsctp::config {

struct ConfigError {
  std::string message;  ///< the complete FILE:LINE:COLUMN: ... line
};

/// "FILE:LINE:COLUMN: " for a yaml-cpp mark (0-based; an unset mark prints as 1:1).
std::string position(const std::string& source, const YAML::Mark& mark);

/// `s` made safe for a one-line message: control characters escaped (\n, \t, \xNN),
/// cut after `max` characters with "...".
std::string printable(std::string_view s, size_t max = 60);

/// What a node is, for the "found ..." half of a message: "nothing", "a map", "a list",
/// "an empty list", or the scalar's text (control characters escaped, long text cut).
std::string describe(const YAML::Node& node);

class Value {
 public:
  /// `key_mark` is where the key of this value is: used when the value is empty (null),
  /// because yaml-cpp then reports the position of the next token.
  Value(const std::string* source, YAML::Node node, std::string path, YAML::Mark key_mark);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const YAML::Node& node() const { return node_; }
  [[nodiscard]] YAML::Mark mark() const;
  [[nodiscard]] int line() const { return mark().line + 1; }
  [[nodiscard]] bool is_null() const { return node_.IsNull(); }

  /// "PATH: TEXT" at this node.
  [[noreturn]] void fail(std::string_view text) const;
  /// "PATH: expected WHAT, found <describe(node)>".
  [[noreturn]] void expected(std::string_view what) const;

  /// The scalar's text; expected(`what`) if it is not a scalar.
  [[nodiscard]] const std::string& scalar(std::string_view what) const;
  [[nodiscard]] uint64_t integer(uint64_t lo, uint64_t hi) const;
  template <class T>
  [[nodiscard]] T integer_as(T lo, T hi) const {
    return static_cast<T>(integer(static_cast<uint64_t>(lo), static_cast<uint64_t>(hi)));
  }
  [[nodiscard]] bool boolean() const;
  /// Any scalar text; an empty value reads as "".
  [[nodiscard]] std::string text() const;
  /// A name (scalars.h is_valid_name).
  [[nodiscard]] std::string name() const;
  /// A duration in [lo, hi]; `why` (e.g. "RFC 9260 §6.2") is appended to the range.
  [[nodiscard]] std::chrono::milliseconds duration(std::chrono::milliseconds lo,
                                                   std::chrono::milliseconds hi,
                                                   std::string_view why = {}) const;
  [[nodiscard]] IpAddress address() const;
  /// An interface address with an optional CIDR prefix length ("192.168.100.1/24",
  /// "fd00::1/64"); without one, `prefix_len` is left unchanged (the caller's default).
  [[nodiscard]] IpAddress address_with_prefix(uint8_t& prefix_len) const;
  /// The elements of a list (paths PATH[i]). An empty value is an empty list; fewer than
  /// `min_size` elements is an error.
  [[nodiscard]] std::vector<Value> list(size_t min_size = 0) const;

  /// One of a fixed set of words, e.g. {{"echo", Route::kEcho}, ...}.
  template <class E>
  [[nodiscard]] E choice(std::initializer_list<std::pair<std::string_view, E>> options) const {
    const std::string& s = scalar(choice_text(options));
    for (const auto& [word, e] : options)
      if (s == word) return e;
    expected(choice_text(options));
  }

 private:
  friend class Map;
  template <class E>
  static std::string choice_text(std::initializer_list<std::pair<std::string_view, E>> opts) {
    std::string t = "one of ";
    bool first = true;
    for (const auto& o : opts) {
      t += (first ? "" : ", ") + std::string(o.first);
      first = false;
    }
    return t;
  }

  const std::string* source_;
  YAML::Node node_;
  std::string path_;
  YAML::Mark key_mark_;
};

class Map {
 public:
  /// Checks that `self` is a mapping (an empty value is an empty mapping: a section whose
  /// keys are all commented out) with scalar keys, each in `keys` and none repeated.
  Map(const Value& self, std::span<const std::string_view> keys);
  Map(const Value& self, std::initializer_list<std::string_view> keys)
      : Map(self, std::span<const std::string_view>(keys.begin(), keys.size())) {}

  [[nodiscard]] const Value& self() const { return self_; }
  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] std::optional<Value> get(std::string_view key) const;
  /// get(key), or "PATH: missing required key 'key'" at the mapping.
  [[nodiscard]] Value required(std::string_view key) const;

  /// The sub-mapping under `key`; an absent key reads as an empty mapping.
  [[nodiscard]] Map sub(std::string_view key, std::span<const std::string_view> keys) const;
  [[nodiscard]] Map sub(std::string_view key, std::initializer_list<std::string_view> keys) const {
    return sub(key, std::span<const std::string_view>(keys.begin(), keys.size()));
  }

  /// Calls f(Value) if `key` is present.
  template <class F>
  void with(std::string_view key, F&& f) const {
    if (std::optional<Value> v = get(key)) f(*v);
  }

 private:
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
  };
  [[nodiscard]] std::string child_path(std::string_view key) const;

  Value self_;
  std::vector<Entry> entries_;
};

/// Fails at the second of two equal keys[i] (items[i] is where keys[i] was read):
/// "listeners[1].port: duplicate port 36412 (also listeners[0].port at line 12)".
template <class T>
void reject_duplicates(const std::vector<Value>& items, const std::vector<T>& keys,
                       std::string_view what) {
  for (size_t i = 0; i < keys.size() && i < items.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (keys[i] == keys[j]) {
        items[i].fail("duplicate " + std::string(what) + " " + describe(items[i].node()) +
                      " (also " + items[j].path() + " at line " + std::to_string(items[j].line()) +
                      ")");
      }
    }
  }
}

}  // namespace dpsctp::config
