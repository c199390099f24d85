// Incoming SSN Reset Request parameter (RFC 6525 §4.2).
#include "wire/param/incoming_ssn_reset_request_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::build;
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(IncomingSsnResetRequestParameter, Rfc6525_4_2_ParsesAnnotatedBytes) {
  // type 14, length 14, request sn 5, streams 1, 2, 9, then 2 bytes of padding.
  const Bytes b = from_hex("000e 000e 00000005 0001 0002 0009 0000");
  Result<IncomingSsnResetRequestParameter> p = IncomingSsnResetRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->request_sn, 5u);
  ASSERT_EQ(p->stream_count(), 3u);
  EXPECT_EQ(p->stream_at(0), StreamId(1));
  EXPECT_EQ(p->stream_at(2), StreamId(9));
  EXPECT_EQ(p->to_string(), "Incoming SSN Reset Request req=5 streams=1,2,9");
  EXPECT_EQ(reserialized_hex<IncomingSsnResetRequestParameter>(b), testing::to_hex(b));
}

TEST(IncomingSsnResetRequestParameter, Rfc6525_4_2_BuilderRoundTrip) {
  const StreamId streams[] = {StreamId(0x0102), StreamId(0x0304)};
  const Bytes b = build(
      [&](BufferWriter& w) { IncomingSsnResetRequestParameter::write(w, 0xabcdef01, streams); });
  EXPECT_EQ(testing::to_hex(b),
            "000e000c"
            "abcdef01"
            "01020304");
  Result<IncomingSsnResetRequestParameter> p = IncomingSsnResetRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->request_sn, 0xabcdef01u);
  ASSERT_EQ(p->stream_count(), 2u);
  EXPECT_EQ(p->stream_at(1), StreamId(0x0304));
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), testing::to_hex(b));
}

TEST(IncomingSsnResetRequestParameter, Rfc6525_4_2_NoStreamMeansAllStreams) {
  const Bytes b = from_hex("000e 0008 00000007");
  Result<IncomingSsnResetRequestParameter> p = IncomingSsnResetRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->all_streams());
  EXPECT_EQ(p->to_string(), "Incoming SSN Reset Request req=7 streams=all");
}

TEST(IncomingSsnResetRequestParameter, Rfc6525_4_2_MalformedLengths) {
  EXPECT_EQ(
      parse_error_of<IncomingSsnResetRequestParameter>(from_hex("000e 000b 00000005 000100 00")),
      ParseError::kParamInvalidField);
  EXPECT_EQ(parse_error_of<IncomingSsnResetRequestParameter>(from_hex("000e 0006 0000 0000")),
            ParseError::kParamTooShortForType);
}

TEST(IncomingSsnResetRequestParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<IncomingSsnResetRequestParameter>(from_hex("000d 0008 00000005")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
