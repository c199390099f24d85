// Invalid Stream Identifier error cause (RFC 9260 §3.3.10.1).
#include "wire/cause/invalid_stream_identifier_cause.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::from_hex;

TEST(InvalidStreamIdentifierCause, Rfc9260_3_3_10_1_RoundTrip) {
  InvalidStreamIdentifierCause c;
  c.stream = StreamId(0x1234);
  const Bytes b = testing::serialize(c);
  EXPECT_EQ(testing::to_hex(b), "0001000812340000");
  auto back = InvalidStreamIdentifierCause::parse(testing::tlv_of(b, TlvKind::kCause));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->stream, c.stream);
}

TEST(InvalidStreamIdentifierCause, Rfc9260_3_3_10_1_MalformedLengths) {
  Bytes b = from_hex("00010008 12340000");
  testing::set_length(b, 6);
  EXPECT_EQ(InvalidStreamIdentifierCause::parse(testing::tlv_of(b, TlvKind::kCause)).error(),
            ParseError::kCauseTooShortForType);
  Bytes longer = from_hex("0001000c 12340000 00000000");
  EXPECT_EQ(
      InvalidStreamIdentifierCause::parse(testing::tlv_of(longer, TlvKind::kCause)).error(),
      ParseError::kCauseLengthMismatch);
}

}  // namespace
}  // namespace dpsctp::wire
