// GatewayShard: routes of one shard and their endpoints (gateway_shard.h).
#include "apps/gateway/gateway_shard.h"

#include "apps/common/stack_config.h"
#include "apps/gateway/relay_route.h"
#include "apps/gateway/snmp_fields.h"
#include "runtime/stack/stack.h"

namespace dpsctp::gateway {

GatewayShard::GatewayShard(const config::GatewayConfig& config) : config_(config) {
  context_.max_associations = config.limits.max_associations;
  for (const auto& l : config.listeners) {
    routes_.push_back(std::make_unique<ListenerRoute>(config, l, context_));
  }
}

bool GatewayShard::attach(runtime::Stack& stack, std::string* error) {
  context_.shard = &stack.shard();
  stack.shard().refresh_now();
  routes_.front()->attach(stack.endpoint());
  for (size_t i = 1; i < routes_.size(); ++i) {
    const config::Listener& l = config_.listeners[i];
    core::Endpoint* ep =
        stack.add_endpoint(l.port, apps::listener_options(config_, l), *routes_[i]);
    if (ep == nullptr) {
      *error = "listener " + l.name + ": SCTP port " + std::to_string(l.port) + " already bound";
      return false;
    }
    routes_[i]->attach(*ep);
  }
  for (size_t i = 0; i < routes_.size(); ++i) {
    RelayRoute* relay = routes_[i]->relay_mut();
    if (relay == nullptr) continue;
    // Our side of the upstream associations: the pool's local port, the config's
    // tunables (the upstream's stream counts come from its INIT ACK).
    core::Endpoint* up =
        stack.add_endpoint(relay->config().local_port, config_.options, relay->upstream_listener());
    if (up == nullptr) {
      *error = "upstream " + relay->config().name + ": local_port " +
               std::to_string(relay->config().local_port) +
               " already bound (a listener, or another relay listener using the same pool)";
      return false;
    }
    routes_[i]->attach_upstream(*up);
  }
  return true;
}

void GatewayShard::begin_stop() {
  context_.stopping = true;
  for (auto& r : routes_) r->begin_stop();
}

size_t GatewayShard::open_associations() const {
  size_t n = 0;
  for (const auto& r : routes_) n += r->open_associations();
  return n;
}

void GatewayShard::abort_all() {
  for (auto& r : routes_) r->abort_all("dpsctp-gateway: shutdown timeout");
}

void add_totals(const GatewayShard& gw, runtime::Stack& stack, GatewayTotals& t) {
  for (size_t i = 0; i < gw.route_count(); ++i) t.routes += gw.route(i).counters();
  runtime::Shard& shard = stack.shard();
  for (size_t i = 0; i < shard.endpoint_count(); ++i) {
    const core::Endpoint& ep = shard.endpoint_at(i);
    t.associations += ep.association_count();
    add(t.snmp, ep.counters());
  }
  const auto& c = shard.counters();
  const auto& s = shard.sink_counters();
  t.rx_frames += c.rx_packets;
  t.tx_frames += s.packets + c.ctl_tx;
  t.net_drops += s.drop_no_mbuf + s.drop_hook + s.drop_tx_full + c.drop_parked +
                 c.drop_no_neighbour + c.drop_encap + c.drop_ctl_no_mbuf + c.drop_ctl_tx_full;
  for (uint64_t d : c.rx_drop) t.net_drops += d;
  t.init_drops += c.init_drop;  // not in net_drops: a policy drop, not a fault
}

}  // namespace dpsctp::gateway
