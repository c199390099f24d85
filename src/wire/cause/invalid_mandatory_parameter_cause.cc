// Invalid Mandatory Parameter (RFC 9260 §3.3.10.7): compiled once here; layout in the header.
#include "wire/cause/invalid_mandatory_parameter_cause.h"

namespace dpsctp::wire {

template struct EmptyCause<cause_code::kInvalidMandatoryParameter>;

}  // namespace dpsctp::wire
