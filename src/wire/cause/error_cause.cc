// describe_cause(): dispatch on the Cause Code (RFC 9260 §3.3.10); see error_cause.h.
#include "wire/cause/error_cause.h"

#include <cstdio>

#include "wire/cause/asconf_refusal_cause.h"
#include "wire/cause/cookie_received_while_shutting_down_cause.h"
#include "wire/cause/illegal_asconf_ack_cause.h"
#include "wire/cause/invalid_mandatory_parameter_cause.h"
#include "wire/cause/invalid_stream_identifier_cause.h"
#include "wire/cause/missing_mandatory_parameter_cause.h"
#include "wire/cause/no_user_data_cause.h"
#include "wire/cause/out_of_resource_cause.h"
#include "wire/cause/protocol_violation_cause.h"
#include "wire/cause/restart_with_new_addresses_cause.h"
#include "wire/cause/stale_cookie_cause.h"
#include "wire/cause/unrecognized_chunk_type_cause.h"
#include "wire/cause/unrecognized_parameters_cause.h"
#include "wire/cause/unresolvable_address_cause.h"
#include "wire/cause/unsupported_hmac_identifier_cause.h"
#include "wire/cause/user_initiated_abort_cause.h"

namespace dpsctp::wire {
namespace {

template <class Cause>
std::string describe_as(const TlvView& t) {
  Result<Cause> c = Cause::parse(t);
  if (c.ok()) return c->to_string();
  return std::string(cause_code::name(t.type)) + " malformed: " + std::string(to_string(c.error()));
}

std::string describe_unknown(const TlvView& t) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "Unknown cause 0x%04x len=%u", t.type, t.length);
  return buf;
}

}  // namespace

std::string describe_cause(const TlvView& t) {
  namespace cc = cause_code;
  switch (t.type) {
    case cc::kInvalidStreamIdentifier:
      return describe_as<InvalidStreamIdentifierCause>(t);
    case cc::kMissingMandatoryParameter:
      return describe_as<MissingMandatoryParameterCause>(t);
    case cc::kStaleCookie:
      return describe_as<StaleCookieCause>(t);
    case cc::kOutOfResource:
      return describe_as<OutOfResourceCause>(t);
    case cc::kUnresolvableAddress:
      return describe_as<UnresolvableAddressCause>(t);
    case cc::kUnrecognizedChunkType:
      return describe_as<UnrecognizedChunkTypeCause>(t);
    case cc::kInvalidMandatoryParameter:
      return describe_as<InvalidMandatoryParameterCause>(t);
    case cc::kUnrecognizedParameters:
      return describe_as<UnrecognizedParametersCause>(t);
    case cc::kNoUserData:
      return describe_as<NoUserDataCause>(t);
    case cc::kCookieReceivedWhileShuttingDown:
      return describe_as<CookieReceivedWhileShuttingDownCause>(t);
    case cc::kRestartWithNewAddresses:
      return describe_as<RestartWithNewAddressesCause>(t);
    case cc::kUserInitiatedAbort:
      return describe_as<UserInitiatedAbortCause>(t);
    case cc::kProtocolViolation:
      return describe_as<ProtocolViolationCause>(t);
    case cc::kDeleteLastRemainingAddress:
      return describe_as<DeleteLastRemainingAddressCause>(t);
    case cc::kOperationRefusedResourceShortage:
      return describe_as<OperationRefusedResourceShortageCause>(t);
    case cc::kDeleteSourceAddress:
      return describe_as<DeleteSourceAddressCause>(t);
    case cc::kIllegalAsconfAck:
      return describe_as<IllegalAsconfAckCause>(t);
    case cc::kRequestRefusedNoAuthorization:
      return describe_as<RequestRefusedNoAuthorizationCause>(t);
    case cc::kUnsupportedHmacIdentifier:
      return describe_as<UnsupportedHmacIdentifierCause>(t);
    default:
      return describe_unknown(t);
  }
}

}  // namespace dpsctp::wire
