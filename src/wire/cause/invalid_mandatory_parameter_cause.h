// Invalid Mandatory Parameter error cause (RFC 9260 §3.3.10.7): returned to the
// originator of an INIT or INIT ACK when a mandatory parameter has an invalid value.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Cause Code = 7           |       Cause Length = 4        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// No Cause-Specific Information: the EmptyCause shape of cause_shapes.h (any other
// length is kCauseLengthMismatch).
#pragma once

#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

using InvalidMandatoryParameterCause = EmptyCause<cause_code::kInvalidMandatoryParameter>;
extern template struct EmptyCause<cause_code::kInvalidMandatoryParameter>;

}  // namespace dpsctp::wire
