// Re-configuration Response parameter (RFC 6525 §4.4), in RE-CONFIG: the answer to one
// request. The two TSNs are present only in the answer to an SSN/TSN Reset Request.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 16       |      Parameter Length         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |         Re-configuration Response Sequence Number             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                            Result                             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                   Sender's Next TSN (optional)                |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                  Receiver's Next TSN (optional)               |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"
#include "wire/param/parameter_type.h"
#include "wire/tlv.h"

namespace dpsctp::wire {

/// RFC 6525 §4.4 result codes (IANA "Re-configuration Result Codes"). Values outside the
/// list are kept as received: a later RFC may add some.
enum class ReconfigResult : uint32_t {
  kSuccessNothingToDo = 0,
  kSuccessPerformed = 1,
  kDenied = 2,
  kErrorWrongSsn = 3,
  kErrorRequestAlreadyInProgress = 4,
  kErrorBadSequenceNumber = 5,
  kInProgress = 6,
};

/// "Success - Performed", ... as RFC 6525 §4.4 names them, or "Unknown".
std::string_view reconfig_result_name(ReconfigResult r);

struct ReconfigurationResponseParameter {
  static constexpr uint16_t kType = param_type::kReconfigurationResponse;
  static constexpr size_t kSize = 12;          ///< without the TSNs
  static constexpr size_t kSizeWithTsns = 20;  ///< with Sender's and Receiver's Next TSN

  /// The optional pair: both or neither (RFC 6525 §4.4).
  struct NextTsns {
    Tsn sender;    ///< Sender's Next TSN
    Tsn receiver;  ///< Receiver's Next TSN
  };

  uint32_t response_sn = 0;  ///< Re-configuration Response Sequence Number
  ReconfigResult result = ReconfigResult::kSuccessNothingToDo;
  std::optional<NextTsns> next_tsns;

  /// kParamTooShortForType under 12 bytes, kParamLengthMismatch unless 12 or 20.
  static Result<ReconfigurationResponseParameter> parse(const TlvView& t);
  [[nodiscard]] size_t serialized_size() const { return next_tsns ? kSizeWithTsns : kSize; }
  void serialize_to(BufferWriter& w) const;
  [[nodiscard]] std::string to_string() const;
};

}  // namespace dpsctp::wire
