// Fragment: one DATA chunk's worth of a user message (RFC 9260 §6.9), cut by the send
// queue and handed to the retransmission queue, which assigns its TSN. The payload bytes
// stay in the message's pooled buffer; the fragment holds a reference and a slice.
#pragma once

#include <cstdint>

#include "core/tx/payload.h"
#include "dpsctp/time.h"
#include "dpsctp/types.h"

namespace dpsctp::core {

struct Fragment {
  StreamId stream;
  Ssn ssn;
  Ppid ppid;
  bool unordered = false;
  bool beginning = true;  ///< B bit: first fragment of the message
  bool ending = true;     ///< E bit: last fragment of the message
  PayloadRef payload;     ///< the whole message's buffer
  uint32_t offset = 0;    ///< this fragment's slice of it
  uint32_t length = 0;
  uint32_t context = 0;     ///< the caller's send() context, for send-failed events
  Instant expires = kNever;  ///< PR-SCTP timed reliability (RFC 3758); kNever = reliable
  uint16_t max_retransmits = 0xFFFF;  ///< RFC 7496 limited retransmissions; 0xFFFF = no limit
  // I-DATA only (RFC 8260 §2.1): the message's MID (per stream, ordered and unordered
  // counted apart) and this fragment's FSN (0 for the first, then +1 per fragment).
  Mid mid;
  Fsn fsn;

  [[nodiscard]] wire::ByteSpan bytes() const { return payload.bytes().subspan(offset, length); }
};

}  // namespace dpsctp::core
