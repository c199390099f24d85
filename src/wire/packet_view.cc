#include "wire/packet_view.h"

namespace dpsctp::wire {

Result<PacketView> PacketView::parse(ByteSpan packet) {
  Result<CommonHeader> h = CommonHeader::parse(packet);
  if (!h) return h.error();
  PacketView v;
  v.header_ = *h;
  v.bytes_ = packet;
  ByteSpan rest = packet.subspan(CommonHeader::kSize);
  if (rest.empty()) return ParseError::kNoChunks;
  bool unbundleable = false;
  while (!rest.empty()) {
    Result<ChunkView> c = ChunkView::parse(rest);  // RFC 9260 §3.2: length within bounds
    if (!c) return c.error();
    if (v.chunk_count_ == 0) v.first_ = *c;
    unbundleable |= must_not_be_bundled(c->type);
    ++v.chunk_count_;
    rest = rest.subspan(ChunkView::stride(c->length, rest.size()));
  }
  // RFC 9260 §6.10: INIT, INIT ACK and SHUTDOWN COMPLETE MUST NOT be bundled.
  if (unbundleable && v.chunk_count_ > 1) return ParseError::kUnbundleableChunkBundled;
  return v;
}

}  // namespace dpsctp::wire
