// InterleavedReassemblyQueue (RFC 8260 §2.1, §2.2.3, §2.3.1); see the header.
#include "core/rx/interleaved_reassembly_queue.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace dpsctp::core {

namespace {
constexpr uint32_t kPoolFreePerClass = 256;
}  // namespace

InterleavedReassemblyQueue::InterleavedReassemblyQueue(uint16_t inbound_streams,
                                                       uint32_t max_buffered_bytes)
    : streams_(inbound_streams), max_buffered_(max_buffered_bytes) {}

bool InterleavedReassemblyQueue::before(const Chunk& c, uint16_t stream, uint8_t u, Mid mid,
                                        Fsn fsn) {
  if (c.stream.value() != stream) return c.stream.value() < stream;
  const uint8_t cu = c.flags & kFlagU;
  if (cu != u) return cu < u;
  if (c.mid != mid) return c.mid < mid;  // serial order (RFC 1982)
  return c.fsn.value() < fsn.value();    // FSNs of one message start at 0, never wrap
}

size_t InterleavedReassemblyQueue::lower_bound(uint16_t stream, uint8_t u, Mid mid,
                                               Fsn fsn) const {
  auto it = std::partition_point(chunks_.begin(), chunks_.end(), [&](const Chunk& c) {
    return before(c, stream, u, mid, fsn);
  });
  return static_cast<size_t>(it - chunks_.begin());
}

InterleavedReassemblyQueue::AddResult InterleavedReassemblyQueue::enqueue(
    Tsn tsn, StreamId stream, Mid mid, Fsn fsn, Ppid ppid, uint8_t flags, wire::ByteSpan payload,
    bool in_sequence) {
  const uint16_t s = stream.value();
  StreamState& st = streams_[s];
  const uint8_t u = flags & kFlagU;
  // An ordered message before the next expected MID was delivered or skipped already: a
  // duplicate the tracker did not filter. Ignored, but acknowledged.
  if (u == 0 && mid < st.next_mid) return AddResult::kQueued;
  const size_t pos = lower_bound(s, u, mid, fsn);
  if (pos < chunks_.size()) {
    const Chunk& c = chunks_[pos];
    // The same fragment again (RFC 8260 §2.1: (stream, U, MID, FSN) names it): ignored.
    if (c.stream == stream && (c.flags & kFlagU) == u && c.mid == mid && c.fsn == fsn) {
      return AddResult::kQueued;
    }
  }
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
  static_assert(std::is_trivially_copyable_v<Chunk>);
  chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(pos),
                 Chunk{tsn, mid, fsn, ppid, stream, flags, slot,
                       static_cast<uint32_t>(payload.size())});
  buffered_ += static_cast<uint32_t>(payload.size());
  if (u == 0) ++st.queued_ordered;
  if (buffered_ > max_buffered_) {
    // RFC 9260 §6.2, as in ReassemblyQueue::enqueue: over the limit only a chunk that
    // completes a deliverable message, or the next TSN in sequence up to twice the limit
    // (refusing it would stall the association for good), is kept.
    size_t first = 0;
    size_t end = 0;
    const bool progress = in_sequence && buffered_ <= 2 * uint64_t{max_buffered_};
    const bool deliverable = (u != 0 || mid == st.next_mid) && complete(s, u, mid, first, end);
    if (!progress && !deliverable) {
      erase_chunks(pos, pos + 1);
      return AddResult::kNoSpace;
    }
  }
  return AddResult::kQueued;
}

bool InterleavedReassemblyQueue::complete(uint16_t stream, uint8_t u, Mid mid, size_t& first,
                                          size_t& end) const {
  // RFC 8260 §2.1: the first fragment has B and FSN 0, each next one FSN + 1, the last E.
  const size_t f = lower_bound(stream, u, mid, Fsn(0));
  uint32_t expect = 0;
  for (size_t i = f; i < chunks_.size(); ++i) {
    const Chunk& c = chunks_[i];
    if (c.stream.value() != stream || (c.flags & kFlagU) != u || c.mid != mid) return false;
    if (c.fsn.value() != expect) return false;  // a gap: a fragment is missing
    if (expect == 0 && (c.flags & kFlagB) == 0) return false;
    if (expect != 0 && (c.flags & kFlagB) != 0) return false;  // malformed: a second B
    if ((c.flags & kFlagE) != 0) {
      first = f;
      end = i + 1;
      return true;
    }
    ++expect;
  }
  return false;
}

void InterleavedReassemblyQueue::make_message(size_t first, size_t end, DeliveredMessage& out) {
  const Chunk& head = chunks_[first];
  out.stream = head.stream;
  out.ssn = ssn_of(head.mid);
  out.ppid = head.ppid;  // RFC 8260 §2.1: only the first fragment carries the PPID
  out.tsn = chunks_[end - 1].tsn;
  out.unordered = (head.flags & kFlagU) != 0;
  if (end - first == 1) {
    out.data = slots_[head.slot].bytes();
    return;
  }
  size_t total = 0;
  for (size_t i = first; i < end; ++i) total += chunks_[i].size;
  assembly_.resize(total);  // grows only past the largest message so far
  size_t at = 0;
  for (size_t i = first; i < end; ++i) {
    const wire::ByteSpan b = slots_[chunks_[i].slot].bytes();
    if (!b.empty()) std::memcpy(assembly_.data() + at, b.data(), b.size());
    at += b.size();
  }
  out.data = wire::ByteSpan(assembly_.data(), total);
}

void InterleavedReassemblyQueue::release(const Chunk& c) {
  buffered_ -= c.size;
  if ((c.flags & kFlagU) == 0) --streams_[c.stream.value()].queued_ordered;
  slots_[c.slot].reset();
  free_slots_.push_back(c.slot);  // within the capacity reached at the peak
}

void InterleavedReassemblyQueue::erase_chunks(size_t first, size_t end) {
  for (size_t i = first; i < end; ++i) release(chunks_[i]);
  chunks_.erase(chunks_.begin() + static_cast<std::ptrdiff_t>(first),
                chunks_.begin() + static_cast<std::ptrdiff_t>(end));
}

void InterleavedReassemblyQueue::skip_unordered(uint16_t stream, Mid last) {
  // RFC 8260 §2.3.1: the entry names the largest unordered MID abandoned on the stream;
  // everything of (stream, U) sorted before MID + 1 has a MID up to it.
  const size_t end = lower_bound(stream, kFlagU, last.next(), Fsn(0));
  size_t begin = end;
  while (begin > 0 && chunks_[begin - 1].stream.value() == stream &&
         (chunks_[begin - 1].flags & kFlagU) != 0) {
    --begin;
  }
  erase_chunks(begin, end);
}

void InterleavedReassemblyQueue::drop_message(uint16_t stream, uint8_t u, Mid mid) {
  const size_t begin = lower_bound(stream, u, mid, Fsn(0));
  const size_t end = lower_bound(stream, u, mid.next(), Fsn(0));
  erase_chunks(begin, end);
}

}  // namespace dpsctp::core
