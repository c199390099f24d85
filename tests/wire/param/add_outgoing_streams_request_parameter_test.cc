// Add Outgoing Streams Request parameter (RFC 6525 §4.5).
#include "wire/param/add_outgoing_streams_request_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(AddOutgoingStreamsRequestParameter, Rfc6525_4_5_ParsesAnnotatedBytes) {
  // type 17, length 12, request sn 9, 16 new streams, reserved 0.
  const Bytes b = from_hex("0011 000c 00000009 0010 0000");
  Result<AddOutgoingStreamsRequestParameter> p =
      AddOutgoingStreamsRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->request_sn, 9u);
  EXPECT_EQ(p->new_streams, 16);
  EXPECT_EQ(p->to_string(), "Add Outgoing Streams Request req=9 new_streams=16");
  EXPECT_EQ(reserialized_hex<AddOutgoingStreamsRequestParameter>(b), testing::to_hex(b));
}

TEST(AddOutgoingStreamsRequestParameter, Rfc6525_4_5_RoundTrip) {
  AddOutgoingStreamsRequestParameter p;
  p.request_sn = 0x01020304;
  p.new_streams = 65535;
  EXPECT_EQ(p.serialized_size(), 12u);
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b),
            "0011000c"
            "01020304"
            "ffff"
            "0000");
  Result<AddOutgoingStreamsRequestParameter> back =
      AddOutgoingStreamsRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->request_sn, p.request_sn);
  EXPECT_EQ(back->new_streams, p.new_streams);
}

TEST(AddOutgoingStreamsRequestParameter, Rfc6525_4_5_ReservedIgnoredOnReceiptAndZeroedOnSend) {
  const Bytes b = from_hex("0011 000c 00000009 0001 ffff");
  Result<AddOutgoingStreamsRequestParameter> p =
      AddOutgoingStreamsRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->new_streams, 1);
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)),
            "0011000c"
            "00000009"
            "0001"
            "0000");
}

TEST(AddOutgoingStreamsRequestParameter, Rfc6525_4_5_MalformedLengths) {
  Bytes b = from_hex("0011 0010 00000009 0010 0000 00000000");
  EXPECT_EQ(parse_error_of<AddOutgoingStreamsRequestParameter>(b),
            ParseError::kParamLengthMismatch);
  testing::set_length(b, 10);
  EXPECT_EQ(parse_error_of<AddOutgoingStreamsRequestParameter>(b),
            ParseError::kParamTooShortForType);
}

TEST(AddOutgoingStreamsRequestParameter, WrongTypeRejected) {
  EXPECT_EQ(
      parse_error_of<AddOutgoingStreamsRequestParameter>(from_hex("0012 000c 00000009 0010 0000")),
      ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
