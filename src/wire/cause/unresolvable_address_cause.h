// Unresolvable Address error cause (RFC 9260 §3.3.10.5): the sender cannot resolve an
// address (or host name) it received; the cause carries that address parameter whole.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Cause Code = 5         |      Cause Length = Variable  |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                      Unresolvable Address                     /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// "The Unresolvable Address field contains the complete Type, Length, and Value of the
// address parameter (or Host Name parameter)": the TlvCopyCause shape of cause_shapes.h.
// `tlv` holds the copied parameter as received, parameter() frames it. Errors: shorter
// than a cause header + a parameter header is kCauseTooShortForType; a broken copy is
// kParamLengthTooSmall / kParamLengthExceedsChunk; bytes after the copy (beyond its own
// padding) are kCauseLengthMismatch.
#pragma once

#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"

namespace dpsctp::wire {

using UnresolvableAddressCause = TlvCopyCause<cause_code::kUnresolvableAddress>;
extern template struct TlvCopyCause<cause_code::kUnresolvableAddress>;

}  // namespace dpsctp::wire
