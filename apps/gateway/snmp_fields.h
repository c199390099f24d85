// The SnmpCounters fields by name (the Linux /proc/net/sctp/snmp names plus dpsctp's
// own), for summing across endpoints and for the /dpsctp/snmp telemetry command.
// A static_assert keeps the list in step with include/dpsctp/counters.h.
#pragma once

#include <array>
#include <cstdint>

#include "dpsctp/counters.h"

namespace dpsctp::gateway {

struct SnmpField {
  const char* name;
  uint64_t SnmpCounters::*member;
};

inline constexpr std::array kSnmpFields = {
    SnmpField{"SctpCurrEstab", &SnmpCounters::SctpCurrEstab},
    SnmpField{"SctpActiveEstabs", &SnmpCounters::SctpActiveEstabs},
    SnmpField{"SctpPassiveEstabs", &SnmpCounters::SctpPassiveEstabs},
    SnmpField{"SctpAborteds", &SnmpCounters::SctpAborteds},
    SnmpField{"SctpShutdowns", &SnmpCounters::SctpShutdowns},
    SnmpField{"SctpOutOfBlues", &SnmpCounters::SctpOutOfBlues},
    SnmpField{"SctpChecksumErrors", &SnmpCounters::SctpChecksumErrors},
    SnmpField{"SctpOutCtrlChunks", &SnmpCounters::SctpOutCtrlChunks},
    SnmpField{"SctpOutOrderChunks", &SnmpCounters::SctpOutOrderChunks},
    SnmpField{"SctpOutUnorderChunks", &SnmpCounters::SctpOutUnorderChunks},
    SnmpField{"SctpInCtrlChunks", &SnmpCounters::SctpInCtrlChunks},
    SnmpField{"SctpInOrderChunks", &SnmpCounters::SctpInOrderChunks},
    SnmpField{"SctpInUnorderChunks", &SnmpCounters::SctpInUnorderChunks},
    SnmpField{"SctpFragUsrMsgs", &SnmpCounters::SctpFragUsrMsgs},
    SnmpField{"SctpReasmUsrMsgs", &SnmpCounters::SctpReasmUsrMsgs},
    SnmpField{"SctpOutSCTPPacks", &SnmpCounters::SctpOutSCTPPacks},
    SnmpField{"SctpInSCTPPacks", &SnmpCounters::SctpInSCTPPacks},
    SnmpField{"DpsctpMalformedPackets", &SnmpCounters::DpsctpMalformedPackets},
    SnmpField{"DpsctpBadVtag", &SnmpCounters::DpsctpBadVtag},
    SnmpField{"DpsctpRetransmittedChunks", &SnmpCounters::DpsctpRetransmittedChunks},
    SnmpField{"DpsctpT3Expirations", &SnmpCounters::DpsctpT3Expirations},
    SnmpField{"DpsctpFastRetransmits", &SnmpCounters::DpsctpFastRetransmits},
    SnmpField{"DpsctpDuplicateTsns", &SnmpCounters::DpsctpDuplicateTsns},
    SnmpField{"DpsctpStaleCookies", &SnmpCounters::DpsctpStaleCookies},
    SnmpField{"DpsctpBadCookies", &SnmpCounters::DpsctpBadCookies},
    SnmpField{"DpsctpInitsReceived", &SnmpCounters::DpsctpInitsReceived},
    SnmpField{"DpsctpUnrecognizedChunks", &SnmpCounters::DpsctpUnrecognizedChunks},
    SnmpField{"DpsctpBadHeartbeatAcks", &SnmpCounters::DpsctpBadHeartbeatAcks},
    SnmpField{"DpsctpProtocolViolations", &SnmpCounters::DpsctpProtocolViolations},
    SnmpField{"DpsctpInvalidStreams", &SnmpCounters::DpsctpInvalidStreams},
    SnmpField{"DpsctpReceiveBufferDrops", &SnmpCounters::DpsctpReceiveBufferDrops},
    SnmpField{"DpsctpResourceRejects", &SnmpCounters::DpsctpResourceRejects},
    SnmpField{"DpsctpReconfigRequestsSent", &SnmpCounters::DpsctpReconfigRequestsSent},
    SnmpField{"DpsctpReconfigRetransmissions", &SnmpCounters::DpsctpReconfigRetransmissions},
    SnmpField{"DpsctpReconfigRequestsReceived", &SnmpCounters::DpsctpReconfigRequestsReceived},
    SnmpField{"DpsctpReconfigResponsesPerformed", &SnmpCounters::DpsctpReconfigResponsesPerformed},
    SnmpField{"DpsctpReconfigResponsesDenied", &SnmpCounters::DpsctpReconfigResponsesDenied},
    SnmpField{"DpsctpReconfigResponsesError", &SnmpCounters::DpsctpReconfigResponsesError},
    SnmpField{"DpsctpReconfigResponsesInProgress", &SnmpCounters::DpsctpReconfigResponsesInProgress},
    SnmpField{"DpsctpAbandonedUnsent", &SnmpCounters::DpsctpAbandonedUnsent},
    SnmpField{"DpsctpAbandonedSent", &SnmpCounters::DpsctpAbandonedSent},
    SnmpField{"DpsctpForwardTsnSent", &SnmpCounters::DpsctpForwardTsnSent},
    SnmpField{"DpsctpForwardTsnReceived", &SnmpCounters::DpsctpForwardTsnReceived},
    SnmpField{"DpsctpIDataChunksSent", &SnmpCounters::DpsctpIDataChunksSent},
    SnmpField{"DpsctpIDataChunksReceived", &SnmpCounters::DpsctpIDataChunksReceived},
    SnmpField{"DpsctpIForwardTsnReceived", &SnmpCounters::DpsctpIForwardTsnReceived},
    SnmpField{"DpsctpDataKindViolations", &SnmpCounters::DpsctpDataKindViolations},
};
static_assert(kSnmpFields.size() * sizeof(uint64_t) == sizeof(SnmpCounters),
              "a counter was added to SnmpCounters: list it here too");

inline void add(SnmpCounters& to, const SnmpCounters& from) {
  for (const SnmpField& f : kSnmpFields) to.*f.member += from.*f.member;
}

}  // namespace dpsctp::gateway
