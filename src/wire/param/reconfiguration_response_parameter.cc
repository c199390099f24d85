// Re-configuration Response parameter (RFC 6525 §4.4); layout in the header.
#include "wire/param/reconfiguration_response_parameter.h"

#include "wire/bounded_reader.h"

namespace dpsctp::wire {

std::string_view reconfig_result_name(ReconfigResult r) {
  switch (r) {
    case ReconfigResult::kSuccessNothingToDo:
      return "Success - Nothing to do";
    case ReconfigResult::kSuccessPerformed:
      return "Success - Performed";
    case ReconfigResult::kDenied:
      return "Denied";
    case ReconfigResult::kErrorWrongSsn:
      return "Error - Wrong SSN";
    case ReconfigResult::kErrorRequestAlreadyInProgress:
      return "Error - Request already in progress";
    case ReconfigResult::kErrorBadSequenceNumber:
      return "Error - Bad Sequence Number";
    case ReconfigResult::kInProgress:
      return "In progress";
  }
  return "Unknown";
}

Result<ReconfigurationResponseParameter> ReconfigurationResponseParameter::parse(const TlvView& t) {
  if (ParseError e = check_tlv(t, kType, kSize, TlvKind::kParameter); e != ParseError::kOk) {
    return e;
  }
  // RFC 6525 §4.4: the two Next TSN fields are optional, together: 12 or 20 bytes.
  if (t.length != kSize && t.length != kSizeWithTsns) return ParseError::kParamLengthMismatch;
  BoundedReader<kSize> r(t.bytes);
  ReconfigurationResponseParameter p;
  p.response_sn = r.load32<4>();
  p.result = static_cast<ReconfigResult>(r.load32<8>());
  if (t.length == kSizeWithTsns) {
    BoundedReader<kSizeWithTsns> tsns(t.bytes);
    p.next_tsns = NextTsns{Tsn(tsns.load32<12>()), Tsn(tsns.load32<16>())};
  }
  return p;
}

void ReconfigurationResponseParameter::serialize_to(BufferWriter& w) const {
  const BufferWriter::Mark m = w.begin_tlv(kType);
  w.put_u32(response_sn);
  w.put_u32(static_cast<uint32_t>(result));
  if (next_tsns) {
    w.put_u32(next_tsns->sender.value());
    w.put_u32(next_tsns->receiver.value());
  }
  w.end_tlv(m);
}

std::string ReconfigurationResponseParameter::to_string() const {
  std::string s = "Re-configuration Response resp=" + std::to_string(response_sn) +
                  " result=" + std::to_string(static_cast<uint32_t>(result)) + " (" +
                  std::string(reconfig_result_name(result)) + ")";
  if (next_tsns) {
    s += " sender_next_tsn=" + std::to_string(next_tsns->sender.value()) +
         " receiver_next_tsn=" + std::to_string(next_tsns->receiver.value());
  }
  return s;
}

}  // namespace dpsctp::wire
