// Unrecognized Parameters (RFC 9260 §3.3.10.8): compiled once here; layout in the header.
#include "wire/cause/unrecognized_parameters_cause.h"

namespace dpsctp::wire {

template struct TlvListCause<cause_code::kUnrecognizedParameters>;

}  // namespace dpsctp::wire
