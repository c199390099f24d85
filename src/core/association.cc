// Association: construction, user calls, chunk dispatch and timers (RFC 9260 §4, §6.10,
// §3.2). The per-phase handlers live in association_{handshake,data,control}.cc.
#include "core/association.h"

#include <algorithm>

#include "wire/cause/cause_code.h"

namespace dpsctp::core {
namespace {
// Bytes of ERROR causes held for the next packet: fits one ERROR chunk (with an Invalid
// Stream cause) in a packet of the smallest path MTU (IPv4 576 - 20).
constexpr size_t kMaxPendingErrors = 512;
}  // namespace

const char* to_string(AssocState s) {
  switch (s) {
    case AssocState::kClosed: return "CLOSED";
    case AssocState::kCookieWait: return "COOKIE-WAIT";
    case AssocState::kCookieEchoed: return "COOKIE-ECHOED";
    case AssocState::kEstablished: return "ESTABLISHED";
    case AssocState::kShutdownPending: return "SHUTDOWN-PENDING";
    case AssocState::kShutdownSent: return "SHUTDOWN-SENT";
    case AssocState::kShutdownReceived: return "SHUTDOWN-RECEIVED";
    case AssocState::kShutdownAckSent: return "SHUTDOWN-ACK-SENT";
  }
  return "?";
}

Association::Association(AssociationContext& ctx, AssocId id, VerificationTag local_tag,
                         Tsn local_initial_tsn, uint16_t peer_port,
                         std::span<const IpAddress> peers, const IpAddress& local)
    : ctx_(ctx), id_(id) {
  tcb_.local_tag = local_tag;
  tcb_.local_initial_tsn = local_initial_tsn;
  tcb_.peer_port = peer_port;
  tcb_.outbound_streams = ctx.options.outbound_streams;
  tcb_.inbound_streams = ctx.options.max_inbound_streams;
  paths_.reserve(peers.size());
  // sctp_connectx: the addresses the user gave are taken as confirmed (§5.4).
  for (const IpAddress& p : peers) (void)add_path(p, true);
  if (paths_.empty()) paths_.emplace_back(local, peers.front(), ctx.options);  // no family match
  paths_changed_ = false;
}

Association::Association(AssociationContext& ctx, AssocId id, const TcbParams& p,
                         const IpAddress& peer, const IpAddress& local, Instant now)
    : ctx_(ctx), id_(id), tcb_(p) {
  // §5.1.2 / §5.4: the COOKIE ECHO's source is confirmed, the INIT's listed addresses are not.
  paths_.emplace_back(local, peer, ctx.options);
  learn_peer_addresses(wire::TlvRange(p.peer_addresses, wire::TlvKind::kParameter));
  tcb_.peer_addresses = {};  // pointed into the packet
  init_data_structures(now);
  pending_.cookie_ack = true;  // §5.1 step D: answer the COOKIE ECHO with a COOKIE ACK
  enter_established(now, /*active=*/false);
}

void Association::init_data_structures(Instant now) {
  const AssociationOptions& o = ctx_.options;
  send_queue_.emplace(ctx_.pool, tcb_.outbound_streams, o.send_buffer);
  send_queue_->set_scheduler(scheduler_.value_or(o.stream_scheduler));  // RFC 8260 §3
  rtx_.emplace(tcb_.local_initial_tsn, primary_path().mtu, tcb_.peer_a_rwnd);
  rtx_->set_partial_reliability(tcb_.peer_forward_tsn);  // RFC 3758 §3.3.1
  tracker_.emplace(tcb_.peer_initial_tsn, o);
  reassembly_.emplace(tcb_.inbound_streams, o.receive_window);
  // RFC 8260 §2.2.1: with I-DATA negotiated, messages are cut, numbered and reassembled
  // by MID/FSN; reassembly_ stays (empty) for the code that resets its streams.
  send_queue_->set_interleaving(tcb_.interleaving);
  if (tcb_.interleaving) {
    ireassembly_.emplace(tcb_.inbound_streams, o.receive_window);
  } else {
    ireassembly_.reset();
  }
  reconfig_.reset(tcb_.local_initial_tsn, tcb_.peer_initial_tsn);  // RFC 6525 §5.1.1
  for (Path& p : paths_) {
    p.cc.set_initial_ssthresh(tcb_.peer_a_rwnd);  // §7.2.1: ssthresh = peer's a_rwnd
    p.last_send = now;
  }
}

void Association::move_early_data(Instant now) {
  for (EarlySend& e : early_) {
    const SendStatus st = send_queue_->add(e.stream, e.ppid, e.data, e.options, now,
                                           ctx_.options.disable_fragments,
                                           max_data_payload(primary_path()));
    if (st != SendStatus::kOk) {  // e.g. a stream beyond what the peer accepted (§5.1.1)
      ctx_.listener.on_send_failed({.assoc = id_, .stream = e.stream, .ppid = e.ppid,
                                    .context = e.options.context, .was_sent = false,
                                    .error = 0, .data = e.data});
    }
  }
  early_.clear();
  early_.shrink_to_fit();
  early_bytes_ = 0;
}

void Association::arm_heartbeats(Instant now) {
  const AssociationOptions& o = ctx_.options;
  const bool hb = o.heartbeat_enabled && o.hb_interval.count() > 0;
  for (Path& p : paths_) {
    if (!p.confirmed) {
      p.heartbeat = now;  // §5.4: verify unconfirmed addresses right away
    } else if (hb) {
      p.heartbeat = now + o.hb_interval + p.rto.rto();  // §8.3: idle-path heartbeats
    }
  }
}

void Association::set_state(AssocState s) {
  auto counted = [](AssocState x) {  // SctpCurrEstab's definition (RFC 3873)
    return x == AssocState::kEstablished || x == AssocState::kShutdownPending ||
           x == AssocState::kShutdownReceived;
  };
  if (counted(state_) && !counted(s)) --ctx_.counters.SctpCurrEstab;
  if (!counted(state_) && counted(s)) ++ctx_.counters.SctpCurrEstab;
  state_ = s;
}

void Association::enter_established(Instant now, bool active) {
  t1_ = kNever;
  arm_heartbeats(now);
  set_state(AssocState::kEstablished);
  if (active) {
    ++ctx_.counters.SctpActiveEstabs;
  } else {
    ++ctx_.counters.SctpPassiveEstabs;
  }
  ctx_.listener.on_assoc_change({.assoc = id_,
                                 .state = AssocChangeState::kCommUp,
                                 .error = 0,
                                 .outbound_streams = tcb_.outbound_streams,
                                 .inbound_streams = tcb_.inbound_streams});
}

SendStatus Association::send(StreamId stream, Ppid ppid, wire::ByteSpan data,
                             const SendOptions& opt, Instant now) {
  // §6.1 / §9.2: no new data once shutdown was requested or received.
  if (state_ == AssocState::kClosed || state_ >= AssocState::kShutdownPending) {
    return SendStatus::kInvalidState;
  }
  // Larger than the whole send buffer: kBufferFull would have the caller retry forever.
  if (data.size() > ctx_.options.send_buffer) return SendStatus::kMessageTooLarge;
  if (!send_queue_) {
    // COOKIE-WAIT: the streams are not negotiated yet. §5.1 lets the user queue data now;
    // it goes into the send queue with the INIT ACK and rides with the COOKIE ECHO (D).
    if (data.empty()) return SendStatus::kEmptyMessage;
    if (early_bytes_ + data.size() > ctx_.options.send_buffer) return SendStatus::kBufferFull;
    early_.push_back({stream, ppid, opt, std::vector<std::byte>(data.begin(), data.end())});
    early_bytes_ += data.size();
    return SendStatus::kOk;
  }
  // RFC 6525 §5.1.2: a stream being reset takes no new SSN until the peer answered.
  if (reconfig_.pauses(stream)) return hold_send(stream, ppid, data, opt);
  const uint32_t in_flight = rtx_->outstanding_bytes();
  // Messages held for a stream reset (RFC 6525 §5.1.2) count against the buffer too.
  if (in_flight + send_queue_->queued_bytes() + reconfig_.held_bytes + data.size() >
      ctx_.options.send_buffer) {
    return SendStatus::kBufferFull;
  }
  return send_queue_->add(stream, ppid, data, opt, now, ctx_.options.disable_fragments,
                          max_data_payload(primary_path()));
}

void Association::handle_chunks(const wire::PacketView& packet, size_t first,
                                const IpAddress& from, Instant now) {
  size_t i = 0;
  bool stop = false;
  bool had_data = false;
  note_received_from(from);
  for (const wire::ChunkView& c : packet.chunks()) {
    if (i++ < first) continue;
    // RFC 3758 §3.6: FORWARD TSN follows the same SACK rules as DATA.
    had_data |= c.is(wire::ChunkType::kData) || c.is(wire::ChunkType::kForwardTsn) ||
                c.is(wire::ChunkType::kIData) || c.is(wire::ChunkType::kIForwardTsn);
    dispatch_chunk(c, from, now, stop);
    if (stop || closed()) break;
  }
  if (had_data && tracker_) tracker_->on_packet_end(now);
}

void Association::dispatch_chunk(const wire::ChunkView& c, const IpAddress& from, Instant now,
                                 bool& stop) {
  using wire::ChunkType;
  if (!c.is(ChunkType::kData) && !c.is(ChunkType::kIData)) ++ctx_.counters.SctpInCtrlChunks;
  switch (static_cast<ChunkType>(c.type)) {
    case ChunkType::kData:  // RFC 8260 §2.2.1: not once I-DATA is negotiated
      if (!wrong_data_kind(false, stop)) handle_data(c, now, stop);
      break;
    case ChunkType::kSack: handle_sack(c, now); break;
    case ChunkType::kInitAck: handle_init_ack(c, from, now); break;
    case ChunkType::kCookieAck: handle_cookie_ack(now); break;
    case ChunkType::kHeartbeat: handle_heartbeat(c); break;
    case ChunkType::kHeartbeatAck: handle_heartbeat_ack(c, now); break;
    case ChunkType::kAbort: handle_abort(c); break;
    case ChunkType::kShutdown: handle_shutdown(c, now); break;
    case ChunkType::kShutdownAck: handle_shutdown_ack(now); break;
    case ChunkType::kShutdownComplete: handle_shutdown_complete(); break;
    case ChunkType::kError: handle_error(c, now); break;
    case ChunkType::kForwardTsn:  // RFC 8260 §2.3.1: I-FORWARD-TSN replaces it with I-DATA
      if (!wrong_data_kind(false, stop)) handle_forward_tsn(c);
      break;
    case ChunkType::kReconfig: handle_reconfig(c, now, stop); break;  // RFC 6525
    case ChunkType::kIData: handle_idata(c, now, stop); break;              // RFC 8260
    case ChunkType::kIForwardTsn: handle_iforward_tsn(c, stop); break;      // RFC 8260
    case ChunkType::kInit:        // handled by the Endpoint (§5.2)
    case ChunkType::kCookieEcho:  // handled by the Endpoint (§5.2.4); a repeat is harmless
    case ChunkType::kPad:         // RFC 4820 §3: the receiver ignores PAD chunks
      break;
    default: handle_unknown_chunk(c, stop); break;
  }
}

void Association::handle_unknown_chunk(const wire::ChunkView& c, bool& stop) {
  // RFC 9260 §3.2: the upper two bits of the type say what to do with it. Extensions we
  // did not negotiate (I-DATA, RE-CONFIG, ASCONF, AUTH...) are treated the same way.
  const wire::UnrecognizedAction a = wire::unrecognized_chunk_action(c.type);
  ++ctx_.counters.DpsctpUnrecognizedChunks;
  // Unrecognized Chunk Type cause (§3.3.10.6) carrying the chunk, bounded in size. The
  // pending causes stay small enough for one ERROR chunk in a minimum-MTU packet, so a
  // flood of unknown chunks can neither grow memory nor wedge the ERROR (reports beyond
  // that are dropped: the chunks are still counted).
  const size_t n = std::min<size_t>(c.bytes.size(), 256);
  if (wire::action_reports(a) && pending_.errors.size() + wire::pad4(4 + n) <= kMaxPendingErrors) {
    const size_t at = pending_.errors.size();
    pending_.errors.resize(at + wire::pad4(4 + n));
    wire::BufferWriter ew(std::span(pending_.errors).subspan(at));
    const auto m = ew.begin_tlv(wire::cause_code::kUnrecognizedChunkType);
    ew.put_bytes(c.bytes.first(n));
    ew.end_tlv(m);
  }
  if (!wire::action_continues(a)) stop = true;
}

Instant Association::next_deadline() const {
  Instant d = std::min({t1_, t2_, t5_});
  for (const Path& p : paths_) d = std::min({d, p.t3, p.heartbeat});
  d = std::min(d, reconfig_deadline());  // RFC 6525 §5.1.1 RE-CONFIG timer
  if (tracker_) d = std::min(d, tracker_->delayed_sack_deadline());
  return d;
}

void Association::handle_timeout(Instant now) {
  if (t1_ <= now) handle_t1_timeout(now);
  if (closed()) return;
  if (t5_ <= now) {  // §9.2 T5-shutdown-guard: give up on the graceful shutdown
    t5_ = kNever;
    send_abort_now(0, {});
    terminate(AssocChangeState::kCommLost, 0);
    return;
  }
  if (t2_ <= now) handle_t2_timeout(now);
  if (closed()) return;
  for (Path& p : paths_) {
    if (p.t3 <= now) handle_t3_timeout(p, now);
    if (closed()) return;
    if (p.heartbeat <= now) handle_heartbeat_timeout(p, now);
    if (closed()) return;
  }
  if (reconfig_deadline() <= now) handle_reconfig_timeout(now);
  if (closed()) return;
  if (tracker_ && tracker_->delayed_sack_deadline() <= now) {
    tracker_->on_delayed_sack_timeout(now);  // §6.2: SACK within sack_timeout
  }
}

bool Association::has_pending_output() const {
  const Pending& p = pending_;
  if (p.init || p.cookie_echo || p.cookie_ack || p.shutdown || p.shutdown_ack ||
      p.shutdown_complete || p.abort || p.invalid_stream_error || !p.heartbeat_acks.empty() ||
      !p.errors.empty()) {
    return true;
  }
  if (tracker_ && tracker_->sack_needed_now()) return true;
  if (reconfig_has_output()) return true;  // RFC 6525 RE-CONFIG
  if (rtx_ && (rtx_->has_retransmissions() || rtx_->forward_tsn_due())) return true;
  return send_queue_ && !send_queue_->empty();
}

AssocStatus Association::status() const {
  AssocStatus s;
  s.state = state_;
  s.inbound_streams = tcb_.inbound_streams;
  s.outbound_streams = tcb_.outbound_streams;
  const Path& p = paths_[data_path(std::nullopt)];
  s.srtt = p.rto.srtt();
  s.rto = p.rto.rto();
  s.cwnd = p.cc.cwnd();
  s.mtu = p.mtu;
  if (rtx_) {
    s.peer_rwnd = rtx_->peer_rwnd();
    s.unacked_chunks = rtx_->outstanding_chunks();
    s.flight_size = rtx_->flight_size();
  }
  if (send_queue_) s.queued_bytes = send_queue_->queued_bytes();
  if (reassembly_) s.pending_reassembly_bytes = reassembly_->buffered_bytes();
  if (ireassembly_) s.pending_reassembly_bytes += ireassembly_->buffered_bytes();
  return s;
}

void Association::set_stream_scheduler(SchedulerKind k) {
  // RFC 8260 §4.3.2: kept across a restart (§5.2.4), which rebuilds the send queue.
  scheduler_ = k;
  if (send_queue_) send_queue_->set_scheduler(k);
}

SchedulerKind Association::stream_scheduler() const {
  return scheduler_.value_or(ctx_.options.stream_scheduler);
}

bool Association::set_stream_scheduler_value(StreamId s, uint16_t value) {
  // RFC 8260 §4.3.3: only for an outbound stream of an association that has them.
  if (!send_queue_ || s.value() >= send_queue_->outbound_streams()) return false;
  return send_queue_->set_stream_value(s, value);
}

std::optional<uint16_t> Association::stream_scheduler_value(StreamId s) const {
  if (!send_queue_ || s.value() >= send_queue_->outbound_streams()) return std::nullopt;
  return send_queue_->stream_value(s);
}

}  // namespace dpsctp::core
