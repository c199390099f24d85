// describe_cause(): one log line for any error cause TLV (RFC 9260 §3.3.10), found in
// ABORT (§3.3.7), ERROR (§3.3.10) and ASCONF-ACK Error Cause Indication (RFC 5061 §4.2.3).
// It dispatches on the Cause Code to the typed parser of wire/cause/ and prints its
// to_string(); logs, traces and the fuzz targets use it. Never throws, never reads out
// of the TLV's bounds, whatever the bytes.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Cause Code           |         Cause Length          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                   Cause-Specific Information                  /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/tlv.h"

namespace dpsctp::wire {

/// The typed cause's to_string() ("Stale Cookie Error staleness=1500us"),
/// "<name> malformed: <ParseError text>" when its parser rejects it, or
/// "Unknown cause 0x1234 len=8" for a code this codec does not know.
std::string describe_cause(const TlvView& t);

}  // namespace dpsctp::wire
