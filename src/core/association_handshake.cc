// The initiating side of the four-way handshake (RFC 9260 §5.1 steps A–E): INIT with
// T1-init, INIT ACK -> COOKIE ECHO with T1-cookie, COOKIE ACK -> ESTABLISHED, and
// Max.Init.Retransmits. The responding side is stateless and lives in the Endpoint.
#include <algorithm>

#include "core/association.h"
#include "core/handshake/supported_extensions.h"
#include "wire/cause/cause_code.h"
#include "wire/chunk/init_ack_chunk.h"
#include "wire/chunk/init_chunk.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::core {

void Association::start_connect(Instant now) {
  // §5.1 A: send INIT, start T1-init, enter COOKIE-WAIT.
  set_state(AssocState::kCookieWait);
  init_retransmits_ = 0;
  pending_.init = true;
  t1_ = now + primary_path().rto.rto();
}

void Association::send_init_packet(Instant now) {
  const Path& p = primary_path();
  wire::MutableByteSpan buf = ctx_.sink.next_buffer();
  // §8.5.1: the INIT carries Verification Tag 0; §6.10: it travels alone.
  wire::PacketBuilder b(buf.first(std::min<size_t>(buf.size(), p.mtu)),
                        {.src_port = ctx_.local_port, .dst_port = tcb_.peer_port, .vtag = {}});
  wire::BufferWriter& w = b.writer();
  const AssociationOptions& o = ctx_.options;
  const auto m = wire::InitChunk::begin(w, tcb_.local_tag, o.receive_window, o.outbound_streams,
                                        o.max_inbound_streams, tcb_.local_initial_tsn);
  write_local_addresses(w);  // §5.1.2: all our addresses when multi-homed
  // §5.1.2: Supported Address Types lists the families we can use.
  bool v4 = false;
  bool v6 = false;
  for (const IpAddress& ip : ctx_.local_addresses) (ip.is_v4() ? v4 : v6) = true;
  const auto sat = w.begin_tlv(wire::param_type::kSupportedAddressTypes);
  if (v4 || !v6) w.put_u16(wire::param_type::kIpv4Address);
  if (v6) w.put_u16(wire::param_type::kIpv6Address);
  w.end_tlv(sat);
  if (o.prsctp_enable) {  // RFC 3758 §3.1
    w.end_tlv(w.begin_tlv(wire::param_type::kForwardTsnSupported));
  }
  write_supported_extensions(w, offered_extensions(o));  // RFC 5061 §4.2.7
  if (cookie_preservative_ms_ != 0) {
    // §5.2.6: after a Stale Cookie error, ask for a longer cookie life.
    const auto cp = w.begin_tlv(wire::param_type::kCookiePreservative);
    w.put_u32(cookie_preservative_ms_);
    w.end_tlv(cp);
  }
  w.end_tlv(m);
  (void)send_packet(ctx_, b, p.local, p.peer, 1);
  (void)now;
}

void Association::handle_init_ack(const wire::ChunkView& c, const IpAddress& from,
                                  Instant now) {
  // §5.2.3: an INIT ACK in any state but COOKIE-WAIT is discarded.
  if (state_ != AssocState::kCookieWait) return;
  wire::Result<wire::InitAckChunk> ack = wire::InitAckChunk::parse(c);
  if (!ack) {
    if (ack.error() == wire::ParseError::kChunkInvalidField) {
      // §3.3.3: Initiate Tag, OS or MIS of 0 — abort with Invalid Mandatory Parameter.
      send_abort_now(wire::cause_code::kInvalidMandatoryParameter, {});
      terminate(AssocChangeState::kCantStrAssoc, wire::cause_code::kInvalidMandatoryParameter);
    }
    return;  // malformed parameters: discard, T1-init will retransmit
  }
  wire::ByteSpan cookie;
  bool forward_tsn = false;
  for (const wire::TlvView& t : ack->parameters()) {
    if (t.type == wire::param_type::kStateCookie) cookie = t.value();
    if (t.type == wire::param_type::kForwardTsnSupported) forward_tsn = true;
    if (wire::param_type::name(t.type) == "Unknown") {
      // §3.2.1: unrecognised INIT ACK parameters with a report bit go back in an ERROR
      // (Unrecognized Parameters cause) bundled with the COOKIE ECHO.
      const wire::UnrecognizedAction a = wire::unrecognized_param_action(t.type);
      if (wire::action_reports(a) && pending_.errors.size() + 8 + t.bytes.size() <= 512) {
        const size_t at = pending_.errors.size();
        pending_.errors.resize(at + wire::pad4(4 + t.bytes.size()));
        wire::BufferWriter ew(std::span(pending_.errors).subspan(at));
        const auto em = ew.begin_tlv(wire::cause_code::kUnrecognizedParameters);
        ew.put_bytes(t.bytes);
        ew.end_tlv(em);
      }
      if (!wire::action_continues(a)) break;
    }
  }
  if (cookie.empty()) {
    // §5.1 C: the State Cookie is mandatory; abort with Missing Mandatory Parameter.
    send_abort_now(wire::cause_code::kMissingMandatoryParameter, {});
    terminate(AssocChangeState::kCantStrAssoc, wire::cause_code::kMissingMandatoryParameter);
    return;
  }
  tcb_.peer_tag = ack->initiate_tag;
  tcb_.peer_initial_tsn = ack->initial_tsn;
  tcb_.peer_a_rwnd = ack->a_rwnd;
  // §5.1.1: streams in use are the minimum of what each side offers.
  tcb_.outbound_streams = std::min(ctx_.options.outbound_streams, ack->inbound_streams);
  tcb_.inbound_streams = std::min(ctx_.options.max_inbound_streams, ack->outbound_streams);
  tcb_.peer_forward_tsn = forward_tsn && ctx_.options.prsctp_enable;
  // RFC 8260 §2.2.1: I-DATA only if both ends listed it (RFC 5061 §4.2.7).
  tcb_.interleaving =
      (offered_extensions(ctx_.options) & peer_extensions(ack->parameters()) & kExtIData) != 0;
  // RFC 6525 §4: RE-CONFIG only toward a peer that listed it.
  tcb_.peer_reconfig =
      (offered_extensions(ctx_.options) & peer_extensions(ack->parameters()) & kExtReconfig) != 0;
  cookie_.assign(cookie.begin(), cookie.end());
  // §5.1.2: the peer's addresses are those listed plus the INIT ACK's source, which
  // answered us and so is confirmed (§5.4).
  if (std::optional<size_t> src = add_path(from, true)) paths_[*src].confirmed = true;
  learn_peer_addresses(ack->parameters());
  init_data_structures(now);
  move_early_data(now);  // §5.1 D: bundled with the COOKIE ECHO where they fit
  // §5.1 C: stop T1-init, send COOKIE ECHO, start T1-cookie, enter COOKIE-ECHOED.
  set_state(AssocState::kCookieEchoed);
  pending_.cookie_echo = true;
  init_retransmits_ = 0;
  t1_ = now + primary_path().rto.rto();
}

void Association::handle_cookie_ack(Instant now) {
  // §5.1 E: COOKIE ACK in COOKIE-ECHOED: stop T1-cookie, ESTABLISHED, COMM_UP.
  // §5.2.5: in any other state it is discarded.
  if (state_ != AssocState::kCookieEchoed) return;
  cookie_.clear();
  cookie_.shrink_to_fit();
  enter_established(now, /*active=*/true);
}

void Association::handle_t1_timeout(Instant now) {
  // §5.1 / §6.3.3: retransmit INIT or COOKIE ECHO with backed-off RTO, up to
  // Max.Init.Retransmits, then report the failure (CANT_STR_ASSOC).
  t1_ = kNever;
  if (state_ != AssocState::kCookieWait && state_ != AssocState::kCookieEchoed) return;
  if (++init_retransmits_ > ctx_.options.max_init_retransmits) {
    terminate(AssocChangeState::kCantStrAssoc, 0);
    return;
  }
  Path& p = primary_path();
  p.rto.back_off();
  if (state_ == AssocState::kCookieWait) {
    pending_.init = true;
  } else {
    pending_.cookie_echo = true;
  }
  t1_ = now + p.rto.rto();
}

size_t Association::write_cookie_echo(wire::BufferWriter& w) const {
  const auto m = w.begin_chunk(static_cast<uint8_t>(wire::ChunkType::kCookieEcho), 0);
  w.put_bytes(cookie_);
  w.end_tlv(m);
  return 4 + cookie_.size();
}

void Association::adopt(const TcbParams& p) {
  tcb_.peer_tag = p.peer_tag;
  tcb_.local_tag = p.local_tag;
  tcb_.peer_initial_tsn = p.peer_initial_tsn;
  tcb_.local_initial_tsn = p.local_initial_tsn;
  tcb_.peer_a_rwnd = p.peer_a_rwnd;
  tcb_.outbound_streams = p.outbound_streams;
  tcb_.inbound_streams = p.inbound_streams;
  tcb_.peer_forward_tsn = p.peer_forward_tsn;
  tcb_.interleaving = p.interleaving;
  tcb_.peer_reconfig = p.peer_reconfig;
}

void Association::accept_cookie_echo(const TcbParams& p, Instant now) {
  // §5.2.4 B (collision) and D (our own tags): adopt the cookie's view of the peer.
  const bool handshaking =
      state_ == AssocState::kCookieWait || state_ == AssocState::kCookieEchoed;
  if (handshaking) {
    adopt(p);
    cookie_.clear();
    init_data_structures(now);
    enter_established(now, /*active=*/true);
  } else {
    tcb_.peer_tag = p.peer_tag;  // B: the peer's tag may have changed
  }
  pending_.cookie_ack = true;
}

void Association::restart(const TcbParams& p, Instant now) {
  // §5.2.4 A: peer restart. Unacknowledged and queued data belong to the old
  // association: hand them back, then start afresh with the cookie's parameters.
  if (rtx_) {
    rtx_->drain([&](StreamId s, Ppid ppid, uint32_t context, wire::ByteSpan data) {
      ctx_.listener.on_send_failed({.assoc = id_, .stream = s, .ppid = ppid, .context = context,
                                    .was_sent = true, .error = 0, .data = data});
    });
  }
  if (send_queue_) {
    send_queue_->drain([&](StreamId s, Ppid ppid, uint32_t context, bool partially_sent,
                           wire::ByteSpan data) {
      ctx_.listener.on_send_failed({.assoc = id_, .stream = s, .ppid = ppid, .context = context,
                                    .was_sent = partially_sent, .error = 0, .data = data});
    });
  }
  adopt(p);
  pending_ = Pending{};
  pending_.cookie_ack = true;
  for (Path& path : paths_) {
    const bool confirmed = path.confirmed;
    path = Path(path.local, path.peer, ctx_.options);
    path.confirmed = confirmed;
  }
  failover_path_.reset();
  init_data_structures(now);
  t1_ = t2_ = t5_ = kNever;
  association_errors_ = 0;
  set_state(AssocState::kEstablished);
  arm_heartbeats(now);
  ctx_.listener.on_assoc_change({.assoc = id_,
                                 .state = AssocChangeState::kRestart,
                                 .error = 0,
                                 .outbound_streams = tcb_.outbound_streams,
                                 .inbound_streams = tcb_.inbound_streams});
}

}  // namespace dpsctp::core
