// User-Initiated Abort error cause (RFC 9260 §3.3.10.12): the upper layer aborted the
// association (the ABORT primitive) and may pass a reason to its peer.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Cause Code = 12        |      Cause Length = Variable  |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                    Upper Layer Abort Reason                   /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The reason is opaque to SCTP and may be empty (Cause Length = 4): the OpaqueCause
// shape of cause_shapes.h, `info` holding the reason bytes.
#pragma once

#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

using UserInitiatedAbortCause = OpaqueCause<cause_code::kUserInitiatedAbort>;
extern template struct OpaqueCause<cause_code::kUserInitiatedAbort>;

}  // namespace dpsctp::wire
