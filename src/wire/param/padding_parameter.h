// Padding parameter (RFC 4820 §4), "PAD", only in INIT: makes the INIT (and so the
// packet) larger, for path MTU probing. The receiver silently skips it.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 0x8005   |       Parameter Length        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  \                          Padding Data                         /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <string>

#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

struct PaddingParameter {
  static constexpr uint16_t kType = param_type::kPadding;
  static constexpr size_t kHeaderSize = 4;

  ByteSpan padding;  ///< the Padding Data as received; its content is meaningless

  /// Any padding length, including none (RFC 4820 §4: Length = 4 + padding).
  static Result<PaddingParameter> parse(const TlvView& t);
  /// Builder: a PAD parameter with `padding_size` zero bytes of Padding Data.
  static void write(BufferWriter& w, size_t padding_size);

  [[nodiscard]] size_t serialized_size() const { return kHeaderSize + padding.size(); }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;  ///< "Padding len=N"
};

}  // namespace dpsctp::wire
