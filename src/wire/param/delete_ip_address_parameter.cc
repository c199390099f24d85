// Delete IP Address parameter (RFC 5061 §4.2.2): the one instantiation of the shared
// codec in asconf_address_parameter.h.
#include "wire/param/delete_ip_address_parameter.h"

namespace dpsctp::wire {

template struct AsconfAddressParameter<param_type::kDeleteIpAddress>;

}  // namespace dpsctp::wire
