// Tests for apps/loadgen/payload and echo_verifier: the header round trip, corruption
// detection, and exactly-once in-order verification per stream.
#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

#include "echo_verifier.h"
#include "payload.h"

namespace dpsctp::loadgen {
namespace {

std::vector<std::byte> make(uint32_t assoc, uint16_t stream, uint64_t seq, size_t size) {
  std::vector<std::byte> m(size);
  EXPECT_TRUE(encode_message({assoc, seq, 123456789, stream, 0}, m));
  return m;
}

TEST(Payload, RoundTrip) {
  const auto m = make(7, 3, 42, 200);
  MessageHeader h;
  ASSERT_EQ(decode_message(m, h), DecodeError::kOk);
  EXPECT_EQ(h.assoc, 7u);
  EXPECT_EQ(h.stream, 3u);
  EXPECT_EQ(h.seq, 42u);
  EXPECT_EQ(h.sent_ns, 123456789u);
  EXPECT_EQ(h.length, 200u);
}

TEST(Payload, SizeLimits) {
  std::vector<std::byte> small(kHeaderSize - 1), big(kMaxMessageSize + 1), min(kHeaderSize);
  EXPECT_FALSE(encode_message({}, small));
  EXPECT_FALSE(encode_message({}, big));
  EXPECT_TRUE(encode_message({}, min));
  MessageHeader h;
  EXPECT_EQ(decode_message(std::span(small), h), DecodeError::kTooShort);
}

TEST(Payload, EveryFlippedByteIsDetected) {
  const auto m = make(1, 0, 9, 96);
  for (size_t i = 0; i < m.size(); ++i) {
    auto c = m;
    c[i] ^= std::byte{0x01};
    MessageHeader h;
    EXPECT_NE(decode_message(c, h), DecodeError::kOk) << "byte " << i;
  }
}

TEST(Payload, TruncationAndBadMagicAreDetected) {
  const auto m = make(1, 0, 9, 96);
  MessageHeader h;
  EXPECT_EQ(decode_message(std::span(m).first(95), h), DecodeError::kBadLength);
  auto c = m;
  c[0] = std::byte{0};
  EXPECT_EQ(decode_message(c, h), DecodeError::kBadMagic);
}

TEST(EchoVerifier, AcceptsInOrderPerStream) {
  EchoVerifier v(5, 2);
  std::vector<std::vector<std::byte>> sent;
  for (int i = 0; i < 6; ++i) {
    const auto s = static_cast<uint16_t>(i % 2);
    sent.push_back(make(5, s, v.take_seq(s), 64));
  }
  EXPECT_EQ(v.sent(), 6u);
  MessageHeader h;
  // Streams are independent: stream 1's echoes may overtake stream 0's.
  for (int i : {1, 3, 0, 5, 2, 4}) {
    EXPECT_EQ(v.check(sent[i], static_cast<uint16_t>(i % 2), h), EchoVerdict::kOk) << i;
  }
  EXPECT_EQ(v.received(), 6u);
  EXPECT_EQ(v.outstanding(), 0u);
}

TEST(EchoVerifier, DetectsDuplicateGapWrongStreamAssocAndNeverSent) {
  EchoVerifier v(1, 2);
  const auto m0 = make(1, 0, v.take_seq(0), 64);
  const auto m1 = make(1, 0, v.take_seq(0), 64);
  const auto m2 = make(1, 0, v.take_seq(0), 64);
  MessageHeader h;
  EXPECT_EQ(v.check(m0, 0, h), EchoVerdict::kOk);
  EXPECT_EQ(v.check(m0, 0, h), EchoVerdict::kDuplicate);
  EXPECT_EQ(v.check(m2, 0, h), EchoVerdict::kGap);  // m1 lost
  EXPECT_EQ(v.check(m1, 1, h), EchoVerdict::kWrongStream);
  EXPECT_EQ(v.check(make(2, 0, 0, 64), 0, h), EchoVerdict::kWrongAssoc);
  EXPECT_EQ(v.check(make(1, 1, 0, 64), 1, h), EchoVerdict::kNeverSent);
  auto bad = m1;
  bad[40] ^= std::byte{0xff};
  EXPECT_EQ(v.check(bad, 0, h), EchoVerdict::kUndecodable);
  EXPECT_EQ(v.received(), 1u);
  EXPECT_EQ(v.outstanding(), 2u);
}

TEST(EchoVerifier, UntakeRestoresTheSequence) {
  EchoVerifier v(0, 1);
  EXPECT_EQ(v.take_seq(0), 0u);
  v.untake_seq(0);
  EXPECT_EQ(v.sent(), 0u);
  EXPECT_EQ(v.take_seq(0), 0u);
}

}  // namespace
}  // namespace dpsctp::loadgen
