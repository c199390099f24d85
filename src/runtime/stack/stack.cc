// Stack: EAL + port + one shard per lcore + the rings and index between them.
#include "runtime/stack/stack.h"

#include <rte_ethdev.h>
#include <rte_launch.h>
#include <rte_lcore.h>

#include <sched.h>

#include <algorithm>
#include <random>

namespace dpsctp::runtime {
namespace {

std::string vdev_name(const std::string& vdev) { return vdev.substr(0, vdev.find(',')); }

uint64_t random_u64() {
  std::random_device rd;
  return (uint64_t{rd()} << 32) | rd();
}

void set_error(std::string* error, std::string text) {
  if (error != nullptr) *error = std::move(text);
}

core::EndpointConfig endpoint_config(const StackConfig& c) {
  core::EndpointConfig e;
  e.local_addresses = c.local_addresses;
  e.port = c.sctp_port;
  e.options = c.options;
  e.options.mtu = std::min(e.options.mtu, c.mtu);
  // RFC 6951 §5.6: "If an SCTP endpoint starts to encapsulate the packets of a path, it
  // MUST decrease the Path MTU of that path by the size of the UDP header." Only the
  // runtime knows which paths are encapsulated: all of them start 8 bytes smaller.
  if (c.udp_encaps_port != 0) {
    e.options.mtu = std::min(e.options.mtu, c.mtu - net::kUdpEncapOverhead);
  }
  e.cookie_secret = c.cookie_secret;
  if (std::all_of(e.cookie_secret.begin(), e.cookie_secret.end(),
                  [](std::byte b) { return b == std::byte{0}; })) {
    for (size_t i = 0; i < e.cookie_secret.size(); i += 8) {
      const uint64_t r = random_u64();
      for (size_t j = 0; j < 8; ++j) e.cookie_secret[i + j] = static_cast<std::byte>(r >> (8 * j));
    }
  }
  e.seed = c.seed != 0 ? c.seed : random_u64();
  e.max_associations = c.max_associations;
  e.flush_on_user_call = false;  // the shard flushes once per loop iteration
  return e;
}

// Shard i's copy of an endpoint config: its own tags (design.md §3: tag % N == i) and a
// distinct, reproducible random stream. Shard 0 of a lone shard keeps the seed unchanged.
core::EndpointConfig for_shard(core::EndpointConfig e, uint16_t shard, uint16_t shards) {
  e.shard = shard;
  e.shards = shards;
  e.seed ^= uint64_t{shard} * 0xD1B54A32D192ED03ULL;
  return e;
}

struct WorkerArgs {
  Shard* shard = nullptr;
  unsigned index = 0;
  const Stack::PerIteration* per_iteration = nullptr;
  const std::atomic<bool>* stop = nullptr;
  bool yield_when_idle = false;
};

void poll_loop(const WorkerArgs& a) {
  while (!a.stop->load(std::memory_order_relaxed)) {
    const uint32_t n = a.shard->poll_once();
    if (*a.per_iteration) (*a.per_iteration)(*a.shard, a.index);
    if (n == 0 && a.yield_when_idle) sched_yield();
  }
}

int worker_main(void* arg) {
  poll_loop(*static_cast<const WorkerArgs*>(arg));
  return 0;
}

}  // namespace

std::unique_ptr<Stack> Stack::create(const StackConfig& config, Listener& listener,
                                     std::string* error) {
  if (config.eal.lcores.size() > 1) {
    set_error(error, "several lcores need one Listener per shard: use the ListenerFor form");
    return nullptr;
  }
  return create(config, [&listener](unsigned) -> Listener& { return listener; }, error);
}

std::unique_ptr<Stack> Stack::create(const StackConfig& config, const ListenerFor& listener_for,
                                     std::string* error) {
  if (config.local_addresses.empty()) {
    set_error(error, "no local address");
    return nullptr;
  }
  std::unique_ptr<Stack> s(new Stack());
  s->yield_when_idle_ = config.yield_when_idle || config.eal.oversubscribe;
  std::optional<Eal> eal = Eal::init(config.eal, error);
  if (!eal) return nullptr;
  s->eal_.emplace(std::move(*eal));
  if (!s->build_shards(config, listener_for, error)) return nullptr;
  return s;
}

bool Stack::build_shards(const StackConfig& config, const ListenerFor& listener_for,
                         std::string* error) {
  const auto n = static_cast<uint16_t>(std::max<size_t>(1, config.eal.lcores.size()));
  // EAL's main lcore first, then the workers in EAL order (they run shards 1..N-1).
  lcores_.push_back(rte_get_main_lcore());
  for (unsigned lc = rte_get_next_lcore(-1, 1, 0); lc < RTE_MAX_LCORE && lcores_.size() < n;
       lc = rte_get_next_lcore(lc, 1, 0)) {
    lcores_.push_back(lc);
  }
  if (lcores_.size() < n) {
    set_error(error, std::to_string(n) + " shards need " + std::to_string(n) + " lcores, EAL runs " +
                         std::to_string(rte_lcore_count()));
    return false;
  }
  std::string name = config.port_name;
  if (name.empty() && !config.eal.vdevs.empty()) name = vdev_name(config.eal.vdevs.front());
  const std::optional<uint16_t> port_id = Eal::port_by_name(name, error);
  if (!port_id) return false;
  PortConfig pc;
  pc.port_id = *port_id;
  pc.mtu = config.mtu;
  pc.link_timeout = config.link_timeout;
  pc.require_link_up = config.require_link_up;
  pc.lcores = n;
  pc.rx_queues = n;
  pc.tx_queues = config.tx_queues != 0 ? config.tx_queues : n;
  if (n > 1 && config.tx_queues == 0) {
    // Decide the TX queues from the plan the port will get: without RSS, one queue pair.
    rte_eth_dev_info info{};
    if (rte_eth_dev_info_get(*port_id, &info) == 0 && plan_offloads(info, pc).software_distribution) {
      pc.tx_queues = 1;
    }
  }
  pc.extra_mbufs = config.extra_mbufs + ShardMesh::capacity(n, pc.tx_queues, config.handoff_ring_size);
  std::optional<Port> port = Port::open(pc, error);
  if (!port) return false;
  port_.emplace(std::move(*port));
  const OffloadPlan& plan = port_->plan();
  const uint16_t txq = std::min<uint16_t>(plan.tx_queues, n);
  std::optional<ShardMesh> mesh =
      ShardMesh::create(n, txq, config.handoff_ring_size, port_->socket(), error);
  if (!mesh) return false;
  mesh_.emplace(std::move(*mesh));
  rte_ether_addr mac{};
  if (rte_eth_macaddr_get(*port_id, &mac) != 0) {
    set_error(error, "rte_eth_macaddr_get failed");
    return false;
  }
  base_ = endpoint_config(config);
  for (uint16_t i = 0; i < n; ++i) {
    ShardConfig sc;
    // RSS: queue i is shard i's; software distribution: only shard 0 reads RX queue 0
    // (the others never call rx_burst: their rx_queue is beyond the port's and unused).
    sc.rx_queue = i < plan.rx_queues ? i : 0;
    sc.tx_queue = i < txq ? i : 0;
    sc.link.mac = net::MacAddress(std::to_array(mac.addr_bytes));
    sc.link.vlan = config.vlan;
    sc.endpoint = for_shard(base_, i, n);
    sc.neighbours = config.neighbours;
    sc.links = mesh_->links_for(i, &index_, plan.software_distribution);
    sc.poll_rx = i < plan.rx_queues;
    sc.routes = net::NextHopTable::from(config.local_addresses, config.prefix_lengths,
                                        config.gateways);
    sc.udp_encaps_port = config.udp_encaps_port;
    sc.udp_encap_peers = config.udp_encap_table_size;
    sc.init_admission = config.init_admission;  // per shard (issue #10)
    Listener& l = wrap(listener_for(i), i);
    shards_.push_back(std::make_unique<Shard>(*port_, std::move(sc), l));
    for (const TransportAddress& r : config.udp_encaps_remotes) {
      shards_.back()->set_udp_encaps_peer(r.ip, r.port);
    }
    attach(l, *shards_.back(), &shards_.back()->endpoint());
  }
  return true;
}

Listener& Stack::wrap(Listener& app, uint16_t shard) {
  if (lcores_.size() <= 1) return app;  // a lone shard needs no index
  wrappers_.push_back(std::make_unique<IndexingListener>(app, index_, shard));
  return *wrappers_.back();
}

void Stack::attach(Listener& wrapped, Shard& shard, const core::Endpoint* e) {
  if (wrappers_.empty() || &wrapped != wrappers_.back().get()) return;  // not wrapped
  wrappers_.back()->attach(e);
  shard.add_indexer(wrappers_.back().get());
}

core::Endpoint* Stack::add_endpoint(uint16_t sctp_port, const AssociationOptions& options,
                                    Listener& listener) {
  if (shards_.size() != 1) return nullptr;
  return add_endpoint(sctp_port, options, [&listener](unsigned) -> Listener& { return listener; });
}

core::Endpoint* Stack::add_endpoint(uint16_t sctp_port, const AssociationOptions& options,
                                    const ListenerFor& listener_for) {
  for (auto& s : shards_) {
    if (s->endpoint_for_port(sctp_port) != nullptr) return nullptr;
  }
  core::EndpointConfig e = base_;
  e.port = sctp_port;
  e.options = options;
  e.options.mtu = std::min(e.options.mtu, base_.options.mtu);
  // Distinct tags/TSNs per endpoint, still reproducible from the stack's seed.
  e.seed = base_.seed ^ (uint64_t{sctp_port} * 0x9E3779B97F4A7C15ULL);
  const auto n = static_cast<uint16_t>(shards_.size());
  core::Endpoint* first = nullptr;
  for (uint16_t i = 0; i < n; ++i) {
    Listener& l = wrap(listener_for(i), i);
    core::Endpoint* ep = shards_[i]->add_endpoint(for_shard(e, i, n), l);
    attach(l, *shards_[i], ep);
    if (i == 0) first = ep;
  }
  return first;
}

bool Stack::run(const PerIteration& per_iteration, const std::atomic<bool>& stop) {
  std::vector<WorkerArgs> args(shards_.size());
  for (size_t i = 0; i < shards_.size(); ++i) {
    args[i] = {shards_[i].get(), static_cast<unsigned>(i), &per_iteration, &stop,
               yield_when_idle_};
  }
  for (size_t i = 1; i < shards_.size(); ++i) {
    if (rte_eal_get_lcore_state(lcores_[i]) != WAIT) return false;
  }
  for (size_t i = 1; i < shards_.size(); ++i) {
    rte_eal_remote_launch(&worker_main, &args[i], lcores_[i]);  // WAIT checked above
  }
  poll_loop(args[0]);
  for (size_t i = 1; i < shards_.size(); ++i) rte_eal_wait_lcore(lcores_[i]);
  return true;
}

std::optional<IndexEntry> Stack::find_association(const IpAddress& peer, uint16_t peer_port,
                                                  uint16_t local_port) {
  if (shards_.size() > 1) return index_.find({peer, peer_port, local_port});
  core::Endpoint* e = shards_.front()->endpoint_for_port(local_port);
  if (e == nullptr) return std::nullopt;
  std::optional<IndexEntry> found;
  e->for_each_association([&](const core::Association& a) {
    if (a.peer_port() != peer_port) return;
    for (const auto& path : a.paths()) {
      if (path.peer == peer) found = IndexEntry{0, a.id()};
    }
  });
  return found;
}

Stack::~Stack() {
  shards_.clear();    // endpoints first: they send through the sinks and listeners
  wrappers_.clear();  // their index entries
  mesh_.reset();      // mbufs still in the rings go back to the port's pool
  port_.reset();
  eal_.reset();
}

}  // namespace dpsctp::runtime
