// The SCTP common header (RFC 9260 §3.1):
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Source Port Number        |     Destination Port Number   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      Verification Tag                         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                           Checksum                            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <cstdint>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/byte_io.h"
#include "wire/result.h"

namespace dpsctp::wire {

struct CommonHeader {
  static constexpr size_t kSize = 12;
  static constexpr size_t kChecksumOffset = 8;

  uint16_t src_port = 0;
  uint16_t dst_port = 0;
  VerificationTag vtag;
  uint32_t checksum = 0;  ///< as read from the wire: the CRC32c's little-endian bytes

  static Result<CommonHeader> parse(ByteSpan packet) {
    if (packet.size() < kSize) return ParseError::kPacketTooShort;
    CommonHeader h;
    h.src_port = load_u16(packet.data());
    h.dst_port = load_u16(packet.data() + 2);
    h.vtag = VerificationTag(load_u32(packet.data() + 4));
    h.checksum = load_u32(packet.data() + 8);
    return h;
  }

  /// Writes the header with a zero checksum; fill it with write_sctp_checksum().
  void serialize_to(BufferWriter& w) const {
    w.put_u16(src_port);
    w.put_u16(dst_port);
    w.put_u32(vtag.value());
    w.put_u32(0);
  }
};

}  // namespace dpsctp::wire
