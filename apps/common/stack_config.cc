// GatewayConfig -> runtime::StackConfig (see stack_config.h).
#include "stack_config.h"

namespace dpsctp::apps {

AssociationOptions listener_options(const config::GatewayConfig& c,
                                    const config::Listener& listener) {
  AssociationOptions o = c.options;
  o.outbound_streams = listener.outbound_streams;
  o.max_inbound_streams = listener.max_inbound_streams;
  return o;
}

runtime::StackConfig make_stack_config(const config::GatewayConfig& c, const std::string& program) {
  runtime::StackConfig s;
  s.eal.program = program;
  s.eal.lcores = c.eal.lcores;
  s.eal.no_huge = !c.eal.hugepages;
  s.eal.memory_mb = c.eal.memory_mb;
  s.eal.file_prefix = c.eal.file_prefix;
  s.eal.vdevs = c.eal.vdevs;
  // --no-pci unless PCI devices are really wanted (dpdk-on-this-machine.md gotcha 2);
  // each one is then allowed explicitly so EAL does not grab every NIC it sees.
  s.eal.no_pci = c.eal.pci.empty();
  for (const auto& pci : c.eal.pci) s.eal.extra_args.push_back("--allow=" + pci);
  for (const auto& a : c.eal.extra_args) s.eal.extra_args.push_back(a);
  s.eal.no_telemetry = !c.stats.telemetry;
  s.port_name = c.port.device;
  s.mtu = c.port.mtu;
  if (c.port.vlan) s.vlan = net::VlanTag{.vid = *c.port.vlan};
  s.link_timeout = c.port.link_timeout;
  s.udp_encaps_port = c.port.udp_encapsulation_port.value_or(0);  // RFC 6951; 0 = off
  s.local_addresses = c.addresses;
  s.prefix_lengths = c.prefix_lengths;
  s.gateways = c.gateways;  // RFC 1122 §3.3.1.2: off-link destinations go to the next hop
  // The core refuses INITs past the limit with "Out of Resource" (RFC 9260 §3.3.10.4); the
  // gateway keeps its own process-wide count too (listeners share limits.max_associations).
  s.max_associations = c.limits.max_associations;
  // Issue #10: INITs past the per-shard budget are dropped before the cookie HMAC.
  s.init_admission = {.rate = c.limits.init_rate, .burst = c.limits.init_burst};
  if (!c.listeners.empty()) {
    s.sctp_port = c.listeners.front().port;
    s.options = listener_options(c, c.listeners.front());
  } else {
    s.options = c.options;
  }
  return s;
}

}  // namespace dpsctp::apps
