// User-Initiated Abort (RFC 9260 §3.3.10.12): compiled once here; layout in the header.
#include "wire/cause/user_initiated_abort_cause.h"

namespace dpsctp::wire {

template struct OpaqueCause<cause_code::kUserInitiatedAbort>;

}  // namespace dpsctp::wire
