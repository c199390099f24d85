// Cookie Received While Shutting Down (RFC 9260 §3.3.10.10): compiled once here; layout in the
// header.
#include "wire/cause/cookie_received_while_shutting_down_cause.h"

namespace dpsctp::wire {

template struct EmptyCause<cause_code::kCookieReceivedWhileShuttingDown>;

}  // namespace dpsctp::wire
