// Out of Resource error cause (RFC 9260 §3.3.10.4): the sender is out of
// resource; usually sent in an ABORT.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Cause Code = 4           |       Cause Length = 4        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// No Cause-Specific Information: the EmptyCause shape of cause_shapes.h (any other
// length is kCauseLengthMismatch).
#pragma once

#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

using OutOfResourceCause = EmptyCause<cause_code::kOutOfResource>;
extern template struct EmptyCause<cause_code::kOutOfResource>;

}  // namespace dpsctp::wire
