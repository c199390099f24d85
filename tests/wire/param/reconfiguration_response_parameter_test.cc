// Re-configuration Response parameter (RFC 6525 §4.4).
#include "wire/param/reconfiguration_response_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(ReconfigurationResponseParameter, Rfc6525_4_4_ParsesWithoutTsns) {
  // type 16, length 12, response sn 3, result 1 (Success - Performed).
  const Bytes b = from_hex("0010 000c 00000003 00000001");
  Result<ReconfigurationResponseParameter> p = ReconfigurationResponseParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  EXPECT_EQ(p->response_sn, 3u);
  EXPECT_EQ(p->result, ReconfigResult::kSuccessPerformed);
  EXPECT_FALSE(p->next_tsns.has_value());
  EXPECT_EQ(p->to_string(), "Re-configuration Response resp=3 result=1 (Success - Performed)");
  EXPECT_EQ(reserialized_hex<ReconfigurationResponseParameter>(b), testing::to_hex(b));
}

TEST(ReconfigurationResponseParameter, Rfc6525_4_4_ParsesWithTsns) {
  // length 20: Sender's Next TSN 0x1000, Receiver's Next TSN 0x2000.
  const Bytes b = from_hex("0010 0014 00000003 00000001 00001000 00002000");
  Result<ReconfigurationResponseParameter> p = ReconfigurationResponseParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  ASSERT_TRUE(p->next_tsns.has_value());
  EXPECT_EQ(p->next_tsns->sender, Tsn(0x1000));
  EXPECT_EQ(p->next_tsns->receiver, Tsn(0x2000));
  EXPECT_EQ(p->serialized_size(), 20u);
  EXPECT_EQ(reserialized_hex<ReconfigurationResponseParameter>(b), testing::to_hex(b));
}

TEST(ReconfigurationResponseParameter, Rfc6525_4_4_RoundTrip) {
  ReconfigurationResponseParameter p;
  p.response_sn = 0xdeadbeef;
  p.result = ReconfigResult::kErrorBadSequenceNumber;
  p.next_tsns = ReconfigurationResponseParameter::NextTsns{Tsn(7), Tsn(0xffffffff)};
  const Bytes b = testing::serialize(p);
  EXPECT_EQ(testing::to_hex(b),
            "00100014"
            "deadbeef"
            "00000005"
            "00000007"
            "ffffffff");
  Result<ReconfigurationResponseParameter> back =
      ReconfigurationResponseParameter::parse(tlv_of(b));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->response_sn, p.response_sn);
  EXPECT_EQ(back->result, p.result);
  ASSERT_TRUE(back->next_tsns.has_value());
  EXPECT_EQ(back->next_tsns->sender, Tsn(7));
  EXPECT_EQ(back->next_tsns->receiver, Tsn(0xffffffff));
  EXPECT_EQ(back->to_string(),
            "Re-configuration Response resp=3735928559 result=5 (Error - Bad Sequence Number)"
            " sender_next_tsn=7 receiver_next_tsn=4294967295");
}

TEST(ReconfigurationResponseParameter, Rfc6525_4_4_ResultCodes) {
  EXPECT_EQ(reconfig_result_name(ReconfigResult::kSuccessNothingToDo), "Success - Nothing to do");
  EXPECT_EQ(reconfig_result_name(ReconfigResult::kDenied), "Denied");
  EXPECT_EQ(reconfig_result_name(ReconfigResult::kErrorWrongSsn), "Error - Wrong SSN");
  EXPECT_EQ(reconfig_result_name(ReconfigResult::kErrorRequestAlreadyInProgress),
            "Error - Request already in progress");
  EXPECT_EQ(reconfig_result_name(ReconfigResult::kInProgress), "In progress");
  // An unassigned code is kept as received, not rejected.
  const Bytes b = from_hex("0010 000c 00000003 00000063");
  Result<ReconfigurationResponseParameter> p = ReconfigurationResponseParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(static_cast<uint32_t>(p->result), 99u);
  EXPECT_EQ(reconfig_result_name(p->result), "Unknown");
  EXPECT_EQ(reserialized_hex<ReconfigurationResponseParameter>(b), testing::to_hex(b));
}

TEST(ReconfigurationResponseParameter, Rfc6525_4_4_LengthIs12Or20Only) {
  Bytes b = from_hex("0010 0018 00000003 00000001 00001000 00002000 00000000");
  EXPECT_EQ(parse_error_of<ReconfigurationResponseParameter>(b), ParseError::kParamLengthMismatch);
  testing::set_length(b, 16);  // only one of the two TSNs
  EXPECT_EQ(parse_error_of<ReconfigurationResponseParameter>(b), ParseError::kParamLengthMismatch);
  testing::set_length(b, 13);
  EXPECT_EQ(parse_error_of<ReconfigurationResponseParameter>(b), ParseError::kParamLengthMismatch);
  testing::set_length(b, 8);
  EXPECT_EQ(parse_error_of<ReconfigurationResponseParameter>(b), ParseError::kParamTooShortForType);
}

TEST(ReconfigurationResponseParameter, WrongTypeRejected) {
  EXPECT_EQ(
      parse_error_of<ReconfigurationResponseParameter>(from_hex("000f 000c 00000003 00000001")),
      ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
