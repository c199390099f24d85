// Scalar text conversions for the YAML config loader: integers, durations, names and PCI
// addresses. Pure functions on text, no yaml-cpp: the loader's typed accessors
// (yaml_reader.h) call them and turn nullopt / false into a positioned error.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dpsctp::config {

/// Decimal digits only ("36412"): no sign, no 0x, no spaces. nullopt if not a number or
/// it does not fit 64 bits (the caller reports it with its allowed range).
std::optional<uint64_t> parse_uint(std::string_view text);

/// "250ms", "3s", "1m", "1h", or a bare integer meaning milliseconds. nullopt if the text
/// has another shape; a well-formed value too large for milliseconds saturates to
/// milliseconds::max() so the caller's range check reports it with the text as written.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

/// The shortest exact spelling in the units parse_duration accepts: 200ms, 3s, 1m, 1h.
std::string format_duration(std::chrono::milliseconds d);

/// Names of listeners, upstreams, file prefixes: 1..32 of [A-Za-z0-9_.-], starting with a
/// letter or digit (they appear in logs, telemetry paths and DPDK file names).
bool is_valid_name(std::string_view text);

/// A PCI address as DPDK's -a takes it: [DDDD:]BB:DD.F, hexadecimal.
bool is_pci_address(std::string_view text);

}  // namespace dpsctp::config
