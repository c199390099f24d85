// Protocol Violation (RFC 9260 §3.3.10.13): compiled once here; layout in the header.
#include "wire/cause/protocol_violation_cause.h"

namespace dpsctp::wire {

template struct OpaqueCause<cause_code::kProtocolViolation>;

}  // namespace dpsctp::wire
