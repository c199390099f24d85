// Random parameter (RFC 4895 §3.1), "RANDOM", in INIT / INIT ACK: the sender's random
// number, one input of the association shared key for AUTH (§6.1).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 0x8002   |       Parameter Length        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                                                               /
//  /                        Random Number                          /
//  \                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct RandomParameter {
  static constexpr uint16_t kType = param_type::kRandom;
  static constexpr size_t kHeaderSize = 4;
  static constexpr size_t kRandomSize = 32;  ///< RFC 4895 §3.1 / §6.1
  static constexpr size_t kSize = kHeaderSize + kRandomSize;

  ByteSpan random;  ///< a view into the packet (parse) or the caller's bytes (build)

  /// RFC 4895 §3.1 frames a random number of arbitrary length, but §6.1 requires it to be
  /// 32 bytes long and the association to be aborted otherwise (Protocol Violation): any
  /// other length is therefore kParamInvalidField, and the core answers with the ABORT.
  static Result<RandomParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + random.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Random len=32"
};

}  // namespace dpsctp::wire
