// BufferWriter: bounded serialisation, TLV length patching and padding (RFC 9260 §3.2).
#include "wire/buffer_writer.h"

#include <array>

#include "wire_test_util.h"

namespace dpsctp::wire {
namespace {

TEST(BufferWriter, WritesBigEndian) {
  std::array<std::byte, 16> buf{};
  BufferWriter w(buf);
  w.put_u8(0x01);
  w.put_u16(0x0203);
  w.put_u32(0x04050607);
  w.put_u64(0x08090a0b0c0d0e0full);
  EXPECT_TRUE(w.ok());
  EXPECT_EQ(testing::to_hex(w.written()), "0102030405060708090a0b0c0d0e0f");
  EXPECT_EQ(w.remaining(), 1u);
}

TEST(BufferWriter, OverflowIsStickyAndWritesNothingMore) {
  std::array<std::byte, 4> buf{};
  BufferWriter w(buf);
  w.put_u16(0xAAAA);
  w.put_u32(1);  // does not fit
  EXPECT_FALSE(w.ok());
  w.put_u8(0xBB);  // would fit, but the writer failed already
  EXPECT_EQ(w.size(), 2u);
  EXPECT_EQ(buf[2], std::byte{0});
}

TEST(BufferWriter, Rfc9260_3_2_TlvLengthExcludesOwnPadding) {
  std::array<std::byte, 16> buf{};
  BufferWriter w(buf);
  auto m = w.begin_tlv(0x1234);
  w.put_u8(0xEE);
  w.end_tlv(m);
  EXPECT_EQ(testing::to_hex(w.written()), "12340005ee000000");
}

TEST(BufferWriter, Rfc9260_3_2_ChunkLengthCountsInnerPaddingExceptLast) {
  std::array<std::byte, 64> buf{};
  BufferWriter w(buf);
  auto c = w.begin_chunk(0x01, 0);
  auto p1 = w.begin_tlv(0x000b);  // 5-byte parameter: padded to 8
  w.put_u8(0x61);
  w.end_tlv(p1);
  auto p2 = w.begin_tlv(0x000b);  // last parameter, 6 bytes: padded to 8, not counted
  w.put_u16(0x6263);
  w.end_tlv(p2);
  w.end_tlv(c);
  // chunk length = 4 + 8 + 6 = 18; bytes written = 20
  EXPECT_EQ(testing::to_hex(w.written()), "01000012" "000b000561000000" "000b000662630000");
}

TEST(BufferWriter, TlvLongerThan65535Fails) {
  std::vector<std::byte> buf(70000);
  BufferWriter w(buf);
  auto m = w.begin_chunk(0, 0);
  w.put_zeros(65535);
  w.end_tlv(m);
  EXPECT_FALSE(w.ok());
}

}  // namespace
}  // namespace dpsctp::wire
