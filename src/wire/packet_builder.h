// PacketBuilder: writes one SCTP packet into a caller-supplied buffer — common header,
// then chunks appended by their serialize_to(), then the CRC32c. No allocation; the
// buffer is typically an mbuf's data room sized to the path MTU.
//
//   PacketBuilder b(buf, {.src_port = 36412, .dst_port = 36412, .vtag = peer_tag});
//   if (b.fits(data.serialized_size())) data.serialize_to(b.writer());
//   std::span<std::byte> pkt = b.finish();   // empty if anything overflowed
#pragma once

#include "wire/buffer_writer.h"
#include "wire/common_header.h"
#include "wire/crc32c.h"

namespace dpsctp::wire {

class PacketBuilder {
 public:
  PacketBuilder(MutableByteSpan buf, const CommonHeader& h) : w_(buf) { h.serialize_to(w_); }

  BufferWriter& writer() { return w_; }
  /// Whether a chunk of `chunk_length` (unpadded) still fits, with its padding.
  [[nodiscard]] bool fits(size_t chunk_length) const {
    return w_.ok() && pad4(chunk_length) <= w_.remaining();
  }
  [[nodiscard]] size_t size() const { return w_.size(); }
  [[nodiscard]] bool has_chunks() const { return w_.size() > CommonHeader::kSize; }

  /// Fills the checksum (unless `skip_checksum`: the NIC will, RTE_MBUF_F_TX_SCTP_CKSUM)
  /// and returns the packet, or an empty span if a write overflowed the buffer.
  MutableByteSpan finish(bool skip_checksum = false) {
    if (!w_.ok()) return {};
    MutableByteSpan p = w_.written();
    if (!skip_checksum) write_sctp_checksum(p);
    return p;
  }

 private:
  BufferWriter w_;
};

}  // namespace dpsctp::wire
