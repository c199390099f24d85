// listeners: and upstreams: (sections.h): what the gateway serves on which port, where
// relay listeners forward, and the cross-references between the two lists.
#include <string>
#include <string_view>

#include "config/sections.h"

namespace dpsctp::config::detail {

namespace {

using namespace std::chrono_literals;

constexpr std::string_view kListenerKeys[] = {
    "name", "port", "outbound_streams", "max_inbound_streams", "ppids", "route", "upstream"};
constexpr std::string_view kUpstreamKeys[] = {"name", "selection", "local_port", "members",
                                              "reconnect_interval"};
constexpr std::string_view kMemberKeys[] = {"addresses", "port"};

// An upstream's own port when local_port is 0: next to the listener's, so captures and
// firewall rules read naturally (36412 in, 37412 out).
constexpr uint32_t kLocalPortOffset = 1000;

void read_route(const Map& m, Listener& l) {
  const Value route = m.required("route");
  l.route = route.choice<Route>(
      {{"echo", Route::kEcho}, {"sink", Route::kSink}, {"relay", Route::kRelay}});
  const std::optional<Value> upstream = m.get("upstream");
  if (l.route == Route::kRelay && !upstream) {
    m.self().fail("missing required key 'upstream' (route relay forwards to an upstream)");
  }
  if (l.route != Route::kRelay && upstream) {
    upstream->expected("no upstream with route " + route.node().Scalar() +
                       " (only route relay forwards)");
  }
  if (upstream) l.upstream = upstream->name();
}

Listener read_listener(const Value& v) {
  const Map m(v, kListenerKeys);
  Listener l;
  l.line = v.line();
  l.name = m.required("name").name();
  l.port = m.required("port").integer_as<uint16_t>(1, 65535);
  // RFC 9260 §3.3.2: OS and MIS are 16-bit and MUST NOT be 0.
  m.with("outbound_streams",
         [&](const Value& s) { l.outbound_streams = s.integer_as<uint16_t>(1, 65535); });
  m.with("max_inbound_streams",
         [&](const Value& s) { l.max_inbound_streams = s.integer_as<uint16_t>(1, 65535); });
  m.with("ppids", [&](const Value& list) {
    const std::vector<Value> items = list.list();
    // RFC 9260 §3.3.1: the Payload Protocol Identifier is any 32-bit value (IANA registry).
    for (const Value& e : items) l.ppids.push_back(e.integer_as<uint32_t>(0, 0xffffffffu));
    reject_duplicates(items, l.ppids, "PPID");
  });
  read_route(m, l);
  return l;
}

UpstreamMember read_member(const Value& v) {
  const Map m(v, kMemberKeys);
  UpstreamMember member;
  const std::vector<Value> items = m.required("addresses").list(1);
  for (const Value& e : items) member.addresses.push_back(e.address());
  reject_duplicates(items, member.addresses, "address");
  member.port = m.required("port").integer_as<uint16_t>(1, 65535);
  return member;
}

Upstream read_upstream(const Value& v) {
  const Map m(v, kUpstreamKeys);
  Upstream u;
  u.name = m.required("name").name();
  m.with("selection", [&](const Value& s) {
    u.selection =
        s.choice<Selection>({{"round-robin", Selection::kRoundRobin}, {"hash", Selection::kHash}});
  });
  m.with("local_port", [&](const Value& p) { u.local_port = p.integer_as<uint16_t>(0, 65535); });
  for (const Value& e : m.required("members").list(1)) u.members.push_back(read_member(e));
  m.with("reconnect_interval",
         [&](const Value& d) { u.reconnect_interval = d.duration(10ms, 1h); });
  return u;
}

std::string names_of(const std::vector<Upstream>& ups) {
  std::string s;
  for (const Upstream& u : ups) s += (s.empty() ? "" : ", ") + u.name;
  return s.empty() ? "there are none" : s;
}

// Every relay listener names an existing upstream.
void check_references(const std::vector<Value>& items, const GatewayConfig& c) {
  for (size_t i = 0; i < c.listeners.size(); ++i) {
    const Listener& l = c.listeners[i];
    if (l.route != Route::kRelay || c.find_upstream(l.upstream) != nullptr) continue;
    Map(items[i], kListenerKeys)
        .required("upstream")
        .expected("the name of an upstreams entry (" + names_of(c.upstreams) + ")");
  }
}

// local_port 0 -> the first relay listener's port + 1000; an upstream no listener uses
// keeps 0 (the gateway never connects to it). Either way it must not be a listener port.
void resolve_local_port(const Value& item, Upstream& u, const std::vector<Listener>& listeners) {
  const bool written = u.local_port != 0;
  if (!written) {
    for (const Listener& l : listeners) {
      if (l.route != Route::kRelay || l.upstream != u.name) continue;
      const uint32_t port = l.port + kLocalPortOffset;
      if (port > 65535) {
        item.fail("local_port 0 resolves to listener " + l.name + "'s port " +
                  std::to_string(l.port) + " + 1000, beyond 65535: set local_port");
      }
      u.local_port = static_cast<uint16_t>(port);
      break;
    }
  }
  for (const Listener& l : listeners) {
    if (u.local_port == 0 || l.port != u.local_port) continue;
    const std::string clash =
        "a port no listener uses (listener " + l.name + " has " + std::to_string(l.port) + ")";
    if (written) Map(item, kUpstreamKeys).required("local_port").expected(clash);
    item.fail("local_port 0 resolves to " + std::to_string(u.local_port) + ", expected " + clash);
  }
}

}  // namespace

void read_routes(const Map& root, GatewayConfig& c) {
  const std::vector<Value> listeners = root.required("listeners").list(1);
  std::vector<Value> names, ports;
  for (const Value& v : listeners) {
    c.listeners.push_back(read_listener(v));
    const Map m(v, kListenerKeys);
    names.push_back(m.required("name"));
    ports.push_back(m.required("port"));
  }
  std::vector<std::string> listener_names;
  std::vector<uint16_t> listener_ports;
  for (const Listener& l : c.listeners) {
    listener_names.push_back(l.name);
    listener_ports.push_back(l.port);
  }
  reject_duplicates(names, listener_names, "name");
  reject_duplicates(ports, listener_ports, "port");

  std::vector<Value> upstreams, upstream_names;
  root.with("upstreams", [&](const Value& v) { upstreams = v.list(); });
  std::vector<std::string> upstream_name_text;
  for (const Value& v : upstreams) {
    c.upstreams.push_back(read_upstream(v));
    upstream_names.push_back(Map(v, kUpstreamKeys).required("name"));
    upstream_name_text.push_back(c.upstreams.back().name);
  }
  reject_duplicates(upstream_names, upstream_name_text, "name");
  check_references(listeners, c);
  for (size_t i = 0; i < upstreams.size(); ++i)
    resolve_local_port(upstreams[i], c.upstreams[i], c.listeners);
}

}  // namespace dpsctp::config::detail
