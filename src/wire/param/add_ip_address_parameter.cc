// Add IP Address parameter (RFC 5061 §4.2.1): the one instantiation of the shared
// codec in asconf_address_parameter.h.
#include "wire/param/add_ip_address_parameter.h"

namespace dpsctp::wire {

template struct AsconfAddressParameter<param_type::kAddIpAddress>;

}  // namespace dpsctp::wire
