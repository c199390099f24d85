// Supported Extensions parameter (RFC 5061 §4.2.7).
#include "wire/param/supported_extensions_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::build;
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(SupportedExtensionsParameter, Rfc5061_4_2_7_ParsesAnnotatedBytes) {
  // type 0x8008, length 8: RE-CONFIG (0x82), FORWARD TSN (0xc0), ASCONF (0xc1),
  // ASCONF-ACK (0x80).
  const Bytes b = from_hex("8008 0008 82 c0 c1 80");
  Result<SupportedExtensionsParameter> p = SupportedExtensionsParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  ASSERT_EQ(p->count(), 4u);
  EXPECT_EQ(p->type_at(0), 0x82);
  EXPECT_EQ(p->type_at(3), 0x80);
  EXPECT_TRUE(p->has(ChunkType::kReconfig));
  EXPECT_TRUE(p->has(ChunkType::kForwardTsn));
  EXPECT_TRUE(p->has(ChunkType::kAsconfAck));
  EXPECT_FALSE(p->has(ChunkType::kIData));
  EXPECT_EQ(p->to_string(), "Supported Extensions RE_CONFIG,FORWARD_TSN,ASCONF,ASCONF_ACK");
  EXPECT_EQ(reserialized_hex<SupportedExtensionsParameter>(b), testing::to_hex(b));
}

TEST(SupportedExtensionsParameter, Rfc5061_4_2_7_OddCountPadsAndRoundTrips) {
  const ChunkType types[] = {ChunkType::kReconfig, ChunkType::kForwardTsn, ChunkType::kIData};
  const Bytes b = build([&](BufferWriter& w) { SupportedExtensionsParameter::write(w, types); });
  EXPECT_EQ(testing::to_hex(b),
            "80080007"
            "82c040"
            "00");  // length 7, one padding byte
  Result<SupportedExtensionsParameter> p = SupportedExtensionsParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->count(), 3u);
  EXPECT_TRUE(p->has(ChunkType::kIData));
  EXPECT_FALSE(p->has(ChunkType::kData));  // the padding byte (0) is not a type
  EXPECT_EQ(p->serialized_size(), 7u);
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), testing::to_hex(b));
}

TEST(SupportedExtensionsParameter, Rfc5061_4_2_7_EmptyAndUnknownTypes) {
  Result<SupportedExtensionsParameter> empty =
      SupportedExtensionsParameter::parse(tlv_of(from_hex("8008 0004")));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->count(), 0u);
  const Bytes b = from_hex("8008 0006 fe 82 0000");
  Result<SupportedExtensionsParameter> p = SupportedExtensionsParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->to_string(), "Supported Extensions 254,RE_CONFIG");
}

TEST(SupportedExtensionsParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<SupportedExtensionsParameter>(from_hex("8003 0005 c1 000000")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
