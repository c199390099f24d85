// The section readers of the config loader (internal to src/config). Each reads one
// top-level key of the YAML schema (gateway_config.h) into GatewayConfig and throws
// ConfigError (yaml_reader.h) at the first problem.
#pragma once

#include "config/gateway_config.h"
#include "config/yaml_reader.h"

namespace dpsctp::config::detail {

void read_eal(const Map& root, EalSection& eal);
/// port: and its cross-check against eal.vdevs / eal.pci (needs eal read first).
void read_port(const Map& root, const EalSection& eal, PortSection& port);
/// addresses: and gateway:.
void read_addresses(const Map& root, GatewayConfig& c);
/// tunables: into the protocol options and limits (tunables.cc).
void read_tunables(const Map& root, AssociationOptions& options, Limits& limits);
/// logging:, stats:, capture:, shutdown:.
void read_operations(const Map& root, GatewayConfig& c);
/// listeners: and upstreams: with their cross-references (routes.cc).
void read_routes(const Map& root, GatewayConfig& c);

}  // namespace dpsctp::config::detail
