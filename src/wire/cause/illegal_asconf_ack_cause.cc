// Association Aborted Due to Illegal ASCONF-ACK (RFC 5061 §4.3.4): compiled once here;
// layout in the header.
#include "wire/cause/illegal_asconf_ack_cause.h"

namespace dpsctp::wire {

template struct EmptyCause<cause_code::kIllegalAsconfAck>;

}  // namespace dpsctp::wire
