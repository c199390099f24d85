// No User Data error cause (RFC 9260 §3.3.10.9): a DATA chunk arrived without user data
// (§6.2: the receiver answers with an ABORT carrying this cause).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Cause Code = 9         |       Cause Length = 8        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                             TSN                               |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/cause/cause_code.h"
#include "wire/cause/cause_shapes.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct NoUserDataCause {
  static constexpr uint16_t kCode = cause_code::kNoUserData;
  static constexpr size_t kSize = cause_codec::kU32CauseSize;

  Tsn tsn;  ///< the TSN of the DATA chunk that carried no user data

  static Result<NoUserDataCause> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "No User Data tsn=42"
};

}  // namespace dpsctp::wire
