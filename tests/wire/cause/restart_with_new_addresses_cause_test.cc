// Restart of an Association with New Addresses error cause (RFC 9260 §3.3.10.11).
#include "wire/cause/restart_with_new_addresses_cause.h"

#include <array>
#include <vector>

#include "cause_test_util.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::wire {
namespace {
using testing::Bytes;
using testing::cause_error;
using testing::from_hex;
using Cause = RestartWithNewAddressesCause;

TEST(RestartWithNewAddressesCause, Rfc9260_3_3_10_11_ParsesAnnotatedBytes) {
  // code 11, length 20: IPv4 Address 192.0.2.7, IPv4 Address 198.51.100.1.
  const Bytes b = from_hex("000b 0014 0005 0008 c0000207 0005 0008 c6336401");
  const Cause c = testing::expect_reserializes<Cause>(b);
  EXPECT_EQ(c.count, 2u);
  std::vector<std::string> values;
  for (const TlvView& p : c.parameters()) values.push_back(testing::to_hex(p.value()));
  EXPECT_EQ(values, (std::vector<std::string>{"c0000207", "c6336401"}));
  EXPECT_EQ(c.to_string(),
            "Restart of an Association with New Addresses "
            "[IPv4 Address 192.0.2.7, IPv4 Address 198.51.100.1]");
}

TEST(RestartWithNewAddressesCause, Rfc9260_3_3_10_11_RoundTripFromAddressTlvs) {
  const Bytes v4 = from_hex("0005 0008 0a000001");
  const Bytes v6 = from_hex("0006 0014 20010db8 00000000 00000000 00000002");
  const std::array<TlvView, 2> addresses = {testing::tlv_of(v6), testing::tlv_of(v4)};
  Bytes buf(64);
  BufferWriter w(buf);
  Cause::write(w, addresses);
  ASSERT_TRUE(w.ok());
  buf.resize(w.size());
  EXPECT_EQ(testing::to_hex(buf),
            "000b00200006001420010db8"
            "00000000000000000000000200050008"
            "0a000001");
  const Cause c = testing::expect_reserializes<Cause>(buf);
  EXPECT_EQ(c.count, 2u);
  EXPECT_EQ(c.parameters().begin()->type, param_type::kIpv6Address);
}

TEST(RestartWithNewAddressesCause, Rfc9260_3_3_10_11_MalformedNestedTlvsAreRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("000b 000c 0005 0008 c0000207")), ParseError::kOk);
  EXPECT_EQ(cause_error<Cause>(from_hex("000b 000c 0005 0009 c0000207")),
            ParseError::kParamLengthExceedsChunk);
  EXPECT_EQ(cause_error<Cause>(from_hex("000b 000c 0005 0000 c0000207")),
            ParseError::kParamLengthTooSmall);
}

TEST(RestartWithNewAddressesCause, EmptyListIsRejected) {
  testing::expect_too_short_below<Cause>(from_hex("000b 000c 0005 0008 c0000207"),
                                         Cause::kFixedSize);
}

TEST(RestartWithNewAddressesCause, WrongCodeIsRejected) {
  EXPECT_EQ(cause_error<Cause>(from_hex("0008 000c 0005 0008 c0000207")),
            ParseError::kCauseWrongType);
}

}  // namespace
}  // namespace dpsctp::wire
