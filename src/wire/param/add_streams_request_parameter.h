// Shared codec of the two Add Streams Request parameters of RE-CONFIG, which differ only
// in their type: Add Outgoing Streams (RFC 6525 §4.5, type 17) and Add Incoming Streams
// (RFC 6525 §4.6, type 18). Each has its own header naming its instantiation.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Parameter Type = 17 or 18   |      Parameter Length = 12    |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Re-configuration Request Sequence Number             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Number of new streams    |         Reserved              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/bounded_reader.h"
#include "wire/buffer_writer.h"
#include "wire/param/param_codec.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

template <uint16_t kTypeValue>
struct AddStreamsRequestParameter {
  static constexpr uint16_t kType = kTypeValue;
  static constexpr size_t kSize = 12;

  uint32_t request_sn = 0;   ///< Re-configuration Request Sequence Number
  uint16_t new_streams = 0;  ///< Number of new streams

  /// RFC 6525 §4.5 / §4.6: Parameter Length = 12. Whether 0 new streams or a total above
  /// 65535 is acceptable is the receiver's decision (Denied), not a framing error.
  static Result<AddStreamsRequestParameter> parse(const TlvView& t) {
    if (ParseError e = param_codec::check_fixed(t, kType, kSize); e != ParseError::kOk) {
      return e;
    }
    BoundedReader<kSize> r(t.bytes);
    AddStreamsRequestParameter p;
    p.request_sn = r.template load32<4>();
    p.new_streams = r.template load16<8>();  // Reserved (offset 10) is ignored on receipt
    return p;
  }

  [[nodiscard]] size_t serialized_size() const { return kSize; }

  void serialize_to(BufferWriter& w) const {
    const BufferWriter::Mark m = w.begin_tlv(kType);
    w.put_u32(request_sn);
    w.put_u16(new_streams);
    w.put_u16(0);  // RFC 6525 §4.5 / §4.6: Reserved, set to 0 by the sender
    w.end_tlv(m);
  }

  /// "Add Outgoing Streams Request req=N new_streams=M"
  [[nodiscard]] std::string to_string() const {
    return std::string(param_type::name(kType)) + " req=" + std::to_string(request_sn) +
           " new_streams=" + std::to_string(new_streams);
  }
};

}  // namespace dpsctp::wire
