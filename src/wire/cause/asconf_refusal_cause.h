// The four RFC 5061 §4.3 error causes that refuse an ASCONF request and carry a copy of
// the request parameter (Add IP Address, Delete IP Address, Set Primary Address...)
// that caused them, in an ASCONF-ACK's Error Cause Indication (RFC 5061 §4.2.3):
//
//   0x00A0  Request to Delete Last Remaining IP Address  §4.3.1  TLV-Copy of Last Address
//   0x00A1  Operation Refused Due to Resource Shortage   §4.3.2  TLV-Copy of Current Request
//   0x00A2  Request to Delete Source IP Address          §4.3.3  TLV-Copy of Source Address
//   0x00A4  Request Refused - No Authorization           §4.3.5  TLV-Copy of Request
//
// (0x00A3, Association Aborted Due to Illegal ASCONF-ACK, has no information:
// illegal_asconf_ack_cause.h.)
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Cause Code = 0x00A0..A4     |     Cause Length = Variable   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                     TLV-Copy of the request                   /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// One shape, TlvCopyCause of cause_shapes.h, parameterised by the code: `tlv` is the
// copied request parameter, parameter() frames it; errors as for Unresolvable Address.
#pragma once

#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

using DeleteLastRemainingAddressCause = TlvCopyCause<cause_code::kDeleteLastRemainingAddress>;
using OperationRefusedResourceShortageCause =
    TlvCopyCause<cause_code::kOperationRefusedResourceShortage>;
using DeleteSourceAddressCause = TlvCopyCause<cause_code::kDeleteSourceAddress>;
using RequestRefusedNoAuthorizationCause = TlvCopyCause<cause_code::kRequestRefusedNoAuthorization>;

extern template struct TlvCopyCause<cause_code::kDeleteLastRemainingAddress>;
extern template struct TlvCopyCause<cause_code::kOperationRefusedResourceShortage>;
extern template struct TlvCopyCause<cause_code::kDeleteSourceAddress>;
extern template struct TlvCopyCause<cause_code::kRequestRefusedNoAuthorization>;

}  // namespace dpsctp::wire
