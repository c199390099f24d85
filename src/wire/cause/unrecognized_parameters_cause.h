// Unrecognized Parameters error cause (RFC 9260 §3.3.10.8): returned to the originator
// of an INIT ACK, in an ERROR bundled with the COOKIE ECHO, for the INIT ACK parameters
// it did not recognise and whose type asks to be reported (§3.2.1, upper bits 01, 11).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Cause Code = 8           |     Cause Length = Variable   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                    Unrecognized Parameters                    /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// "This field contains the complete TLV(s) of the unrecognized parameter(s)": the
// TlvListCause shape of cause_shapes.h. parse() validates the TLVs (kParam* structure
// errors), so iterating parameters() cannot fail; an empty list is kCauseTooShortForType
// (a cause that reports no parameter is meaningless). write() builds one from TlvViews.
#pragma once

#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

using UnrecognizedParametersCause = TlvListCause<cause_code::kUnrecognizedParameters>;
extern template struct TlvListCause<cause_code::kUnrecognizedParameters>;

}  // namespace dpsctp::wire
