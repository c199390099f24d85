// Protocol tunables. Defaults are RFC 9260 §16 "Suggested SCTP Protocol Parameter
// Values"; names follow the Linux sysctls (/proc/sys/net/sctp/*) operators know.
#pragma once

#include <cstdint>

#include "dpsctp/time.h"

namespace dpsctp {

/// RFC 8260 §3 stream schedulers (§4.3.2 SCTP_STREAM_SCHEDULER): how the outbound streams
/// of an association share it.
enum class StreamSchedulerKind : uint8_t {
  kFirstComeFirstServed,  ///< §3.1 SCTP_SS_FCFS: messages in the order they were sent
  kRoundRobin,            ///< §3.2 SCTP_SS_RR: one message per stream in turn
  kRoundRobinPerPacket,   ///< §3.3 SCTP_SS_RR_PKT: one stream per packet, in turn
  kPriority,              ///< §3.4 SCTP_SS_PRIO: lowest stream value first
  kFairCapacity,          ///< §3.5 SCTP_SS_FC: equal bytes per stream ("fair bandwidth")
  kWeightedFairQueueing,  ///< §3.6 SCTP_SS_WFQ: bytes in proportion to the stream weights
};

struct AssociationOptions {
  // --- Retransmission timer (RFC 9260 §6.3.1, §16) --------------------------------------
  Duration rto_initial = 1s;  ///< RFC 9260 §16 RTO.Initial (Linux sysctl default: 3 s)
  Duration rto_min = 1s;      ///< RTO.Min
  Duration rto_max = 60s;     ///< RTO.Max
  uint8_t rto_alpha_exp_divisor = 3;  ///< RTO.Alpha = 1/8 as a right shift
  uint8_t rto_beta_exp_divisor = 2;   ///< RTO.Beta = 1/4 as a right shift

  // --- Failure detection (§8.1, §8.2, §8.3) -----------------------------------------
  uint16_t association_max_retrans = 10;  ///< Association.Max.Retrans
  uint16_t path_max_retrans = 5;          ///< Path.Max.Retrans
  /// RFC 7829 PFMR: past this many timeouts a path is Potentially Failed: data avoids it
  /// while another path is active and heartbeats probe it every RTO (Linux pf_retrans).
  uint16_t pf_max_retrans = 0;
  uint16_t max_init_retransmits = 8;      ///< Max.Init.Retransmits
  Duration hb_interval = 30s;             ///< HB.interval; 0 disables heartbeats
  bool heartbeat_enabled = true;
  /// After a failover (§6.4.1), move data back to the primary path once it is reachable
  /// again (true), or stay on the alternate (false).
  bool return_to_primary = true;

  // --- Handshake (§5.1) ----------------------------------------------------------------
  Duration valid_cookie_life = 60s;  ///< Valid.Cookie.Life
  bool cookie_preserve_enable = true;  ///< honour Cookie Preservative (§5.1.3)
  uint16_t outbound_streams = 10;      ///< OS we ask for in INIT / INIT ACK
  uint16_t max_inbound_streams = 65535;  ///< MIS we accept

  // --- Data transfer (§6, §7) ---------------------------------------------------------
  Duration sack_timeout = 200ms;  ///< delayed SACK (§6.2: at most 500 ms)
  uint8_t sack_freq = 2;          ///< SACK at least every 2nd packet with DATA (§6.2)
  uint8_t max_burst = 4;          ///< Max.Burst (§7.2.4, §6.1)
  uint32_t receive_window = 256 * 1024;  ///< a_rwnd advertised; also the reassembly limit
  uint32_t send_buffer = 1024 * 1024;    ///< bytes queued + in flight before send() refuses
  uint32_t mtu = 1500;                   ///< IP MTU of the paths (§8.4 / PMTU start value)
  uint32_t max_seg = 0;                  ///< SCTP_MAXSEG: max DATA payload; 0 = PMTU-bound
  bool nodelay = false;                  ///< SCTP_NODELAY: no Nagle-like bundling delay
  bool disable_fragments = false;        ///< SCTP_DISABLE_FRAGMENTS
  Duration autoclose = 0s;               ///< SCTP_AUTOCLOSE; 0 = off

  // --- Shutdown (§9.2) ----------------------------------------------------------------
  /// T5-shutdown-guard; RFC 9260 §9.2 suggests 5 × RTO.Max. 0 = use that.
  Duration t5_shutdown_guard = 0s;

  // --- Extensions ----------------------------------------------------------------------
  bool prsctp_enable = true;  ///< announce Forward-TSN-Supported (RFC 3758)
  /// RFC 8260 I-DATA / I-FORWARD-TSN (user message interleaving), announced in the Supported
  /// Extensions parameter (RFC 5061 §4.2.7); used only when both ends list I-DATA
  /// (RFC 8260 §2.2.1). Off by default, like Linux net.sctp.intl_enable.
  bool interleaving_enable = false;
  /// RFC 6525 stream reconfiguration: announce RE-CONFIG (0x82) in Supported Extensions
  /// (RFC 6525 §4 / RFC 5061 §4.2.7), accept the peer's requests and allow ours (Linux
  /// SCTP_ENABLE_STREAM_RESET / net.sctp.reconf_enable). Off: requests are answered Denied.
  bool reconfig_enable = true;
  /// RFC 8260 §3: the stream scheduler of new associations (Linux default: FCFS);
  /// Association::set_stream_scheduler changes it per association.
  StreamSchedulerKind stream_scheduler = StreamSchedulerKind::kFirstComeFirstServed;
};

}  // namespace dpsctp
