// Restart of an Association with New Addresses error cause (RFC 9260 §3.3.10.11): an INIT
// tried to restart an association with addresses the association does not have; the
// ABORT refusing it lists the new addresses (§5.2).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Cause Code = 11          |     Cause Length = Variable   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                      New Address TLVs                         /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// "This field contains the complete TLV(s) of the new address(es)": the TlvListCause
// shape of cause_shapes.h. parse() validates the TLVs (kParam* structure errors), so
// iterating parameters() cannot fail; an empty list is kCauseTooShortForType. The TLV
// types are not checked here (the core matches them against the association).
#pragma once

#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

using RestartWithNewAddressesCause = TlvListCause<cause_code::kRestartWithNewAddresses>;
extern template struct TlvListCause<cause_code::kRestartWithNewAddresses>;

}  // namespace dpsctp::wire
