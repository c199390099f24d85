// Set Primary Address parameter (RFC 5061 §4.2.4), in ASCONF: asks the peer to use the
// address as its primary destination (the wildcard 0.0.0.0 / ::0 means the packet's
// source address). Codec shared in asconf_address_parameter.h.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Type = 0xC004          |    Length = Variable          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |               ASCONF-Request Correlation ID                   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Address Parameter                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include "wire/param/asconf_address_parameter.h"

namespace dpsctp::wire {

using SetPrimaryAddressParameter = AsconfAddressParameter<param_type::kSetPrimaryAddress>;
extern template struct AsconfAddressParameter<param_type::kSetPrimaryAddress>;

}  // namespace dpsctp::wire
