// Helpers of the parameter codec tests (test-only): run a static write(...) builder, and
// parse-then-reserialise hex bytes to check that a parsed view re-serialises identically.
#pragma once

#include <string>

#include "wire_test_util.h"

namespace dpsctp::wire::param_testing {

using testing::Bytes;

/// Runs `f(BufferWriter&)` (a static write(...) builder) into a fresh vector.
template <class F>
Bytes build(F&& f, size_t cap = 1024) {
  Bytes buf(cap);
  BufferWriter w(buf);
  f(w);
  EXPECT_TRUE(w.ok());
  buf.resize(w.size());
  return buf;
}

/// Parses `b` as a P and serialises it again; returns the hex ("" if parse failed).
template <class P>
std::string reserialized_hex(const Bytes& b) {
  Result<P> p = P::parse(testing::tlv_of(b));
  EXPECT_TRUE(p.ok()) << to_string(p.error());
  if (!p.ok()) return "";
  EXPECT_EQ(p->serialized_size(), testing::tlv_of(b).length);
  return testing::to_hex(testing::serialize(*p));
}

/// The error of parsing hex `hex` as a P (the TLV frame itself must be valid).
template <class P>
ParseError parse_error_of(const Bytes& b) {
  return P::parse(testing::tlv_of(b)).error();
}

}  // namespace dpsctp::wire::param_testing
