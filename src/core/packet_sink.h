// Where the sans-IO core's packets go. The runtime implements it over mbufs (next_buffer()
// is an mbuf's data room, send() appends it to the TX burst); the simulator over its
// virtual links; tests over a vector. One virtual call per packet — the same price as a
// PMD's tx_burst function pointer — and none per chunk.
#pragma once

#include <cstddef>

#include "dpsctp/address.h"
#include "wire/byte_io.h"

namespace dpsctp::core {

class PacketSink {
 public:
  virtual ~PacketSink() = default;
  /// A buffer for the next packet; at least the path MTU minus IP headers, i.e. at least
  /// AssociationOptions::mtu bytes. Valid until the next send() or next_buffer().
  virtual wire::MutableByteSpan next_buffer() = 0;
  /// Sends the first `len` bytes of the last next_buffer() from `src` to `dst`. The
  /// CRC32c is already filled unless fills_checksum() is true.
  virtual void send(size_t len, const IpAddress& src, const IpAddress& dst) = 0;
  /// True when the sink (a NIC with RTE_ETH_TX_OFFLOAD_SCTP_CKSUM) computes the CRC32c.
  [[nodiscard]] virtual bool fills_checksum() const { return false; }
};

}  // namespace dpsctp::core
