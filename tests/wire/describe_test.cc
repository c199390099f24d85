// describe_*: every typed parser reachable from a packet, as text (logs, fuzzing).
#include "wire/describe.h"

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::from_hex;

TEST(Describe, Rfc9260_3_3_2_LinuxInitWithEveryParameterDecoded) {
  const auto b = from_hex(
      "dba7115c000000001d06220d0100003408fe21320001a000000affffd330d3ad000500087f000001000500"
      "08c0a80a04000c00060005000080000004c0000004");
  auto p = PacketView::parse(b);
  ASSERT_TRUE(p.ok());
  const std::string s = describe_packet(*p);
  EXPECT_NE(s.find("SCTP 56231 > 4444 vtag=0x00000000 chunks=1"), std::string::npos) << s;
  EXPECT_NE(s.find("IPv4 127.0.0.1"), std::string::npos) << s;
  EXPECT_NE(s.find("IPv4 192.168.10.4"), std::string::npos) << s;
  EXPECT_EQ(s.find("malformed"), std::string::npos) << s;
}

TEST(Describe, Rfc9260_3_2_UnknownTypesNameTheirAction) {
  EXPECT_EQ(describe_chunk(testing::chunk_of(from_hex("ff000004"))),
            "UNKNOWN type=255 len=4 (skip+report)");
  EXPECT_EQ(describe_parameter(testing::tlv_of(from_hex("40010004"))),
            "Unknown parameter 0x4001 len=4 (stop+report)");
}

TEST(Describe, MalformedChunkNamesTheBrokenRule) {
  EXPECT_EQ(describe_chunk(testing::chunk_of(from_hex("0b000008 00000000"))),
            "COOKIE_ACK malformed: fixed-size chunk with a wrong length");
}

TEST(Describe, AbortListsItsCauses) {
  const std::string s = describe_chunk(testing::chunk_of(from_hex("06000008 00040004")));
  EXPECT_NE(s.find("Out of Resource"), std::string::npos) << s;
}

}  // namespace
}  // namespace dpsctp::wire
