// The per-packet routing decision of design.md §3; see shard_route.h.
#include "runtime/stack/shard_route.h"

namespace dpsctp::runtime {
namespace {

// RFC 9260 §3.2 chunk types and §3.3.7 / §3.3.13 T bit.
constexpr uint8_t kInit = 1;
constexpr uint8_t kAbort = 6;
constexpr uint8_t kShutdownComplete = 14;
constexpr uint8_t kTBit = 0x01;
constexpr size_t kCommonHeader = 12;
constexpr size_t kChunkHeader = 4;

uint32_t load_be32(std::span<const std::byte> b, size_t at) {
  return (std::to_integer<uint32_t>(b[at]) << 24) | (std::to_integer<uint32_t>(b[at + 1]) << 16) |
         (std::to_integer<uint32_t>(b[at + 2]) << 8) | std::to_integer<uint32_t>(b[at + 3]);
}

}  // namespace

Route route_sctp(uint32_t vtag, uint8_t type, uint8_t flags, uint16_t self, uint16_t shards) {
  if (shards <= 1) return {RouteKind::kLocal, self};
  // §5.2: an INIT may belong to an existing association (restart, collision).
  if (type == kInit) return {RouteKind::kIndex, self};
  // §8.5.1 B, C: the T bit means the tag is the peer's, not ours.
  if ((type == kAbort || type == kShutdownComplete) && (flags & kTBit) != 0) {
    return {RouteKind::kIndex, self};
  }
  // §8.5: tag 0 outside INIT is never ours (we never pick 0): OOTB, handled here.
  if (vtag == 0) return {RouteKind::kLocal, self};
  const uint16_t owner = owner_of_tag(vtag, shards);
  if (owner == self) return {RouteKind::kLocal, self};
  return {RouteKind::kOwner, owner};
}

uint16_t init_shard(const IpAddress& peer, uint16_t peer_port, uint16_t local_port,
                    uint16_t shards) {
  if (shards <= 1) return 0;
  // FNV-1a over the address, then the ports mixed in; stable across processes (no
  // random seed: the spread is for load, not a defence).
  uint64_t h = IpAddressHash{}(peer);
  h = (h ^ peer_port) * 1099511628211ull;
  h = (h ^ local_port) * 1099511628211ull;
  h ^= h >> 29;
  return static_cast<uint16_t>(h % shards);
}

Route route_sctp(std::span<const std::byte> sctp, uint16_t self, uint16_t shards) {
  if (shards <= 1 || sctp.size() < kCommonHeader + kChunkHeader) return {RouteKind::kLocal, self};
  // §3.1: the verification tag is bytes 4..7 of the common header; the first chunk's
  // type and flags follow the 12-byte header.
  return route_sctp(load_be32(sctp, 4), std::to_integer<uint8_t>(sctp[kCommonHeader]),
                    std::to_integer<uint8_t>(sctp[kCommonHeader + 1]), self, shards);
}

}  // namespace dpsctp::runtime
