// Which shard handles a received SCTP packet (design.md §3). Pure: no DPDK, no state;
// the shard calls it once per SCTP packet it receives from the port, tests call it on
// byte arrays.
//
// Our local verification tags encode their shard (tag % shards == shard, chosen by
// core::Endpoint::new_local_tag), so the tag of almost every packet names its owner:
//   - RFC 9260 §8.5: every packet but INIT carries the receiver's (our) tag -> owner =
//     vtag % shards, O(1), no shared state;
//   - RFC 9260 §8.5.1 rule B/C: ABORT / SHUTDOWN COMPLETE with the T bit set carry the
//     PEER's tag -> the owner comes from the cross-shard index (peer address, peer port,
//     local port); not found: handled here (it is OOTB, §8.4 rule 2 / 6 discards it);
//   - INIT (§8.5.1 rule A, tag 0): normally answered statelessly by the receiving shard,
//     whose INIT ACK names that same shard in the new tag and the cookie, so COOKIE ECHO
//     comes back to it; but an INIT for an existing association (restart or collision,
//     §5.2) must reach the association's owner -> cross-shard index first;
//   - any other packet with tag 0 or too short to tell: handled here (the Endpoint
//     counts it malformed or answers it as OOTB, §8.4).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "dpsctp/address.h"

namespace dpsctp::runtime {

enum class RouteKind : uint8_t {
  kLocal,  ///< process on the receiving shard
  kOwner,  ///< hand off to `shard`, the owner named by our tag
  kIndex,  ///< look the owner up in the cross-shard index; process locally if absent
};

struct Route {
  RouteKind kind = RouteKind::kLocal;
  uint16_t shard = 0;  ///< kOwner: the owning shard
  friend constexpr bool operator==(const Route&, const Route&) = default;
};

/// The shard a tag belongs to (design.md §3).
[[nodiscard]] constexpr uint16_t owner_of_tag(uint32_t vtag, uint16_t shards) {
  return shards <= 1 ? uint16_t{0} : static_cast<uint16_t>(vtag % shards);
}

/// Routing decision from the vtag, the first chunk's type and flags. `self` is the
/// receiving shard, `shards` their number (>= 1).
[[nodiscard]] Route route_sctp(uint32_t vtag, uint8_t first_chunk_type, uint8_t first_chunk_flags,
                               uint16_t self, uint16_t shards);

/// The shard that answers an INIT of no existing association when INITs are spread in
/// software (one RX queue, no RSS: shard 0 would otherwise own every association): a
/// hash of the flow (peer address, peer port, local port) modulo `shards`, so each
/// retransmitted INIT of a flow goes to the same shard. That shard answers statelessly
/// and its tag names it, so the association lives there (RFC 9260 §5.1.3: the cookie is
/// self-contained; design.md §3: the cookie names the owning shard).
[[nodiscard]] uint16_t init_shard(const IpAddress& peer, uint16_t peer_port, uint16_t local_port,
                                  uint16_t shards);

/// The same from the SCTP packet's bytes (common header, then the first chunk header;
/// RFC 9260 §3.1, §3.2). Fewer than 16 bytes: kLocal (the Endpoint counts it malformed).
[[nodiscard]] Route route_sctp(std::span<const std::byte> sctp, uint16_t self, uint16_t shards);

}  // namespace dpsctp::runtime
