// The Linux SCTP SNMP counter set (/proc/net/sctp/snmp; RFC 3873 MIB) plus dpsctp's own
// drop counters. Sans-IO core: plain integers owned by one endpoint (one shard); the
// runtime sums them across shards when they are read.
#pragma once

#include <cstdint>

namespace dpsctp {

struct SnmpCounters {
  uint64_t SctpCurrEstab = 0;      ///< gauge: ESTABLISHED, SHUTDOWN-RECEIVED, -PENDING
  uint64_t SctpActiveEstabs = 0;   ///< COOKIE-ECHOED -> ESTABLISHED
  uint64_t SctpPassiveEstabs = 0;  ///< CLOSED -> ESTABLISHED (valid COOKIE ECHO)
  uint64_t SctpAborteds = 0;       ///< -> CLOSED by ABORT, sent or received
  uint64_t SctpShutdowns = 0;      ///< -> CLOSED from SHUTDOWN-SENT / SHUTDOWN-ACK-SENT
  uint64_t SctpOutOfBlues = 0;     ///< well-formed packets with no association
  uint64_t SctpChecksumErrors = 0;
  uint64_t SctpOutCtrlChunks = 0;
  uint64_t SctpOutOrderChunks = 0;
  uint64_t SctpOutUnorderChunks = 0;
  uint64_t SctpInCtrlChunks = 0;
  uint64_t SctpInOrderChunks = 0;
  uint64_t SctpInUnorderChunks = 0;
  uint64_t SctpFragUsrMsgs = 0;
  uint64_t SctpReasmUsrMsgs = 0;
  uint64_t SctpOutSCTPPacks = 0;
  uint64_t SctpInSCTPPacks = 0;
  // dpsctp additions: why packets were dropped (each counted once).
  uint64_t DpsctpMalformedPackets = 0;  ///< PacketView or a chunk parser rejected it
  uint64_t DpsctpBadVtag = 0;           ///< §8.5 verification tag mismatch
  uint64_t DpsctpRetransmittedChunks = 0;  ///< DATA chunks sent again (T3-rtx or fast)
  uint64_t DpsctpT3Expirations = 0;
  uint64_t DpsctpFastRetransmits = 0;
  uint64_t DpsctpDuplicateTsns = 0;     ///< DATA received twice
  uint64_t DpsctpStaleCookies = 0;
  uint64_t DpsctpBadCookies = 0;        ///< MAC or format invalid: silently discarded
  uint64_t DpsctpInitsReceived = 0;
  // Robustness counters (issue #10): every discarded or refused input is counted once.
  uint64_t DpsctpUnrecognizedChunks = 0;   ///< §3.2 unknown chunk types (any upper-bit action)
  uint64_t DpsctpBadHeartbeatAcks = 0;     ///< §8.3 HEARTBEAT ACK with a nonce we did not send
  uint64_t DpsctpProtocolViolations = 0;   ///< §6.2.1 / §9.2 ack of a TSN never sent: ABORT
  uint64_t DpsctpInvalidStreams = 0;       ///< §6.5 DATA on a stream >= the inbound streams
  uint64_t DpsctpReceiveBufferDrops = 0;   ///< §6.2 DATA dropped (unacked) for lack of space
  uint64_t DpsctpResourceRejects = 0;      ///< §3.3.10.4 INIT/COOKIE ECHO past max_associations
  // RFC 6525 stream reconfiguration (RE-CONFIG): requests and the responses we sent.
  uint64_t DpsctpReconfigRequestsSent = 0;      ///< request parameters sent (first time)
  uint64_t DpsctpReconfigRetransmissions = 0;   ///< RE-CONFIG chunks sent again (§5.1.1)
  uint64_t DpsctpReconfigRequestsReceived = 0;  ///< request parameters received
  uint64_t DpsctpReconfigResponsesPerformed = 0;   ///< answered Success (§4.4 results 0, 1)
  uint64_t DpsctpReconfigResponsesDenied = 0;      ///< answered Denied
  uint64_t DpsctpReconfigResponsesError = 0;       ///< answered Error (wrong SSN, busy, bad seq)
  uint64_t DpsctpReconfigResponsesInProgress = 0;  ///< answered In progress (deferred)
  // PR-SCTP (RFC 3758, RFC 7496): messages abandoned (each also reported as send-failed).
  uint64_t DpsctpAbandonedUnsent = 0;      ///< lifetime ended before any of it was sent
  uint64_t DpsctpAbandonedSent = 0;        ///< abandoned after being sent (TTL or RTX limit)
  uint64_t DpsctpForwardTsnSent = 0;       ///< FORWARD TSN chunks sent (§3.5 C3)
  uint64_t DpsctpForwardTsnReceived = 0;   ///< well-formed FORWARD TSN chunks received (§3.6)
  // RFC 8260 I-DATA (user message interleaving).
  uint64_t DpsctpIDataChunksSent = 0;      ///< I-DATA chunks sent (first transmissions)
  uint64_t DpsctpIDataChunksReceived = 0;  ///< well-formed I-DATA chunks received
  uint64_t DpsctpIForwardTsnReceived = 0;  ///< well-formed I-FORWARD-TSN chunks received
  uint64_t DpsctpDataKindViolations = 0;   ///< §2.2.1 DATA/I-DATA mixed up: ABORT
};

}  // namespace dpsctp
