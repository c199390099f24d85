// Restart of an Association with New Addresses (RFC 9260 §3.3.10.11): compiled once
// here; layout in the header.
#include "wire/cause/restart_with_new_addresses_cause.h"

namespace dpsctp::wire {

template struct TlvListCause<cause_code::kRestartWithNewAddresses>;

}  // namespace dpsctp::wire
