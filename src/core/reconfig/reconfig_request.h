// One stream re-configuration request as the requester keeps it (RFC 6525 §4.1-§4.6):
// which operation, its Re-configuration Request Sequence Number and its fields, and the
// parameter it becomes in a RE-CONFIG chunk. Also the status a user call gets back.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dpsctp/types.h"
#include "wire/buffer_writer.h"

namespace dpsctp::core {

/// The five requests of RFC 6525 §4.1-§4.6 (the response, §4.4, is not a request).
enum class ReconfigKind : uint8_t {
  kOutgoingSsnReset,    ///< §4.1: we reset our outgoing streams
  kIncomingSsnReset,    ///< §4.2: we ask the peer to reset its outgoing streams
  kSsnTsnReset,         ///< §4.3: every stream and both TSN sequences
  kAddOutgoingStreams,  ///< §4.5: we add outgoing streams
  kAddIncomingStreams,  ///< §4.6: we ask the peer to add its outgoing streams
};
std::string_view to_string(ReconfigKind k);

/// What a reconfiguration user call returns (RFC 6525 §6.3.3-§6.3.5 errors).
enum class ReconfigStatus : uint8_t {
  kOk,               ///< queued; the outcome comes as an event (RFC 6525 §6.1)
  kDisabled,         ///< AssociationOptions::reconfig_enable is off (Linux ENOPROTOOPT)
  kNotSupported,     ///< the peer did not list RE-CONFIG (RFC 6525 §4; Linux ENOPROTOOPT)
  kBusy,             ///< a request is outstanding (RFC 6525 §5.1.1; Linux EINPROGRESS)
  kInvalidStream,    ///< a stream number beyond the streams in use (Linux EINVAL)
  kInvalidArgument,  ///< nothing to do, or more than 65535 streams (Linux EINVAL)
  kInvalidState,     ///< the association is not ESTABLISHED (Linux EPERM / ENOTCONN)
};
std::string_view to_string(ReconfigStatus s);

struct ReconfigRequest {
  ReconfigKind kind = ReconfigKind::kOutgoingSsnReset;
  uint32_t request_sn = 0;   ///< assigned when the request is first sent (§5.1.1)
  uint32_t response_sn = 0;  ///< §4.1 only: the request this one answers, or expected - 1
  bool answers_incoming = false;  ///< §4.1 sent for the peer's §4.2 request (response_sn set)
  Tsn sender_last_tsn{};          ///< §4.1 only: filled when sent
  std::vector<StreamId> streams{};  ///< §4.1 / §4.2: empty means every stream
  uint16_t new_streams = 0;       ///< §4.5 / §4.6

  /// Bytes of the parameter (unpadded).
  [[nodiscard]] size_t parameter_size() const;
  /// Writes the §4.x parameter.
  void write(wire::BufferWriter& w) const;
  /// True if this request stops `s` from taking new SSNs until it is answered
  /// (RFC 6525 §5.1.2, §5.1.4).
  [[nodiscard]] bool pauses(StreamId s) const;
};

}  // namespace dpsctp::core
