// IpAddress / TransportAddress text conversions (include/dpsctp/address.h).
#include "dpsctp/address.h"

#include <arpa/inet.h>

#include <cstring>

namespace dpsctp {

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  char buf[INET6_ADDRSTRLEN + 1];
  if (text.empty() || text.size() >= sizeof buf) return std::nullopt;
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  std::array<uint8_t, 16> b{};
  if (inet_pton(AF_INET, buf, b.data()) == 1) return v4(b[0], b[1], b[2], b[3]);
  if (inet_pton(AF_INET6, buf, b.data()) == 1) return v6(b);
  return std::nullopt;
}

std::string IpAddress::to_string() const {
  char buf[INET6_ADDRSTRLEN];
  const int af = is_v4() ? AF_INET : AF_INET6;
  if (inet_ntop(af, bytes_.data(), buf, sizeof buf) == nullptr) return "?";
  return buf;
}

std::string TransportAddress::to_string() const {
  const std::string a = ip.to_string();
  return (ip.is_v6() ? "[" + a + "]" : a) + ":" + std::to_string(port);
}

}  // namespace dpsctp
