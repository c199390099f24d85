// Data transfer (RFC 9260 §6) and congestion control hooks (§7): DATA in, SACK in and
// out, FORWARD TSN in (RFC 3758), the transmit loop with bundling, T3-rtx.
#include <algorithm>

#include "core/association.h"
#include "wire/cause/cause_code.h"
#include "wire/chunk/data_chunk.h"
#include "wire/chunk/sack_chunk.h"
#include "wire/ext/forward_tsn_chunk.h"
#include "wire/ext/i_data_chunk.h"

namespace dpsctp::core {
namespace {


bool accepts_data(AssocState s) {
  return s == AssocState::kEstablished || s == AssocState::kShutdownPending ||
         s == AssocState::kShutdownSent || s == AssocState::kShutdownReceived;
}

// A DATA chunk (§3.3.1) for anything with the fields of a message fragment.
template <class T>
wire::DataChunk data_chunk_of(const T& x, Tsn tsn, wire::ByteSpan payload) {
  wire::DataChunk d;
  d.tsn = tsn;
  d.stream = x.stream;
  d.ssn = x.ssn;
  d.ppid = x.ppid;
  d.unordered = x.unordered;
  d.beginning = x.beginning;
  d.ending = x.ending;
  d.payload = payload;
  return d;
}

// RFC 8260 §2.2.1: DATA, or I-DATA once negotiated (never both on one association). An
// I-DATA chunk (§2.1) carries the MID, and the PPID on the first fragment or else the FSN.
template <class T>
void write_data_chunk(wire::BufferWriter& w, const T& x, Tsn tsn, wire::ByteSpan payload,
                      bool interleaving) {
  if (!interleaving) {
    data_chunk_of(x, tsn, payload).serialize_to(w);
    return;
  }
  wire::IDataChunk d;
  d.tsn = tsn;
  d.stream = x.stream;
  d.mid = x.mid;
  d.ppid = x.beginning ? x.ppid : Ppid(0);
  d.fsn = x.fsn;
  d.unordered = x.unordered;
  d.beginning = x.beginning;
  d.ending = x.ending;
  d.payload = payload;
  d.serialize_to(w);
}

bool may_send_data(AssocState s) {
  // §9.2: in SHUTDOWN-PENDING and SHUTDOWN-RECEIVED outstanding data is still sent.
  return s == AssocState::kEstablished || s == AssocState::kShutdownPending ||
         s == AssocState::kShutdownReceived || s == AssocState::kCookieEchoed;
}

}  // namespace

void Association::handle_data(const wire::ChunkView& c, Instant now, bool& stop) {
  if (!accepts_data(state_) || !tracker_) return;
  wire::Result<wire::DataChunk> d = wire::DataChunk::parse(c);
  if (!d) {
    if (d.error() == wire::ParseError::kChunkNoUserData) {
      // §6.2: a DATA chunk with no user data: ABORT with the No User Data cause.
      send_abort_now(wire::cause_code::kNoUserData, {});
      terminate(AssocChangeState::kCommLost, wire::cause_code::kNoUserData);
      stop = true;
      return;
    }
    ++ctx_.counters.DpsctpMalformedPackets;
    return;
  }
  if (!admit_data(d->tsn, d->stream, d->immediate)) return;
  const bool in_sequence = d->tsn == tracker_->cumulative_tsn_ack().next();
  const ReassemblyQueue::AddResult r = reassembly_->add(
      d->tsn, d->stream, d->ssn, d->ppid, d->unordered, d->beginning, d->ending, d->payload,
      [this](const DeliveredMessage& m) { deliver(m); }, in_sequence);
  after_data_add(r == ReassemblyQueue::AddResult::kNoSpace, in_sequence, d->tsn, d->immediate,
                 d->unordered, now, stop);
}

bool Association::admit_data(Tsn tsn, StreamId stream, bool immediate) {
  if (stream.value() >= tcb_.inbound_streams) {
    // §6.5: acknowledge the TSN, report Invalid Stream Identifier, discard the data.
    ++ctx_.counters.DpsctpInvalidStreams;
    if (tracker_->observe(tsn, immediate)) {
      pending_.invalid_stream_error = true;
      pending_.invalid_stream = stream;
    }
    return false;
  }
  if (!tracker_->is_new(tsn)) {
    (void)tracker_->observe(tsn, immediate);  // records it for the SACK's dup list
    ++ctx_.counters.DpsctpDuplicateTsns;
    return false;
  }
  return true;
}

void Association::after_data_add(bool no_space, bool in_sequence, Tsn tsn, bool immediate,
                                 bool unordered, Instant now, bool& stop) {
  if (no_space) {
    ++ctx_.counters.DpsctpReceiveBufferDrops;
    if (in_sequence) {
      // Not even the next TSN in sequence fits (a message far beyond the receive window;
      // no partial delivery): the association cannot progress. ABORT with Out of
      // Resource (§3.3.10.4) instead of stalling; the peer reports its data as failed.
      send_abort_now(wire::cause_code::kOutOfResource, {});
      terminate(AssocChangeState::kCommLost, wire::cause_code::kOutOfResource);
      stop = true;
      return;
    }
    // §6.2: no room: drop without acknowledging (the peer retransmits); tell it our
    // window now.
    tracker_->force_immediate_sack();
    return;
  }
  (void)tracker_->observe(tsn, immediate);
  if (unordered) {
    ++ctx_.counters.SctpInUnorderChunks;
  } else {
    ++ctx_.counters.SctpInOrderChunks;
  }
  if (state_ == AssocState::kShutdownSent) {
    // §9.2: in SHUTDOWN-SENT, answer each packet with DATA with a SHUTDOWN and restart T2.
    pending_.shutdown = true;
    t2_ = now + primary_path().rto.rto();
    tracker_->force_immediate_sack();
  }
}

void Association::deliver(const DeliveredMessage& m) {
  ctx_.listener.on_message({.assoc = id_,
                            .stream = m.stream,
                            .ssn = m.ssn,
                            .ppid = m.ppid,
                            .tsn = m.tsn,
                            .unordered = m.unordered,
                            .data = m.data});
}

void Association::handle_sack(const wire::ChunkView& c, Instant now) {
  if (!rtx_ || state_ == AssocState::kCookieEchoed) return;
  wire::Result<wire::SackChunk> s = wire::SackChunk::parse(c);
  if (!s) {
    ++ctx_.counters.DpsctpMalformedPackets;
    return;
  }
  sack_gaps_.clear();
  for (size_t i = 0; i < s->num_gap_blocks; ++i) sack_gaps_.push_back(s->gap_block(i));
  std::array<uint32_t, kMaxPaths> flight_before{};
  for (size_t i = 0; i < paths_.size() && i < kMaxPaths; ++i) {
    flight_before[i] = rtx_->flight_size(static_cast<uint8_t>(i));
  }
  const SackOutcome o = rtx_->handle_sack(s->cum_tsn_ack, s->a_rwnd, sack_gaps_, now);
  if (o.violation) {
    // §6.2.1: a SACK acknowledging a TSN never sent is a protocol violation: ABORT.
    ++ctx_.counters.DpsctpProtocolViolations;
    send_abort_now(wire::cause_code::kProtocolViolation, {});
    terminate(AssocChangeState::kCommLost, wire::cause_code::kProtocolViolation);
    return;
  }
  if (o.ignored) return;  // §6.2.1 D i): older than the cumulative TSN ack point
  report_abandoned();  // RFC 7496 §3.1: retransmission limit reached by Fast Retransmit
  if (o.rtt_sample && o.rtt_path < paths_.size()) {
    paths_[o.rtt_path].rto.on_rtt_measurement(*o.rtt_sample);  // Karn-safe (§6.3.1 C5)
  }
  if (o.bytes_acked_cum + o.bytes_acked_gap > 0) {
    association_errors_ = 0;  // §8.1: a SACK for outstanding data clears the counter
  }
  if (o.cum_ack_advanced) t3_path_.reset();  // progress: no need to avoid a path any more
  for (size_t i = 0; i < paths_.size() && i < kMaxPaths; ++i) {
    Path& p = paths_[i];
    const uint32_t acked = o.bytes_acked_on_path[i];
    const auto bit = static_cast<PathMask>(1u << i);
    if (acked > 0) {
      p.error_count = 0;  // §8.2: acknowledged data clears the destination's counter
      p.potentially_failed = false;  // RFC 7829 §5.1
      p.cc.on_ack(acked, flight_before[i], o.cum_ack_advanced, o.in_fast_recovery_at_ack);
    }
    if (o.entered_fast_recovery && (o.fast_retransmit_paths & bit) != 0) {
      p.cc.on_fast_retransmit();  // §7.2.4 step 2
    }
    if (o.all_acked) {
      p.t3 = kNever;  // §6.3.2 R2: all outstanding data acknowledged: stop T3-rtx
      p.cc.on_all_acked();
    } else if ((o.restart_t3_paths & bit) != 0) {
      // §6.3.2 R3: earliest outstanding TSN acked: restart with the current RTO, or stop
      // if nothing is in flight on that path any more (R2).
      p.t3 = rtx_->flight_size(static_cast<uint8_t>(i)) > 0 ? now + p.rto.rto() : kNever;
    } else if (o.reneged && p.t3 == kNever && rtx_->flight_size(static_cast<uint8_t>(i)) > 0) {
      p.t3 = now + p.rto.rto();  // §6.2.1 D iii: reneged data is in flight again
    }
  }
  if (o.fast_retransmit_triggered) ++ctx_.counters.DpsctpFastRetransmits;
  after_sack(now);
}

void Association::after_sack(Instant now) {
  const bool dry = rtx_->empty() && send_queue_->empty();
  if (dry && !was_dry_) ctx_.listener.on_sender_dry(id_);  // RFC 6458 §6.1.9
  was_dry_ = dry;
  maybe_start_shutdown(now);
}

void Association::handle_forward_tsn(const wire::ChunkView& c) {
  // RFC 3758 §3.6: only if we announced PR-SCTP; otherwise it is an unknown chunk type
  // whose upper bits (11) say skip and report.
  if (!tracker_ || !ctx_.options.prsctp_enable) return;
  wire::Result<wire::ForwardTsnChunk> f = wire::ForwardTsnChunk::parse(c);
  if (!f) {
    ++ctx_.counters.DpsctpMalformedPackets;
    return;
  }
  ++ctx_.counters.DpsctpForwardTsnReceived;
  if (!tracker_->handle_forward_tsn(f->new_cumulative_tsn)) return;
  skipped_.clear();
  for (size_t i = 0; i < f->count; ++i) {
    const auto sk = f->skipped(i);
    skipped_.emplace_back(sk.stream, sk.ssn);
  }
  reassembly_->handle_forward_tsn(f->new_cumulative_tsn, skipped_,
                                  [this](const DeliveredMessage& m) { deliver(m); });
  tracker_->force_immediate_sack();  // RFC 3758 §3.6: SACK the new cumulative TSN
}

void Association::handle_t3_timeout(Path& p, Instant now) {
  // §6.3.3 E1–E3: ssthresh/cwnd, back off the RTO, retransmit what was in flight.
  p.t3 = kNever;
  if (!rtx_ || rtx_->empty()) return;
  ++ctx_.counters.DpsctpT3Expirations;
  p.cc.on_t3_expiry();
  p.rto.back_off();
  const size_t idx = static_cast<size_t>(&p - paths_.data());
  (void)rtx_->abandon_expired(now);  // RFC 3758 §3.5: expired messages are not resent
  rtx_->handle_t3_expiry(static_cast<uint8_t>(idx));
  report_abandoned();  // RFC 7496 §3.1: retransmission limits reached
  // §8.1, §8.2: a T3 timeout counts against the path and the association.
  if (count_error(p, now, /*counts_for_association=*/true)) return;
  t3_path_ = idx;  // §6.4.1: retransmit to another active destination if there is one
  // T3 restarts when data is next sent on this path (§6.3.2 R1).
}

size_t Association::max_data_payload(const Path& p) const {
  size_t n = p.mtu - wire::CommonHeader::kSize - data_header_size();
  if (ctx_.options.max_seg != 0) n = std::min<size_t>(n, ctx_.options.max_seg);
  return n & ~size_t{3};
}

uint32_t Association::advertised_rwnd() const {
  // §6.2: a_rwnd is the receive buffer space left (the user's unconsumed bytes included).
  const uint64_t used = uint64_t{reassembly_ ? reassembly_->buffered_bytes() : 0u} + receive_held_ +
                        (ireassembly_ ? ireassembly_->buffered_bytes() : 0u);
  return used >= ctx_.options.receive_window
             ? 0
             : static_cast<uint32_t>(ctx_.options.receive_window - used);
}

bool Association::set_receive_held(uint32_t bytes) {
  const uint32_t before = advertised_rwnd();
  receive_held_ = bytes;
  // §6.2: the window closed while the user did not read; once it reopens past half the
  // buffer, tell the sender now (a window update) rather than after its next probe.
  const uint32_t half = ctx_.options.receive_window / 2;
  if (!tracker_ || before >= half || advertised_rwnd() < half) return false;
  tracker_->force_immediate_sack();
  return true;
}

bool Association::write_data_chunks(wire::PacketBuilder& b, Path& p, Instant now,
                                    bool& sent_new) {
  if (!may_send_data(state_) || !rtx_) return false;
  const auto path_index = static_cast<uint8_t>(&p - paths_.data());
  bool wrote = write_retransmissions(b.writer(), p, path_index, now);
  // §5.1 D: before the COOKIE ACK, new data only rides in the COOKIE ECHO's packet.
  if (state_ == AssocState::kCookieEchoed && !pending_cookie_echo_in_packet_) return wrote;
  sent_new = write_new_data(b.writer(), p, path_index, now, wrote);
  return wrote || sent_new;
}

bool Association::write_retransmissions(wire::BufferWriter& w, Path& p, uint8_t path_index,
                                        Instant now) {
  bool wrote = false;
  const size_t header = data_header_size();
  // §6.1 / §7.2.4: retransmissions go first; a fast retransmission ignores cwnd.
  while (rtx_->has_retransmissions()) {
    if (w.remaining() < header + 4) break;
    const bool fast = rtx_->fast_retransmit_pending();
    if (!fast && p.cc.send_allowance(rtx_->flight_size()) == 0) break;
    auto ch = rtx_->next_retransmission(w.remaining() - header - 3);
    if (!ch) break;
    write_data_chunk(w, *ch, ch->tsn, ch->payload, tcb_.interleaving);
    rtx_->mark_retransmitted(ch->tsn, path_index, now);
    ++ctx_.counters.DpsctpRetransmittedChunks;
    wrote = true;
  }
  return wrote;
}

bool Association::write_new_data(wire::BufferWriter& w, Path& p, uint8_t path_index,
                                  Instant now, bool packet_has_data) {
  const size_t max_payload = max_data_payload(p);
  bool wrote = false;
  send_queue_->begin_packet();  // RFC 8260 §3.3: a new packet may go to the next stream
  while (!send_queue_->empty()) {
    const uint32_t flight = rtx_->flight_size();
    // §6.1 A: nothing new while the peer's window is closed, except one probe.
    if (rtx_->peer_rwnd() == 0 && flight > 0) break;
    if (p.cc.send_allowance(flight) == 0) break;  // §6.1 B, §7.2 cwnd and Max.Burst
    // Nagle-like (RFC 9260 §6.1 note, SCTP_NODELAY): hold small data while some is in flight.
    if (!ctx_.options.nodelay && flight > 0 && !packet_has_data && !wrote &&
        send_queue_->queued_bytes() < max_payload) {
      break;
    }
    if (w.remaining() < data_header_size() + 4) break;
    const size_t budget = std::min(max_payload, w.remaining() - data_header_size() - 3);
    std::optional<Fragment> f =
        send_queue_->produce(budget, now, [this](const Fragment& m) { note_unsent_expired(m); });
    if (!f) break;
    if (f->beginning && !f->ending) ++ctx_.counters.SctpFragUsrMsgs;
    if (f->unordered) {
      ++ctx_.counters.SctpOutUnorderChunks;
    } else {
      ++ctx_.counters.SctpOutOrderChunks;
    }
    write_data_chunk(w, *f, rtx_->next_tsn(), f->bytes(), tcb_.interleaving);
    if (tcb_.interleaving) ++ctx_.counters.DpsctpIDataChunksSent;
    rtx_->add(std::move(*f), path_index, now);
    was_dry_ = false;
    wrote = true;
  }
  return wrote;
}

bool Association::write_control_chunks(wire::PacketBuilder& b) {
  wire::BufferWriter& w = b.writer();
  bool wrote = false;
  pending_cookie_echo_in_packet_ = false;
  if (pending_.cookie_echo && b.fits(4 + cookie_.size())) {
    // §5.1 D: COOKIE ECHO first in the packet; DATA may follow in the same packet.
    write_cookie_echo(w);
    pending_.cookie_echo = false;
    pending_cookie_echo_in_packet_ = true;
    ++ctx_.counters.SctpOutCtrlChunks;
    wrote = true;
  }
  if (pending_.cookie_ack && b.fits(4)) {
    // §5.1 E: COOKIE ACK first; DATA and SACK may follow.
    w.end_tlv(w.begin_chunk(static_cast<uint8_t>(wire::ChunkType::kCookieAck), 0));
    pending_.cookie_ack = false;
    ++ctx_.counters.SctpOutCtrlChunks;
    wrote = true;
  }
  if (tracker_ && tracker_->has_unacked_data() &&
      (tracker_->sack_needed_now() || (send_queue_ && !send_queue_->empty())) &&
      b.fits(wire::SackChunk::kFixedSize)) {
    // §6.2: SACK when due, and piggy-backed on outgoing data when anything is unacked.
    if (tracker_->write_sack(w, advertised_rwnd(), w.remaining()) > 0) {
      tracker_->on_sack_sent();
      ++ctx_.counters.SctpOutCtrlChunks;
      wrote = true;
    }
  }
  wrote |= write_forward_tsn(b);  // RFC 3758 §3.5 C3: before any DATA
  wrote |= write_pending_misc(b);
  wrote |= write_reconfig(b);  // RFC 6525 RE-CONFIG requests / responses
  return wrote;
}

void Association::send_packet_on(size_t path_index, Instant now, bool with_data) {
  Path& p = paths_[path_index];
  wire::MutableByteSpan buf = ctx_.sink.next_buffer();
  wire::PacketBuilder b(buf.first(std::min<size_t>(buf.size(), p.mtu)),
                        {.src_port = ctx_.local_port, .dst_port = tcb_.peer_port,
                         .vtag = tcb_.peer_tag});
  last_packet_control_ = write_control_chunks(b);
  bool sent_new = false;
  last_packet_data_ = with_data && write_data_chunks(b, p, now, sent_new);
  last_packet_sent_ = false;
  if (!b.has_chunks()) return;
  if (!send_packet(ctx_, b, p.local, p.peer, 0)) return;  // control chunks counted as written
  last_packet_sent_ = true;
  p.last_send = now;
  // RFC 3758 §3.5 C5: "If a FORWARD TSN is sent, the sender MUST assure that at least one
  // T3-rtx timer is running."
  if (forward_tsn_in_packet_ && p.t3 == kNever) p.t3 = now + p.rto.rto();
  if (last_packet_data_ && p.t3 == kNever) p.t3 = now + p.rto.rto();  // §6.3.2 R1
}

void Association::flush(Instant now) {
  if (pending_.init) {
    pending_.init = false;
    send_init_packet(now);
  }
  if (state_ == AssocState::kCookieWait || state_ == AssocState::kClosed) return;
  reconfig_progress(now);  // RFC 6525: requests ready to go, deferred resets due
  if (pending_.shutdown_complete) {
    pending_.shutdown_complete = false;
    send_single_chunk(wire::ChunkType::kShutdownComplete, 0);  // §6.10: alone
  }
  prsctp_expire(now);  // RFC 3758 §3.5: before anything is (re)transmitted
  const size_t dp = data_path(t3_path_);
  // §6.4: replies (SACK, HEARTBEAT ACK, ERROR) go to the address the peer sent from; when
  // that is not where our data goes, they travel in a packet of their own.
  if (last_rx_path_ != dp && last_rx_path_ < paths_.size()) {
    send_packet_on(last_rx_path_, now, /*with_data=*/false);
  }
  for (int packets = 0; packets < 64; ++packets) {
    send_packet_on(dp, now, /*with_data=*/true);
    if (!last_packet_sent_ || (!last_packet_data_ && !last_packet_control_)) break;
  }
  report_unsent_expired();
}

}  // namespace dpsctp::core
