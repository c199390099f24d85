// Stream re-configuration (RFC 6525) glued to the association: the user calls
// (§6.3.3-§6.3.5), RE-CONFIG in (§5.2), the requests and responses out (§5.1), the
// RE-CONFIG timer, and the events (§6.1). The sequence-number and retransmission state
// machines live in core/reconfig/.
//
// Ordering guarantee (what makes a reset lose and duplicate nothing): a stream being
// reset takes no new SSN until the peer answered (§5.1.2): its new messages are held
// here, and the request is sent only once everything queued before on that stream has a
// TSN, so the Sender's Last Assigned TSN covers all old-numbered data. The peer resets
// only when its cumulative TSN reaches that TSN (§5.2.2), i.e. after delivering all of it.
#include <algorithm>

#include "core/association.h"
#include "wire/ext/reconfig_chunk.h"
#include "wire/param/add_incoming_streams_request_parameter.h"
#include "wire/param/add_outgoing_streams_request_parameter.h"
#include "wire/param/incoming_ssn_reset_request_parameter.h"
#include "wire/param/outgoing_ssn_reset_request_parameter.h"
#include "wire/param/parameter_type.h"
#include "wire/param/ssn_tsn_reset_request_parameter.h"

namespace dpsctp::core {
namespace {

using Result = wire::ReconfigResult;
constexpr uint32_t kMaxStreams = 65535;

bool success(Result r) {
  return r == Result::kSuccessPerformed || r == Result::kSuccessNothingToDo;
}

template <class P>
std::vector<StreamId> stream_list(const P& p) {
  std::vector<StreamId> v(p.stream_count());
  for (size_t i = 0; i < v.size(); ++i) v[i] = p.stream_at(i);
  return v;
}

template <class P>
bool streams_below(const P& p, uint32_t limit) {
  for (size_t i = 0; i < p.stream_count(); ++i) {
    if (p.stream_at(i).value() >= limit) return false;
  }
  return true;
}

}  // namespace

// --- User calls (RFC 6525 §6.3) -----------------------------------------------------------

ReconfigStatus Association::check_reconfig_call() const {
  if (!ctx_.options.reconfig_enable) return ReconfigStatus::kDisabled;
  if (state_ != AssocState::kEstablished || !reconfig_.requester) {
    return ReconfigStatus::kInvalidState;
  }
  // RFC 6525 §4 / RFC 5061 §4.2.7: RE-CONFIG only toward a peer that listed it. Stream
  // reset with I-DATA (RFC 8260 MIDs) is not implemented: refused here as well.
  if (!tcb_.peer_reconfig || tcb_.interleaving) return ReconfigStatus::kNotSupported;
  // RFC 6525 §5.1.1: one outstanding RE-CONFIG at a time.
  if (reconfig_.requester->busy()) return ReconfigStatus::kBusy;
  return ReconfigStatus::kOk;
}

ReconfigStatus Association::reset_streams(std::span<const StreamId> streams, bool outgoing,
                                          bool incoming, Instant now) {
  if (!outgoing && !incoming) return ReconfigStatus::kInvalidArgument;
  if (const ReconfigStatus s = check_reconfig_call(); s != ReconfigStatus::kOk) return s;
  for (StreamId s : streams) {
    if ((outgoing && s.value() >= tcb_.outbound_streams) ||
        (incoming && s.value() >= tcb_.inbound_streams)) {
      return ReconfigStatus::kInvalidStream;
    }
  }
  const std::vector<StreamId> list(streams.begin(), streams.end());
  // RFC 6525 §3.1: an Outgoing and an Incoming SSN Reset Request may share one chunk.
  if (outgoing) {
    (void)reconfig_.requester->prepare({.kind = ReconfigKind::kOutgoingSsnReset, .streams = list});
  }
  if (incoming) {
    (void)reconfig_.requester->prepare({.kind = ReconfigKind::kIncomingSsnReset, .streams = list});
  }
  reconfig_progress(now);
  return ReconfigStatus::kOk;
}

ReconfigStatus Association::reset_association(Instant now) {
  if (const ReconfigStatus s = check_reconfig_call(); s != ReconfigStatus::kOk) return s;
  (void)reconfig_.requester->prepare({.kind = ReconfigKind::kSsnTsnReset});
  reconfig_progress(now);
  return ReconfigStatus::kOk;
}

ReconfigStatus Association::add_streams(uint16_t outbound, uint16_t inbound, Instant now) {
  if (outbound == 0 && inbound == 0) return ReconfigStatus::kInvalidArgument;
  if (const ReconfigStatus s = check_reconfig_call(); s != ReconfigStatus::kOk) return s;
  // RFC 6525 §5.1.5 / §5.1.6: at most 65535 streams in each direction.
  if (uint32_t{tcb_.outbound_streams} + outbound > kMaxStreams ||
      uint32_t{tcb_.inbound_streams} + inbound > kMaxStreams) {
    return ReconfigStatus::kInvalidArgument;
  }
  if (outbound > 0) {
    (void)reconfig_.requester->prepare(
        {.kind = ReconfigKind::kAddOutgoingStreams, .new_streams = outbound});
  }
  if (inbound > 0) {
    (void)reconfig_.requester->prepare(
        {.kind = ReconfigKind::kAddIncomingStreams, .new_streams = inbound});
  }
  reconfig_progress(now);
  return ReconfigStatus::kOk;
}

bool Association::reconfig_pending() const {
  return reconfig_.requester && reconfig_.requester->busy();
}

SendStatus Association::hold_send(StreamId stream, Ppid ppid, wire::ByteSpan data,
                                  const SendOptions& opt) {
  if (stream.value() >= tcb_.outbound_streams) return SendStatus::kInvalidStream;
  if (data.empty()) return SendStatus::kEmptyMessage;
  const size_t used = rtx_->outstanding_bytes() + send_queue_->queued_bytes() + reconfig_.held_bytes;
  if (used + data.size() > ctx_.options.send_buffer) return SendStatus::kBufferFull;
  // RFC 6525 §5.1.2: no new SSN for a stream being reset: queue the message until the
  // peer has answered.
  reconfig_.held.push_back({stream, ppid, opt, std::vector<std::byte>(data.begin(), data.end())});
  reconfig_.held_bytes += data.size();
  return SendStatus::kOk;
}

void Association::release_held_sends(Instant now) {
  if (reconfig_.held.empty()) return;
  size_t kept = 0;
  for (size_t i = 0; i < reconfig_.held.size(); ++i) {
    ReconfigState::HeldSend& h = reconfig_.held[i];
    if (reconfig_.pauses(h.stream)) {
      if (kept != i) reconfig_.held[kept] = std::move(h);  // still paused: keep, in order
      ++kept;
      continue;
    }
    reconfig_.held_bytes -= h.data.size();
    const SendStatus st = send_queue_->add(h.stream, h.ppid, h.data, h.options, now,
                                           ctx_.options.disable_fragments,
                                           max_data_payload(primary_path()));
    if (st != SendStatus::kOk) {
      ctx_.listener.on_send_failed({.assoc = id_, .stream = h.stream, .ppid = h.ppid,
                                    .context = h.options.context, .was_sent = false,
                                    .error = 0, .data = h.data});
    }
  }
  reconfig_.held.resize(kept);
}

void Association::fail_held_sends(uint16_t error) {
  for (const ReconfigState::HeldSend& h : reconfig_.held) {
    ctx_.listener.on_send_failed({.assoc = id_, .stream = h.stream, .ppid = h.ppid,
                                  .context = h.options.context, .was_sent = false,
                                  .error = error, .data = h.data});
  }
  reconfig_.held.clear();
  reconfig_.held_bytes = 0;
}

// --- Sending requests -----------------------------------------------------------------------

bool Association::reconfig_ready_to_send() const {
  for (const ReconfigRequest& r : reconfig_.requester->prepared()) {
    if (r.kind == ReconfigKind::kOutgoingSsnReset) {
      // RFC 6525 §5.1.2: every message queued on the streams before the reset must have
      // its TSN (be fully cut) so the Sender's Last Assigned TSN covers it.
      if (r.streams.empty() && !send_queue_->empty()) return false;
      for (StreamId s : r.streams) {
        if (send_queue_->queued_messages(s) != 0) return false;
      }
    } else if (r.kind == ReconfigKind::kSsnTsnReset) {
      // §5.1.4: both TSN sequences restart: nothing may be queued or unacknowledged, or
      // it would be lost (G3 treats it as acknowledged).
      if (!send_queue_->empty() || !rtx_->empty()) return false;
    }
  }
  return true;
}

void Association::reconfig_progress(Instant now) {
  if (!reconfig_.requester || !rtx_ || closed()) return;
  ReconfigRequester& rq = *reconfig_.requester;
  if (!rq.prepared().empty() && rq.outstanding().empty() && reconfig_ready_to_send()) {
    for (ReconfigRequest& r : rq.prepared()) {
      if (r.kind != ReconfigKind::kOutgoingSsnReset) continue;
      // RFC 6525 §4.1: "the next TSN minus 1 -- in other words, the last TSN that this
      // sender assigned"; the Response Sequence Number is the request answered
      // (§5.2.3) or "the next expected Re-configuration Request Sequence Number minus 1".
      r.sender_last_tsn = Tsn(rtx_->next_tsn().value() - 1);
      if (!r.answers_incoming) r.response_sn = reconfig_.responder->last_processed();
    }
    ctx_.counters.DpsctpReconfigRequestsSent += rq.prepared().size();
    rq.send_prepared(now, paths_[data_path(std::nullopt)].rto.rto());
  }
  // RFC 6525 §5.2.2: "When the cumulative acknowledgment point reaches the last assigned
  // TSN, then an SSN reset is performed".
  ReconfigResponder& rs = *reconfig_.responder;
  if (rs.deferred && tracker_ && tracker_->cumulative_tsn_ack() >= rs.deferred->last_tsn) {
    const ReconfigResponder::Deferred d = std::move(*rs.deferred);
    rs.deferred.reset();
    perform_incoming_reset(d.streams);
    rs.update(d.request_sn, Result::kSuccessPerformed);
    // Answer now rather than at the peer's retransmission of the request.
    answer(d.request_sn, Result::kSuccessPerformed);
  }
  release_held_sends(now);
}

bool Association::reconfig_has_output() const {
  return (reconfig_.requester && reconfig_.requester->transmit_pending()) ||
         (reconfig_.responder && !reconfig_.responder->responses().empty());
}

bool Association::write_reconfig(wire::PacketBuilder& b) {
  if (!reconfig_.requester) return false;
  wire::BufferWriter& w = b.writer();
  bool wrote = false;
  // Responses first, two per RE-CONFIG chunk (RFC 6525 §3.1 allows a pair of responses).
  ReconfigResponder& rs = *reconfig_.responder;
  while (!rs.responses().empty()) {
    const auto resp = rs.responses();
    const size_t n = std::min<size_t>(resp.size(), 2);
    size_t len = wire::ReconfigChunk::kHeaderSize + resp[0].serialized_size();
    if (n == 2) len = wire::pad4(len) + resp[1].serialized_size();
    if (!b.fits(len)) break;
    if (n == 2) {
      wire::ReconfigChunk::write(w, resp[0], resp[1]);
    } else {
      wire::ReconfigChunk::write(w, resp[0]);
    }
    rs.consume(n);
    ++ctx_.counters.SctpOutCtrlChunks;
    wrote = true;
  }
  ReconfigRequester& rq = *reconfig_.requester;
  if (rq.transmit_pending()) {
    size_t len = wire::ReconfigChunk::kHeaderSize;
    for (const ReconfigRequest& r : rq.outstanding()) len = wire::pad4(len) + r.parameter_size();
    if (b.fits(len)) {
      const auto m = w.begin_chunk(static_cast<uint8_t>(wire::ChunkType::kReconfig), 0);
      for (const ReconfigRequest& r : rq.outstanding()) r.write(w);
      w.end_tlv(m);
      rq.on_transmitted();
      ++ctx_.counters.SctpOutCtrlChunks;
      wrote = true;
    }
  }
  return wrote;
}

void Association::handle_reconfig_timeout(Instant now) {
  ReconfigRequester& rq = *reconfig_.requester;
  Path& p = paths_[data_path(std::nullopt)];
  ++ctx_.counters.DpsctpReconfigRetransmissions;
  if (rq.on_timeout()) {
    // RFC 6525 §5.1.1: an expiry is handled like a T3-rtx expiry: the path's RTO is
    // backed off and the error counters (Association.Max.Retrans, §8.1) incremented.
    p.rto.back_off();
    if (count_error(p, now, /*counts_for_association=*/true)) return;
  }
  rq.restart_timer(now + p.rto.rto());
}

Instant Association::reconfig_deadline() const {
  return reconfig_.requester ? reconfig_.requester->deadline() : kNever;
}

// --- Receiving RE-CONFIG (RFC 6525 §5.2) --------------------------------------------------

void Association::handle_reconfig(const wire::ChunkView& c, Instant now, bool& stop) {
  // Not announced (reconfig_enable off): an unknown chunk type to us (RFC 9260 §3.2;
  // 0x82's upper bits 10 say skip it without reporting).
  if (!ctx_.options.reconfig_enable) return handle_unknown_chunk(c, stop);
  if (!reconfig_.requester || !tracker_ || state_ == AssocState::kCookieEchoed) return;
  wire::Result<wire::ReconfigChunk> rc = wire::ReconfigChunk::parse(c);
  if (!rc) {
    ++ctx_.counters.DpsctpMalformedPackets;
    return;
  }
  for (const wire::TlvView& t : rc->params()) handle_reconfig_param(t, now);
}

void Association::handle_reconfig_param(const wire::TlvView& t, Instant now) {
  namespace pt = wire::param_type;
  if (t.type != pt::kReconfigurationResponse) ++ctx_.counters.DpsctpReconfigRequestsReceived;
  bool ok = false;
  switch (t.type) {
    case pt::kOutgoingSsnResetRequest:
      if (auto p = wire::OutgoingSsnResetRequestParameter::parse(t)) {
        ok = true;
        on_outgoing_reset_request(*p);
      }
      break;
    case pt::kIncomingSsnResetRequest:
      if (auto p = wire::IncomingSsnResetRequestParameter::parse(t)) {
        ok = true;
        on_incoming_reset_request(*p);
      }
      break;
    case pt::kSsnTsnResetRequest:
      if (auto p = wire::SsnTsnResetRequestParameter::parse(t)) {
        ok = true;
        on_ssn_tsn_reset_request(p->request_sn);
      }
      break;
    case pt::kAddOutgoingStreamsRequest:
      if (auto p = wire::AddOutgoingStreamsRequestParameter::parse(t)) {
        ok = true;
        on_add_streams_request(p->request_sn, p->new_streams, /*peer_outgoing=*/true);
      }
      break;
    case pt::kAddIncomingStreamsRequest:
      if (auto p = wire::AddIncomingStreamsRequestParameter::parse(t)) {
        ok = true;
        on_add_streams_request(p->request_sn, p->new_streams, /*peer_outgoing=*/false);
      }
      break;
    case pt::kReconfigurationResponse:
      if (auto p = wire::ReconfigurationResponseParameter::parse(t)) {
        ok = true;
        on_reconfig_response(*p, now);
      }
      break;
    default: break;
  }
  if (!ok) ++ctx_.counters.DpsctpMalformedPackets;  // malformed or not a RE-CONFIG parameter
}

void Association::answer(uint32_t request_sn, Result r,
                         std::optional<wire::ReconfigurationResponseParameter::NextTsns> tsns) {
  if (!reconfig_.responder->respond(request_sn, r, tsns)) return;  // bounded; peer retransmits
  switch (r) {
    case Result::kSuccessNothingToDo:
    case Result::kSuccessPerformed: ++ctx_.counters.DpsctpReconfigResponsesPerformed; break;
    case Result::kDenied: ++ctx_.counters.DpsctpReconfigResponsesDenied; break;
    case Result::kInProgress: ++ctx_.counters.DpsctpReconfigResponsesInProgress; break;
    default: ++ctx_.counters.DpsctpReconfigResponsesError; break;
  }
}

bool Association::take_request(uint32_t request_sn) {
  Result last{};
  switch (reconfig_.responder->check(request_sn, &last)) {
    case ReconfigResponder::Verdict::kNew: return true;
    case ReconfigResponder::Verdict::kRepeat:
      answer(request_sn, last);  // RFC 6525 §5.2.1: the same result again
      return false;
    case ReconfigResponder::Verdict::kBadSequence:
      answer(request_sn, Result::kErrorBadSequenceNumber);  // RFC 6525 §5.2.1
      return false;
  }
  return false;
}

bool Association::accepts_reconfig_requests() const {
  // Our policy (Linux SCTP_ENABLE_STREAM_RESET): with reconfig_enable off we never get
  // here (the chunk is unknown to us); I-DATA stream reset is not implemented.
  return ctx_.options.reconfig_enable && !tcb_.interleaving;
}

void Association::on_outgoing_reset_request(const wire::OutgoingSsnResetRequestParameter& p) {
  ReconfigResponder& rs = *reconfig_.responder;
  // RFC 6525 §4.1: sent in answer to our Incoming SSN Reset Request, it is that
  // request's response (§5.2.3): the request is complete.
  if (const ReconfigRequest* in = reconfig_.requester->find(p.response_sn);
      in != nullptr && in->kind == ReconfigKind::kIncomingSsnReset) {
    (void)reconfig_.requester->complete(p.response_sn);
  }
  if (!take_request(p.request_sn)) return;
  Result r = Result::kSuccessPerformed;
  if (!accepts_reconfig_requests()) {
    r = Result::kDenied;
  } else if (!streams_below(p, tcb_.inbound_streams)) {
    r = Result::kErrorWrongSsn;  // a stream number we do not have (as Linux answers)
  } else if (rs.deferred) {
    // RFC 6525 §5.1.2 E2-like: the peer has one outgoing reset pending already.
    r = Result::kErrorRequestAlreadyInProgress;
  } else if (p.sender_last_tsn > tracker_->cumulative_tsn_ack()) {
    // RFC 6525 §5.2.2: "If the Sender's Last Assigned TSN is greater than the cumulative
    // acknowledgment point, then the endpoint MUST enter 'deferred reset processing'" and
    // answer "In progress".
    rs.deferred = ReconfigResponder::Deferred{p.request_sn, p.sender_last_tsn, stream_list(p)};
    r = Result::kInProgress;
  } else {
    perform_incoming_reset(stream_list(p));
  }
  rs.record(r);
  answer(p.request_sn, r);
}

void Association::perform_incoming_reset(std::span<const StreamId> streams) {
  // RFC 6525 §5.2.2: the peer's outgoing streams (our incoming ones) expect SSN 0 next.
  if (streams.empty()) {
    for (uint32_t s = 0; s < tcb_.inbound_streams; ++s) {
      reassembly_->reset_ssn(StreamId(static_cast<uint16_t>(s)));
    }
  } else {
    for (StreamId s : streams) reassembly_->reset_ssn(s);
  }
  ctx_.listener.on_stream_reset({.assoc = id_, .incoming = true, .streams = streams});
}

void Association::on_incoming_reset_request(const wire::IncomingSsnResetRequestParameter& p) {
  if (!take_request(p.request_sn)) return;
  Result r = Result::kSuccessPerformed;
  if (!accepts_reconfig_requests()) {
    r = Result::kDenied;
  } else if (!streams_below(p, tcb_.outbound_streams)) {
    r = Result::kErrorWrongSsn;
  } else if (reconfig_.requester->busy()) {
    // RFC 6525 §5.2.3: we cannot send the Outgoing SSN Reset Request now.
    r = Result::kErrorRequestAlreadyInProgress;
  } else {
    // RFC 6525 §5.2.3: answer with an Outgoing SSN Reset Request for the same streams
    // whose Re-configuration Response Sequence Number is this request's number; it is
    // the response, so no Response parameter is sent.
    (void)reconfig_.requester->prepare({.kind = ReconfigKind::kOutgoingSsnReset,
                                        .response_sn = p.request_sn,
                                        .answers_incoming = true,
                                        .streams = stream_list(p)});
  }
  reconfig_.responder->record(r);
  if (r != Result::kSuccessPerformed) answer(p.request_sn, r);
}

void Association::on_ssn_tsn_reset_request(uint32_t request_sn) {
  if (!take_request(request_sn)) return;
  Result r = Result::kSuccessPerformed;
  if (!accepts_reconfig_requests()) {
    r = Result::kDenied;
  } else if (reconfig_.requester->busy()) {
    r = Result::kErrorRequestAlreadyInProgress;
  } else if (!rtx_->empty() || !send_queue_->empty() || tracker_->gap_block_count() != 0 ||
             reassembly_->queued_chunks() != 0) {
    // Data in either direction is still on its way: resetting now would drop it (§5.2.4
    // G3/G4). Answer "In progress" without consuming the sequence number, so the
    // requester's retransmission is evaluated afresh once the data is through.
    answer(request_sn, Result::kInProgress);
    return;
  }
  if (r != Result::kSuccessPerformed) {
    reconfig_.responder->record(r);
    answer(request_sn, r);
    return;
  }
  // RFC 6525 §5.2.4 G1: Receiver's Next TSN = smallest TSN not acknowledged + 2^31.
  const Tsn receiver_next = tracker_->cumulative_tsn_ack().next(0x80000000u);
  // G2: our next TSN stays the highest TSN sent plus 1 (G3: nothing is outstanding).
  const Tsn sender_next = rtx_->next_tsn();
  apply_tsn_reset(sender_next, receiver_next);
  reconfig_.responder->record(r);
  answer(request_sn, r, wire::ReconfigurationResponseParameter::NextTsns{sender_next, receiver_next});
}

void Association::apply_tsn_reset(Tsn local_next, Tsn remote_next) {
  // RFC 6525 §5.2.4 G4/G5 (and §5.1.4 for the requester): a new incoming TSN sequence,
  // a new outgoing one, and every stream's SSN back to 0 both ways.
  tracker_.emplace(remote_next, ctx_.options);
  if (rtx_->next_tsn() != local_next) {
    const uint32_t rwnd = rtx_->peer_rwnd();
    rtx_.emplace(local_next, primary_path().mtu, rwnd);
    rtx_->set_partial_reliability(tcb_.peer_forward_tsn);  // RFC 3758 §3.3.1
  }
  for (uint32_t s = 0; s < tcb_.outbound_streams; ++s) {
    send_queue_->reset_ssn(StreamId(static_cast<uint16_t>(s)));
  }
  for (uint32_t s = 0; s < tcb_.inbound_streams; ++s) {
    reassembly_->reset_ssn(StreamId(static_cast<uint16_t>(s)));
  }
  ctx_.listener.on_assoc_reset({.assoc = id_, .local_tsn = local_next, .remote_tsn = remote_next});
}

void Association::on_add_streams_request(uint32_t request_sn, uint16_t n, bool peer_outgoing) {
  if (!take_request(request_sn)) return;
  Result r = Result::kSuccessPerformed;
  const uint16_t have = peer_outgoing ? tcb_.inbound_streams : tcb_.outbound_streams;
  if (!accepts_reconfig_requests() || uint32_t{have} + n > kMaxStreams) {
    r = Result::kDenied;  // RFC 6525 §5.2.5 / §5.2.6: more than 65535 streams
  } else if (n == 0) {
    r = Result::kSuccessNothingToDo;
  } else if (peer_outgoing) {
    // RFC 6525 §5.2.6 (as Linux answers): an Add Outgoing Streams Request from the peer
    // completes our outstanding Add Incoming Streams Request.
    if (const ReconfigRequest* in = reconfig_.requester->find_kind(ReconfigKind::kAddIncomingStreams)) {
      (void)reconfig_.requester->complete(in->request_sn);
    }
    // RFC 6525 §5.2.5: the peer adds outgoing streams: our incoming ones grow.
    reassembly_->add_streams(n);
    tcb_.inbound_streams = static_cast<uint16_t>(tcb_.inbound_streams + n);
    ctx_.listener.on_stream_change({.assoc = id_,
                                    .inbound_streams = tcb_.inbound_streams,
                                    .outbound_streams = tcb_.outbound_streams});
  } else if (reconfig_.requester->busy()) {
    r = Result::kErrorRequestAlreadyInProgress;
  } else {
    // RFC 6525 §5.2.6: the peer wants more incoming streams: we add outgoing ones with
    // our own Add Outgoing Streams Request, which answers this one (as Linux does).
    (void)reconfig_.requester->prepare({.kind = ReconfigKind::kAddOutgoingStreams, .new_streams = n});
    reconfig_.responder->record(r);
    return;
  }
  reconfig_.responder->record(r);
  answer(request_sn, r);
}

// --- Responses (RFC 6525 §5.2.7) --------------------------------------------------------

void Association::on_reconfig_response(const wire::ReconfigurationResponseParameter& p,
                                       Instant now) {
  ReconfigRequester& rq = *reconfig_.requester;
  if (rq.find(p.response_sn) == nullptr) return;  // late or unknown: nothing outstanding
  if (p.result == Result::kInProgress) {
    rq.in_progress(now, paths_[data_path(std::nullopt)].rto.rto());  // §5.2.7
    return;
  }
  std::optional<ReconfigRequest> req = rq.complete(p.response_sn);
  const bool ok = success(p.result);
  const bool denied = p.result == Result::kDenied;
  switch (req->kind) {
    case ReconfigKind::kOutgoingSsnReset:
      if (ok) {
        // RFC 6525 §5.1.2: performed: the streams' SSNs start again at 0.
        if (req->streams.empty()) {
          for (uint32_t s = 0; s < tcb_.outbound_streams; ++s) {
            send_queue_->reset_ssn(StreamId(static_cast<uint16_t>(s)));
          }
        } else {
          for (StreamId s : req->streams) send_queue_->reset_ssn(s);
        }
      }
      ctx_.listener.on_stream_reset({.assoc = id_, .outgoing = true, .denied = !ok && denied,
                                     .failed = !ok && !denied, .streams = req->streams});
      break;
    case ReconfigKind::kIncomingSsnReset:
      // Success comes as the peer's Outgoing SSN Reset Request (and its event); only a
      // refusal is reported here.
      if (!ok) {
        ctx_.listener.on_stream_reset({.assoc = id_, .incoming = true, .denied = denied,
                                       .failed = !denied, .streams = req->streams});
      }
      break;
    case ReconfigKind::kSsnTsnReset:
      if (ok && p.next_tsns) {
        // RFC 6525 §5.1.4 / §4.4: we send from the Receiver's Next TSN and expect the
        // Sender's Next TSN.
        apply_tsn_reset(p.next_tsns->receiver, p.next_tsns->sender);
      } else {
        ctx_.listener.on_assoc_reset({.assoc = id_, .denied = denied, .failed = !denied});
      }
      break;
    case ReconfigKind::kAddOutgoingStreams:
      if (ok) {
        // RFC 6525 §5.1.5: the new streams may be used once the peer agreed.
        send_queue_->add_streams(req->new_streams);
        tcb_.outbound_streams = send_queue_->outbound_streams();
      }
      ctx_.listener.on_stream_change({.assoc = id_, .denied = !ok && denied,
                                      .failed = !ok && !denied,
                                      .inbound_streams = tcb_.inbound_streams,
                                      .outbound_streams = tcb_.outbound_streams});
      break;
    case ReconfigKind::kAddIncomingStreams:
      if (!ok) {
        ctx_.listener.on_stream_change({.assoc = id_, .denied = denied, .failed = !denied,
                                        .inbound_streams = tcb_.inbound_streams,
                                        .outbound_streams = tcb_.outbound_streams});
      }
      break;
  }
  release_held_sends(now);
}

}  // namespace dpsctp::core
