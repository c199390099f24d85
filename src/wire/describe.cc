// Dispatches to every typed parser; see describe.h.
#include "wire/describe.h"

#include <cstdio>

#include "wire/cause/error_cause.h"
#include "wire/param/parameter_type.h"
#include "wire/chunk/abort_chunk.h"
#include "wire/chunk/cookie_ack_chunk.h"
#include "wire/chunk/cookie_echo_chunk.h"
#include "wire/chunk/cwr_chunk.h"
#include "wire/chunk/data_chunk.h"
#include "wire/chunk/ecne_chunk.h"
#include "wire/chunk/error_chunk.h"
#include "wire/chunk/heartbeat_ack_chunk.h"
#include "wire/chunk/heartbeat_chunk.h"
#include "wire/chunk/init_ack_chunk.h"
#include "wire/chunk/init_chunk.h"
#include "wire/chunk/sack_chunk.h"
#include "wire/chunk/shutdown_ack_chunk.h"
#include "wire/chunk/shutdown_chunk.h"
#include "wire/chunk/shutdown_complete_chunk.h"
#include "wire/ext/asconf_ack_chunk.h"
#include "wire/ext/asconf_chunk.h"
#include "wire/ext/auth_chunk.h"
#include "wire/ext/forward_tsn_chunk.h"
#include "wire/ext/i_data_chunk.h"
#include "wire/ext/i_forward_tsn_chunk.h"
#include "wire/ext/pad_chunk.h"
#include "wire/ext/reconfig_chunk.h"
#include "wire/param/adaptation_layer_indication_parameter.h"
#include "wire/param/add_incoming_streams_request_parameter.h"
#include "wire/param/add_ip_address_parameter.h"
#include "wire/param/add_outgoing_streams_request_parameter.h"
#include "wire/param/chunk_list_parameter.h"
#include "wire/param/cookie_preservative_parameter.h"
#include "wire/param/delete_ip_address_parameter.h"
#include "wire/param/ecn_capable_parameter.h"
#include "wire/param/error_cause_indication_parameter.h"
#include "wire/param/forward_tsn_supported_parameter.h"
#include "wire/param/heartbeat_info_parameter.h"
#include "wire/param/host_name_address_parameter.h"
#include "wire/param/incoming_ssn_reset_request_parameter.h"
#include "wire/param/ipv4_address_parameter.h"
#include "wire/param/ipv6_address_parameter.h"
#include "wire/param/outgoing_ssn_reset_request_parameter.h"
#include "wire/param/padding_parameter.h"
#include "wire/param/random_parameter.h"
#include "wire/param/reconfiguration_response_parameter.h"
#include "wire/param/requested_hmac_algorithm_parameter.h"
#include "wire/param/set_primary_address_parameter.h"
#include "wire/param/ssn_tsn_reset_request_parameter.h"
#include "wire/param/state_cookie_parameter.h"
#include "wire/param/success_indication_parameter.h"
#include "wire/param/supported_address_types_parameter.h"
#include "wire/param/supported_extensions_parameter.h"
#include "wire/param/unrecognized_parameter.h"

namespace dpsctp::wire {
namespace {

template <class T, class View>
std::string typed(const View& v, std::string_view name) {
  Result<T> r = T::parse(v);
  if (!r) return std::string(name) + " malformed: " + std::string(to_string(r.error()));
  return r->to_string();
}

const char* action_name(UnrecognizedAction a) {
  switch (a) {
    case UnrecognizedAction::kStop: return "stop";
    case UnrecognizedAction::kStopAndReport: return "stop+report";
    case UnrecognizedAction::kSkip: return "skip";
    case UnrecognizedAction::kSkipAndReport: return "skip+report";
  }
  return "?";
}

std::string list(TlvRange r, std::string (*each)(const TlvView&)) {
  std::string s = " [";
  bool first = true;
  for (const TlvView& t : r) {
    s += first ? "" : ", ";
    s += each(t);
    first = false;
  }
  return s + "]";
}

}  // namespace

std::string describe_parameter(const TlvView& p) {
  const std::string_view name = param_type::name(p.type);
  switch (p.type) {
    case param_type::kHeartbeatInfo: return typed<HeartbeatInfoParameter>(p, name);
    case param_type::kIpv4Address: return typed<Ipv4AddressParameter>(p, name);
    case param_type::kIpv6Address: return typed<Ipv6AddressParameter>(p, name);
    case param_type::kStateCookie: return typed<StateCookieParameter>(p, name);
    case param_type::kUnrecognizedParameter: return typed<UnrecognizedParameter>(p, name);
    case param_type::kCookiePreservative: return typed<CookiePreservativeParameter>(p, name);
    case param_type::kHostNameAddress: return typed<HostNameAddressParameter>(p, name);
    case param_type::kSupportedAddressTypes: return typed<SupportedAddressTypesParameter>(p, name);
    case param_type::kOutgoingSsnResetRequest: return typed<OutgoingSsnResetRequestParameter>(p, name);
    case param_type::kIncomingSsnResetRequest: return typed<IncomingSsnResetRequestParameter>(p, name);
    case param_type::kSsnTsnResetRequest: return typed<SsnTsnResetRequestParameter>(p, name);
    case param_type::kReconfigurationResponse: return typed<ReconfigurationResponseParameter>(p, name);
    case param_type::kAddOutgoingStreamsRequest: return typed<AddOutgoingStreamsRequestParameter>(p, name);
    case param_type::kAddIncomingStreamsRequest: return typed<AddIncomingStreamsRequestParameter>(p, name);
    case param_type::kEcnCapable: return typed<EcnCapableParameter>(p, name);
    case param_type::kRandom: return typed<RandomParameter>(p, name);
    case param_type::kChunkList: return typed<ChunkListParameter>(p, name);
    case param_type::kRequestedHmacAlgorithm: return typed<RequestedHmacAlgorithmParameter>(p, name);
    case param_type::kPadding: return typed<PaddingParameter>(p, name);
    case param_type::kSupportedExtensions: return typed<SupportedExtensionsParameter>(p, name);
    case param_type::kForwardTsnSupported: return typed<ForwardTsnSupportedParameter>(p, name);
    case param_type::kAddIpAddress: return typed<AddIpAddressParameter>(p, name);
    case param_type::kDeleteIpAddress: return typed<DeleteIpAddressParameter>(p, name);
    case param_type::kErrorCauseIndication: return typed<ErrorCauseIndicationParameter>(p, name);
    case param_type::kSetPrimaryAddress: return typed<SetPrimaryAddressParameter>(p, name);
    case param_type::kSuccessIndication: return typed<SuccessIndicationParameter>(p, name);
    case param_type::kAdaptationLayerIndication: return typed<AdaptationLayerIndicationParameter>(p, name);
    default: {
      char buf[80];
      std::snprintf(buf, sizeof buf, "Unknown parameter 0x%04x len=%u (%s)", p.type, p.length,
                    action_name(unrecognized_param_action(p.type)));
      return buf;
    }
  }
}

std::string describe_chunk(const ChunkView& c) {
  const std::string_view name = chunk_type_name(c.type);
  switch (static_cast<ChunkType>(c.type)) {
    case ChunkType::kData: return typed<DataChunk>(c, name);
    case ChunkType::kInit: {
      Result<InitChunk> r = InitChunk::parse(c);
      if (!r) return typed<InitChunk>(c, name);
      return r->to_string() + list(r->parameters(), &describe_parameter);
    }
    case ChunkType::kInitAck: {
      Result<InitAckChunk> r = InitAckChunk::parse(c);
      if (!r) return typed<InitAckChunk>(c, name);
      return r->to_string() + list(r->parameters(), &describe_parameter);
    }
    case ChunkType::kSack: return typed<SackChunk>(c, name);
    case ChunkType::kHeartbeat: return typed<HeartbeatChunk>(c, name);
    case ChunkType::kHeartbeatAck: return typed<HeartbeatAckChunk>(c, name);
    case ChunkType::kAbort: {
      Result<AbortChunk> r = AbortChunk::parse(c);
      if (!r) return typed<AbortChunk>(c, name);
      return r->to_string() + list(r->causes(), &describe_cause);
    }
    case ChunkType::kShutdown: return typed<ShutdownChunk>(c, name);
    case ChunkType::kShutdownAck: return typed<ShutdownAckChunk>(c, name);
    case ChunkType::kError: {
      Result<ErrorChunk> r = ErrorChunk::parse(c);
      if (!r) return typed<ErrorChunk>(c, name);
      return r->to_string() + list(r->causes(), &describe_cause);
    }
    case ChunkType::kCookieEcho: return typed<CookieEchoChunk>(c, name);
    case ChunkType::kCookieAck: return typed<CookieAckChunk>(c, name);
    case ChunkType::kEcne: return typed<EcneChunk>(c, name);
    case ChunkType::kCwr: return typed<CwrChunk>(c, name);
    case ChunkType::kShutdownComplete: return typed<ShutdownCompleteChunk>(c, name);
    case ChunkType::kAuth: return typed<AuthChunk>(c, name);
    case ChunkType::kIData: return typed<IDataChunk>(c, name);
    case ChunkType::kAsconfAck: {
      Result<AsconfAckChunk> r = AsconfAckChunk::parse(c);
      if (!r) return typed<AsconfAckChunk>(c, name);
      return r->to_string() + list(r->params(), &describe_parameter);
    }
    case ChunkType::kReconfig: {
      Result<ReconfigChunk> r = ReconfigChunk::parse(c);
      if (!r) return typed<ReconfigChunk>(c, name);
      return r->to_string() + list(r->params(), &describe_parameter);
    }
    case ChunkType::kPad: return typed<PadChunk>(c, name);
    case ChunkType::kForwardTsn: return typed<ForwardTsnChunk>(c, name);
    case ChunkType::kAsconf: {
      Result<AsconfChunk> r = AsconfChunk::parse(c);
      if (!r) return typed<AsconfChunk>(c, name);
      return r->to_string() + list(r->params(), &describe_parameter);
    }
    case ChunkType::kIForwardTsn: return typed<IForwardTsnChunk>(c, name);
  }
  char buf[80];
  std::snprintf(buf, sizeof buf, "UNKNOWN type=%u len=%u (%s)", c.type, c.length,
                action_name(unrecognized_chunk_action(c.type)));
  return buf;
}

std::string describe_packet(const PacketView& p) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "SCTP %u > %u vtag=0x%08x chunks=%zu", p.header().src_port,
                p.header().dst_port, p.header().vtag.value(), p.chunk_count());
  std::string s = buf;
  for (const ChunkView& c : p.chunks()) s += "\n  " + describe_chunk(c);
  return s;
}

}  // namespace dpsctp::wire
