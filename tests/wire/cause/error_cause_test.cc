// describe_cause(): dispatch of any error cause TLV to its typed parser (RFC 9260 §3.3.10).
#include "wire/cause/error_cause.h"

#include <random>
#include <string>
#include <vector>

#include "cause_test_util.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::from_hex;

std::string describe_hex(std::string_view hex) {
  return describe_cause(testing::tlv_of(from_hex(hex), TlvKind::kCause));
}

TEST(DescribeCause, Rfc9260_3_3_10_EveryKnownCodeUsesItsTypedParser) {
  const std::vector<std::pair<std::string_view, std::string>> cases = {
      {"0001 0008 0007 0000", "Invalid Stream Identifier sid=7"},
      {"0002 000a 00000001 0007 0000", "Missing Mandatory Parameter [State Cookie]"},
      {"0003 0008 000003e8", "Stale Cookie Error staleness=1000us"},
      {"0004 0004", "Out of Resource"},
      {"0005 000c 0005 0008 c0000201", "Unresolvable Address: IPv4 Address 192.0.2.1"},
      {"0006 000c 47000008 01020304",
       "Unrecognized Chunk Type type=0x47 (UNKNOWN) flags=0x00 len=8"},
      {"0007 0004", "Invalid Mandatory Parameter"},
      {"0008 0008 8000 0004", "Unrecognized Parameters [ECN Capable (type 0x8000, len 4)]"},
      {"0009 0008 00000011", "No User Data tsn=17"},
      {"000a 0004", "Cookie Received While Shutting Down"},
      {"000b 000c 0005 0008 0a000001",
       "Restart of an Association with New Addresses [IPv4 Address 10.0.0.1]"},
      {"000c 0006 6f6b 0000", "User-Initiated Abort \"ok\""},
      {"000d 0004", "Protocol Violation"},
      {"00a0 000c 0005 0008 0a000001",
       "Request to Delete Last Remaining IP Address: IPv4 Address 10.0.0.1"},
      {"00a1 0008 c001 0004",
       "Operation Refused Due to Resource Shortage: Add IP Address "
       "(type 0xc001, len 4)"},
      {"00a2 000c 0005 0008 0a000001",
       "Request to Delete Source IP Address: IPv4 Address 10.0.0.1"},
      {"00a3 0004", "Association Aborted Due to Illegal ASCONF-ACK"},
      {"00a4 0008 c004 0004",
       "Request Refused - No Authorization: Set Primary Address "
       "(type 0xc004, len 4)"},
      {"0105 0006 0001 0000", "Unsupported HMAC Identifier hmac_id=1"},
  };
  for (const auto& [hex, want] : cases) EXPECT_EQ(describe_hex(hex), want) << hex;
}

TEST(DescribeCause, Rfc9260_3_3_10_MalformedCauseNamesItsError) {
  EXPECT_EQ(describe_hex("0003 000c 00000001 00000000"),
            "Stale Cookie Error malformed: fixed-size error cause with a wrong length");
  EXPECT_EQ(describe_hex("0005 0008 0005 0003"),
            "Unresolvable Address malformed: parameter length below 4");
  EXPECT_EQ(describe_hex("0006 0006 4700 0000"),
            "Unrecognized Chunk Type malformed: error cause shorter than its fixed part");
}

TEST(DescribeCause, Rfc9260_3_3_10_UnknownCodeIsNamedByNumber) {
  EXPECT_EQ(describe_hex("1234 0008 00000000"), "Unknown cause 0x1234 len=8");
  EXPECT_EQ(describe_hex("000e 0004"), "Unknown cause 0x000e len=4");
}

// Every code, every length up to 40, random bytes: always a non-empty line, never a read
// out of bounds (ASan / UBSan builds run this too).
TEST(DescribeCause, ArbitraryBytesNeverFail) {
  const std::vector<uint16_t> codes = {1,  2,  3,  4,    5,    6,    7,    8,    9,     10,    11,
                                       12, 13, 14, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0x105, 0xffff};
  std::mt19937 rng(9260);
  for (uint16_t code : codes) {
    for (uint16_t len = TlvView::kHeaderSize; len <= 40; ++len) {
      for (int round = 0; round < 20; ++round) {
        Bytes b(len);
        for (std::byte& x : b) x = static_cast<std::byte>(rng());
        b[0] = static_cast<std::byte>(code >> 8);
        b[1] = static_cast<std::byte>(code);
        testing::set_length(b, len);
        EXPECT_FALSE(describe_cause(testing::tlv_of(b, TlvKind::kCause)).empty());
      }
    }
  }
}

}  // namespace
}  // namespace dpsctp::wire
