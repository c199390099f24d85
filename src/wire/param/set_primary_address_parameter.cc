// Set Primary Address parameter (RFC 5061 §4.2.4): the one instantiation of the shared
// codec in asconf_address_parameter.h.
#include "wire/param/set_primary_address_parameter.h"

namespace dpsctp::wire {

template struct AsconfAddressParameter<param_type::kSetPrimaryAddress>;

}  // namespace dpsctp::wire
