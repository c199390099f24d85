// Supported Extensions parameter (RFC 5061 §4.2.7) <-> ExtensionSet, and what our options
// offer (RFC 8260 §2.2.1: I-DATA, with I-FORWARD-TSN when PR-SCTP is on too).
#include "core/handshake/supported_extensions.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "wire/param/parameter_type.h"

namespace dpsctp::core {
namespace {

std::vector<std::byte> written(ExtensionSet set) {
  std::array<std::byte, 64> buf{};
  wire::BufferWriter w(buf);
  write_supported_extensions(w, set);
  return {buf.begin(), buf.begin() + static_cast<long>(w.size())};
}

TEST(SupportedExtensions, Rfc8260_2_2_1_OfferedOnlyWithInterleavingEnabled) {
  constexpr ExtensionSet kIData = kExtIData | kExtIForwardTsn;
  AssociationOptions o;
  EXPECT_EQ(offered_extensions(o) & kIData, 0);  // default off: neither is announced
  o.interleaving_enable = true;
  EXPECT_EQ(offered_extensions(o) & kIData, kIData);
  o.prsctp_enable = false;  // I-FORWARD-TSN only with PR-SCTP
  EXPECT_EQ(offered_extensions(o) & kIData, kExtIData);
}

TEST(SupportedExtensions, Rfc5061_4_2_7_WriteThenParseRoundTrips) {
  EXPECT_TRUE(written(0).empty());  // nothing to list: no parameter at all
  const ExtensionSet set = kExtIData | kExtIForwardTsn | kExtReconfig;
  const std::vector<std::byte> p = written(set);
  // Type 0x8008, length 4 + 3 types, padded to 8: 0x40 (I-DATA), 0xC2, 0x82.
  ASSERT_EQ(p.size(), 8u);
  EXPECT_EQ(wire::load_u16(p.data()), wire::param_type::kSupportedExtensions);
  EXPECT_EQ(wire::load_u16(p.data() + 2), 7u);
  EXPECT_EQ(wire::load_u8(&p[4]), 0x40);
  EXPECT_EQ(wire::load_u8(&p[5]), 0xC2);
  EXPECT_EQ(wire::load_u8(&p[6]), 0x82);
  EXPECT_EQ(peer_extensions(wire::TlvRange(p, wire::TlvKind::kParameter)), set);
}

TEST(SupportedExtensions, Rfc5061_4_2_7_UnknownTypesIgnoredAbsentListIsEmpty) {
  // 0x8008, length 7: 0x99 (unknown), 0x40 (I-DATA), 0xC0 (FORWARD TSN), pad.
  const std::vector<std::byte> p = {std::byte{0x80}, std::byte{0x08}, std::byte{0x00},
                                    std::byte{0x07}, std::byte{0x99}, std::byte{0x40},
                                    std::byte{0xC0}, std::byte{0x00}};
  EXPECT_EQ(peer_extensions(wire::TlvRange(p, wire::TlvKind::kParameter)),
            kExtIData | kExtForwardTsn);
  EXPECT_EQ(peer_extensions(wire::TlvRange({}, wire::TlvKind::kParameter)), 0);
}

}  // namespace
}  // namespace dpsctp::core
