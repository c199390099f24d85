// GatewayConfig (src/config) -> runtime::StackConfig: the EAL, port and address part of a
// dpsctp process's YAML, shared by dpsctp-gateway and dpsctp-loadgen. Pure mapping, no
// DPDK call: unit-testable.
#pragma once

#include <string>

#include "config/gateway_config.h"
#include "dpsctp/options.h"
#include "runtime/stack/stack.h"

namespace dpsctp::apps {

/// The tunables of `listener`'s associations: the config's protocol options with the
/// listener's stream counts.
AssociationOptions listener_options(const config::GatewayConfig& c,
                                    const config::Listener& listener);

/// EAL (lcores, hugepages, memory, file prefix, vdevs, PCI, extra args, telemetry), port
/// (device, MTU, VLAN, link timeout), local addresses; the primary endpoint is the first
/// listener (its port and options). `program` becomes argv[0] of the EAL.
runtime::StackConfig make_stack_config(const config::GatewayConfig& c, const std::string& program);

}  // namespace dpsctp::apps
