// INIT chunk (RFC 9260 §3.3.2).
#include "wire/chunk/init_chunk.h"

#include <vector>

#include "wire/param/ipv4_address_parameter.h"
#include "wire/param/parameter_type.h"
#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::serialize;
using testing::to_hex;

// type 1, flags 0, length 34 (the last parameter's 2 padding bytes are not counted, §3.2),
// Initiate Tag 0x01020304, a_rwnd 65536, OS 10, MIS 65535, Initial TSN 0x0a0b0c0d,
// IPv4 Address 192.0.2.1, Supported Address Types {IPv4} + padding.
constexpr const char* kInitHex =
    "01 00 0022 01020304 00010000 000a ffff 0a0b0c0d"
    " 0005 0008 c0000201"
    " 000c 0006 0005 0000";

TEST(InitChunk, Rfc9260_3_3_2_ParsesAnnotatedBytes) {
  const Bytes b = from_hex(kInitHex);
  Result<InitChunk> i = InitChunk::parse(chunk_of(b));
  ASSERT_TRUE(i.ok()) << to_string(i.error());
  EXPECT_EQ(i->initiate_tag, VerificationTag(0x01020304));
  EXPECT_EQ(i->a_rwnd, 65536u);
  EXPECT_EQ(i->outbound_streams, 10u);
  EXPECT_EQ(i->inbound_streams, 65535u);
  EXPECT_EQ(i->initial_tsn, Tsn(0x0a0b0c0d));
  EXPECT_EQ(i->params.size(), 14u);
  std::vector<uint16_t> types;
  for (const TlvView& p : i->parameters()) types.push_back(p.type);
  EXPECT_EQ(types,
            (std::vector<uint16_t>{param_type::kIpv4Address, param_type::kSupportedAddressTypes}));
  EXPECT_EQ(i->to_string(),
            "INIT tag=0x01020304 a_rwnd=65536 os=10 mis=65535 itsn=168496141 "
            "params=[IPv4 Address, Supported Address Types]");
}

TEST(InitChunk, Rfc9260_3_3_2_ParsedChunkReserializesByteIdentically) {
  const Bytes b = from_hex(kInitHex);
  Result<InitChunk> i = InitChunk::parse(chunk_of(b));
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->serialized_size(), 34u);
  EXPECT_EQ(to_hex(serialize(*i)), to_hex(b));
}

TEST(InitChunk, Rfc9260_3_3_2_RoundTripFromFields) {
  const Bytes params = from_hex("0005 0008 7f000001");
  InitChunk i;
  i.initiate_tag = VerificationTag(0xFFFFFFFF);
  i.a_rwnd = 1500;
  i.outbound_streams = 1;
  i.inbound_streams = 2;
  i.initial_tsn = Tsn(0);
  i.params = params;
  const Bytes b = serialize(i);
  EXPECT_EQ(to_hex(b), "0100001cffffffff000005dc0001000200000000000500087f000001");
  Result<InitChunk> back = InitChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok()) << to_string(back.error());
  EXPECT_EQ(back->initiate_tag, i.initiate_tag);
  EXPECT_EQ(back->a_rwnd, i.a_rwnd);
  EXPECT_EQ(back->outbound_streams, i.outbound_streams);
  EXPECT_EQ(back->inbound_streams, i.inbound_streams);
  EXPECT_EQ(back->initial_tsn, i.initial_tsn);
  EXPECT_EQ(to_hex(back->params), to_hex(params));
}

TEST(InitChunk, Rfc9260_3_3_2_BeginLetsCallersWriteParameters) {
  Bytes buf(64);
  BufferWriter w(buf);
  const BufferWriter::Mark m =
      InitChunk::begin(w, VerificationTag(0x01020304), 65536, 10, 65535, Tsn(0x0a0b0c0d));
  Ipv4AddressParameter a;
  a.address = {192, 0, 2, 1};
  a.serialize_to(w);
  w.end_tlv(m);
  ASSERT_TRUE(w.ok());
  buf.resize(w.size());
  EXPECT_EQ(to_hex(buf), "0100001c0102030400010000000affff0a0b0c0d00050008c0000201");
  Result<InitChunk> back = InitChunk::parse(chunk_of(buf));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->parameters().begin()->type, param_type::kIpv4Address);
}

TEST(InitChunk, Rfc9260_3_3_2_NoParametersIsValid) {
  const Bytes b = from_hex("01 00 0014 00000001 00001000 0001 0001 00000000");
  Result<InitChunk> i = InitChunk::parse(chunk_of(b));
  ASSERT_TRUE(i.ok());
  EXPECT_TRUE(i->parameters().empty());
  EXPECT_EQ(to_hex(serialize(*i)), to_hex(b));
}

TEST(InitChunk, Rfc9260_3_3_2_FlagsIgnoredOnReceiptAndSentAsZero) {
  const Bytes b = from_hex("01 ff 0014 00000001 00001000 0001 0001 00000000");
  Result<InitChunk> i = InitChunk::parse(chunk_of(b));
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(serialize(*i)[1], std::byte{0});
}

TEST(InitChunk, Rfc9260_3_3_2_ZeroInitiateTagIsInvalid) {
  const Bytes b = from_hex("01 00 0014 00000000 00001000 0001 0001 00000000");
  EXPECT_EQ(InitChunk::parse(chunk_of(b)).error(), ParseError::kChunkInvalidField);
}

TEST(InitChunk, Rfc9260_3_3_2_ZeroOutboundStreamsIsInvalid) {
  const Bytes b = from_hex("01 00 0014 00000001 00001000 0000 0001 00000000");
  EXPECT_EQ(InitChunk::parse(chunk_of(b)).error(), ParseError::kChunkInvalidField);
}

TEST(InitChunk, Rfc9260_3_3_2_ZeroInboundStreamsIsInvalid) {
  const Bytes b = from_hex("01 00 0014 00000001 00001000 0001 0000 00000000");
  EXPECT_EQ(InitChunk::parse(chunk_of(b)).error(), ParseError::kChunkInvalidField);
}

TEST(InitChunk, Rfc9260_3_3_2_ShorterThanFixedPartIsRejected) {
  for (uint16_t len = 4; len < InitChunk::kFixedSize; ++len) {
    Bytes b = from_hex("01 00 0014 00000001 00001000 0001 0001 00000000");
    testing::set_length(b, len);
    EXPECT_EQ(InitChunk::parse(chunk_of(b)).error(), ParseError::kChunkTooShortForType) << len;
  }
}

TEST(InitChunk, Rfc9260_3_2_1_MalformedParametersAreRejected) {
  // Parameter length 3 (< 4).
  Bytes b = from_hex("01 00 0018 00000001 00001000 0001 0001 00000000 0005 0003");
  EXPECT_EQ(InitChunk::parse(chunk_of(b)).error(), ParseError::kParamLengthTooSmall);
  // Parameter length 12 runs past the chunk (8 bytes left).
  b = from_hex("01 00 001c 00000001 00001000 0001 0001 00000000 0005 000c c0000201");
  EXPECT_EQ(InitChunk::parse(chunk_of(b)).error(), ParseError::kParamLengthExceedsChunk);
  // A valid parameter followed by 2 bytes: no room for a parameter header.
  b = from_hex("01 00 001e 00000001 00001000 0001 0001 00000000 0005 0008 c0000201 8000");
  EXPECT_EQ(InitChunk::parse(chunk_of(b)).error(), ParseError::kParamHeaderTruncated);
}

TEST(InitChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("02 00 0014 00000001 00001000 0001 0001 00000000");
  EXPECT_EQ(InitChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
