// Protocol Violation error cause (RFC 9260 §3.3.10.13): the peer broke a rule of the
// protocol that no more specific cause names; the sender may add free-form details.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Cause Code = 13        |      Cause Length = Variable  |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                    Additional Information                     /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The Additional Information may be empty (Cause Length = 4): the OpaqueCause shape of
// cause_shapes.h. Implementations put readable text there, so to_string() prints it
// quoted, printable ASCII kept and other bytes escaped.
#pragma once

#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

using ProtocolViolationCause = OpaqueCause<cause_code::kProtocolViolation>;
extern template struct OpaqueCause<cause_code::kProtocolViolation>;

}  // namespace dpsctp::wire
