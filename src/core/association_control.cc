// Path heartbeats (RFC 9260 §8.3), fault management (§8.1, §8.2), ERROR handling
// (§3.3.10), and association termination: ABORT (§9.1) and SHUTDOWN (§9.2).
#include <algorithm>
#include <cstring>

#include "core/association.h"
#include "wire/cause/cause_code.h"
#include "wire/chunk/abort_chunk.h"
#include "wire/chunk/error_chunk.h"
#include "wire/chunk/heartbeat_ack_chunk.h"
#include "wire/chunk/heartbeat_chunk.h"
#include "wire/chunk/shutdown_chunk.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::core {
namespace {

// Our Heartbeat Info (opaque to the peer, §8.3): path index, nonce, send time.
constexpr size_t kHbInfoSize = 1 + 8 + 8;
constexpr size_t kMaxPendingHeartbeatAcks = 2048;  // bytes: bounds a HEARTBEAT flood

}  // namespace

// --- Heartbeats (§8.3) -----------------------------------------------------------------

void Association::handle_heartbeat(const wire::ChunkView& c) {
  wire::Result<wire::HeartbeatChunk> hb = wire::HeartbeatChunk::parse(c);
  if (!hb) {
    ++ctx_.counters.DpsctpMalformedPackets;
    return;
  }
  // §8.3: answer with a HEARTBEAT ACK carrying the Heartbeat Information unchanged.
  const size_t need = wire::pad4(4 + 4 + hb->info.size());
  if (pending_.heartbeat_acks.size() + need > kMaxPendingHeartbeatAcks) return;
  const size_t at = pending_.heartbeat_acks.size();
  pending_.heartbeat_acks.resize(at + need);
  wire::BufferWriter w(std::span(pending_.heartbeat_acks).subspan(at));
  const auto m = w.begin_chunk(static_cast<uint8_t>(wire::ChunkType::kHeartbeatAck), 0);
  const auto p = w.begin_tlv(wire::param_type::kHeartbeatInfo);
  w.put_bytes(hb->info);
  w.end_tlv(p);
  w.end_tlv(m);
  pending_.heartbeat_acks.resize(at + w.size());
}

void Association::handle_heartbeat_ack(const wire::ChunkView& c, Instant now) {
  wire::Result<wire::HeartbeatAckChunk> ack = wire::HeartbeatAckChunk::parse(c);
  if (!ack || ack->info.size() != kHbInfoSize) {
    ++ctx_.counters.DpsctpBadHeartbeatAcks;  // not our Heartbeat Info: forged or corrupt
    return;
  }
  const auto idx = static_cast<size_t>(wire::load_u8(ack->info.data()));
  const uint64_t nonce = wire::load_u64(ack->info.data() + 1);
  const auto sent = Instant(Duration(static_cast<int64_t>(wire::load_u64(ack->info.data() + 9))));
  // A HEARTBEAT ACK whose nonce is not the one we sent is ignored (forged or stale).
  if (idx >= paths_.size() || paths_[idx].hb_nonce != nonce || !paths_[idx].hb_outstanding) {
    ++ctx_.counters.DpsctpBadHeartbeatAcks;
    return;
  }
  Path& p = paths_[idx];
  p.hb_outstanding = false;
  p.error_count = 0;         // §8.2: a HEARTBEAT ACK clears the destination's counter
  association_errors_ = 0;   // §8.1: and the association's
  if (sent <= now) p.rto.on_rtt_measurement(now - sent);  // §8.3: RTT from the heartbeat
  path_reachable(p);         // §5.4 confirmed, §8.2 active again
  if (!ctx_.options.heartbeat_enabled || ctx_.options.hb_interval.count() <= 0) {
    p.heartbeat = kNever;
  }
}

void Association::write_heartbeat(wire::BufferWriter& w, size_t path_index, Instant now) {
  Path& p = paths_[path_index];
  p.hb_nonce = ctx_.rng.next64();
  p.hb_outstanding = true;
  const auto m = w.begin_chunk(static_cast<uint8_t>(wire::ChunkType::kHeartbeat), 0);
  const auto t = w.begin_tlv(wire::param_type::kHeartbeatInfo);
  w.put_u8(static_cast<uint8_t>(path_index));
  w.put_u64(p.hb_nonce);
  w.put_u64(static_cast<uint64_t>(now.time_since_epoch().count()));
  w.end_tlv(t);
  w.end_tlv(m);
}

void Association::handle_heartbeat_timeout(Path& p, Instant now) {
  const AssociationOptions& o = ctx_.options;
  p.heartbeat = kNever;
  const size_t idx = static_cast<size_t>(&p - paths_.data());
  // §5.4 path verification, RFC 7829 PF probing and §8.3 probing of inactive paths run
  // every RTO, even with idle-path heartbeats disabled.
  const bool verifying = !p.confirmed || p.potentially_failed || !p.active;
  if (state_ == AssocState::kClosed) return;
  if (!verifying && (!o.heartbeat_enabled || o.hb_interval.count() <= 0)) return;
  if (p.hb_outstanding) {
    // §8.3: an unanswered HEARTBEAT counts as a retransmission timeout on the path;
    // §8.1: against the association only on the path that carries the data.
    p.rto.back_off();
    if (count_error(p, now, idx == data_path(std::nullopt) && p.confirmed)) return;
  } else if (!verifying && now - p.last_send < o.hb_interval) {
    // Not idle (§8.3 heartbeats idle destinations): check again when it may be.
    p.heartbeat = p.last_send + o.hb_interval + p.rto.rto();
    return;
  }
  wire::MutableByteSpan buf = ctx_.sink.next_buffer();
  wire::PacketBuilder b(buf, {.src_port = ctx_.local_port, .dst_port = tcb_.peer_port,
                              .vtag = tcb_.peer_tag});
  write_heartbeat(b.writer(), idx, now);
  (void)send_packet(ctx_, b, p.local, p.peer, 1);
  p.last_send = now;
  if (verifying) {  // probed once per RTO
    p.heartbeat = now + p.rto.rto();
    return;
  }
  // §8.3: next one after RTO + HB.interval, jittered by ±50 % of the RTO.
  const auto rto = p.rto.rto().count();
  const auto jitter = static_cast<int64_t>(ctx_.rng.below(static_cast<uint32_t>(
                          std::min<int64_t>(rto, INT32_MAX)) + 1)) - rto / 2;
  p.heartbeat = now + o.hb_interval + p.rto.rto() + Duration(jitter);
}

// --- Fault management (§8.1, §8.2) -----------------------------------------------------

bool Association::count_error(Path& p, Instant now, bool counts_for_association) {
  ++p.error_count;
  // RFC 7829 §5.1: past PFMR the path is Potentially Failed: probe it now, every RTO.
  if (p.error_count > ctx_.options.pf_max_retrans && p.active && !p.potentially_failed) {
    p.potentially_failed = true;
    p.hb_outstanding = false;
    p.heartbeat = std::min(p.heartbeat, now + p.rto.rto());
  }
  // §8.2: past Path.Max.Retrans the destination is INACTIVE.
  if (p.error_count > ctx_.options.path_max_retrans) path_unreachable(p);
  if (!counts_for_association) return false;
  // §8.1: past Association.Max.Retrans the peer is unreachable: the association closes.
  if (++association_errors_ > ctx_.options.association_max_retrans) {
    terminate(AssocChangeState::kCommLost, 0);
    return true;
  }
  return false;
}

void Association::terminate(AssocChangeState why, uint16_t error) {
  if (state_ == AssocState::kClosed && why != AssocChangeState::kCantStrAssoc) return;
  // RFC 6458 §6.1.4: hand every message that will not be delivered back to the user.
  for (const EarlySend& e : early_) {
    ctx_.listener.on_send_failed({.assoc = id_, .stream = e.stream, .ppid = e.ppid,
                                  .context = e.options.context, .was_sent = false,
                                  .error = error, .data = e.data});
  }
  early_.clear();
  fail_held_sends(error);  // RFC 6525 §5.1.2: messages held for a stream reset
  // A message cut into fragments only partly sent is held by both queues; the
  // retransmission queue reports it whole, so the send queue's uncut rest is not reported
  // again (each message is handed back once).
  std::vector<wire::ByteSpan> reported;
  if (rtx_) {
    rtx_->drain([&](StreamId s, Ppid ppid, uint32_t context, wire::ByteSpan data) {
      reported.push_back(data);
      ctx_.listener.on_send_failed({.assoc = id_, .stream = s, .ppid = ppid, .context = context,
                                    .was_sent = true, .error = error, .data = data});
    });
  }
  if (send_queue_) {
    send_queue_->drain([&](StreamId s, Ppid ppid, uint32_t context, bool partially_sent,
                           wire::ByteSpan data) {
      const auto inside = [&](wire::ByteSpan w) {
        return data.data() >= w.data() && data.data() + data.size() <= w.data() + w.size();
      };
      if (partially_sent && std::any_of(reported.begin(), reported.end(), inside)) return;
      ctx_.listener.on_send_failed({.assoc = id_, .stream = s, .ppid = ppid, .context = context,
                                    .was_sent = partially_sent, .error = error, .data = data});
    });
  }
  if (why == AssocChangeState::kShutdownComp) {
    ++ctx_.counters.SctpShutdowns;
  } else if (why == AssocChangeState::kCommLost) {
    ++ctx_.counters.SctpAborteds;
  }
  set_state(AssocState::kClosed);
  t1_ = t2_ = t5_ = kNever;
  for (Path& p : paths_) p.t3 = p.heartbeat = kNever;
  pending_ = Pending{};
  ctx_.listener.on_assoc_change({.assoc = id_,
                                 .state = why,
                                 .error = error,
                                 .outbound_streams = tcb_.outbound_streams,
                                 .inbound_streams = tcb_.inbound_streams});
}

// --- ABORT (§9.1) ----------------------------------------------------------------------

void Association::abort(wire::ByteSpan reason, Instant now) {
  (void)now;
  if (closed()) return;
  send_abort_now(wire::cause_code::kUserInitiatedAbort, reason);
  terminate(AssocChangeState::kCommLost, wire::cause_code::kUserInitiatedAbort);
}

void Association::send_abort_now(uint16_t cause, wire::ByteSpan reason) {
  // §8.5.1: the ABORT carries the peer's tag; before the peer's tag is known (COOKIE-WAIT)
  // there is no state at the peer to abort.
  if (state_ == AssocState::kCookieWait || state_ == AssocState::kClosed) return;
  const Path& p = paths_[data_path(std::nullopt)];
  wire::MutableByteSpan buf = ctx_.sink.next_buffer();
  wire::PacketBuilder b(buf.first(std::min<size_t>(buf.size(), p.mtu)),
                        {.src_port = ctx_.local_port, .dst_port = tcb_.peer_port,
                         .vtag = tcb_.peer_tag});
  wire::BufferWriter& w = b.writer();
  const auto m = w.begin_chunk(static_cast<uint8_t>(wire::ChunkType::kAbort), 0);
  if (cause != 0) {
    const auto c = w.begin_tlv(cause);
    w.put_bytes(reason.first(std::min<size_t>(reason.size(), p.mtu / 2)));
    w.end_tlv(c);
  }
  w.end_tlv(m);
  (void)send_packet(ctx_, b, p.local, p.peer, 1);
}

void Association::handle_abort(const wire::ChunkView& c) {
  // §9.1: an ABORT (verification tag checked by the Endpoint, §8.5.1 B) ends the
  // association; the first error cause, if any, is reported.
  uint16_t cause = 0;
  if (wire::Result<wire::AbortChunk> a = wire::AbortChunk::parse(c)) {
    for (const wire::TlvView& t : a->causes()) {
      cause = t.type;
      break;
    }
  }
  const bool handshaking =
      state_ == AssocState::kCookieWait || state_ == AssocState::kCookieEchoed;
  if (handshaking) ++ctx_.counters.SctpAborteds;
  terminate(handshaking ? AssocChangeState::kCantStrAssoc : AssocChangeState::kCommLost, cause);
}

// --- ERROR (§3.3.10) -------------------------------------------------------------------

void Association::handle_error(const wire::ChunkView& c, Instant now) {
  wire::Result<wire::ErrorChunk> e = wire::ErrorChunk::parse(c);
  if (!e) return;
  for (const wire::TlvView& t : e->causes()) {
    if (t.type == wire::cause_code::kStaleCookie && state_ == AssocState::kCookieEchoed) {
      // §5.2.6: our cookie went stale; start over with a new INIT (T1-init).
      ++ctx_.counters.DpsctpStaleCookies;
      // §5.2.6: ask for the staleness (µs, in the cause) plus a margin, in ms.
      if (t.value().size() >= 4 && ctx_.options.cookie_preserve_enable) {
        const uint32_t us = wire::load_u32(t.value().data());
        cookie_preservative_ms_ = us / 1000 + 1000;
      }
      cookie_.clear();
      set_state(AssocState::kCookieWait);
      pending_.init = true;
      t1_ = now + primary_path().rto.rto();
      return;
    }
    ctx_.listener.on_remote_error({.assoc = id_, .cause_code = t.type, .cause = t.bytes});
  }
}

// --- SHUTDOWN (§9.2) -------------------------------------------------------------------

void Association::shutdown(Instant now) {
  switch (state_) {
    case AssocState::kCookieWait:  // no state at the peer yet
      terminate(AssocChangeState::kCantStrAssoc, 0);
      return;
    case AssocState::kCookieEchoed:  // the peer may hold a TCB: abort it
      send_abort_now(wire::cause_code::kUserInitiatedAbort, {});
      terminate(AssocChangeState::kCantStrAssoc, 0);
      return;
    case AssocState::kEstablished:
      // §9.2: stop accepting data, send what is queued, then SHUTDOWN.
      set_state(AssocState::kShutdownPending);
      maybe_start_shutdown(now);
      return;
    default: return;  // already shutting down or closed
  }
}

void Association::maybe_start_shutdown(Instant now) {
  const bool drained = rtx_ && rtx_->empty() && send_queue_ && send_queue_->empty();
  if (!drained) return;
  const Duration rto = primary_path().rto.rto();
  if (state_ == AssocState::kShutdownPending) {
    // §9.2: no outstanding data: send SHUTDOWN, start T2-shutdown and T5-guard.
    set_state(AssocState::kShutdownSent);
    pending_.shutdown = true;
    t2_ = now + rto;
    const Duration guard = ctx_.options.t5_shutdown_guard.count() > 0
                               ? ctx_.options.t5_shutdown_guard
                               : 5 * ctx_.options.rto_max;
    t5_ = now + guard;
  } else if (state_ == AssocState::kShutdownReceived) {
    // §9.2: all outstanding data acknowledged: SHUTDOWN ACK, T2-shutdown.
    set_state(AssocState::kShutdownAckSent);
    pending_.shutdown_ack = true;
    t2_ = now + rto;
  }
}

void Association::handle_shutdown(const wire::ChunkView& c, Instant now) {
  wire::Result<wire::ShutdownChunk> s = wire::ShutdownChunk::parse(c);
  if (!s || !rtx_) return;
  // §9.2: the Cumulative TSN Ack of the SHUTDOWN acknowledges data like a SACK would.
  const SackOutcome o =
      rtx_->handle_sack(s->cum_tsn_ack, rtx_->peer_rwnd() + rtx_->flight_size(), {}, now);
  if (o.violation) {
    // §6.2.1 as for a SACK: acknowledging a TSN never sent is a protocol violation: ABORT.
    ++ctx_.counters.DpsctpProtocolViolations;
    send_abort_now(wire::cause_code::kProtocolViolation, {});
    terminate(AssocChangeState::kCommLost, wire::cause_code::kProtocolViolation);
    return;
  }
  switch (state_) {
    case AssocState::kEstablished:
    case AssocState::kShutdownPending:
      set_state(AssocState::kShutdownReceived);
      ctx_.listener.on_shutdown_event(id_);  // RFC 6458 §6.1.5
      break;
    case AssocState::kShutdownSent:
      // §9.2: SHUTDOWN collision: answer with SHUTDOWN ACK, enter SHUTDOWN-ACK-SENT.
      set_state(AssocState::kShutdownAckSent);
      pending_.shutdown_ack = true;
      t2_ = now + primary_path().rto.rto();
      return;
    default: return;
  }
  maybe_start_shutdown(now);
}

void Association::handle_shutdown_ack(Instant now) {
  (void)now;
  // §9.2: SHUTDOWN ACK in SHUTDOWN-SENT (or -ACK-SENT after a collision): stop T2,
  // send SHUTDOWN COMPLETE, close.
  if (state_ != AssocState::kShutdownSent && state_ != AssocState::kShutdownAckSent) return;
  send_single_chunk(wire::ChunkType::kShutdownComplete, 0);
  terminate(AssocChangeState::kShutdownComp, 0);
}

void Association::handle_shutdown_complete() {
  // §9.2: SHUTDOWN COMPLETE in SHUTDOWN-ACK-SENT closes; anywhere else it is discarded.
  if (state_ != AssocState::kShutdownAckSent) return;
  terminate(AssocChangeState::kShutdownComp, 0);
}

void Association::handle_t2_timeout(Instant now) {
  // §9.2: retransmit SHUTDOWN / SHUTDOWN ACK with backed-off RTO; errors count (§8.1).
  t2_ = kNever;
  Path& p = paths_[data_path(std::nullopt)];
  p.rto.back_off();
  if (count_error(p, now, true)) return;
  if (state_ == AssocState::kShutdownSent) {
    pending_.shutdown = true;
  } else if (state_ == AssocState::kShutdownAckSent) {
    pending_.shutdown_ack = true;
  } else {
    return;
  }
  t2_ = now + p.rto.rto();
}

void Association::send_single_chunk(wire::ChunkType type, uint8_t flags) {
  const Path& p = paths_[last_rx_path_ < paths_.size() ? last_rx_path_ : primary_];
  wire::MutableByteSpan buf = ctx_.sink.next_buffer();
  wire::PacketBuilder b(buf, {.src_port = ctx_.local_port, .dst_port = tcb_.peer_port,
                              .vtag = tcb_.peer_tag});
  b.writer().end_tlv(b.writer().begin_chunk(static_cast<uint8_t>(type), flags));
  (void)send_packet(ctx_, b, p.local, p.peer, 1);
}

bool Association::write_pending_misc(wire::PacketBuilder& b) {
  wire::BufferWriter& w = b.writer();
  bool wrote = false;
  if (!pending_.heartbeat_acks.empty() && b.fits(pending_.heartbeat_acks.size())) {
    w.put_bytes(pending_.heartbeat_acks);  // complete, padded chunks
    pending_.heartbeat_acks.clear();
    ++ctx_.counters.SctpOutCtrlChunks;
    wrote = true;
  }
  const size_t invalid = pending_.invalid_stream_error ? 8 : 0;
  if ((invalid > 0 || !pending_.errors.empty()) && b.fits(4 + invalid + pending_.errors.size())) {
    const auto m = w.begin_chunk(static_cast<uint8_t>(wire::ChunkType::kError), 0);
    if (invalid > 0) {  // §3.3.10.1 Invalid Stream Identifier
      const auto c = w.begin_tlv(wire::cause_code::kInvalidStreamIdentifier);
      w.put_u16(pending_.invalid_stream.value());
      w.put_u16(0);
      w.end_tlv(c);
    }
    w.put_bytes(pending_.errors);
    w.end_tlv(m);
    pending_.invalid_stream_error = false;
    pending_.errors.clear();
    ++ctx_.counters.SctpOutCtrlChunks;
    wrote = true;
  }
  if (pending_.shutdown && tracker_ && b.fits(8)) {
    const auto m = w.begin_chunk(static_cast<uint8_t>(wire::ChunkType::kShutdown), 0);
    w.put_u32(tracker_->cumulative_tsn_ack().value());
    w.end_tlv(m);
    pending_.shutdown = false;
    ++ctx_.counters.SctpOutCtrlChunks;
    wrote = true;
  }
  if (pending_.shutdown_ack && b.fits(4)) {
    w.end_tlv(w.begin_chunk(static_cast<uint8_t>(wire::ChunkType::kShutdownAck), 0));
    pending_.shutdown_ack = false;
    ++ctx_.counters.SctpOutCtrlChunks;
    wrote = true;
  }
  return wrote;
}

}  // namespace dpsctp::core
