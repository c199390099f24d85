// Unresolvable Address (RFC 9260 §3.3.10.5): compiled once here; layout in the header.
#include "wire/cause/unresolvable_address_cause.h"

namespace dpsctp::wire {

template struct TlvCopyCause<cause_code::kUnresolvableAddress>;

}  // namespace dpsctp::wire
