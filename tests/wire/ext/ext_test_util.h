// Helpers shared by the wire/ext codec tests. Test-only; allocations are fine here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "wire_test_util.h"

namespace dpsctp::wire::testing {

/// A parameter of any type and value, for building chunks that carry parameters.
struct RawParameter {
  uint16_t type = 0;
  Bytes value;
  void serialize_to(BufferWriter& w) const {
    const BufferWriter::Mark m = w.begin_tlv(type);
    w.put_bytes(value);
    w.end_tlv(m);
  }
};

/// Spaced hex for readable expectations ("c0000014 01020304") in to_hex() form.
inline std::string canonical_hex(std::string_view spaced) { return to_hex(from_hex(spaced)); }

/// Runs a builder `f(BufferWriter&)` (a static write(...)) into a fresh vector.
template <class F>
Bytes build(F&& f, size_t cap = 70000) {
  Bytes buf(cap);
  BufferWriter w(buf);
  std::forward<F>(f)(w);
  EXPECT_TRUE(w.ok());
  buf.resize(w.size());
  return buf;
}

/// Parses `b` with its length field set to every value in [from, to) and expects `want`.
template <class T>
void expect_error_for_lengths(Bytes b, uint16_t from, uint16_t to, ParseError want) {
  for (uint16_t len = from; len < to; ++len) {
    set_length(b, len);
    EXPECT_EQ(T::parse(chunk_of(b)).error(), want) << "length " << len;
  }
}

/// Serialises a parsed view again and expects the very bytes it was parsed from.
template <class T>
void expect_reserializes_identically(const Bytes& b) {
  Result<T> x = T::parse(chunk_of(b));
  ASSERT_TRUE(x.ok()) << to_string(x.error());
  EXPECT_EQ(to_hex(serialize(*x)), to_hex(b));
}

}  // namespace dpsctp::wire::testing
