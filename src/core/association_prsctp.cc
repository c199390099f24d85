// PR-SCTP sender side (RFC 3758 §3.5, RFC 7496 §3): when messages are abandoned (timed
// reliability, limited retransmissions), how each one is handed back to the user once
// (RFC 6458 §6.1.4 SCTP_SEND_FAILED_EVENT), and the FORWARD TSN chunk (§3.2) that moves the
// peer's cumulative TSN across them. The decisions themselves live in RetransmissionQueue
// (sent messages) and SendQueue (messages never sent); receiving FORWARD TSN is in
// association_data.cc.
#include "core/association.h"
#include "wire/ext/forward_tsn_chunk.h"

namespace dpsctp::core {
namespace {

constexpr size_t kForwardTsnFixed = 8;    // chunk header + New Cumulative TSN (§3.2)
constexpr size_t kSkippedStreamSize = 4;  // one (Stream-N, Stream Sequence-N) pair

}  // namespace

void Association::prsctp_expire(Instant now) {
  if (!rtx_) return;
  // RFC 3758 §3.5: a sent message whose lifetime ended is not retransmitted any more. Checked
  // before every packet is built, on SACK and on T3-rtx expiry.
  if (rtx_->abandon_expired(now) > 0) report_abandoned();
}

void Association::report_abandoned() {
  if (!rtx_ || rtx_->abandoned_to_report() == 0) return;
  rtx_->take_abandoned([&](const Fragment& held, wire::ByteSpan whole) {
    // §3.5 A3: the fragments not cut yet are abandoned with the ones sent.
    if (send_queue_) (void)send_queue_->discard_rest_of(held);
    ++ctx_.counters.DpsctpAbandonedSent;
    // RFC 6458 §6.1.4: SCTP_DATA_SENT, error 0 as Linux reports an abandoned message; the
    // peer may or may not have received it.
    ctx_.listener.on_send_failed({.assoc = id_,
                                  .stream = held.stream,
                                  .ppid = held.ppid,
                                  .context = held.context,
                                  .was_sent = true,
                                  .error = 0,
                                  .data = whole});
  });
}

void Association::note_unsent_expired(const Fragment& whole) {
  // Called from inside SendQueue::produce(), which must not be re-entered: the report waits
  // for report_unsent_expired() (the listener may send()).
  unsent_expired_.push_back(whole);
}

void Association::report_unsent_expired() {
  // A message whose lifetime ended before any of it was sent (RFC 3758 §3.5, RFC 7496
  // SCTP_PR_SCTP_TTL): no TSN or SSN was used, so the peer needs no FORWARD TSN.
  for (const Fragment& f : unsent_expired_) {
    ++ctx_.counters.DpsctpAbandonedUnsent;
    ctx_.listener.on_send_failed({.assoc = id_,
                                  .stream = f.stream,
                                  .ppid = f.ppid,
                                  .context = f.context,
                                  .was_sent = false,
                                  .error = 0,
                                  .data = f.payload.bytes()});
  }
  unsent_expired_.clear();  // drops the payload references; keeps the capacity
}

bool Association::write_forward_tsn(wire::PacketBuilder& b) {
  forward_tsn_in_packet_ = false;
  // RFC 3758 §3.3.1: only to a peer that announced Forward-TSN-Supported.
  if (!rtx_ || !tcb_.peer_forward_tsn || !rtx_->forward_tsn_due()) return false;
  if (tcb_.interleaving) return write_i_forward_tsn(b);              // RFC 8260 §2.3.1
  if (!b.fits(kForwardTsnFixed + kSkippedStreamSize)) return false;  // next packet
  wire::BufferWriter& w = b.writer();
  const size_t max_streams = (w.remaining() - kForwardTsnFixed) / kSkippedStreamSize;
  // §3.5 C3, C4: New Cumulative TSN = Advanced.Peer.Ack.Point, each ordered stream listed
  // once with its highest abandoned SSN.
  const Tsn new_cum = rtx_->make_forward_tsn(forward_skips_, max_streams);
  wire::ForwardTsnChunk::write(w, new_cum, forward_skips_);
  ++ctx_.counters.SctpOutCtrlChunks;
  ++ctx_.counters.DpsctpForwardTsnSent;
  forward_tsn_in_packet_ = true;  // §3.5 C5: send_packet_on() makes sure T3-rtx runs
  return true;
}

}  // namespace dpsctp::core
