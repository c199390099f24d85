// Add Incoming Streams Request parameter (RFC 6525 §4.6): the one instantiation of the
// shared codec in add_streams_request_parameter.h.
#include "wire/param/add_incoming_streams_request_parameter.h"

namespace dpsctp::wire {

template struct AddStreamsRequestParameter<param_type::kAddIncomingStreamsRequest>;

}  // namespace dpsctp::wire
