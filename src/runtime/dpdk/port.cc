// Port setup: offload plan, queues, mbuf pool, start, link wait, stop/close.
#include "runtime/dpdk/port.h"

#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include <algorithm>
#include <thread>
#include <utility>

namespace dpsctp::runtime {
namespace {

constexpr uint64_t kRssSctp = RTE_ETH_RSS_NONFRAG_IPV4_SCTP | RTE_ETH_RSS_NONFRAG_IPV6_SCTP;
// Ethernet header, two VLAN tags (QinQ) and the FCS around an IP packet of MTU bytes.
constexpr uint32_t kL2Overhead = RTE_ETHER_HDR_LEN + 2 * RTE_VLAN_HLEN + RTE_ETHER_CRC_LEN;
constexpr uint32_t kBurst = 32;

void set_error(std::string* error, std::string text) {
  if (error != nullptr) *error = std::move(text);
}

std::string port_error(uint16_t port, const char* what, int ret) {
  return "port " + std::to_string(port) + ": " + what + " failed: " + rte_strerror(-ret);
}

uint32_t round_up_pow2_minus1(uint32_t n) {
  uint32_t p = 1;
  while (p - 1 < n && p < (1u << 31)) p <<= 1;
  return p - 1;
}

}  // namespace

const char* to_string(CrcPath p) { return p == CrcPath::kHardware ? "hw" : "sw"; }

std::string OffloadPlan::describe() const {
  std::string s = "rx_crc=";
  s += to_string(rx_crc);
  s += " tx_crc=";
  s += to_string(tx_crc);
  s += " ipv4_cksum=";
  s += rx_ipv4_cksum ? (tx_ipv4_cksum ? "rx,tx" : "rx") : (tx_ipv4_cksum ? "tx" : "none");
  s += " rss=";
  s += rss ? (rss_sctp_ports ? "ip+sctp" : "ip") : "off";
  if (software_distribution) s += " (software distribution)";
  s += " rxq=" + std::to_string(rx_queues) + " txq=" + std::to_string(tx_queues);
  return s;
}

OffloadPlan plan_offloads(const rte_eth_dev_info& info, const PortConfig& config) {
  OffloadPlan plan;
  // RFC 9260 §6.8: every packet carries a CRC32c; the NIC computes it only if it can.
  if (config.want_sctp_cksum_offload) {
    if ((info.rx_offload_capa & RTE_ETH_RX_OFFLOAD_SCTP_CKSUM) != 0) {
      plan.rx_offloads |= RTE_ETH_RX_OFFLOAD_SCTP_CKSUM;
      plan.rx_crc = CrcPath::kHardware;
    }
    if ((info.tx_offload_capa & RTE_ETH_TX_OFFLOAD_SCTP_CKSUM) != 0) {
      plan.tx_offloads |= RTE_ETH_TX_OFFLOAD_SCTP_CKSUM;
      plan.tx_crc = CrcPath::kHardware;
    }
  }
  if (config.want_ip_cksum_offload) {
    if ((info.rx_offload_capa & RTE_ETH_RX_OFFLOAD_IPV4_CKSUM) != 0) {
      plan.rx_offloads |= RTE_ETH_RX_OFFLOAD_IPV4_CKSUM;
      plan.rx_ipv4_cksum = true;
    }
    if ((info.tx_offload_capa & RTE_ETH_TX_OFFLOAD_IPV4_CKSUM) != 0) {
      plan.tx_offloads |= RTE_ETH_TX_OFFLOAD_IPV4_CKSUM;
      plan.tx_ipv4_cksum = true;
    }
  }
  const uint16_t want_rx = std::max<uint16_t>(1, config.rx_queues);
  plan.rx_queues = std::min<uint16_t>(want_rx, std::max<uint16_t>(1, info.max_rx_queues));
  plan.tx_queues = std::min<uint16_t>(std::max<uint16_t>(1, config.tx_queues),
                                      std::max<uint16_t>(1, info.max_tx_queues));
  const uint64_t ip_hf = info.flow_type_rss_offloads & RTE_ETH_RSS_IP;
  if (plan.rx_queues > 1 && config.want_rss && ip_hf != 0) {
    plan.rss = true;
    plan.rss_hf = ip_hf | (info.flow_type_rss_offloads & kRssSctp);
    plan.rss_sctp_ports = (plan.rss_hf & kRssSctp) != 0;
  } else if (want_rx > 1) {
    // Several shards want packets but the NIC cannot spread them: one RX queue, and the
    // runtime distributes by verification tag in software.
    plan.rx_queues = 1;
    plan.software_distribution = true;
  }
  return plan;
}

uint32_t mbuf_pool_size(const PortConfig& c, uint32_t cache_size) {
  const uint32_t rings = uint32_t{c.rx_queues} * c.rx_desc + uint32_t{c.tx_queues} * c.tx_desc;
  const uint32_t lcores = std::max(1u, c.lcores);
  const uint32_t in_flight = lcores * cache_size + lcores * kBurst * (c.rx_queues + c.tx_queues);
  return round_up_pow2_minus1(rings + in_flight + c.extra_mbufs);
}

uint16_t mbuf_data_room(uint32_t mtu) {
  const uint32_t frame = std::max<uint32_t>(RTE_MBUF_DEFAULT_DATAROOM, mtu + kL2Overhead);
  return static_cast<uint16_t>(std::min<uint32_t>(UINT16_MAX, frame + RTE_PKTMBUF_HEADROOM));
}

std::optional<Port> Port::open(const PortConfig& config, std::string* error) {
  Port port;
  port.id_ = config.port_id;
  port.owner_ = true;
  // On failure ~Port undoes what was done: stop, close once configured (queues may hold
  // mbufs of the pool), free the pool.
  if (!port.setup(config, error)) return std::nullopt;
  return port;
}

bool Port::setup(const PortConfig& config, std::string* error) {
  if (!rte_eth_dev_is_valid_port(id_)) {
    set_error(error, "port " + std::to_string(id_) + " does not exist (" +
                         std::to_string(rte_eth_dev_count_avail()) + " ports available)");
    return false;
  }
  rte_eth_dev_info info{};
  if (int ret = rte_eth_dev_info_get(id_, &info); ret != 0) {
    set_error(error, port_error(id_, "rte_eth_dev_info_get", ret));
    return false;
  }
  if (config.mtu < info.min_mtu || config.mtu > info.max_mtu) {
    set_error(error, "port " + std::to_string(id_) + ": mtu " + std::to_string(config.mtu) +
                         " outside the device's [" + std::to_string(info.min_mtu) + ", " +
                         std::to_string(info.max_mtu) + "]");
    return false;
  }
  plan_ = plan_offloads(info, config);
  rte_eth_conf conf{};
  conf.rxmode.mtu = config.mtu;
  conf.rxmode.offloads = plan_.rx_offloads;
  conf.txmode.offloads = plan_.tx_offloads;
  if (plan_.rss) {
    conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
    conf.rx_adv_conf.rss_conf.rss_key = nullptr;  // the driver's default key
    conf.rx_adv_conf.rss_conf.rss_hf = plan_.rss_hf;
  }
  if (int ret = rte_eth_dev_configure(id_, plan_.rx_queues, plan_.tx_queues, &conf); ret != 0) {
    set_error(error, port_error(id_, "rte_eth_dev_configure", ret) + " (" + plan_.describe() + ")");
    return false;
  }
  configured_ = true;
  if (!setup_queues(config, info, error)) return false;
  if (int ret = rte_eth_dev_start(id_); ret != 0) {
    set_error(error, port_error(id_, "rte_eth_dev_start", ret));
    return false;
  }
  started_ = true;
  if (!wait_link_up(config.link_timeout) && config.require_link_up) {
    set_error(error, "port " + std::to_string(id_) + ": link still down after " +
                         std::to_string(config.link_timeout.count()) + " ms");
    return false;
  }
  return true;
}

bool Port::setup_queues(const PortConfig& config, const rte_eth_dev_info& info,
                        std::string* error) {
  rx_desc_ = config.rx_desc;
  tx_desc_ = config.tx_desc;
  if (int ret = rte_eth_dev_adjust_nb_rx_tx_desc(id_, &rx_desc_, &tx_desc_); ret != 0) {
    set_error(error, port_error(id_, "rte_eth_dev_adjust_nb_rx_tx_desc", ret));
    return false;
  }
  const int dev_socket = rte_eth_dev_socket_id(id_);
  socket_ = dev_socket >= 0 ? dev_socket : static_cast<int>(rte_socket_id());
  pool_ = config.pool;
  if (pool_ == nullptr) {
    PortConfig sized = config;
    sized.rx_queues = plan_.rx_queues;
    sized.tx_queues = plan_.tx_queues;
    sized.rx_desc = rx_desc_;
    sized.tx_desc = tx_desc_;
    const uint32_t n = mbuf_pool_size(sized, kMbufCacheSize);
    const std::string name = "dpsctp_p" + std::to_string(id_);
    pool_ = rte_pktmbuf_pool_create(name.c_str(), n, kMbufCacheSize, 0, mbuf_data_room(config.mtu),
                                    socket_);
    if (pool_ == nullptr) {
      set_error(error, "port " + std::to_string(id_) + ": rte_pktmbuf_pool_create(" + name + ", " +
                           std::to_string(n) + " mbufs) failed: " + rte_strerror(rte_errno));
      return false;
    }
    owns_pool_ = true;
  }
  rte_eth_rxconf rxconf = info.default_rxconf;
  rxconf.offloads = plan_.rx_offloads;
  for (uint16_t q = 0; q < plan_.rx_queues; ++q) {
    const int ret =
        rte_eth_rx_queue_setup(id_, q, rx_desc_, static_cast<unsigned>(socket_), &rxconf, pool_);
    if (ret != 0) {
      set_error(error, port_error(id_, "rte_eth_rx_queue_setup", ret));
      return false;
    }
  }
  rte_eth_txconf txconf = info.default_txconf;
  txconf.offloads = plan_.tx_offloads;
  for (uint16_t q = 0; q < plan_.tx_queues; ++q) {
    const int ret =
        rte_eth_tx_queue_setup(id_, q, tx_desc_, static_cast<unsigned>(socket_), &txconf);
    if (ret != 0) {
      set_error(error, port_error(id_, "rte_eth_tx_queue_setup", ret));
      return false;
    }
  }
  return true;
}

Port::Port(Port&& o) noexcept
    : id_(o.id_),
      socket_(o.socket_),
      rx_desc_(o.rx_desc_),
      tx_desc_(o.tx_desc_),
      plan_(o.plan_),
      pool_(o.pool_),
      owns_pool_(o.owns_pool_),
      configured_(o.configured_),
      started_(o.started_),
      owner_(std::exchange(o.owner_, false)) {}

Port::~Port() {
  if (!owner_) return;
  stop();
  if (configured_) rte_eth_dev_close(id_);  // a vdev port is released by close
  // After close no queue references the pool; mbufs still held elsewhere would dangle,
  // so every user of the pool must be gone before the Port.
  if (owns_pool_) rte_mempool_free(pool_);
}

void Port::stop() {
  if (!started_) return;
  rte_eth_dev_stop(id_);
  started_ = false;
}

uint32_t Port::mtu() const {
  uint16_t mtu = 0;
  return rte_eth_dev_get_mtu(id_, &mtu) == 0 ? mtu : 0;
}

bool Port::link_up() const {
  rte_eth_link link{};
  return rte_eth_link_get_nowait(id_, &link) == 0 && link.link_status == RTE_ETH_LINK_UP;
}

bool Port::wait_link_up(std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!link_up()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace dpsctp::runtime
