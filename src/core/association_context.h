// What every association of one Endpoint shares: the endpoint's options, its packet sink
// and listener, counters, payload pool and random source. Owned by the Endpoint, which
// outlives its associations; one per shard, never shared across threads.
#pragma once

#include <cstdint>
#include <span>

#include "core/packet_sink.h"
#include "core/random.h"
#include "core/tx/payload.h"
#include "dpsctp/address.h"
#include "dpsctp/counters.h"
#include "dpsctp/events.h"
#include "dpsctp/options.h"
#include "wire/packet_builder.h"

namespace dpsctp::core {

struct AssociationContext {
  const AssociationOptions& options;
  PacketSink& sink;
  Listener& listener;
  SnmpCounters& counters;
  PayloadPool& pool;
  Random& rng;
  uint16_t local_port = 0;
  std::span<const IpAddress> local_addresses;  ///< the endpoint's (bindx), first = default
};

/// Finishes `b` (the CRC32c, unless the sink offloads it) and sends it from `src` to
/// `dst`, counting the packet and its `control_chunks`. False if the packet overflowed.
inline bool send_packet(AssociationContext& ctx, wire::PacketBuilder& b, const IpAddress& src,
                        const IpAddress& dst, uint64_t control_chunks) {
  wire::MutableByteSpan pkt = b.finish(ctx.sink.fills_checksum());
  if (pkt.empty()) return false;
  ctx.counters.SctpOutCtrlChunks += control_chunks;
  ++ctx.counters.SctpOutSCTPPacks;
  ctx.sink.send(pkt.size(), src, dst);
  return true;
}

}  // namespace dpsctp::core
