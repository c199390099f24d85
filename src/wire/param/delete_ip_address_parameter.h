// Delete IP Address parameter (RFC 5061 §4.2.2), in ASCONF: asks the peer to remove the
// address from the association (the wildcard 0.0.0.0 / ::0 means every address except
// the packet's source address). Codec shared in asconf_address_parameter.h.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Type = 0xC002          |    Length = Variable          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |               ASCONF-Request Correlation ID                   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Address Parameter                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include "wire/param/asconf_address_parameter.h"

namespace dpsctp::wire {

using DeleteIpAddressParameter = AsconfAddressParameter<param_type::kDeleteIpAddress>;
extern template struct AsconfAddressParameter<param_type::kDeleteIpAddress>;

}  // namespace dpsctp::wire
