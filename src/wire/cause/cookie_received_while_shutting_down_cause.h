// Cookie Received While Shutting Down error cause (RFC 9260 §3.3.10.10): a COOKIE
// ECHO arrived in SHUTDOWN-ACK-SENT; usually sent with the retransmitted SHUTDOWN ACK.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Cause Code = 10          |       Cause Length = 4        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// No Cause-Specific Information: the EmptyCause shape of cause_shapes.h (any other
// length is kCauseLengthMismatch).
#pragma once

#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

using CookieReceivedWhileShuttingDownCause =
    EmptyCause<cause_code::kCookieReceivedWhileShuttingDown>;
extern template struct EmptyCause<cause_code::kCookieReceivedWhileShuttingDown>;

}  // namespace dpsctp::wire
