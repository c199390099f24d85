// Per-destination transport address state (RFC 9260 §6.4, §7.2, §8.2, §8.3): what one
// path (local address -> peer address) needs for retransmission timing, congestion
// control and failure detection. An association has a list of them from day one, even
// when single-homed (multi-homing is built on this).
#pragma once

#include <cstdint>

#include "core/path/rto_estimator.h"
#include "core/tx/congestion_control.h"
#include "dpsctp/address.h"
#include "dpsctp/options.h"
#include "dpsctp/time.h"

namespace dpsctp::core {

struct Path {
  Path(const IpAddress& local_ip, const IpAddress& peer_ip, const AssociationOptions& o)
      : local(local_ip), peer(peer_ip), rto(o), cc(sctp_mtu(o, peer_ip), o.max_burst), mtu(sctp_mtu(o, peer_ip)) {}

  /// Largest SCTP packet (common header onwards) on this path: the IP MTU minus the IP
  /// header (20 bytes for IPv4 without options, 40 for IPv6).
  static uint32_t sctp_mtu(const AssociationOptions& o, const IpAddress& peer_ip) {
    return o.mtu - (peer_ip.is_v4() ? 20u : 40u);
  }

  IpAddress local;
  IpAddress peer;
  RtoEstimator rto;
  CongestionControl cc;
  uint32_t mtu;
  uint16_t error_count = 0;  ///< §8.2: consecutive timeouts / unacked heartbeats
  bool active = true;        ///< §8.2: INACTIVE after Path.Max.Retrans
  bool potentially_failed = false;  ///< RFC 7829 §5: timed out, avoided, probed per RTO
  bool confirmed = true;     ///< §5.4: addresses from INIT/INIT ACK start unconfirmed
  Instant t3 = kNever;       ///< T3-rtx deadline (§6.3.2)
  Instant heartbeat = kNever;  ///< next HEARTBEAT due (§8.3)
  Instant last_send{};
  uint64_t hb_nonce = 0;        ///< nonce of the outstanding HEARTBEAT (forged ACKs ignored)
  bool hb_outstanding = false;
};

}  // namespace dpsctp::core
