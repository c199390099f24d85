// ReassemblyQueue (RFC 9260 §6.5, §6.6, §6.9; RFC 3758 §3.6); see reassembly_queue.h.
#include "core/rx/reassembly_queue.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace dpsctp::core {

namespace {
constexpr uint32_t kPoolFreePerClass = 256;
}  // namespace

ReassemblyQueue::ReassemblyQueue(uint16_t inbound_streams, uint32_t max_buffered_bytes)
    : streams_(inbound_streams),
      max_buffered_(max_buffered_bytes) {
}

size_t ReassemblyQueue::lower_bound(Tsn tsn) const {
  auto it = std::lower_bound(chunks_.begin(), chunks_.end(), tsn,
                             [](const Chunk& c, Tsn t) { return c.tsn < t; });
  return static_cast<size_t>(it - chunks_.begin());
}

ReassemblyQueue::AddResult ReassemblyQueue::enqueue(Tsn tsn, StreamId stream, Ssn ssn, Ppid ppid,
                                                    uint8_t flags, wire::ByteSpan payload,
                                                    bool in_sequence) {
  cursor_ = Cursor::kNone;
  fwd_streams_ = {};
  StreamState& st = streams_[stream.value()];
  const bool ordered = (flags & kFlagU) == 0;
  // An ordered message behind the next expected SSN was delivered (or skipped) already:
  // a duplicate the tracker did not filter. Ignored, but acknowledged.
  if (ordered && ssn < st.next_ssn) return AddResult::kQueued;
  const size_t pos = lower_bound(tsn);
  if (pos < chunks_.size() && chunks_[pos].tsn == tsn) return AddResult::kQueued;  // duplicate
  if (!pool_) pool_ = std::make_unique<PayloadPool>(kPoolFreePerClass);  // first chunk
  PayloadRef ref = pool_->copy_in(payload);
  if (!ref) return AddResult::kNoSpace;
  uint32_t slot = 0;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot] = std::move(ref);
  } else {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.push_back(std::move(ref));
  }
  chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(pos),
                 Chunk{tsn, stream, ssn, ppid, flags, slot, static_cast<uint32_t>(payload.size())});
  buffered_ += static_cast<uint32_t>(payload.size());
  static_assert(std::is_trivially_copyable_v<Chunk>);
  if (ordered) ++st.queued_ordered;
  cursor_ = Cursor::kAt;
  cursor_index_ = pos;
  if (buffered_ > max_buffered_) {
    // RFC 9260 §6.2: out of buffer space the receiver drops new DATA. Exceptions: a chunk
    // that completes a deliverable message leaves the buffer at once (and with it the
    // message's other fragments), so accepting it cannot deadlock the association; and
    // the next TSN in sequence, up to twice the limit: refusing it would stall the
    // association for good (the peer resends exactly that TSN), e.g. on a message larger
    // than the window. Past twice the limit the caller gives up (ABORT, no stall).
    size_t first = 0;
    size_t last = 0;
    const bool progress = in_sequence && buffered_ <= 2 * uint64_t{max_buffered_};
    if (!progress && (!complete_run(pos, first, last) || !deliverable(chunks_[first]))) {
      erase_chunks(pos, pos + 1);
      cursor_ = Cursor::kNone;
      return AddResult::kNoSpace;
    }
  }
  return AddResult::kQueued;
}

bool ReassemblyQueue::complete_run(size_t i, size_t& first, size_t& last) const {
  // RFC 9260 §6.9: the fragments of a message carry consecutive TSNs, the first with B,
  // the last with E, all with the same stream (and SSN when ordered) and U flag.
  auto continues = [this](size_t a) {  // does chunk a + 1 continue chunk a's message?
    const Chunk& x = chunks_[a];
    const Chunk& y = chunks_[a + 1];
    return y.tsn == x.tsn.next() && y.stream == x.stream && ((x.flags ^ y.flags) & kFlagU) == 0 &&
           ((x.flags & kFlagU) != 0 || x.ssn == y.ssn) && (x.flags & kFlagE) == 0 &&
           (y.flags & kFlagB) == 0;
  };
  size_t f = i;
  while ((chunks_[f].flags & kFlagB) == 0) {
    if (f == 0 || !continues(f - 1)) return false;
    --f;
  }
  size_t l = i;
  while ((chunks_[l].flags & kFlagE) == 0) {
    if (l + 1 == chunks_.size() || !continues(l)) return false;
    ++l;
  }
  first = f;
  last = l;
  return true;
}

bool ReassemblyQueue::deliverable(const Chunk& head) const {
  // RFC 9260 §6.6 unordered: at once; §6.5 ordered: only with the next expected SSN.
  return (head.flags & kFlagU) != 0 || head.ssn == streams_[head.stream.value()].next_ssn;
}

bool ReassemblyQueue::find_stream_head(uint16_t s, size_t hint, size_t& out) const {
  const StreamState& st = streams_[s];
  if (st.queued_ordered == 0) return false;
  hint = std::min(hint, chunks_.size());
  uint32_t seen = 0;
  auto scan = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      const Chunk& c = chunks_[i];
      if (c.stream.value() != s || (c.flags & kFlagU) != 0) continue;
      ++seen;
      if (c.ssn == st.next_ssn && (c.flags & kFlagB) != 0) {
        out = i;
        return true;
      }
    }
    return false;
  };
  if (scan(hint, chunks_.size())) return true;
  // The next SSN normally has a higher TSN than the message just delivered; look before
  // the hint only if some of this stream's chunks are there.
  return seen < st.queued_ordered && scan(0, hint);
}

bool ReassemblyQueue::next_ready(DeliveredMessage& out) {
  for (;;) {
    size_t first = 0;
    size_t last = 0;
    bool found = false;
    if (cursor_ == Cursor::kAt) {
      found = complete_run(cursor_index_, first, last) && deliverable(chunks_[first]);
    } else if (cursor_ == Cursor::kStream) {
      found = find_stream_head(cursor_stream_, cursor_index_, first) &&
              complete_run(first, first, last);
    } else if (fwd_pos_ < fwd_streams_.size()) {
      const StreamId s = fwd_streams_[fwd_pos_++].first;
      if (s.value() < streams_.size()) {
        cursor_ = Cursor::kStream;
        cursor_index_ = 0;
        cursor_stream_ = s.value();
      }
      continue;
    } else {
      fwd_streams_ = {};
      return false;
    }
    if (!found) {
      cursor_ = Cursor::kNone;
      continue;
    }
    make_message(first, last, out);
    return true;
  }
}

void ReassemblyQueue::make_message(size_t first, size_t last, DeliveredMessage& out) {
  current_first_ = first;
  current_last_ = last;
  const Chunk& head = chunks_[first];
  out.stream = head.stream;
  out.ssn = head.ssn;
  out.ppid = head.ppid;
  out.tsn = chunks_[last].tsn;
  out.unordered = (head.flags & kFlagU) != 0;
  if (first == last) {
    out.data = bytes(head);  // single fragment: straight from its pooled buffer
    return;
  }
  size_t total = 0;
  for (size_t i = first; i <= last; ++i) total += chunks_[i].size;
  assembly_.resize(total);  // grows only past the largest message so far
  size_t at = 0;
  for (size_t i = first; i <= last; ++i) {
    const wire::ByteSpan b = bytes(chunks_[i]);
    if (!b.empty()) std::memcpy(assembly_.data() + at, b.data(), b.size());
    at += b.size();
  }
  out.data = wire::ByteSpan(assembly_.data(), total);
}

void ReassemblyQueue::finish_delivery() {
  const Chunk& head = chunks_[current_first_];
  const bool ordered = (head.flags & kFlagU) == 0;
  const uint16_t s = head.stream.value();
  if (ordered) streams_[s].next_ssn = head.ssn.next();  // §6.5: SSN wraps 65535 -> 0
  erase_chunks(current_first_, current_last_ + 1);
  if (ordered) {
    cursor_ = Cursor::kStream;  // the next SSN may be queued already
    cursor_index_ = current_first_;
    cursor_stream_ = s;
  } else {
    cursor_ = Cursor::kNone;
  }
}

void ReassemblyQueue::release(const Chunk& c) {
  buffered_ -= c.size;
  if ((c.flags & kFlagU) == 0) --streams_[c.stream.value()].queued_ordered;
  slots_[c.slot].reset();         // the buffer goes back to the pool
  free_slots_.push_back(c.slot);  // within the capacity reached at the peak
}

void ReassemblyQueue::erase_chunks(size_t first, size_t end) {
  for (size_t i = first; i < end; ++i) release(chunks_[i]);
  chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(first),
                chunks_.begin() + static_cast<std::ptrdiff_t>(end));
}

void ReassemblyQueue::forward_tsn_core(Tsn new_cum,
                                       std::span<const std::pair<StreamId, Ssn>> skipped) {
  auto skipped_covers = [skipped](const Chunk& c) {
    for (const auto& [stream, ssn] : skipped) {
      if (stream == c.stream && c.ssn <= ssn) return true;
    }
    return false;
  };
  for (size_t i = 0; i < chunks_.size(); ++i) {
    Chunk& c = chunks_[i];
    const bool ordered = (c.flags & kFlagU) == 0;
    size_t first = 0;
    size_t last = 0;
    // RFC 3758 §3.6: fragments at or below the new cumulative TSN will never be completed
    // (their missing TSNs were abandoned); complete ordered messages there stay for
    // delivery in SSN order. Ordered messages up to a skipped SSN are abandoned.
    bool drop = c.tsn <= new_cum && (!ordered || !complete_run(i, first, last));
    drop = drop || (ordered && skipped_covers(c));
    if (drop) c.flags |= kFlagDrop;
  }
  size_t out = 0;
  for (size_t i = 0; i < chunks_.size(); ++i) {
    const Chunk& c = chunks_[i];
    if ((c.flags & kFlagDrop) != 0) {
      release(c);
      continue;
    }
    if (out != i) chunks_[out] = c;
    ++out;
  }
  chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(out), chunks_.end());
  // RFC 3758 §3.6: the stream's next expected SSN moves past the skipped one.
  for (const auto& [stream, ssn] : skipped) {
    if (stream.value() >= streams_.size()) continue;
    StreamState& st = streams_[stream.value()];
    if (!(ssn < st.next_ssn)) st.next_ssn = ssn.next();
  }
  cursor_ = Cursor::kNone;
  fwd_streams_ = skipped;
  fwd_pos_ = 0;
}

}  // namespace dpsctp::core
