// IpAddress text for logs (see ip_text.h).
#include "runtime/net/ip_text.h"

#include <arpa/inet.h>

namespace dpsctp::net {

std::string ip_text(const IpAddress& a) {
  char buf[INET6_ADDRSTRLEN];
  if (inet_ntop(a.is_v4() ? AF_INET : AF_INET6, a.data(), buf, sizeof buf) == nullptr) return "?";
  return buf;
}

}  // namespace dpsctp::net
