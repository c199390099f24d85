// Parameter / error cause TLV framing (RFC 9260 §3.2.1, §3.3.10) and the upper-two-bit
// actions for unrecognised parameter types (§3.2.1).
#include "wire/tlv.h"

#include <vector>

#include "wire/chunk_type.h"
#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::from_hex;

std::vector<uint16_t> types(ByteSpan area, TlvKind k) {
  std::vector<uint16_t> t;
  for (const TlvView& v : TlvRange(area, k)) t.push_back(v.type);
  return t;
}

TEST(Tlv, Rfc9260_3_2_1_WalksPaddedSequenceLastPaddingOptional) {
  const auto area = from_hex("00050008 7f000001  000b0005 61000000  c0000004  000c0006 0005");
  Result<size_t> n = validate_tlvs(area, TlvKind::kParameter);
  ASSERT_TRUE(n.ok()) << to_string(n.error());
  EXPECT_EQ(*n, 4u);
  EXPECT_EQ(types(area, TlvKind::kParameter), (std::vector<uint16_t>{5, 11, 0xc000, 12}));
}

TEST(Tlv, Rfc9260_3_2_1_MalformedSequences) {
  EXPECT_EQ(validate_tlvs(from_hex("0005"), TlvKind::kParameter).error(),
            ParseError::kParamHeaderTruncated);
  EXPECT_EQ(validate_tlvs(from_hex("00050003"), TlvKind::kParameter).error(),
            ParseError::kParamLengthTooSmall);
  EXPECT_EQ(validate_tlvs(from_hex("00050009 7f000001"), TlvKind::kParameter).error(),
            ParseError::kParamLengthExceedsChunk);
  EXPECT_EQ(validate_tlvs(from_hex("00010009 7f000001"), TlvKind::kCause).error(),
            ParseError::kCauseLengthExceedsChunk);
  EXPECT_EQ(validate_tlvs(from_hex("00050008 7f000001 00"), TlvKind::kCause).error(),
            ParseError::kCauseHeaderTruncated);
  EXPECT_EQ(*validate_tlvs({}, TlvKind::kParameter), 0u);
}

TEST(Tlv, IterationOfUnvalidatedAreaStopsAtMalformedEntry) {
  const auto area = from_hex("c0000004 00050040 7f000001");
  EXPECT_EQ(types(area, TlvKind::kParameter), (std::vector<uint16_t>{0xc000}));
}

TEST(Tlv, Rfc9260_3_2_1_UnrecognizedParameterActions) {
  EXPECT_EQ(unrecognized_param_action(0x0001), UnrecognizedAction::kStop);
  EXPECT_EQ(unrecognized_param_action(0x4001), UnrecognizedAction::kStopAndReport);
  EXPECT_EQ(unrecognized_param_action(0x8001), UnrecognizedAction::kSkip);
  EXPECT_EQ(unrecognized_param_action(0xC001), UnrecognizedAction::kSkipAndReport);
}

}  // namespace
}  // namespace dpsctp::wire
