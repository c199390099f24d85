// Invalid Stream Identifier error cause (RFC 9260 §3.3.10.1): DATA sent to a stream that
// does not exist (§6.5).
//
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Cause Code = 1            |       Cause Length = 8        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Stream Identifier      |         (Reserved)            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/cause/cause_code.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct InvalidStreamIdentifierCause {
  static constexpr uint16_t kCode = cause_code::kInvalidStreamIdentifier;
  static constexpr size_t kSize = 8;

  StreamId stream;

  static Result<InvalidStreamIdentifierCause> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
