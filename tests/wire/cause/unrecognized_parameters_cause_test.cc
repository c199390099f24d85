// Unrecognized Parameters error cause (RFC 9260 §3.3.10.8).
#include "wire/cause/unrecognized_parameters_cause.h"

#include <array>
#include <vector>

#include "cause_test_util.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;
using Cause = UnrecognizedParametersCause;

std::vector<uint16_t> types_of(const Cause& c) {
  std::vector<uint16_t> types;
  for (const TlvView& p : c.parameters()) types.push_back(p.type);
  return types;
}

TEST(UnrecognizedParametersCause, Rfc9260_3_3_10_8_ParsesAnnotatedBytes) {
  // code 8, length 16: ECN Capable (0x8000, length 4), unknown 0x8123 (length 8).
  const Bytes b = from_hex("0008 0010 8000 0004 8123 0008 01020304");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(c.count, 2u);
  EXPECT_EQ(types_of(c), (std::vector<uint16_t>{param_type::kEcnCapable, 0x8123}));
  EXPECT_EQ(c.to_string(),
            "Unrecognized Parameters [ECN Capable (type 0x8000, len 4), "
            "Unknown (type 0x8123, len 8)]");
}

TEST(UnrecognizedParametersCause, Rfc9260_3_3_10_8_WritePadsBetweenButNotAfterTheLast) {
  const Bytes odd = from_hex("8123 0005 aa");  // length 5: 3 bytes of padding follow it
  const Bytes ecn = from_hex("8000 0004");
  const std::array<TlvView, 2> odd_first = {testing::tlv_of(odd), testing::tlv_of(ecn)};
  Bytes buf(64);
  BufferWriter w(buf);
  Cause::write(w, odd_first);
  buf.resize(w.size());
  EXPECT_EQ(testing::to_hex(buf), "0008001081230005aa00000080000004");
  EXPECT_EQ(types_of(testing::expect_reserializes<Cause>(buf)),
            (std::vector<uint16_t>{0x8123, param_type::kEcnCapable}));

  // RFC 9260 §3.2.1: the padding of the last TLV is not in the cause's length (13).
  const std::array<TlvView, 2> odd_last = {testing::tlv_of(ecn), testing::tlv_of(odd)};
  Bytes buf2(64);
  BufferWriter w2(buf2);
  Cause::write(w2, odd_last);
  buf2.resize(w2.size());
  EXPECT_EQ(testing::to_hex(buf2), "0008000d8000000481230005aa000000");
  EXPECT_EQ(testing::expect_reserializes<Cause>(buf2).count, 2u);
}

TEST(UnrecognizedParametersCause, Rfc9260_3_3_10_8_MalformedNestedTlvsAreRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("0008 000c 8000 0004 8123 0002")),
            ParseError::kParamLengthTooSmall);
  EXPECT_EQ(cause_error<Cause>(from_hex("0008 000c 8000 0004 8123 0010")),
            ParseError::kParamLengthExceedsChunk);
  EXPECT_EQ(cause_error<Cause>(from_hex("0008 000a 8000 0004 8123 0000")),
            ParseError::kParamHeaderTruncated);
}

TEST(UnrecognizedParametersCause, EmptyListIsRejected) {
  testing::expect_too_short_below<Cause>(from_hex("0008 0008 8000 0004"), Cause::kFixedSize);
}

TEST(UnrecognizedParametersCause, WrongCodeIsRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("000b 0008 8000 0004")), ParseError::kCauseWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
