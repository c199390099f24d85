// Add Outgoing Streams Request parameter (RFC 6525 §4.5): the one instantiation of the
// shared codec in add_streams_request_parameter.h.
#include "wire/param/add_outgoing_streams_request_parameter.h"

namespace dpsctp::wire {

template struct AddStreamsRequestParameter<param_type::kAddOutgoingStreamsRequest>;

}  // namespace dpsctp::wire
