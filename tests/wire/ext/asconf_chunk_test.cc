// ASCONF chunk (RFC 5061 §4.1.1).
#include "wire/ext/asconf_chunk.h"

#include "ext/ext_test_util.h"
#include "wire/param/ipv4_address_parameter.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::RawParameter;

ParseError parse_error_of(const char* hex) {
  return AsconfChunk::parse(chunk_of(from_hex(hex))).error();
}

TEST(AsconfChunk, Rfc5061_4_1_1_ParsesAnnotatedBytes) {
  // type 0xC1, flags 0, length 32, serial 7, IPv4 Address 10.0.0.1,
  // Add IP Address (correlation 1, IPv4 Address 10.0.0.2).
  const Bytes b =
      from_hex("c1 00 0020 00000007 0005 0008 0a000001 c001 0010 00000001 0005 0008 0a000002");
  Result<AsconfChunk> a = AsconfChunk::parse(chunk_of(b));
  ASSERT_TRUE(a.ok()) << to_string(a.error());
  EXPECT_EQ(a->serial_number, 7u);
  EXPECT_EQ(a->address.type, param_type::kIpv4Address);
  EXPECT_EQ(a->address.length, 8u);
  EXPECT_EQ(Ipv4AddressParameter::parse(a->address)->to_string(), "IPv4 10.0.0.1");
  ASSERT_EQ(a->parameters.size(), 16u);
  EXPECT_EQ(a->params().begin()->type, param_type::kAddIpAddress);
  EXPECT_EQ(a->params().begin()->length, 16u);
  EXPECT_EQ(a->serialized_size(), 32u);
  EXPECT_EQ(a->to_string(), "ASCONF serial=7 addr=IPv4 10.0.0.1 [Add IP Address]");
  testing::expect_reserializes_identically<AsconfChunk>(b);
}

TEST(AsconfChunk, Rfc5061_4_1_1_Ipv6AddressAndNoParameters) {
  const Bytes b = from_hex("c1 00 001c 00000008 0006 0014 20010db8 00000000 00000000 00000001");
  Result<AsconfChunk> a = AsconfChunk::parse(chunk_of(b));
  ASSERT_TRUE(a.ok()) << to_string(a.error());
  EXPECT_EQ(a->address.type, param_type::kIpv6Address);
  EXPECT_TRUE(a->parameters.empty());
  EXPECT_TRUE(a->params().empty());
  EXPECT_EQ(a->to_string(), "ASCONF serial=8 addr=IPv6 2001:db8:0:0:0:0:0:1 []");
}

TEST(AsconfChunk, Rfc5061_4_1_1_RoundTripFromTypedParameters) {
  Ipv4AddressParameter address;
  address.address = {192, 0, 2, 1};
  // Delete IP Address (correlation 2, 192.0.2.9) and Set Primary Address (correlation 3,
  // 192.0.2.1).
  const RawParameter del{param_type::kDeleteIpAddress, from_hex("00000002 00050008 c0000209")};
  const RawParameter primary{param_type::kSetPrimaryAddress,
                             from_hex("00000003 00050008 c0000201")};
  const Bytes b = testing::build(
      [&](BufferWriter& w) { AsconfChunk::write(w, 0xfffffffe, address, del, primary); });
  EXPECT_EQ(testing::to_hex(b),
            testing::canonical_hex("c1000030 fffffffe 00050008c0000201 c0020010 00000002 "
                                   "00050008c0000209 c0040010 00000003 00050008c0000201"));
  Result<AsconfChunk> back = AsconfChunk::parse(chunk_of(b));
  ASSERT_TRUE(back.ok()) << to_string(back.error());
  EXPECT_EQ(back->serial_number, 0xfffffffeu);
  EXPECT_EQ(Ipv4AddressParameter::parse(back->address)->address, address.address);
  EXPECT_EQ(back->to_string(),
            "ASCONF serial=4294967294 addr=IPv4 192.0.2.1 [Delete IP Address, Set Primary "
            "Address]");
  testing::expect_reserializes_identically<AsconfChunk>(b);
}

TEST(AsconfChunk, Rfc5061_4_1_1_ShorterThanMandatoryAddressIsRejected) {
  const Bytes b = from_hex("c1 00 0010 00000007 0005 0008 0a000001");
  testing::expect_error_for_lengths<AsconfChunk>(b, 4, AsconfChunk::kMinSize,
                                                 ParseError::kChunkTooShortForType);
}

TEST(AsconfChunk, Rfc5061_4_1_1_FirstParameterMustBeAnAddress) {
  // Set Primary Address where the Address Parameter belongs.
  EXPECT_EQ(parse_error_of("c1 00 0018 00000007 c004 0010 00000001 0005 0008 0a000002"),
            ParseError::kChunkInvalidField);
}

TEST(AsconfChunk, Rfc9260_3_3_2_1_AddressParameterLengthIsChecked) {
  // IPv4 Address of length 12.
  EXPECT_EQ(parse_error_of("c1 00 0014 00000007 0005 000c 0a000001 00000000"),
            ParseError::kParamLengthMismatch);
  // IPv6 Address of length 8.
  EXPECT_EQ(parse_error_of("c1 00 0010 00000007 0006 0008 0a000001"),
            ParseError::kParamTooShortForType);
  // IPv6 Address of length 24.
  EXPECT_EQ(parse_error_of("c1 00 0020 00000007 0006 0018 20010db8 00000000 00000000 00000001 "
                           "00000000"),
            ParseError::kParamLengthMismatch);
  // Parameter length 3, and a parameter running past the chunk.
  EXPECT_EQ(parse_error_of("c1 00 0010 00000007 0005 0003 0a000001"),
            ParseError::kParamLengthTooSmall);
  EXPECT_EQ(parse_error_of("c1 00 0010 00000007 0006 0014 0a000001"),
            ParseError::kParamLengthExceedsChunk);
}

TEST(AsconfChunk, Rfc9260_3_2_1_MalformedAsconfParametersAreRejected) {
  EXPECT_EQ(parse_error_of("c1 00 0012 00000007 0005 0008 0a000001 c001"),
            ParseError::kParamHeaderTruncated);
  EXPECT_EQ(parse_error_of("c1 00 0014 00000007 0005 0008 0a000001 c001 0010"),
            ParseError::kParamLengthExceedsChunk);
  EXPECT_EQ(parse_error_of("c1 00 0014 00000007 0005 0008 0a000001 c001 0002"),
            ParseError::kParamLengthTooSmall);
}

TEST(AsconfChunk, WrongTypeIsRejected) {
  const Bytes b = from_hex("80 00 0010 00000007 0005 0008 0a000001");  // ASCONF-ACK
  EXPECT_EQ(AsconfChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
