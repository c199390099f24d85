// ReconfigRequest -> RE-CONFIG request parameters (RFC 6525 §4.1-§4.6); see reconfig_request.h.
#include "core/reconfig/reconfig_request.h"

#include <algorithm>

#include "wire/param/add_incoming_streams_request_parameter.h"
#include "wire/param/add_outgoing_streams_request_parameter.h"
#include "wire/param/incoming_ssn_reset_request_parameter.h"
#include "wire/param/outgoing_ssn_reset_request_parameter.h"
#include "wire/param/ssn_tsn_reset_request_parameter.h"

namespace dpsctp::core {

std::string_view to_string(ReconfigKind k) {
  switch (k) {
    case ReconfigKind::kOutgoingSsnReset: return "Outgoing SSN Reset";
    case ReconfigKind::kIncomingSsnReset: return "Incoming SSN Reset";
    case ReconfigKind::kSsnTsnReset: return "SSN/TSN Reset";
    case ReconfigKind::kAddOutgoingStreams: return "Add Outgoing Streams";
    case ReconfigKind::kAddIncomingStreams: return "Add Incoming Streams";
  }
  return "?";
}

std::string_view to_string(ReconfigStatus s) {
  switch (s) {
    case ReconfigStatus::kOk: return "ok";
    case ReconfigStatus::kDisabled: return "stream reconfiguration disabled locally";
    case ReconfigStatus::kNotSupported: return "peer does not support RE-CONFIG (RFC 6525)";
    case ReconfigStatus::kBusy: return "a reconfiguration request is outstanding";
    case ReconfigStatus::kInvalidStream: return "invalid stream number";
    case ReconfigStatus::kInvalidArgument: return "invalid argument";
    case ReconfigStatus::kInvalidState: return "association not established";
  }
  return "?";
}

size_t ReconfigRequest::parameter_size() const {
  switch (kind) {
    case ReconfigKind::kOutgoingSsnReset:
      return wire::OutgoingSsnResetRequestParameter::kFixedSize + 2 * streams.size();
    case ReconfigKind::kIncomingSsnReset:
      return wire::IncomingSsnResetRequestParameter::kFixedSize + 2 * streams.size();
    case ReconfigKind::kSsnTsnReset: return wire::SsnTsnResetRequestParameter::kSize;
    case ReconfigKind::kAddOutgoingStreams:
    case ReconfigKind::kAddIncomingStreams: return wire::AddOutgoingStreamsRequestParameter::kSize;
  }
  return 0;
}

void ReconfigRequest::write(wire::BufferWriter& w) const {
  switch (kind) {
    case ReconfigKind::kOutgoingSsnReset: {
      wire::OutgoingSsnResetRequestParameter p;
      p.request_sn = request_sn;
      p.response_sn = response_sn;
      p.sender_last_tsn = sender_last_tsn;
      wire::OutgoingSsnResetRequestParameter::write(w, p, streams);
      break;
    }
    case ReconfigKind::kIncomingSsnReset:
      wire::IncomingSsnResetRequestParameter::write(w, request_sn, streams);
      break;
    case ReconfigKind::kSsnTsnReset:
      wire::SsnTsnResetRequestParameter{.request_sn = request_sn}.serialize_to(w);
      break;
    case ReconfigKind::kAddOutgoingStreams:
      wire::AddOutgoingStreamsRequestParameter{.request_sn = request_sn, .new_streams = new_streams}
          .serialize_to(w);
      break;
    case ReconfigKind::kAddIncomingStreams:
      wire::AddIncomingStreamsRequestParameter{.request_sn = request_sn, .new_streams = new_streams}
          .serialize_to(w);
      break;
  }
}

bool ReconfigRequest::pauses(StreamId s) const {
  // RFC 6525 §5.1.4: an SSN/TSN reset restarts every stream and the TSNs: nothing new is
  // sent while it is pending.
  if (kind == ReconfigKind::kSsnTsnReset) return true;
  // RFC 6525 §5.1.2: "the sender MUST stop assigning new SSNs to new user data provided
  // by the upper layer for the affected streams and queue it"; no list = every stream.
  if (kind != ReconfigKind::kOutgoingSsnReset) return false;
  return streams.empty() || std::find(streams.begin(), streams.end(), s) != streams.end();
}

}  // namespace dpsctp::core
