// Packet framing: common header (RFC 9260 §3.1), chunk TLVs and padding (§3.2),
// bundling rules (§6.10).
#include "wire/packet_view.h"

#include <vector>

#include "wire/chunk/data_chunk.h"
#include "wire/packet_builder.h"
#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::from_hex;

constexpr std::string_view kHeader = "115cdba7 08fe2132 00000000";

std::vector<uint8_t> chunk_types(const PacketView& p) {
  std::vector<uint8_t> t;
  for (const ChunkView& c : p.chunks()) t.push_back(c.type);
  return t;
}

TEST(PacketView, Rfc9260_3_1_CommonHeaderFields) {
  const Bytes b = from_hex(std::string(kHeader) + "0b000004");
  Result<PacketView> p = PacketView::parse(b);
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->header().src_port, 4444);
  EXPECT_EQ(p->header().dst_port, 56231);
  EXPECT_EQ(p->header().vtag, VerificationTag(0x08fe2132));
  EXPECT_EQ(p->chunk_count(), 1u);
  EXPECT_TRUE(p->first_chunk().is(ChunkType::kCookieAck));
}

TEST(PacketView, Rfc9260_3_1_TooShortAndEmpty) {
  for (size_t n = 0; n < CommonHeader::kSize; ++n) {
    const Bytes b(n);
    EXPECT_EQ(PacketView::parse(b).error(), ParseError::kPacketTooShort) << n;
  }
  EXPECT_EQ(PacketView::parse(from_hex(kHeader)).error(), ParseError::kNoChunks);
}

TEST(PacketView, Rfc9260_3_2_BundledChunksWithPadding) {
  // DATA (len 17, 3 bytes padding), SACK (16), HEARTBEAT-ACK-like unknown type 0xbf (len 5,
  // last chunk, padding omitted: accepted, §3.2 robustness).
  const Bytes b = from_hex(std::string(kHeader) +
                           "00030011 00000001 00000000 00000012 aa000000"
                           "03000010 00000001 0000ffff 00000000"
                           "bf000005 ee");
  Result<PacketView> p = PacketView::parse(b);
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(chunk_types(*p), (std::vector<uint8_t>{0, 3, 0xbf}));
  EXPECT_EQ(p->chunk_count(), 3u);
}

TEST(PacketView, Rfc9260_3_2_ChunkLengthErrors) {
  EXPECT_EQ(PacketView::parse(from_hex(std::string(kHeader) + "0b00")).error(),
            ParseError::kChunkHeaderTruncated);
  EXPECT_EQ(PacketView::parse(from_hex(std::string(kHeader) + "0b000003")).error(),
            ParseError::kChunkLengthTooSmall);
  EXPECT_EQ(PacketView::parse(from_hex(std::string(kHeader) + "0b000000")).error(),
            ParseError::kChunkLengthTooSmall);
  EXPECT_EQ(PacketView::parse(from_hex(std::string(kHeader) + "00030014 00000001")).error(),
            ParseError::kChunkLengthExceedsPacket);
  // A valid chunk followed by 1..3 stray bytes: a truncated second header.
  for (int extra = 1; extra <= 3; ++extra) {
    Bytes b = from_hex(std::string(kHeader) + "0b000004");
    b.resize(b.size() + static_cast<size_t>(extra));
    EXPECT_EQ(PacketView::parse(b).error(), ParseError::kChunkHeaderTruncated) << extra;
  }
}

TEST(PacketView, Rfc9260_6_10_InitInitAckShutdownCompleteNotBundled) {
  for (std::string_view alone : {"0e000004", "02000004", "01000004"}) {
    EXPECT_TRUE(PacketView::parse(from_hex(std::string(kHeader) + std::string(alone))).ok());
    EXPECT_EQ(PacketView::parse(from_hex(std::string(kHeader) + std::string(alone) + "0b000004"))
                  .error(),
              ParseError::kUnbundleableChunkBundled);
    EXPECT_EQ(PacketView::parse(from_hex(std::string(kHeader) + "0b000004" + std::string(alone)))
                  .error(),
              ParseError::kUnbundleableChunkBundled);
  }
}

TEST(PacketView, Rfc9260_3_2_UnknownChunkActionFromUpperBits) {
  EXPECT_EQ(unrecognized_chunk_action(0x3f), UnrecognizedAction::kStop);
  EXPECT_EQ(unrecognized_chunk_action(0x7f), UnrecognizedAction::kStopAndReport);
  EXPECT_EQ(unrecognized_chunk_action(0xbf), UnrecognizedAction::kSkip);
  EXPECT_EQ(unrecognized_chunk_action(0xff), UnrecognizedAction::kSkipAndReport);
  EXPECT_FALSE(action_reports(UnrecognizedAction::kSkip));
  EXPECT_TRUE(action_reports(UnrecognizedAction::kStopAndReport));
  EXPECT_TRUE(action_continues(UnrecognizedAction::kSkipAndReport));
  EXPECT_FALSE(action_continues(UnrecognizedAction::kStopAndReport));
  EXPECT_FALSE(is_known_chunk_type(0xff));
  EXPECT_TRUE(is_known_chunk_type(192));
  EXPECT_EQ(chunk_type_name(0xff), "UNKNOWN");
  EXPECT_EQ(chunk_type_name(14), "SHUTDOWN_COMPLETE");
}

TEST(PacketBuilder, Rfc9260_6_8_BuildsPacketWithValidChecksum) {
  std::array<std::byte, 1500> buf{};
  const Bytes payload = from_hex("0102030405060708");
  PacketBuilder b(buf, {.src_port = 36412, .dst_port = 36412, .vtag = VerificationTag(7)});
  for (uint32_t i = 0; i < 3; ++i) {
    DataChunk d;
    d.tsn = Tsn(100 + i);
    d.ppid = ppid::kS1ap;
    d.payload = payload;
    ASSERT_TRUE(b.fits(d.serialized_size()));
    d.serialize_to(b.writer());
  }
  MutableByteSpan pkt = b.finish();
  ASSERT_EQ(pkt.size(), 12u + 3 * 24);
  EXPECT_TRUE(verify_sctp_checksum(pkt));
  Result<PacketView> p = PacketView::parse(pkt);
  ASSERT_TRUE(p.ok());
  uint32_t tsn = 100;
  for (const ChunkView& c : p->chunks()) {
    EXPECT_EQ(DataChunk::parse(c)->tsn, Tsn(tsn++));
  }
  EXPECT_EQ(tsn, 103u);
}

TEST(PacketBuilder, OverflowYieldsEmptyPacket) {
  std::array<std::byte, 40> buf{};
  const Bytes payload(100);
  PacketBuilder b(buf, {});
  DataChunk d;
  d.payload = payload;
  EXPECT_FALSE(b.fits(d.serialized_size()));
  d.serialize_to(b.writer());
  EXPECT_TRUE(b.finish().empty());
}

}  // namespace
}  // namespace dpsctp::wire
