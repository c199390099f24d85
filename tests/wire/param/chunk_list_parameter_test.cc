// Chunk List parameter (RFC 4895 §3.2).
#include "wire/param/chunk_list_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::build;
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(ChunkListParameter, Rfc4895_3_2_ParsesAnnotatedBytes) {
  // type 0x8003, length 6: ASCONF (0xc1), ASCONF-ACK (0x80), 2 bytes of padding.
  const Bytes b = from_hex("8003 0006 c1 80 0000");
  Result<ChunkListParameter> p = ChunkListParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  ASSERT_EQ(p->count(), 2u);
  EXPECT_EQ(p->type_at(0), 0xc1);
  EXPECT_EQ(p->type_at(1), 0x80);
  EXPECT_TRUE(p->requires_auth(ChunkType::kAsconf));
  EXPECT_TRUE(p->requires_auth(ChunkType::kAsconfAck));
  EXPECT_FALSE(p->requires_auth(ChunkType::kData));  // padding byte 0 is not DATA
  EXPECT_EQ(p->to_string(), "Chunk List ASCONF,ASCONF_ACK");
  EXPECT_EQ(reserialized_hex<ChunkListParameter>(b), testing::to_hex(b));
}

TEST(ChunkListParameter, Rfc4895_3_2_ForbiddenTypesAreKeptButIgnored) {
  // INIT (1), ASCONF (0xc1), AUTH (0x0f): INIT and AUTH "MUST be ignored".
  const Bytes b = from_hex("8003 0007 01 c1 0f 00");
  Result<ChunkListParameter> p = ChunkListParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->count(), 3u);
  EXPECT_TRUE(p->has(ChunkType::kInit));
  EXPECT_FALSE(p->requires_auth(ChunkType::kInit));
  EXPECT_FALSE(p->requires_auth(ChunkType::kAuth));
  EXPECT_TRUE(p->requires_auth(ChunkType::kAsconf));
  EXPECT_EQ(reserialized_hex<ChunkListParameter>(b), testing::to_hex(b));
}

TEST(ChunkListParameter, Rfc4895_3_2_BuilderRoundTrip) {
  const ChunkType types[] = {ChunkType::kData, ChunkType::kSack, ChunkType::kReconfig,
                             ChunkType::kIData, ChunkType::kForwardTsn};
  const Bytes b = build([&](BufferWriter& w) { ChunkListParameter::write(w, types); });
  EXPECT_EQ(testing::to_hex(b),
            "80030009"
            "00038240c0"
            "000000");
  Result<ChunkListParameter> p = ChunkListParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->count(), 5u);
  EXPECT_TRUE(p->requires_auth(ChunkType::kData));
  EXPECT_TRUE(p->requires_auth(ChunkType::kForwardTsn));
  EXPECT_FALSE(p->requires_auth(ChunkType::kHeartbeat));
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), testing::to_hex(b));
}

TEST(ChunkListParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<ChunkListParameter>(from_hex("8008 0005 c1 000000")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
