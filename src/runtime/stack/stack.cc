// Stack: EAL + port + one shard.
#include "runtime/stack/stack.h"

#include <rte_ethdev.h>
#include <rte_lcore.h>

#include <algorithm>
#include <random>

namespace dpsctp::runtime {
namespace {

std::string vdev_name(const std::string& vdev) { return vdev.substr(0, vdev.find(',')); }

uint64_t random_u64() {
  std::random_device rd;
  return (uint64_t{rd()} << 32) | rd();
}

core::EndpointConfig endpoint_config(const StackConfig& c) {
  core::EndpointConfig e;
  e.local_addresses = c.local_addresses;
  e.port = c.sctp_port;
  e.options = c.options;
  e.options.mtu = std::min(e.options.mtu, c.mtu);
  e.cookie_secret = c.cookie_secret;
  if (std::all_of(e.cookie_secret.begin(), e.cookie_secret.end(),
                  [](std::byte b) { return b == std::byte{0}; })) {
    for (size_t i = 0; i < e.cookie_secret.size(); i += 8) {
      const uint64_t r = random_u64();
      for (size_t j = 0; j < 8; ++j) e.cookie_secret[i + j] = static_cast<std::byte>(r >> (8 * j));
    }
  }
  e.seed = c.seed != 0 ? c.seed : random_u64();
  e.flush_on_user_call = false;  // the shard flushes once per loop iteration
  return e;
}

}  // namespace

std::unique_ptr<Stack> Stack::create(const StackConfig& config, Listener& listener,
                                     std::string* error) {
  if (config.local_addresses.empty()) {
    if (error != nullptr) *error = "no local address";
    return nullptr;
  }
  std::unique_ptr<Stack> s(new Stack());
  std::optional<Eal> eal = Eal::init(config.eal, error);
  if (!eal) return nullptr;
  s->eal_.emplace(std::move(*eal));
  std::string name = config.port_name;
  if (name.empty() && !config.eal.vdevs.empty()) name = vdev_name(config.eal.vdevs.front());
  const std::optional<uint16_t> port_id = Eal::port_by_name(name, error);
  if (!port_id) return nullptr;
  PortConfig pc;
  pc.port_id = *port_id;
  pc.mtu = config.mtu;
  pc.extra_mbufs = config.extra_mbufs;
  pc.link_timeout = config.link_timeout;
  pc.require_link_up = config.require_link_up;
  std::optional<Port> port = Port::open(pc, error);
  if (!port) return nullptr;
  s->port_.emplace(std::move(*port));
  rte_ether_addr mac{};
  if (int ret = rte_eth_macaddr_get(*port_id, &mac); ret != 0) {
    if (error != nullptr) *error = "rte_eth_macaddr_get failed";
    return nullptr;
  }
  ShardConfig sc;
  sc.link.mac = net::MacAddress(std::to_array(mac.addr_bytes));
  sc.link.vlan = config.vlan;
  sc.endpoint = endpoint_config(config);
  sc.neighbours = config.neighbours;
  s->shard_ = std::make_unique<Shard>(*s->port_, std::move(sc), listener);
  return s;
}

Stack::~Stack() {
  shard_.reset();
  port_.reset();
  eal_.reset();
}

}  // namespace dpsctp::runtime
