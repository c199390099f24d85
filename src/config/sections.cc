// Section readers for eal:, port:, addresses: / gateway:, and the operational sections
// logging:, stats:, capture:, shutdown: (sections.h). Schema: gateway_config.h.
#include "config/sections.h"

#include <string>

#include "config/scalars.h"
#include "runtime/net/next_hop.h"  // in_prefix, default lengths: inline, no link dependency

namespace dpsctp::config::detail {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

namespace {

// Debian 12's DPDK is built with RTE_MAX_LCORE = 128; this library must not include DPDK
// headers, so the bound is restated here and checked by rte_eal_init at run time anyway.
constexpr unsigned kMaxLcore = 127;

std::vector<std::string> text_list(const Map& m, std::string_view key,
                                   std::vector<Value>* items = nullptr) {
  std::vector<std::string> out;
  if (std::optional<Value> v = m.get(key)) {
    for (const Value& e : v->list()) {
      out.push_back(e.scalar("a text value"));
      if (out.back().empty()) e.expected("a non-empty text value");
      if (items != nullptr) items->push_back(e);
    }
  }
  return out;
}

std::vector<IpAddress> address_list(const Value& v, size_t min_size) {
  std::vector<Value> items = v.list(min_size);
  std::vector<IpAddress> out;
  for (const Value& e : items) out.push_back(e.address());
  reject_duplicates(items, out, "address");
  return out;
}

std::string vdev_name(const std::string& vdev) { return vdev.substr(0, vdev.find(',')); }

// The next hop of each family (RFC 1122 §3.3.1.2): on the link of one of our addresses of
// that family (it is resolved by ARP / NDP like any neighbour), at most one per family.
void read_gateways(const Value& v, GatewayConfig& c) {
  const std::vector<Value> items = v.list(0);
  c.gateways = address_list(v, 0);
  std::string links;
  for (size_t i = 0; i < c.addresses.size(); ++i) {
    links += (links.empty() ? "" : ", ") + c.addresses[i].to_string() + "/" +
             std::to_string(c.prefix_lengths[i]);
  }
  for (size_t i = 0; i < c.gateways.size(); ++i) {
    const IpAddress& g = c.gateways[i];
    bool on_link = false;
    for (size_t j = 0; j < c.addresses.size(); ++j) {
      if (c.addresses[j] == g) items[i].fail("a next hop cannot be one of our addresses");
      on_link = on_link || net::in_prefix(g, {c.addresses[j], c.prefix_lengths[j]});
    }
    if (!on_link) items[i].expected("an address on the link of one of the addresses (" + links + ")");
    for (size_t j = 0; j < i; ++j) {
      if (c.gateways[j].family() == g.family()) {
        items[i].fail(std::string("a second ") + (g.is_v4() ? "IPv4" : "IPv6") +
                      " next hop (one per family; also " + items[j].path() + ")");
      }
    }
  }
}

}  // namespace

void read_eal(const Map& root, EalSection& eal) {
  const Map m = root.sub(
      "eal", {"lcores", "hugepages", "memory_mb", "file_prefix", "vdevs", "pci", "extra_args"});
  m.with("lcores", [&](const Value& v) {
    const std::vector<Value> items = v.list(1);
    eal.lcores.clear();
    for (const Value& e : items) eal.lcores.push_back(e.integer_as<unsigned>(0, kMaxLcore));
    reject_duplicates(items, eal.lcores, "lcore");
  });
  m.with("hugepages", [&](const Value& v) { eal.hugepages = v.boolean(); });
  m.with("memory_mb",
         [&](const Value& v) { eal.memory_mb = v.integer_as<unsigned>(16, 1u << 20); });
  m.with("file_prefix", [&](const Value& v) { eal.file_prefix = v.name(); });
  std::vector<Value> vdev_items;
  eal.vdevs = text_list(m, "vdevs", &vdev_items);
  std::vector<std::string> names;
  for (const std::string& vdev : eal.vdevs) names.push_back(vdev_name(vdev));
  reject_duplicates(vdev_items, names, "vdev");
  std::vector<Value> pci_items;
  eal.pci = text_list(m, "pci", &pci_items);
  for (size_t i = 0; i < pci_items.size(); ++i) {
    if (!is_pci_address(eal.pci[i])) pci_items[i].expected("a PCI address like 0000:01:00.0");
  }
  reject_duplicates(pci_items, eal.pci, "PCI address");
  eal.extra_args = text_list(m, "extra_args");
}

void read_port(const Map& root, const EalSection& eal, PortSection& port) {
  const Map m(root.required("port"),
              {"device", "mtu", "vlan", "link_timeout", "udp_encapsulation"});
  const Value device = m.required("device");
  port.device = device.scalar("a device name");
  // 576: the IPv4 datagram every host must accept (RFC 791); jumbo frames up to 9000.
  m.with("mtu", [&](const Value& v) { port.mtu = v.integer_as<uint32_t>(576, 9000); });
  // IEEE 802.1Q: VLAN ids 0 and 4095 are reserved.
  m.with("vlan", [&](const Value& v) { port.vlan = v.integer_as<uint16_t>(1, 4094); });
  m.with("link_timeout", [&](const Value& v) { port.link_timeout = v.duration(0ms, 10min); });
  m.with("udp_encapsulation", [&](const Value& v) {
    // RFC 6951 §5.1: the local UDP port SCTP packets are tunnelled on (IANA: 9899).
    const Map u(v, {"port"});
    port.udp_encapsulation_port = u.required("port").integer_as<uint16_t>(1, 65535);
  });

  // Without eal.pci the gateway passes --no-pci, so the device must be one of the vdevs;
  // a PCI device must be allowed explicitly.
  std::string known;
  for (const std::string& vdev : eal.vdevs) {
    if (vdev_name(vdev) == port.device) return;
    known += (known.empty() ? "" : ", ") + printable(vdev_name(vdev));
  }
  for (const std::string& pci : eal.pci) {
    if (pci == port.device) return;
    known += (known.empty() ? "" : ", ") + pci;  // checked: hex digits, ':' and '.'
  }
  device.expected("the name of an eal.vdevs entry or an eal.pci address (" +
                  (known.empty() ? std::string("there are none") : known) + ")");
}

void read_addresses(const Map& root, GatewayConfig& c) {
  // "IP" or "IP/LEN": the prefix says which destinations are on the link (RFC 1122
  // §3.3.1.1); without one, /24 for IPv4 and /64 for IPv6 (RFC 4291 §2.5.1).
  const std::vector<Value> items = root.required("addresses").list(1);
  c.addresses.clear();
  c.prefix_lengths.clear();
  for (const Value& e : items) {
    uint8_t len = 0;
    c.addresses.push_back(e.address_with_prefix(len));
    c.prefix_lengths.push_back(len != 0 ? len : net::default_prefix_len(c.addresses.back()));
  }
  reject_duplicates(items, c.addresses, "address");
  root.with("gateway", [&](const Value& v) { read_gateways(v, c); });
}

void read_operations(const Map& root, GatewayConfig& c) {
  const Map log = root.sub("logging", {"level", "file"});
  log.with("level", [&](const Value& v) {
    c.logging.level = std::string(v.choice<std::string_view>({{"trace", "trace"},
                                                              {"debug", "debug"},
                                                              {"info", "info"},
                                                              {"warn", "warn"},
                                                              {"error", "error"},
                                                              {"critical", "critical"},
                                                              {"off", "off"}}));
  });
  log.with("file", [&](const Value& v) { c.logging.file = v.text(); });

  const Map stats = root.sub("stats", {"interval", "telemetry"});
  stats.with("interval", [&](const Value& v) { c.stats.interval = v.duration(0ms, 1h); });
  stats.with("telemetry", [&](const Value& v) { c.stats.telemetry = v.boolean(); });

  const Map cap = root.sub("capture", {"file", "snaplen"});
  cap.with("file", [&](const Value& v) { c.capture.file = v.text(); });
  cap.with("snaplen",
           [&](const Value& v) { c.capture.snaplen = v.integer_as<uint32_t>(64, 65535); });

  const Map shut = root.sub("shutdown", {"timeout"});
  shut.with("timeout", [&](const Value& v) { c.shutdown_timeout = v.duration(0ms, 10min); });
}

}  // namespace dpsctp::config::detail
