// Outgoing SSN Reset Request parameter (RFC 6525 §4.1), in RE-CONFIG: the sender resets
// its outgoing streams (the peer's incoming ones) once the peer has received every TSN up
// to the Sender's Last Assigned TSN.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 13       | Parameter Length = 16 + 2 * N |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |           Re-configuration Request Sequence Number            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |           Re-configuration Response Sequence Number           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                Sender's Last Assigned TSN                     |
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

struct OutgoingSsnResetRequestParameter {
  static constexpr uint16_t kType = param_type::kOutgoingSsnResetRequest;
  static constexpr size_t kFixedSize = 16;

  uint32_t request_sn = 0;   ///< Re-configuration Request Sequence Number
  uint32_t response_sn = 0;  ///< Re-configuration Response Sequence Number
  Tsn sender_last_tsn;       ///< Sender's Last Assigned TSN
  ByteSpan stream_ids;       ///< wire bytes: stream_count() big-endian stream numbers

  /// kParamTooShortForType under 16 bytes; kParamInvalidField for an odd stream list.
  static Result<OutgoingSsnResetRequestParameter> parse(const TlvView& t);
  /// Builder: the fixed fields of `fixed` (its stream_ids are ignored) and `streams`.
  static void write(BufferWriter& w, const OutgoingSsnResetRequestParameter& fixed,
                    std::span<const StreamId> streams);

  /// RFC 6525 §4.1: no stream number means "all streams".
  [[nodiscard]] bool all_streams() const { return stream_ids.empty(); }
  [[nodiscard]] size_t stream_count() const { return stream_ids.size() / 2; }
  [[nodiscard]] StreamId stream_at(size_t i) const {
    return StreamId(param_codec::u16_at(stream_ids, i));
  }

  [[nodiscard]] size_t serialized_size() const { return kFixedSize + stream_ids.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;

 private:
  [[nodiscard]] BufferWriter::Mark write_fixed(BufferWriter& w) const;
};

}  // namespace dpsctp::wire
