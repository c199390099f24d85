// Association Aborted Due to Illegal ASCONF-ACK error cause (RFC 5061 §4.3.4): carried
// in the ABORT an endpoint sends when an ASCONF-ACK acknowledges an ASCONF Serial Number
// it never sent.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Cause Code = 0x00A3      |       Cause Length = 4        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// No Cause-Specific Information: the EmptyCause shape of cause_shapes.h (any other
// length is kCauseLengthMismatch).
#pragma once

#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

using IllegalAsconfAckCause = EmptyCause<cause_code::kIllegalAsconfAck>;
extern template struct EmptyCause<cause_code::kIllegalAsconfAck>;

}  // namespace dpsctp::wire
