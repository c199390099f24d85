// Ethernet II (RFC 894, RFC 2464) with one IEEE 802.1Q tag.
#include "runtime/net/ethernet.h"

#include "net_test_util.h"

namespace dpsctp::net {
namespace {
using testing::Bytes;
using testing::from_hex;
using testing::to_hex;

// dst 00:1b:21:3a:4f:10, src 02:00:00:00:00:01, type IPv4, then 4 payload bytes.
constexpr const char* kUntagged = "001b213a4f10 020000000001 0800 45000014";
// Same, tagged: TPID 8100, TCI = PCP 5, DEI 1, VID 100 (0xb064), inner type IPv6.
constexpr const char* kTagged = "001b213a4f10 020000000001 8100 b064 86dd 60000000";

TEST(Ethernet, Rfc894_ParsesUntaggedFrame) {
  const Bytes f = from_hex(kUntagged);
  Result<EthernetFrame> r = EthernetFrame::parse(f);
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(r->header.dst.to_string(), "00:1b:21:3a:4f:10");
  EXPECT_EQ(r->header.src.to_string(), "02:00:00:00:00:01");
  EXPECT_FALSE(r->header.vlan);
  EXPECT_EQ(r->header.ether_type, ether_type::kIpv4);
  EXPECT_EQ(r->header.size(), 14u);
  EXPECT_EQ(to_hex(r->payload), "45000014");
  EXPECT_EQ(r->header.to_string(), "02:00:00:00:00:01 > 00:1b:21:3a:4f:10 type 0x0800");
}

TEST(Ethernet, Ieee8021Q_ParsesTagFields) {
  const Bytes f = from_hex(kTagged);
  Result<EthernetFrame> r = EthernetFrame::parse(f);
  ASSERT_TRUE(r) << to_string(r.error());
  ASSERT_TRUE(r->header.vlan);
  EXPECT_EQ(r->header.vlan->pcp, 5);
  EXPECT_TRUE(r->header.vlan->dei);
  EXPECT_EQ(r->header.vlan->vid, 100);
  EXPECT_EQ(r->header.ether_type, ether_type::kIpv6);
  EXPECT_EQ(r->header.size(), 18u);
  EXPECT_EQ(to_hex(r->payload), "60000000");
  EXPECT_EQ(r->header.to_string(),
            "02:00:00:00:00:01 > 00:1b:21:3a:4f:10 vlan 100 pcp 5 dei type 0x86dd");
}

TEST(Ethernet, Ieee8021Q_BuildRoundTripsByteIdentical) {
  for (const char* hex : {kUntagged, kTagged}) {
    const Bytes f = from_hex(hex);
    Result<EthernetFrame> r = EthernetFrame::parse(f);
    ASSERT_TRUE(r);
    const Bytes out = testing::write_with([&](BufferWriter& w) {
      r->header.serialize_to(w);
      w.put_bytes(r->payload);
    });
    EXPECT_EQ(to_hex(out), to_hex(f));
  }
}

TEST(Ethernet, Ieee8021Q_TciPacksAndMasksFields) {
  EXPECT_EQ((VlanTag{7, false, 4095}.tci()), 0xefff);
  EXPECT_EQ((VlanTag{0, true, 0}.tci()), 0x1000);
  EXPECT_EQ((VlanTag{0, false, 0xffff}.tci()), 0x0fff);  // VID is 12 bits
  EXPECT_EQ(VlanTag::from_tci(0xb064), (VlanTag{5, true, 100}));
}

TEST(Ethernet, MinimumHeaderWithEmptyPayloadIsValid) {
  const Bytes f = from_hex("001b213a4f10 020000000001 0806");
  Result<EthernetFrame> r = EthernetFrame::parse(f);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->payload.empty());
  EXPECT_EQ(r->header.ether_type, ether_type::kArp);
}

TEST(Ethernet, TruncatedFramesAreRejectedAtEveryLength) {
  const Bytes tagged = from_hex(kTagged);
  for (size_t n = 0; n < 14; ++n) {
    EXPECT_EQ(EthernetFrame::parse(ByteSpan(tagged).first(n)).error(), NetError::kEthernetTruncated)
        << n;
  }
  for (size_t n = 14; n < 18; ++n) {
    EXPECT_EQ(EthernetFrame::parse(ByteSpan(tagged).first(n)).error(),
              NetError::kEthernetVlanTruncated)
        << n;
  }
  EXPECT_TRUE(EthernetFrame::parse(ByteSpan(tagged).first(18)));
}

TEST(Ethernet, Ieee8023_LengthFieldIsNotEthernetII) {
  // 0x05dc = 1500: an 802.3 length followed by LLC, not an EtherType.
  EXPECT_EQ(EthernetFrame::parse(from_hex("001b213a4f10 020000000001 05dc aaaa03")).error(),
            NetError::kEthernetNotEthernetII);
  EXPECT_EQ(EthernetFrame::parse(from_hex("001b213a4f10 020000000001 8100 0064 0040")).error(),
            NetError::kEthernetNotEthernetII);
  EXPECT_TRUE(EthernetFrame::parse(from_hex("001b213a4f10 020000000001 0600")));
}

TEST(Ethernet, Ieee8021Q_StackedTagsAreRejected) {
  EXPECT_EQ(
      EthernetFrame::parse(from_hex("001b213a4f10 020000000001 8100 0064 8100 0065 0800")).error(),
      NetError::kEthernetStackedVlan);
  EXPECT_EQ(
      EthernetFrame::parse(from_hex("001b213a4f10 020000000001 8100 0064 88a8 0065 0800")).error(),
      NetError::kEthernetStackedVlan);
}

TEST(Ethernet, Rfc894_ShortFramesArePaddedTo60Bytes) {
  const Bytes out = testing::write_with([](BufferWriter& w) {
    w.put_u8(0xaa);  // something before the frame: padding counts from frame_start
    const size_t start = w.size();
    EthernetHeader{MacAddress::broadcast(), testing::mac("02:00:00:00:00:01"), std::nullopt,
                   ether_type::kArp}
        .serialize_to(w);
    w.put_u32(0x01020304);
    pad_ethernet_frame(w, start);
  });
  ASSERT_EQ(out.size(), 1 + kMinFrameSize);
  EXPECT_EQ(to_hex(ByteSpan(out).subspan(15, 4)), "01020304");
  EXPECT_EQ(out.back(), std::byte{0});
  // Long frames are left alone.
  const Bytes long_frame = testing::write_with([](BufferWriter& w) {
    w.put_zeros(70);
    pad_ethernet_frame(w, 0);
  });
  EXPECT_EQ(long_frame.size(), 70u);
}

TEST(Ethernet, BuildIntoTooSmallBufferFailsWithoutWritingPastIt) {
  Bytes buf(17);
  BufferWriter w(buf);
  EthernetHeader{MacAddress::broadcast(), MacAddress(), VlanTag{0, false, 1}, 0x0800}.serialize_to(
      w);
  EXPECT_FALSE(w.ok());
}

}  // namespace
}  // namespace dpsctp::net
