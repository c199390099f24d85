// route_sctp / init_shard: the multi-shard routing decision of design.md §3, with the
// RFC 9260 rules it follows (§8.5 tags, §8.5.1 T bit, §5.2 INIT for an existing
// association).
#include "runtime/stack/shard_route.h"

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <set>
#include <vector>

namespace dpsctp::runtime {
namespace {

constexpr uint8_t kData = 0, kInit = 1, kSack = 3, kAbort = 6, kShutdownAck = 8,
                  kCookieEcho = 10, kShutdownComplete = 14;
constexpr uint8_t kTBit = 1;

/// Common header (ports 5000 -> 36412, `vtag`, zero checksum) + one chunk header.
std::vector<std::byte> packet(uint32_t vtag, uint8_t type, uint8_t flags, size_t extra = 4) {
  std::vector<std::byte> p(16 + extra, std::byte{0});
  p[0] = std::byte{0x13};
  p[1] = std::byte{0x88};
  p[2] = std::byte{0x8e};
  p[3] = std::byte{0x3c};
  for (size_t i = 0; i < 4; ++i) p[4 + i] = static_cast<std::byte>(vtag >> (24 - 8 * i));
  p[12] = std::byte{type};
  p[13] = std::byte{flags};
  p[15] = std::byte{4};
  return p;
}

TEST(ShardRoute, OwnerOfTagIsTagModuloShards) {
  EXPECT_EQ(owner_of_tag(0x12345678, 1), 0);
  EXPECT_EQ(owner_of_tag(0x12345678, 2), 0);
  EXPECT_EQ(owner_of_tag(0x12345679, 2), 1);
  EXPECT_EQ(owner_of_tag(0xFFFFFFFF, 3), 0xFFFFFFFFu % 3);
  EXPECT_EQ(owner_of_tag(7, 0), 0);  // no shards configured: everything is shard 0's
}

TEST(ShardRoute, LoneShardKeepsEverything) {
  for (uint8_t type : {kData, kInit, kAbort, kShutdownComplete}) {
    EXPECT_EQ(route_sctp(0x1235, type, kTBit, 0, 1), (Route{RouteKind::kLocal, 0}));
  }
}

// RFC 9260 §8.5: every packet but INIT carries the receiver's tag, and ours name a shard.
TEST(ShardRoute, OrdinaryChunksGoToTheTagsOwner) {
  for (uint8_t type : {kData, kSack, kCookieEcho, kShutdownAck}) {
    EXPECT_EQ(route_sctp(0x1001, type, 0, 0, 2), (Route{RouteKind::kOwner, 1})) << int{type};
    EXPECT_EQ(route_sctp(0x1001, type, 0, 1, 2), (Route{RouteKind::kLocal, 1})) << int{type};
    EXPECT_EQ(route_sctp(0x1002, type, 0, 1, 4), (Route{RouteKind::kOwner, 2})) << int{type};
  }
}

// RFC 9260 §8.5.1 B, C: without the T bit, ABORT / SHUTDOWN COMPLETE carry our tag.
TEST(ShardRoute, AbortWithoutTBitGoesToTheTagsOwner) {
  EXPECT_EQ(route_sctp(0x1003, kAbort, 0, 0, 2), (Route{RouteKind::kOwner, 1}));
  EXPECT_EQ(route_sctp(0x1003, kShutdownComplete, 0, 0, 2), (Route{RouteKind::kOwner, 1}));
}

// RFC 9260 §8.5.1 B, C: with the T bit they carry the PEER's tag: the index decides.
TEST(ShardRoute, TBitAbortAndShutdownCompleteNeedTheIndex) {
  EXPECT_EQ(route_sctp(0x1003, kAbort, kTBit, 0, 2).kind, RouteKind::kIndex);
  EXPECT_EQ(route_sctp(0x1003, kShutdownComplete, kTBit, 1, 2).kind, RouteKind::kIndex);
  // The T bit means nothing on other chunks: SHUTDOWN ACK's flag bit is reserved.
  EXPECT_EQ(route_sctp(0x1003, kShutdownAck, kTBit, 0, 2), (Route{RouteKind::kOwner, 1}));
}

// RFC 9260 §5.2: an INIT may restart or collide with an existing association.
TEST(ShardRoute, InitNeedsTheIndex) {
  EXPECT_EQ(route_sctp(0, kInit, 0, 0, 2).kind, RouteKind::kIndex);
  EXPECT_EQ(route_sctp(0, kInit, 0, 1, 3).kind, RouteKind::kIndex);
}

// RFC 9260 §8.5: we never pick tag 0, so a non-INIT with tag 0 is OOTB: handled here.
TEST(ShardRoute, TagZeroOutsideInitStaysLocal) {
  EXPECT_EQ(route_sctp(0, kData, 0, 1, 2), (Route{RouteKind::kLocal, 1}));
  EXPECT_EQ(route_sctp(0, kCookieEcho, 0, 0, 2), (Route{RouteKind::kLocal, 0}));
}

TEST(ShardRoute, FromBytes) {
  EXPECT_EQ(route_sctp(packet(0x2001, kData, 0), 0, 2), (Route{RouteKind::kOwner, 1}));
  EXPECT_EQ(route_sctp(packet(0x2001, kData, 0), 1, 2), (Route{RouteKind::kLocal, 1}));
  EXPECT_EQ(route_sctp(packet(0, kInit, 0), 0, 2).kind, RouteKind::kIndex);
  EXPECT_EQ(route_sctp(packet(0x2001, kAbort, kTBit), 0, 2).kind, RouteKind::kIndex);
  EXPECT_EQ(route_sctp(packet(0xFFFFFFFE, kSack, 0), 0, 3), (Route{RouteKind::kOwner, 2}));
}

TEST(ShardRoute, ShortPacketStaysLocal) {
  const std::vector<std::byte> p = packet(0x2001, kData, 0, 0);
  EXPECT_EQ(route_sctp(std::span(p).first(15), 0, 2), (Route{RouteKind::kLocal, 0}));
  EXPECT_EQ(route_sctp(std::span(p).first(16), 0, 2), (Route{RouteKind::kOwner, 1}));
  EXPECT_EQ(route_sctp(std::span<const std::byte>(), 1, 2), (Route{RouteKind::kLocal, 1}));
}

TEST(ShardRoute, InitShardIsStablePerFlowAndSpreads) {
  const IpAddress peer = IpAddress::v4(10, 99, 0, 2);
  EXPECT_EQ(init_shard(peer, 5000, 36412, 1), 0);
  const uint16_t s = init_shard(peer, 5000, 36412, 4);
  EXPECT_LT(s, 4);
  EXPECT_EQ(init_shard(peer, 5000, 36412, 4), s);  // a retransmitted INIT: same shard
  std::set<uint16_t> seen;
  for (uint16_t port = 36413; port < 36413 + 64; ++port) {
    seen.insert(init_shard(peer, port, 36412, 4));
  }
  EXPECT_EQ(seen.size(), 4u);  // 64 flows reach every one of 4 shards
}

}  // namespace
}  // namespace dpsctp::runtime
