// Add Outgoing Streams Request parameter (RFC 6525 §4.5), in RE-CONFIG: the sender adds
// outgoing streams (the peer's incoming ones). Codec shared with §4.6 in
// add_streams_request_parameter.h.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 17       |      Parameter Length = 12    |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Re-configuration Request Sequence Number             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Number of new streams    |         Reserved              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include "wire/param/add_streams_request_parameter.h"

namespace dpsctp::wire {

using AddOutgoingStreamsRequestParameter =
    AddStreamsRequestParameter<param_type::kAddOutgoingStreamsRequest>;
extern template struct AddStreamsRequestParameter<param_type::kAddOutgoingStreamsRequest>;

}  // namespace dpsctp::wire
