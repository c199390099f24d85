// Requested HMAC Algorithm parameter (RFC 4895 §3.3).
#include "wire/param/requested_hmac_algorithm_parameter.h"

#include "param/param_test_util.h"

namespace dpsctp::wire {
namespace {
using param_testing::build;
using param_testing::parse_error_of;
using param_testing::reserialized_hex;
using testing::Bytes;
using testing::from_hex;
using testing::tlv_of;

TEST(RequestedHmacAlgorithmParameter, Rfc4895_3_3_ParsesAnnotatedBytes) {
  // type 0x8004, length 8: SHA-256 (3) preferred, then SHA-1 (1).
  const Bytes b = from_hex("8004 0008 0003 0001");
  Result<RequestedHmacAlgorithmParameter> p = RequestedHmacAlgorithmParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok()) << to_string(p.error());
  ASSERT_EQ(p->count(), 2u);
  EXPECT_EQ(p->id_at(0), RequestedHmacAlgorithmParameter::kSha256);
  EXPECT_EQ(p->id_at(1), RequestedHmacAlgorithmParameter::kSha1);
  EXPECT_TRUE(p->has(RequestedHmacAlgorithmParameter::kSha1));
  EXPECT_FALSE(p->has(2));
  EXPECT_EQ(p->to_string(), "Requested HMAC Algorithm 3,1");
  EXPECT_EQ(reserialized_hex<RequestedHmacAlgorithmParameter>(b), testing::to_hex(b));
}

TEST(RequestedHmacAlgorithmParameter, Rfc4895_3_3_BuilderRoundTrip) {
  const uint16_t ids[] = {RequestedHmacAlgorithmParameter::kSha1};
  const Bytes b = build([&](BufferWriter& w) { RequestedHmacAlgorithmParameter::write(w, ids); });
  EXPECT_EQ(testing::to_hex(b),
            "80040006"
            "0001"
            "0000");
  Result<RequestedHmacAlgorithmParameter> p = RequestedHmacAlgorithmParameter::parse(tlv_of(b));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->count(), 1u);
  EXPECT_FALSE(p->has(0));  // padding is not an identifier
  EXPECT_EQ(p->serialized_size(), 6u);
  EXPECT_EQ(testing::to_hex(testing::serialize(*p)), testing::to_hex(b));
}

TEST(RequestedHmacAlgorithmParameter, Rfc4895_3_3_MalformedLengths) {
  EXPECT_EQ(parse_error_of<RequestedHmacAlgorithmParameter>(from_hex("8004 0007 000300 00")),
            ParseError::kParamInvalidField);
  EXPECT_EQ(parse_error_of<RequestedHmacAlgorithmParameter>(from_hex("8004 0005 00 000000")),
            ParseError::kParamTooShortForType);
  EXPECT_EQ(parse_error_of<RequestedHmacAlgorithmParameter>(from_hex("8004 0004")),
            ParseError::kParamTooShortForType);
}

TEST(RequestedHmacAlgorithmParameter, WrongTypeRejected) {
  EXPECT_EQ(parse_error_of<RequestedHmacAlgorithmParameter>(from_hex("000c 0006 0001 0000")),
            ParseError::kParamWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
