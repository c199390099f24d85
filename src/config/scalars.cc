// Scalar text conversions for the config loader (scalars.h).
#include "config/scalars.h"

#include <array>
#include <cctype>
#include <charconv>
#include <limits>

namespace dpsctp::config {

namespace {

bool all_of(std::string_view s, int (*pred)(int)) {
  for (char c : s)
    if (pred(static_cast<unsigned char>(c)) == 0) return false;
  return true;
}

struct Unit {
  std::string_view suffix;
  int64_t ms;
};
// Longest suffix first: "ms" must win over "m"/"s" when matching the text's end.
constexpr std::array<Unit, 4> kUnits{{{"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}}};

}  // namespace

std::optional<uint64_t> parse_uint(std::string_view text) {
  if (text.empty() || !all_of(text, isdigit)) return std::nullopt;
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return v;
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  int64_t factor = 1;  // a bare integer is milliseconds
  for (const Unit& u : kUnits) {
    if (text.size() > u.suffix.size() && text.ends_with(u.suffix)) {
      text.remove_suffix(u.suffix.size());
      factor = u.ms;
      break;
    }
  }
  if (text.empty() || !all_of(text, isdigit)) return std::nullopt;
  uint64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  constexpr auto kMax = std::chrono::milliseconds::max();
  if (ec == std::errc::result_out_of_range) return kMax;
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  const auto limit = static_cast<uint64_t>(kMax.count() / factor);
  if (n > limit) return kMax;
  return std::chrono::milliseconds{static_cast<int64_t>(n) * factor};
}

std::string format_duration(std::chrono::milliseconds d) {
  const int64_t ms = d.count();
  if (ms == 0) return "0s";
  for (auto it = kUnits.rbegin(); it != kUnits.rend(); ++it) {
    if (ms % it->ms == 0) return std::to_string(ms / it->ms) + std::string(it->suffix);
  }
  return std::to_string(ms) + "ms";
}

bool is_valid_name(std::string_view text) {
  if (text.empty() || text.size() > 32) return false;
  if (std::isalnum(static_cast<unsigned char>(text.front())) == 0) return false;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '_' && c != '.')
      return false;
  }
  return true;
}

bool is_pci_address(std::string_view text) {
  // [DDDD:]BB:DD.F — domain 4 hex digits, bus 2, device 2, function 1 (0..7).
  auto hex_field = [&text](size_t n, char sep) {
    if (text.size() < n + (sep != '\0' ? 1 : 0)) return false;
    if (!all_of(text.substr(0, n), isxdigit)) return false;
    if (sep != '\0' && text[n] != sep) return false;
    text.remove_prefix(n + (sep != '\0' ? 1 : 0));
    return true;
  };
  if (text.size() == 12 && !hex_field(4, ':')) return false;
  if (text.size() != 7) return false;
  if (!hex_field(2, ':') || !hex_field(2, '.')) return false;
  return text.size() == 1 && text[0] >= '0' && text[0] <= '7';
}

}  // namespace dpsctp::config
