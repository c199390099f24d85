// Heartbeat Info parameter (RFC 9260 §3.3.5): the sender-specific bytes a HEARTBEAT
// carries and the HEARTBEAT ACK echoes back unchanged (§3.3.6, §8.3).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Heartbeat Info Type = 1    |         HB Info Length        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                 Sender-Specific Heartbeat Info                /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct HeartbeatInfoParameter {
  static constexpr uint16_t kType = param_type::kHeartbeatInfo;
  static constexpr size_t kHeaderSize = 4;

  ByteSpan info;  ///< opaque to the peer; a view into the packet or the caller's bytes

  /// Any info length is accepted (only the sender interprets it, RFC 9260 §3.3.5).
  static Result<HeartbeatInfoParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + info.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Heartbeat Info len=N"
};

}  // namespace dpsctp::wire
