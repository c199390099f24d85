// Serial number arithmetic for TSN/SSN/MID (RFC 9260 §1.6 referring to RFC 1982).
#include <gtest/gtest.h>

#include "dpsctp/types.h"

namespace dpsctp {
namespace {

TEST(SerialNumber, Rfc9260_1_6_ComparesAcrossWrap) {
  EXPECT_LT(Tsn(0xFFFFFFFF), Tsn(0));
  EXPECT_LT(Tsn(0xFFFFFFF0), Tsn(5));
  EXPECT_GT(Tsn(5), Tsn(0xFFFFFFF0));
  EXPECT_LT(Tsn(1), Tsn(2));
  EXPECT_FALSE(Tsn(7) < Tsn(7));
  EXPECT_LE(Tsn(7), Tsn(7));
  EXPECT_LT(Ssn(65535), Ssn(0));
  EXPECT_LT(Ssn(100), Ssn(101));
  // Exactly half the space apart is undefined in RFC 1982: neither is less.
  EXPECT_FALSE(Tsn(0) < Tsn(0x80000000));
  EXPECT_FALSE(Tsn(0x80000000) < Tsn(0));
}

TEST(SerialNumber, Rfc9260_1_6_AdditionWraps) {
  EXPECT_EQ(Tsn(0xFFFFFFFF).next(), Tsn(0));
  EXPECT_EQ(Ssn(65535).next(2), Ssn(1));
  EXPECT_EQ(Tsn(3).distance_from(Tsn(0xFFFFFFFE)), 5u);
}

TEST(StrongId, OrdersAndCompares) {
  EXPECT_LT(StreamId(1), StreamId(2));
  EXPECT_EQ(ppid::kS1ap.value(), 18u);
  EXPECT_EQ(ppid::kNgap.value(), 60u);
  EXPECT_EQ(ppid::kDiameter.value(), 46u);
}

}  // namespace
}  // namespace dpsctp
