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
};

}  // namespace dpsctp
