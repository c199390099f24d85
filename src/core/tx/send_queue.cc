#include "core/tx/send_queue.h"

#include <algorithm>
#include <cassert>

namespace dpsctp::core {
namespace {

constexpr uint32_t kMaxStreams = 65535;

Instant expiry(Instant now, Duration lifetime) {
  if (lifetime == Duration::max()) return kNever;  // fully reliable
  if (lifetime <= Duration::zero()) return now;
  if (now.time_since_epoch() > Duration::max() - lifetime) return kNever;
  return now + lifetime;
}

}  // namespace

SendQueue::SendQueue(PayloadPool& pool, uint16_t outbound_streams, uint32_t buffer_limit_bytes)
    : pool_(pool),
      outbound_streams_(outbound_streams),
      buffer_limit_(buffer_limit_bytes) {
  // Nothing is allocated: an idle association queues nothing. streams_ is created by the
  // first add(); slots_ grows (doubling) to the high-water mark of queued messages, then
  // is recycled.
}

SendStatus SendQueue::add(StreamId stream, Ppid ppid, wire::ByteSpan data, const SendOptions& opt,
                          Instant now, bool disable_fragments, size_t max_fragment_payload) {
  // RFC 9260 §6.5: the stream must be one of the negotiated outbound streams.
  if (stream.value() >= outbound_streams_) return SendStatus::kInvalidStream;
  // RFC 9260 §6.2: a DATA chunk with no user data is a protocol violation.
  if (data.empty()) return SendStatus::kEmptyMessage;
  // RFC 6458 §8.1.5 SCTP_DISABLE_FRAGMENTS: "an error will be returned" for a message
  // that would need more than one DATA chunk.
  if (disable_fragments && max_fragment_payload != 0 && data.size() > max_fragment_payload) {
    return SendStatus::kMessageTooLarge;
  }
  if (data.size() > buffer_limit_) return SendStatus::kMessageTooLarge;
  if (queued_bytes_ + data.size() > buffer_limit_) return SendStatus::kBufferFull;

  PayloadRef payload = pool_.copy_in(data);
  if (!payload) return SendStatus::kBufferFull;  // out of memory: same remedy, retry later

  const uint32_t i = alloc_slot();
  Message& m = slots_[i];
  m.payload = std::move(payload);
  m.expires = expiry(now, opt.lifetime);
  m.stamp = scheduler_.stamp();
  m.ppid = ppid;
  m.context = opt.context;
  m.offset = 0;
  m.next = kNil;
  m.ssn = Ssn(0);
  m.mid = Mid(0);
  m.next_fsn = 0;
  m.max_retransmits = opt.max_retransmits;
  m.unordered = opt.unordered;
  m.unfragmentable = disable_fragments;

  if (streams_.empty()) streams_.resize(outbound_streams_);  // first message ever
  StreamQueue& q = streams_[stream.value()];
  if (q.tail == kNil) {
    q.head = i;
    scheduler_.push(stream, m.stamp, static_cast<uint32_t>(data.size()));  // now ready
  } else {
    slots_[q.tail].next = i;
  }
  q.tail = i;
  ++q.count;
  queued_bytes_ += data.size();
  ++queued_messages_;
  return SendStatus::kOk;
}

std::optional<Fragment> SendQueue::produce(size_t max_payload, Instant now) {
  return produce(max_payload, now, [](const Fragment&) {});
}

uint32_t SendQueue::pick_stream() const {
  // RFC 9260 §6.9: fragments of one message carry consecutive TSNs, so a partially cut
  // message is finished before the scheduler is asked again.
  if (in_progress_ != kNoStream) return in_progress_;
  if (!scheduler_.ready()) return kNoStream;  // RFC 8260 §3.3: may end the packet
  return scheduler_.top().value();
}

bool SendQueue::head_expired(uint32_t stream, Instant now) const {
  const Message& m = slots_[streams_[stream].head];
  // Only untouched messages: once a fragment has a TSN, abandoning it is the
  // retransmission queue's decision (it then calls discard_rest_of()).
  return m.offset == 0 && now > m.expires;
}

Fragment SendQueue::take_expired_head(uint32_t stream) {
  assert(stream != in_progress_ && scheduler_.top().value() == stream);
  const Message& m = slots_[streams_[stream].head];
  Fragment whole = make_fragment(stream, m, static_cast<uint32_t>(m.payload.size()));
  whole.ssn = Ssn(0);  // no SSN was consumed
  pop_head(stream);
  ++expired_;
  const StreamQueue& q = streams_[stream];
  if (q.head == kNil) {
    scheduler_.remove_top();  // not served: no turn used, no packet taken (RFC 8260 §3)
  } else {
    scheduler_.requeue_top(slots_[q.head].stamp,
                           static_cast<uint32_t>(slots_[q.head].payload.size()));
  }
  return whole;
}

std::optional<Fragment> SendQueue::cut(uint32_t stream, size_t max_payload) {
  StreamQueue& q = streams_[stream];
  Message& m = slots_[q.head];
  const auto size = static_cast<uint32_t>(m.payload.size());
  const uint32_t remaining = size - m.offset;
  // RFC 6458 §8.1.5: an unfragmentable message waits for a chunk big enough for it.
  if (m.unfragmentable && remaining > max_payload) return std::nullopt;
  // RFC 8260 §3.3: a packet that already carries this stream's chunks does not start a
  // message it cannot hold; its tail would take the next packet, and the turn with it.
  if (m.offset == 0 && remaining > max_payload && scheduler_.packet_started()) return std::nullopt;
  const uint32_t length = remaining <= max_payload ? remaining : static_cast<uint32_t>(max_payload);

  if (m.offset == 0 || interleaving_) {
    assert(in_progress_ == kNoStream && scheduler_.top().value() == stream);
    // The stream is served; it rejoins when this message is fully cut (DATA), or right
    // after this fragment (I-DATA: the scheduler picks the stream of every fragment).
    scheduler_.pop();
  }
  if (m.offset == 0) take_sequence_number(q, m);
  Fragment f = make_fragment(stream, m, length);
  // RFC 8260 §2.1: the FSN is 0 for the first fragment and grows by one per fragment.
  f.fsn = Fsn(m.next_fsn++);
  f.offset = m.offset;
  // RFC 9260 §6.9 / §3.3.1: B on the first fragment, E on the last, both on a whole one.
  f.beginning = m.offset == 0;
  f.ending = length == remaining;
  m.offset += length;
  queued_bytes_ -= length;

  if (!f.ending) {
    if (interleaving_) {
      // RFC 8260 §2.2.2: other streams' messages may be sent before this one's next
      // fragment; its stream takes a new turn.
      scheduler_.push(StreamId(static_cast<uint16_t>(stream)), m.stamp,
                      std::min(length, size - m.offset));  // ~ the next fragment
    } else {
      in_progress_ = stream;
    }
    return f;
  }
  in_progress_ = kNoStream;
  pop_head(stream);
  if (q.head != kNil)
    scheduler_.push(StreamId(static_cast<uint16_t>(stream)), slots_[q.head].stamp,
                    static_cast<uint32_t>(slots_[q.head].payload.size()));
  return f;
}

void SendQueue::take_sequence_number(StreamQueue& q, Message& m) {
  if (interleaving_) {
    // RFC 8260 §2.1: one MID per message, ordered and unordered ones counted apart, each
    // wrapping 2^32 - 1 -> 0; the SSN is not used.
    Mid& next = m.unordered ? q.next_unordered_mid : q.next_mid;
    m.mid = next;
    next = next.next();
    return;
  }
  // RFC 9260 §6.5: ordered messages of a stream take consecutive SSNs (mod 2^16).
  // RFC 9260 §6.9: "The transmitter assigns the same SSN to each of the DATA chunks".
  if (!m.unordered) {
    m.ssn = q.next_ssn;
    q.next_ssn = q.next_ssn.next();
  }
}

Fragment SendQueue::make_fragment(uint32_t stream, const Message& m, uint32_t length) {
  Fragment f;
  f.stream = StreamId(static_cast<uint16_t>(stream));
  f.ssn = m.ssn;
  f.ppid = m.ppid;
  f.unordered = m.unordered;
  f.payload = m.payload;
  f.offset = 0;
  f.length = length;
  f.context = m.context;
  f.expires = m.expires;
  f.max_retransmits = m.max_retransmits;
  f.mid = m.mid;
  return f;
}

bool SendQueue::discard_rest_of(const Fragment& sent) {
  const uint32_t stream = sent.stream.value();
  // Only a partially cut message has a rest: the head of its stream, offset > 0.
  if (stream >= streams_.size() || streams_[stream].head == kNil) return false;
  const Message& m = slots_[streams_[stream].head];
  if (m.offset == 0 || m.payload.bytes().data() != sent.payload.bytes().data()) return false;
  // RFC 3758 §3.5: the fragments not yet sent are abandoned with the ones in flight.
  pop_head(stream);
  if (interleaving_) return true;  // the stream keeps its turn; produce() skips it if empty
  in_progress_ = kNoStream;
  const StreamQueue& q = streams_[stream];
  if (q.head != kNil) {
    scheduler_.push(sent.stream, slots_[q.head].stamp,
                    static_cast<uint32_t>(slots_[q.head].payload.size()));
  }
  return true;
}

void SendQueue::pop_head(uint32_t stream) {
  StreamQueue& q = streams_[stream];
  const uint32_t i = q.head;
  Message& m = slots_[i];
  q.head = m.next;
  if (q.head == kNil) q.tail = kNil;
  --q.count;
  --queued_messages_;
  queued_bytes_ -= m.payload.size() - m.offset;  // whatever was never cut
  m.payload.reset();
  m.next = free_;
  free_ = i;
}

uint32_t SendQueue::alloc_slot() {
  if (free_ != kNil) {
    const uint32_t i = free_;
    free_ = slots_[i].next;
    return i;
  }
  slots_.emplace_back();  // grows only up to the high-water mark of queued messages
  return static_cast<uint32_t>(slots_.size() - 1);
}

size_t SendQueue::queued_messages(StreamId stream) const {
  return stream.value() < streams_.size() ? streams_[stream.value()].count : 0;
}

void SendQueue::clear() {
  for (uint32_t s = 0; s < streams_.size(); ++s) {
    while (streams_[s].head != kNil) pop_head(s);
  }
  scheduler_.clear();
  in_progress_ = kNoStream;
}

void SendQueue::reset_ssn(StreamId s) {
  if (s.value() >= streams_.size()) return;  // invalid, or nothing sent yet: SSN is 0
  assert(in_progress_ != s.value());
  // RFC 6525 §5.1.2: once an Outgoing SSN Reset Request is performed, the stream's
  // sequence numbers start again at 0.
  streams_[s.value()].next_ssn = Ssn(0);
  // RFC 8260 §2.3.2: with I-DATA both MID counters of the stream restart at 0 as well.
  streams_[s.value()].next_mid = Mid(0);
  streams_[s.value()].next_unordered_mid = Mid(0);
}

void SendQueue::add_streams(uint16_t n) {
  // RFC 6525 §5.1.5: new streams are appended; the total stays within 16 bits.
  const size_t total = std::min<size_t>(kMaxStreams, size_t{outbound_streams_} + n);
  outbound_streams_ = static_cast<uint16_t>(total);
  // Before the first add() the table does not exist yet; the scheduler makes room when
  // the new streams become ready.
  if (!streams_.empty()) streams_.resize(total);
}

}  // namespace dpsctp::core
