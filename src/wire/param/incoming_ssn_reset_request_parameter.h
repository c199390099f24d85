// Incoming SSN Reset Request parameter (RFC 6525 §4.2), in RE-CONFIG: the sender asks the
// peer to reset its outgoing streams (the sender's incoming ones); the peer answers with
// an Outgoing SSN Reset Request.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 14       |  Parameter Length = 8 + 2 * N |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Re-configuration Request Sequence Number             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  Stream Number 1 (optional)   |    Stream Number 2 (optional) |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                            ......                             /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  Stream Number N-1 (optional) |    Stream Number N (optional) |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <span>
#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/param/param_codec.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct IncomingSsnResetRequestParameter {
  static constexpr uint16_t kType = param_type::kIncomingSsnResetRequest;
  static constexpr size_t kFixedSize = 8;

  uint32_t request_sn = 0;  ///< Re-configuration Request Sequence Number
  ByteSpan stream_ids;      ///< wire bytes: stream_count() big-endian stream numbers

  /// kParamTooShortForType under 8 bytes; kParamInvalidField for an odd stream list.
  static Result<IncomingSsnResetRequestParameter> parse(const TlvView& t);
  static void write(BufferWriter& w, uint32_t request_sn, std::span<const StreamId> streams);

  /// RFC 6525 §4.2: no stream number means "all streams".
  [[nodiscard]] bool all_streams() const { return stream_ids.empty(); }
  [[nodiscard]] size_t stream_count() const { return stream_ids.size() / 2; }
  [[nodiscard]] StreamId stream_at(size_t i) const {
    return StreamId(param_codec::u16_at(stream_ids, i));
  }

  [[nodiscard]] size_t serialized_size() const { return kFixedSize + stream_ids.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
