// Shared helpers of the error cause codecs; see cause_shapes.h.
#include "wire/cause/cause_shapes.h"

#include <arpa/inet.h>

#include <cstdio>

#include "wire/param/parameter_type.h"

namespace dpsctp::wire::cause_codec {
namespace {

constexpr size_t kIpv4ParamSize = 8;   // RFC 9260 §3.3.2.1: header + 4 address bytes
constexpr size_t kIpv6ParamSize = 20;  // RFC 9260 §3.3.2.1: header + 16 address bytes
constexpr size_t kMaxQuoted = 64;      // bytes of opaque data shown in a log line

std::string address_string(int family, ByteSpan address) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (inet_ntop(family, address.data(), buf, sizeof buf) == nullptr) return "?";
  return buf;
}

}  // namespace

// RFC 9260 §3.3.10.5 / RFC 5061 §4.3: the information is one complete TLV; its length
// field must fit the information, which may hold its padding but nothing more.
ParseError check_single_tlv(ByteSpan info) {
  Result<TlvView> p = TlvView::parse(info, TlvKind::kParameter);
  if (!p) return p.error();
  return check_copy_fills(p->length, info.size());
}

std::string describe_parameter(const TlvView& p) {
  if (p.bytes.size() < TlvView::kHeaderSize) return "(malformed TLV)";
  const ByteSpan v = p.value();
  std::string s(param_type::name(p.type));
  if (p.type == param_type::kIpv4Address && p.length == kIpv4ParamSize) {
    return s + " " + address_string(AF_INET, v);
  }
  if (p.type == param_type::kIpv6Address && p.length == kIpv6ParamSize) {
    return s + " " + address_string(AF_INET6, v);
  }
  if (p.type == param_type::kHostNameAddress) {
    // RFC 9260 §3.3.2.1: the host name ends with at least one NUL; do not print those.
    size_t n = v.size();
    while (n > 0 && v[n - 1] == std::byte{0}) --n;
    return s + " " + quote_bytes(v.first(n));
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, " (type 0x%04x, len %u)", p.type, p.length);
  return s + buf;
}

std::string describe_parameters(TlvRange params) {
  std::string s = "[";
  for (const TlvView& p : params) {
    if (s.size() > 1) s += ", ";
    s += describe_parameter(p);
  }
  s += ']';
  return s;
}

std::string quote_bytes(ByteSpan b) {
  std::string s = "\"";
  const size_t shown = b.size() < kMaxQuoted ? b.size() : kMaxQuoted;
  for (size_t i = 0; i < shown; ++i) {
    const auto c = static_cast<unsigned char>(b[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      s += static_cast<char>(c);
    } else {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\x%02x", c);
      s += esc;
    }
  }
  s += '"';
  if (shown < b.size()) s += "...(" + std::to_string(b.size()) + " bytes)";
  return s;
}

}  // namespace dpsctp::wire::cause_codec
