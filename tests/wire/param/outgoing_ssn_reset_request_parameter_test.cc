// Outgoing SSN Reset Request parameter (RFC 6525 §4.1).
#include "wire/param/outgoing_ssn_reset_request_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::build;
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(OutgoingSsnResetRequestParameter, Rfc6525_4_1_ParsesAnnotatedBytes) {
  // type 13, length 20, request sn 1, response sn 2, last TSN 10, streams 3 and 7.
  const Bytes b = from_hex("000d 0014 00000001 00000002 0000000a 0003 0007");
  Result<OutgoingSsnResetRequestParameter> p = OutgoingSsnResetRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->request_sn, 1u);
  EXPECT_EQ(p->response_sn, 2u);
  EXPECT_EQ(p->sender_last_tsn, Tsn(10));
  EXPECT_FALSE(p->all_streams());
  ASSERT_EQ(p->stream_count(), 2u);
  EXPECT_EQ(p->stream_at(0), StreamId(3));
  EXPECT_EQ(p->stream_at(1), StreamId(7));
  EXPECT_EQ(p->to_string(), "Outgoing SSN Reset Request req=1 resp=2 last_tsn=10 streams=3,7");
  EXPECT_EQ(reserialized_hex<OutgoingSsnResetRequestParameter>(b), testing::to_hex(b));
}

TEST(OutgoingSsnResetRequestParameter, Rfc6525_4_1_BuilderRoundTripOddStreamCount) {
  OutgoingSsnResetRequestParameter fixed;
  fixed.request_sn = 0x11223344;
  fixed.response_sn = 0x55667788;
  fixed.sender_last_tsn = Tsn(0xfffffffe);
  const StreamId streams[] = {StreamId(65535)};
  const Bytes b =
      build([&](BufferWriter& w) { OutgoingSsnResetRequestParameter::write(w, fixed, streams); });
  // length 18: the 2 trailing padding bytes are not counted.
  EXPECT_EQ(testing::to_hex(b),
            "000d0012"
            "11223344"
            "55667788"
            "fffffffe"
            "ffff"
            "0000");
  Result<OutgoingSsnResetRequestParameter> p = OutgoingSsnResetRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->request_sn, fixed.request_sn);
  EXPECT_EQ(p->response_sn, fixed.response_sn);
  EXPECT_EQ(p->sender_last_tsn, fixed.sender_last_tsn);
  ASSERT_EQ(p->stream_count(), 1u);
  EXPECT_EQ(p->stream_at(0), StreamId(65535));
  EXPECT_EQ(p->serialized_size(), 18u);
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), testing::to_hex(b));
}

TEST(OutgoingSsnResetRequestParameter, Rfc6525_4_1_NoStreamMeansAllStreams) {
  const Bytes b = from_hex("000d 0010 00000005 00000004 00000100");
  Result<OutgoingSsnResetRequestParameter> p = OutgoingSsnResetRequestParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_TRUE(p->all_streams());
  EXPECT_EQ(p->stream_count(), 0u);
  EXPECT_EQ(p->to_string(), "Outgoing SSN Reset Request req=5 resp=4 last_tsn=256 streams=all");
}

TEST(OutgoingSsnResetRequestParameter, Rfc6525_4_1_MalformedLengths) {
  // Half a stream number.
  EXPECT_EQ(parse_error_of<OutgoingSsnResetRequestParameter>(
                from_hex("000d 0011 00000001 00000002 0000000a 00 000000")),
            ParseError::kParamInvalidField);
  // Shorter than the fixed part.
  EXPECT_EQ(parse_error_of<OutgoingSsnResetRequestParameter>(
                from_hex("000d 000c 00000001 00000002 0000000a")),
            ParseError::kParamTooShortForType);
}

TEST(OutgoingSsnResetRequestParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<OutgoingSsnResetRequestParameter>(
                from_hex("000e 0010 00000001 00000002 0000000a")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
