// Add Incoming Streams Request parameter (RFC 6525 §4.6), in RE-CONFIG: the sender asks
// the peer to add outgoing streams (the sender's incoming ones). Codec shared with §4.5 in
// add_streams_request_parameter.h.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 18       |      Parameter Length = 12    |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Re-configuration Request Sequence Number             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Number of new streams    |         Reserved              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include "wire/param/add_streams_request_parameter.h"

namespace dpsctp::wire {

using AddIncomingStreamsRequestParameter =
    AddStreamsRequestParameter<param_type::kAddIncomingStreamsRequest>;
extern template struct AddStreamsRequestParameter<param_type::kAddIncomingStreamsRequest>;

}  // namespace dpsctp::wire
