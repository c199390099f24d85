// Host: anything that speaks SCTP on the simulator's virtual network (sim/network.h). The
// protocol core's Endpoint is adapted to it by EndpointHost (sim/endpoint_host.h); tests of
// the network model itself use trivial recording hosts.
//
// No RFC sections: this is test infrastructure, not protocol.
#pragma once

#include "dpsctp/address.h"
#include "dpsctp/time.h"
#include "wire/byte_io.h"

namespace dpsctp::sim {

class Host {
 public:
  virtual ~Host() = default;
  /// A packet arrived for `dst` (one of the host's attached addresses) at virtual time
  /// `now`. `packet` is valid only during the call. The host may call Network::send().
  virtual void receive(wire::ByteSpan packet, const IpAddress& src, const IpAddress& dst,
                       Instant now) = 0;
  /// Called by the network when virtual time reaches next_timer(). The host must move its
  /// next_timer() past `now` (or to kNever); a host that does not stalls the simulation.
  virtual void on_timer(Instant now) = 0;
  /// The host's earliest deadline, kNever when none is armed. Polled by the network
  /// before each event, so a deadline armed by a user call between runs is honoured.
  [[nodiscard]] virtual Instant next_timer() const = 0;
};

}  // namespace dpsctp::sim
