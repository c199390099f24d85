// Add IP Address parameter (RFC 5061 §4.2.1), in ASCONF: asks the peer to add the
// address to the association (the wildcard 0.0.0.0 / ::0 means the packet's source
// address). Codec shared in asconf_address_parameter.h.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Type = 0xC001          |    Length = Variable          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |               ASCONF-Request Correlation ID                   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Address Parameter                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include "wire/param/asconf_address_parameter.h"

namespace dpsctp::wire {

using AddIpAddressParameter = AsconfAddressParameter<param_type::kAddIpAddress>;
extern template struct AsconfAddressParameter<param_type::kAddIpAddress>;

}  // namespace dpsctp::wire
