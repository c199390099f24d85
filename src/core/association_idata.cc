// RFC 8260 user message interleaving, receiver side of the association: I-DATA in
// (§2.1, §2.2.3), I-FORWARD-TSN in (§2.3.1), and the rule that the two kinds of data
// chunk never mix on one association (§2.2.1). The sender side is SendQueue (interleaved
// cutting, MID/FSN) and the transmit loop in association_data.cc (which writes I-DATA).
#include "core/association.h"
#include "wire/cause/cause_code.h"
#include "wire/ext/i_data_chunk.h"
#include "wire/ext/i_forward_tsn_chunk.h"

namespace dpsctp::core {
namespace {

bool accepts_data(AssocState s) {
  return s == AssocState::kEstablished || s == AssocState::kShutdownPending ||
         s == AssocState::kShutdownSent || s == AssocState::kShutdownReceived;
}

}  // namespace

size_t Association::data_header_size() const {
  // RFC 8260 §2.1: the I-DATA header is 4 bytes longer than DATA's (RFC 9260 §3.3.1).
  return tcb_.interleaving ? wire::IDataChunk::kHeaderSize : wire::DataChunk::kHeaderSize;
}

bool Association::wrong_data_kind(bool interleaved_kind, bool& stop) {
  if (!tracker_ || interleaved_kind == tcb_.interleaving) return false;
  // RFC 8260 §2.2.1: once I-DATA is negotiated DATA must not be used, and I-DATA must not
  // be used unless negotiated; the same holds for FORWARD TSN and I-FORWARD-TSN
  // (§2.3.1). A peer mixing them violates the protocol: ABORT.
  ++ctx_.counters.DpsctpDataKindViolations;
  ++ctx_.counters.DpsctpProtocolViolations;
  send_abort_now(wire::cause_code::kProtocolViolation, {});
  terminate(AssocChangeState::kCommLost, wire::cause_code::kProtocolViolation);
  stop = true;
  return true;
}

void Association::handle_idata(const wire::ChunkView& c, Instant now, bool& stop) {
  if (!accepts_data(state_) || !tracker_ || wrong_data_kind(true, stop)) return;
  wire::Result<wire::IDataChunk> d = wire::IDataChunk::parse(c);
  if (!d) {
    if (d.error() == wire::ParseError::kChunkNoUserData) {
      // RFC 9260 §6.2 (RFC 8260 §2.1 keeps it): no user data: ABORT with No User Data.
      send_abort_now(wire::cause_code::kNoUserData, {});
      terminate(AssocChangeState::kCommLost, wire::cause_code::kNoUserData);
      stop = true;
      return;
    }
    ++ctx_.counters.DpsctpMalformedPackets;
    return;
  }
  ++ctx_.counters.DpsctpIDataChunksReceived;
  if (!admit_data(d->tsn, d->stream, d->immediate)) return;  // as for DATA
  const bool in_sequence = d->tsn == tracker_->cumulative_tsn_ack().next();
  const ReassemblyQueue::AddResult r = ireassembly_->add(
      d->tsn, d->stream, d->mid, d->fsn, d->ppid, d->unordered, d->beginning, d->ending,
      d->payload, [this](const DeliveredMessage& m) { deliver(m); }, in_sequence);
  // As for DATA: receive window, RFC 9260 §6.2; SHUTDOWN-SENT, §9.2.
  after_data_add(r == ReassemblyQueue::AddResult::kNoSpace, in_sequence, d->tsn, d->immediate,
                 d->unordered, now, stop);
}

void Association::handle_iforward_tsn(const wire::ChunkView& c, bool& stop) {
  // RFC 8260 §2.3.1: only with PR-SCTP and I-DATA both negotiated; without I-DATA it is
  // the wrong kind (ABORT); without PR-SCTP an unknown chunk (upper bits 11: skip, report).
  if (!tracker_ || wrong_data_kind(true, stop)) return;
  if (!ctx_.options.prsctp_enable) {
    handle_unknown_chunk(c, stop);
    return;
  }
  wire::Result<wire::IForwardTsnChunk> f = wire::IForwardTsnChunk::parse(c);
  if (!f) {
    ++ctx_.counters.DpsctpMalformedPackets;
    return;
  }
  ++ctx_.counters.DpsctpIForwardTsnReceived;
  // RFC 3758 §3.6: an out-of-date New Cumulative TSN must not move ours. The entries are
  // applied anyway: every fragment of an abandoned message that was sent may have arrived
  // already (its rest never sent), so only the entry can unblock the stream; applying one
  // twice changes nothing.
  (void)tracker_->handle_forward_tsn(f->new_cumulative_tsn);
  iskipped_.clear();
  for (size_t i = 0; i < f->count; ++i) iskipped_.push_back(f->skipped(i));
  ireassembly_->handle_forward_tsn(iskipped_, [this](const DeliveredMessage& m) { deliver(m); });
  tracker_->force_immediate_sack();  // RFC 3758 §3.6 via RFC 8260 §2.3.1: SACK at once
}

bool Association::write_i_forward_tsn(wire::PacketBuilder& b) {
  // RFC 8260 §2.3.1: with I-DATA, abandoned messages are skipped by I-FORWARD-TSN; its New
  // Cumulative TSN is the Advanced.Peer.Ack.Point (RFC 3758 §3.5 C3), each (stream, U)
  // listed once with its highest abandoned MID (C4).
  constexpr size_t kFixed = 8;  // chunk header + New Cumulative TSN
  constexpr size_t kEntry = 8;  // stream, reserved/U, MID
  if (!b.fits(kFixed + kEntry)) return false;  // next packet
  wire::BufferWriter& w = b.writer();
  const Tsn new_cum = rtx_->make_i_forward_tsn(iforward_skips_, (w.remaining() - kFixed) / kEntry);
  wire::IForwardTsnChunk::write(w, new_cum, iforward_skips_);
  ++ctx_.counters.SctpOutCtrlChunks;
  ++ctx_.counters.DpsctpForwardTsnSent;
  forward_tsn_in_packet_ = true;  // RFC 3758 §3.5 C5: T3-rtx must run
  return true;
}

}  // namespace dpsctp::core
