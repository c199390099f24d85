// Loading and validating a GatewayConfig from YAML (config_loader.h): document-level
// checks and the conversion of every failure (ours, yaml-cpp's) into one error line.
// The sections themselves are read in sections.cc, tunables.cc and routes.cc.
#include "config/config_loader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "config/sections.h"
#include "config/yaml_reader.h"

namespace dpsctp::config {

namespace {

// Real configs are a few KiB. The bound keeps a mistaken --config (a pcap, a log) from
// costing seconds of parsing, and caps what an arbitrary input can make yaml-cpp do;
// yaml-cpp itself bounds nesting (DepthGuard, 2000 levels: a ParserException).
constexpr size_t kMaxConfigBytes = 1 << 20;

constexpr std::string_view kSections[] = {"eal",      "port",      "addresses", "gateway",
                                          "tunables", "listeners", "upstreams", "logging",
                                          "stats",    "capture",   "shutdown"};

// IPv6 requires a link MTU of at least 1280 (RFC 8200 §5); IPv4 alone works down to 576.
void check_ipv6_mtu(const Map& root, const GatewayConfig& c) {
  bool v6 = false;
  for (const IpAddress& a : c.addresses) v6 = v6 || a.is_v6();
  for (const Upstream& u : c.upstreams)
    for (const UpstreamMember& m : u.members)
      for (const IpAddress& a : m.addresses) v6 = v6 || a.is_v6();
  if (!v6 || c.port.mtu >= 1280) return;
  Map(root.required("port"), {"device", "mtu", "vlan", "link_timeout"})
      .required("mtu")
      .expected("an integer 1280..9000 (an IPv6 link, RFC 8200 §5)");
}

GatewayConfig read_document(const YAML::Node& doc, const std::string& source) {
  const Value top(&source, doc, "", YAML::Mark::null_mark());
  if (doc.IsNull()) top.expected("a map of sections (port, addresses, listeners, ...)");
  const Map root(top, kSections);
  GatewayConfig c;
  c.source = source;
  detail::read_eal(root, c.eal);
  detail::read_port(root, c.eal, c.port);
  detail::read_addresses(root, c);
  detail::read_tunables(root, c.options, c.limits);
  c.options.mtu = c.port.mtu;  // the path MTU every association starts from (§8.4 / PMTUD)
  detail::read_routes(root, c);
  detail::read_operations(root, c);
  check_ipv6_mtu(root, c);
  return c;
}

// Where each YAML document starts; every other parser event is ignored.
struct DocumentStarts final : YAML::EventHandler {
  std::vector<YAML::Mark> marks;
  void OnDocumentStart(const YAML::Mark& mark) override { marks.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// One configuration per file. yaml-cpp 0.7's LoadAll() never returns (and allocates
// until memory runs out) when its parser cannot advance, e.g. on text starting with ','
// (found by fuzz/config_loader_fuzzer): so parse at most two documents' events here, and
// treat a second document starting where the first did as that stuck state.
void check_single_document(const std::string& text, const std::string& source) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts starts;
  for (int i = 0; i < 2 && parser.HandleNextDocument(starts); ++i) {
  }
  if (starts.marks.size() < 2) return;
  if (starts.marks[1].pos == starts.marks[0].pos) {
    throw ConfigError{position(source, starts.marks[0]) + "invalid YAML: no node can be read here"};
  }
  throw ConfigError{position(source, starts.marks[1]) +
                    "(document): expected one YAML document, found another"};
}

LoadResult failure(std::string message) {
  LoadResult r;
  r.error = std::move(message);
  return r;
}

}  // namespace

LoadResult load_gateway_config(std::string_view text, const std::string& source_name) {
  if (text.size() > kMaxConfigBytes) {
    return failure(position(source_name, YAML::Mark::null_mark()) +
                   "(document): expected at most " + std::to_string(kMaxConfigBytes) +
                   " bytes, found " + std::to_string(text.size()));
  }
  try {
    const std::string owned(text);
    check_single_document(owned, source_name);
    LoadResult r;
    r.config = read_document(YAML::Load(owned), source_name);
    r.ok = true;
    return r;
  } catch (const ConfigError& e) {
    return failure(e.message);
  } catch (const YAML::Exception& e) {  // ParserException (syntax, DeepRecursion) and others
    return failure(position(source_name, e.mark) + "invalid YAML: " + printable(e.msg, 200));
  } catch (const std::exception& e) {  // std::bad_alloc and the like: still one line
    return failure(source_name + ": " + e.what());
  }
}

LoadResult load_gateway_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return failure(path + ": cannot open: " + std::strerror(errno));
  std::string text;
  // Read one byte past the bound so an oversized file is reported, not truncated.
  text.resize(kMaxConfigBytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) return failure(path + ": cannot read: " + std::strerror(errno));
  text.resize(static_cast<size_t>(in.gcount()));
  return load_gateway_config(text, path);
}

}  // namespace dpsctp::config
