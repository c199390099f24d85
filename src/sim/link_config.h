// LinkConfig: the model of one direction of the link between two addresses in the
// simulator's virtual network (sim/network.h): propagation delay and jitter, random loss,
// duplication, reordering and bit corruption, a serialising bottleneck with a drop-tail
// queue, and path failure.
//
// No RFC sections: this is test infrastructure. The impairments are those SCTP must
// survive: loss and reordering (RFC 9260 §6.2, §6.3, §7), duplicates (§6.2 "duplicate
// TSN"), corruption (§6.8 CRC32c), path failure (§8.2, multi-homing §6.4).
#pragma once

#include <cstddef>
#include <cstdint>

#include "dpsctp/time.h"

namespace dpsctp::sim {

struct LinkConfig {
  /// Per-packet propagation delay = delay + uniform[0, jitter] (whole microseconds).
  Duration delay = 5ms;
  Duration jitter = 0ms;
  /// Probability that a packet is dropped on the wire (after the bottleneck queue).
  double loss = 0.0;
  /// Probability that a packet is delivered twice; the copy draws its own jitter.
  double duplicate = 0.0;
  /// Probability that a packet is held back by an extra reorder_delay, so later packets
  /// overtake it.
  double reorder = 0.0;
  Duration reorder_delay = 10ms;
  /// Probability that exactly one uniformly chosen bit of the packet is flipped (the
  /// receiver's CRC32c must catch it). A duplicate carries the same corruption.
  double corrupt = 0.0;
  /// Bottleneck rate in bits per second; 0 = infinite. Packets serialise one after the
  /// other at this rate (queueing delay); a packet that would push the bytes waiting or
  /// being serialised beyond queue_limit_bytes is dropped (drop-tail).
  uint64_t bandwidth_bps = 0;
  size_t queue_limit_bytes = size_t{1} << 20;
  /// Path failure: false drops everything sent on this direction.
  bool up = true;
};

}  // namespace dpsctp::sim
