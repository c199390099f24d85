// RE-CONFIG chunk (RFC 6525 §3.1).
#include "wire/ext/reconfig_chunk.h"

#include <vector>

#include "ext/ext_test_util.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::chunk_of;
using testing::from_hex;
using testing::RawParameter;

// Outgoing SSN Reset Request (RFC 6525 §4.1): length 18, request seq 1, response seq 2,
// last TSN 3, stream 4 (then 2 bytes of padding when not last).
constexpr const char* kOutgoingReset = "000d 0012 00000001 00000002 00000003 0004";
// Re-configuration Response (RFC 6525 §4.4): length 12, response seq 5, result 1.
constexpr const char* kResponse = "0010 000c 00000005 00000001";

Bytes hex(const std::string& s) { return from_hex(s); }

std::vector<uint16_t> param_types(const ReconfigChunk& r) {
  std::vector<uint16_t> types;
  for (const TlvView& t : r.params()) types.push_back(t.type);
  return types;
}

TEST(ReconfigChunk, Rfc6525_3_1_ParsesOneParameter) {
  // type 130, flags 0, length 22 (the parameter's padding is not counted), padding.
  const Bytes b = hex(std::string("82 00 0016 ") + kOutgoingReset + " 0000");
  Result<ReconfigChunk> r = ReconfigChunk::parse(chunk_of(b));
  ASSERT_TRUE(r.ok()) << to_string(r.error());
  EXPECT_EQ(r->parameter_count(), 1u);
  EXPECT_EQ(param_types(*r), std::vector<uint16_t>{param_type::kOutgoingSsnResetRequest});
  EXPECT_EQ(r->params().begin()->length, 18u);
  EXPECT_EQ(r->serialized_size(), 22u);
  testing::expect_reserializes_identically<ReconfigChunk>(b);
}

TEST(ReconfigChunk, Rfc6525_3_1_ParsesTwoParameters) {
  // length 36: 4 + 20 (18 + 2 padding) + 12.
  const Bytes b = hex(std::string("82 00 0024 ") + kOutgoingReset + " 0000 " + kResponse);
  Result<ReconfigChunk> r = ReconfigChunk::parse(chunk_of(b));
  ASSERT_TRUE(r.ok()) << to_string(r.error());
  EXPECT_EQ(r->parameter_count(), 2u);
  EXPECT_EQ(param_types(*r), (std::vector<uint16_t>{param_type::kOutgoingSsnResetRequest,
                                                    param_type::kReconfigurationResponse}));
  EXPECT_EQ(r->to_string(), "RE-CONFIG [Outgoing SSN Reset Request, Re-configuration Response]");
}

TEST(ReconfigChunk, Rfc6525_3_1_RoundTripFromTypedParameters) {
  const RawParameter reset{param_type::kOutgoingSsnResetRequest,
                           from_hex("00000001 00000002 00000003 0004")};
  const RawParameter response{param_type::kReconfigurationResponse, from_hex("00000005 00000001")};
  const Bytes two =
      testing::build([&](BufferWriter& w) { ReconfigChunk::write(w, reset, response); });
  EXPECT_EQ(testing::to_hex(two), testing::to_hex(hex(std::string("82 00 0024 ") + kOutgoingReset +
                                                      " 0000 " + kResponse)));
  const Bytes one = testing::build([&](BufferWriter& w) { ReconfigChunk::write(w, reset); });
  EXPECT_EQ(testing::to_hex(one),
            testing::to_hex(hex(std::string("82 00 0016 ") + kOutgoingReset + " 0000")));
  Result<ReconfigChunk> back = ReconfigChunk::parse(chunk_of(two));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->parameter_count(), 2u);
  testing::expect_reserializes_identically<ReconfigChunk>(two);
}

TEST(ReconfigChunk, Rfc6525_3_1_ZeroParametersIsInvalid) {
  const Bytes b = from_hex("82 00 0004");
  EXPECT_EQ(ReconfigChunk::parse(chunk_of(b)).error(), ParseError::kChunkInvalidField);
}

TEST(ReconfigChunk, Rfc6525_3_1_ThreeParametersIsInvalid) {
  // length 40: three 12-byte responses.
  const Bytes b = hex(std::string("82 00 0028 ") + kResponse + " " + kResponse + " " + kResponse);
  EXPECT_EQ(ReconfigChunk::parse(chunk_of(b)).error(), ParseError::kChunkInvalidField);
}

TEST(ReconfigChunk, Rfc9260_3_2_1_MalformedParametersAreRejected) {
  // Parameter length 3 (< 4).
  EXPECT_EQ(ReconfigChunk::parse(chunk_of(from_hex("82 00 0008 0010 0003 0000"))).error(),
            ParseError::kParamLengthTooSmall);
  // Parameter length 12 with only 8 bytes in the chunk.
  EXPECT_EQ(ReconfigChunk::parse(chunk_of(from_hex("82 00 000c 0010 000c 00000005"))).error(),
            ParseError::kParamLengthExceedsChunk);
  // Two stray bytes after a whole parameter.
  const Bytes stray = hex(std::string("82 00 0012 ") + kResponse + " 0000");
  EXPECT_EQ(ReconfigChunk::parse(chunk_of(stray)).error(), ParseError::kParamHeaderTruncated);
}

TEST(ReconfigChunk, WrongTypeIsRejected) {
  const Bytes b = hex(std::string("84 00 0010 ") + kResponse);  // PAD
  EXPECT_EQ(ReconfigChunk::parse(chunk_of(b)).error(), ParseError::kChunkWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
