// The RFC 5061 §4.3 causes that refuse an ASCONF request: compiled once here; layout in
// the header.
#include "wire/cause/asconf_refusal_cause.h"

namespace dpsctp::wire {

template struct TlvCopyCause<cause_code::kDeleteLastRemainingAddress>;
template struct TlvCopyCause<cause_code::kOperationRefusedResourceShortage>;
template struct TlvCopyCause<cause_code::kDeleteSourceAddress>;
template struct TlvCopyCause<cause_code::kRequestRefusedNoAuthorization>;

}  // namespace dpsctp::wire
