// Out of Resource (RFC 9260 §3.3.10.4): compiled once here; layout in the header.
#include "wire/cause/out_of_resource_cause.h"

namespace dpsctp::wire {

template struct EmptyCause<cause_code::kOutOfResource>;

}  // namespace dpsctp::wire
