// Text form of an IpAddress for the to_string() of the L2/L3 headers (RFC 5952 for IPv6,
// via inet_ntop). IpAddress::to_string() lives in the core library, which src/runtime/net
// does not link: net depends on src/wire only.
#pragma once

#include <string>

#include "dpsctp/address.h"

namespace dpsctp::net {

/// "192.0.2.1", "fe80::1".
std::string ip_text(const IpAddress& a);

}  // namespace dpsctp::net
