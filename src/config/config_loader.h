// Loading and validating a GatewayConfig from YAML (yaml-cpp).
//
// Every error is one line:  FILE:LINE:COLUMN: KEY: expected WHAT, found WHAT
// (LINE/COLUMN 1-based, pointing at the offending node; KEY is the dotted path, e.g.
// "listeners[1].port"). Unknown keys are errors ("unknown key"), so are duplicates and
// cross-reference failures (a relay listener naming a missing upstream). Loading stops at
// the first error: the process refuses to start (dpsctp-gateway --check prints it).
#pragma once

#include <string>
#include <string_view>

#include "config/gateway_config.h"

namespace dpsctp::config {

struct LoadResult {
  bool ok = false;
  GatewayConfig config;
  std::string error;  ///< the FILE:LINE:COLUMN: ... line when !ok
};

/// Reads and validates `path`.
LoadResult load_gateway_config_file(const std::string& path);
/// Parses `text` as if it were the contents of a file named `source_name`.
LoadResult load_gateway_config(std::string_view text, const std::string& source_name);

}  // namespace dpsctp::config
