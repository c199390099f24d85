// Checks shared by the error cause tests (tests/wire/cause/): parse from hex, the
// byte-identical re-serialisation every parsed cause must support, and the length
// sweeps of the malformed cases.
#pragma once

#include <string>

#include "wire/cause/cause_code.h"
#include "wire_test_util.h"

namespace dpsctp::wire::testing {

/// Frames `b` as a cause TLV and runs the typed parser.
template <class Cause>
Result<Cause> parse_cause(const Bytes& b) {
  return Cause::parse(tlv_of(b, TlvKind::kCause));
}

template <class Cause>
ParseError cause_error(const Bytes& b) {
  return parse_cause<Cause>(b).error();
}

/// Parses `b` (a whole padded cause), checks serialized_size() against the Cause Length
/// field and that serialize_to() gives back exactly `b`. Returns the parsed cause, whose
/// spans point into `b`.
template <class Cause>
Cause expect_reserializes(const Bytes& b) {
  Result<Cause> c = parse_cause<Cause>(b);
  EXPECT_TRUE(c.ok()) << to_string(c.error());
  if (!c.ok()) return Cause{};
  EXPECT_EQ(c->serialized_size(), tlv_of(b, TlvKind::kCause).length);
  EXPECT_EQ(to_hex(serialize(*c)), to_hex(b));
  return *c;
}
/// The cause views `b`: a temporary would leave it dangling.
template <class Cause>
Cause expect_reserializes(Bytes&& b) = delete;

/// Every Cause Length from 4 up to `min_size - 1` is kCauseTooShortForType.
template <class Cause>
void expect_too_short_below(Bytes b, uint16_t min_size) {
  for (uint16_t len = TlvView::kHeaderSize; len < min_size; ++len) {
    set_length(b, len);
    EXPECT_EQ(cause_error<Cause>(b), ParseError::kCauseTooShortForType) << "length " << len;
  }
}

/// The checks of a cause without information (EmptyCause): `b` is "cc cc 00 04".
template <class Cause>
void expect_empty_cause(const Bytes& b) {
  const Cause c = expect_reserializes<Cause>(b);
  EXPECT_EQ(c.to_string(), std::string(cause_code::name(Cause::kCode)));
  Bytes longer = b;
  longer.resize(8);  // four bytes of information the cause may not have
  set_length(longer, 8);
  EXPECT_EQ(cause_error<Cause>(longer), ParseError::kCauseLengthMismatch);
  Bytes other = b;
  other[1] = static_cast<std::byte>(static_cast<uint8_t>(other[1]) ^ 0x40);
  EXPECT_EQ(cause_error<Cause>(other), ParseError::kCauseWrongType);
}

}  // namespace dpsctp::wire::testing
