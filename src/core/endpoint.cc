// Endpoint: packet demultiplexing by verification tag (RFC 9260 §8.5, §8.5.1),
// out-of-the-blue packets (§8.4), user calls and timers. The handshake's stateless half
// is in endpoint_handshake.cc.
#include "core/endpoint.h"

#include <algorithm>

#include "wire/cause/cause_code.h"
#include "wire/crc32c.h"

namespace dpsctp::core {
namespace {

constexpr uint8_t kTBit = 0x01;  // §3.3.7 / §3.3.13: "T" bit, the tag is reflected

bool contains(const wire::PacketView& p, wire::ChunkType t) {
  for (const wire::ChunkView& c : p.chunks()) {
    if (c.is(t)) return true;
  }
  return false;
}

}  // namespace

Endpoint::Endpoint(EndpointConfig config, PacketSink& sink, Listener& listener, Instant now)
    : config_(std::move(config)),
      rng_(config_.seed),
      cookies_(std::span<const std::byte, 32>(config_.cookie_secret)),
      ctx_{config_.options, sink, listener, counters_, pool_, rng_, config_.port,
           config_.local_addresses},
      wheel_(now, config_.max_associations + 1) {
  slots_.reserve(std::min<uint32_t>(config_.max_associations, 1024));
}

Endpoint::~Endpoint() = default;

// --- Demultiplexing ----------------------------------------------------------------------

void Endpoint::handle_packet(wire::ByteSpan packet, const PacketInfo& info, Instant now) {
  ++counters_.SctpInSCTPPacks;
  // §6.8: a packet with an invalid checksum is silently discarded.
  if (config_.verify_checksum && !wire::verify_sctp_checksum(packet)) {
    ++counters_.SctpChecksumErrors;
    return;
  }
  wire::Result<wire::PacketView> p = wire::PacketView::parse(packet);
  if (!p) {
    ++counters_.DpsctpMalformedPackets;
    return;
  }
  ++depth_;
  const wire::CommonHeader& h = p->header();
  const wire::ChunkView& first = p->first_chunk();
  if (h.dst_port != config_.port) {
    handle_ootb(*p, info);
  } else if (first.is(wire::ChunkType::kInit)) {
    handle_init(*p, info, now);
  } else if (first.is(wire::ChunkType::kCookieEcho)) {
    handle_cookie_echo(*p, info, now);
  } else if (Association* a = find_by_tag(h.vtag, info, h.src_port)) {
    // §8.5.1 B, C: a T bit with our own tag is not valid for ABORT / SHUTDOWN COMPLETE.
    const bool reflected = (first.is(wire::ChunkType::kAbort) ||
                            first.is(wire::ChunkType::kShutdownComplete)) &&
                           (first.flags & kTBit) != 0;
    if (reflected) {
      ++counters_.DpsctpBadVtag;
    } else {
      a->handle_chunks(*p, 0, info.src, now);
      touched(*a);
    }
  } else if (Association* b = find_by_peer(info.src, h.src_port)) {
    // §8.5.1 B, C: ABORT / SHUTDOWN COMPLETE with the T bit carry the peer's own tag.
    const bool reflected = (first.is(wire::ChunkType::kAbort) ||
                            first.is(wire::ChunkType::kShutdownComplete)) &&
                           (first.flags & kTBit) != 0 && h.vtag == b->peer_tag();
    if (reflected) {
      b->handle_chunks(*p, 0, info.src, now);
      touched(*b);
    } else {
      ++counters_.DpsctpBadVtag;  // §8.5: tag mismatch: silently discard
    }
  } else {
    handle_ootb(*p, info);
  }
  --depth_;
  finish_call(now);
}

Association* Endpoint::find_by_tag(VerificationTag tag, const PacketInfo& info,
                                   uint16_t src_port) {
  auto it = by_tag_.find(tag.value());
  if (it == by_tag_.end()) return nullptr;
  Association* a = slots_[it->second].get();
  // The tag names the association; the peer's port must match too (§8.5).
  if (a->peer_port() != src_port) return nullptr;
  (void)info;
  return a;
}

Association* Endpoint::find_by_peer(const IpAddress& ip, uint16_t port) {
  auto it = by_peer_.find({ip, port});
  return it == by_peer_.end() ? nullptr : slots_[it->second].get();
}

Association* Endpoint::find(AssocId a) {
  auto it = by_id_.find(a.value());
  return it == by_id_.end() ? nullptr : slots_[it->second].get();
}

const Association* Endpoint::association(AssocId a) const {
  auto it = by_id_.find(a.value());
  return it == by_id_.end() ? nullptr : slots_[it->second].get();
}

void Endpoint::handle_ootb(const wire::PacketView& p, const PacketInfo& info) {
  // §8.4: handling of out-of-the-blue packets.
  ++counters_.SctpOutOfBlues;
  if (contains(p, wire::ChunkType::kAbort)) return;  // rule 2: silently discard
  const wire::ChunkView& first = p.first_chunk();
  if (first.is(wire::ChunkType::kShutdownAck)) {
    // rule 5: SHUTDOWN COMPLETE with the T bit and the packet's verification tag.
    send_reply(info, p.header(), static_cast<uint8_t>(wire::ChunkType::kShutdownComplete), kTBit,
               0, {});
    return;
  }
  if (first.is(wire::ChunkType::kShutdownComplete)) return;  // rule 6
  if (first.is(wire::ChunkType::kCookieAck)) return;         // rule 7
  if (first.is(wire::ChunkType::kError)) return;             // rule 7 (Stale Cookie and others)
  // rule 8: ABORT with the T bit and the packet's tag (after §8.4's rule 1 for non-unicast,
  // which the runtime enforces: it only hands us unicast packets).
  send_reply(info, p.header(), static_cast<uint8_t>(wire::ChunkType::kAbort), kTBit, 0, {});
}

void Endpoint::send_reply(const PacketInfo& info, const wire::CommonHeader& to,
                          uint8_t chunk_type, uint8_t flags, uint16_t cause,
                          wire::ByteSpan cause_body) {
  wire::MutableByteSpan buf = ctx_.sink.next_buffer();
  // Ports swapped; with the T bit the tag is the received one (§8.4 rules 5 and 8),
  // otherwise the caller passes the tag to use in `to.vtag`.
  wire::PacketBuilder b(buf, {.src_port = to.dst_port, .dst_port = to.src_port, .vtag = to.vtag});
  wire::BufferWriter& w = b.writer();
  const auto m = w.begin_chunk(chunk_type, flags);
  if (cause != 0) {
    const auto c = w.begin_tlv(cause);
    w.put_bytes(cause_body);
    w.end_tlv(c);
  }
  w.end_tlv(m);
  (void)send_packet(ctx_, b, info.dst, info.src, 1);
}

// --- Associations ------------------------------------------------------------------------

VerificationTag Endpoint::new_local_tag() {
  // §5.1.3: tags are random and never 0; ours also encode the owning shard (design §3).
  for (;;) {
    uint32_t t = rng_.next32();
    // The last, partial block of 2^32 would wrap when shards is not a power of two.
    if (t > UINT32_MAX - config_.shards) continue;
    t -= t % config_.shards;
    t += config_.shard;
    if (t != 0 && !by_tag_.contains(t)) return VerificationTag(t);
  }
}

Association& Endpoint::insert(std::unique_ptr<Association> a, std::span<const IpAddress> peers,
                              uint16_t peer_port) {
  uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot] = std::move(a);
  } else {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.push_back(std::move(a));
  }
  Association& ref = *slots_[slot];
  by_tag_[ref.local_tag().value()] = slot;
  by_id_[ref.id().value()] = slot;
  for (const IpAddress& ip : peers) by_peer_[{ip, peer_port}] = slot;
  touched(ref);
  return ref;
}

void Endpoint::touched(Association& a) {
  const uint32_t slot = by_id_.at(a.id().value());
  if (std::find(touched_.begin(), touched_.end(), slot) == touched_.end()) {
    touched_.push_back(slot);
  }
}

void Endpoint::index_peers(uint32_t slot) {
  // Every peer address finds the association (INIT, T-bit ABORT, COOKIE ECHO lookups).
  const Association& a = *slots_[slot];
  for (const Path& p : a.paths()) by_peer_.try_emplace({p.peer, a.peer_port()}, slot);
}

void Endpoint::remove(uint32_t slot) {
  Association& a = *slots_[slot];
  // The tag map may already point at a newer association after a restart; only erase ours.
  auto t = by_tag_.find(a.local_tag().value());
  if (t != by_tag_.end() && t->second == slot) by_tag_.erase(t);
  by_id_.erase(a.id().value());
  for (const Path& p : a.paths()) {
    auto it = by_peer_.find({p.peer, a.peer_port()});
    if (it != by_peer_.end() && it->second == slot) by_peer_.erase(it);
  }
  wheel_.cancel(slot);
  slots_[slot].reset();
  free_slots_.push_back(slot);
}

void Endpoint::finish_call(Instant now) {
  if (depth_ > 0) return;  // a listener callback re-entered: the outer call finishes
  // Flushing may call the listener (which may send more): loop until nothing is touched.
  while (!touched_.empty()) {
    std::vector<uint32_t>& batch = batch_;
    batch.clear();
    batch.swap(touched_);  // touched_ takes batch_'s old (cleared) storage: no allocation
    ++depth_;
    for (uint32_t slot : batch) {
      if (slots_[slot] && !slots_[slot]->closed()) slots_[slot]->flush(now);
    }
    --depth_;
    for (uint32_t slot : batch) {
      if (!slots_[slot]) continue;
      if (slots_[slot]->closed()) {
        remove(slot);
        continue;
      }
      if (slots_[slot]->take_paths_changed()) index_peers(slot);
      const Instant d = slots_[slot]->next_deadline();
      if (d == kNever) {
        wheel_.cancel(slot);
      } else {
        wheel_.arm(slot, d);
      }
    }
  }
}

// --- Timers ------------------------------------------------------------------------------

void Endpoint::handle_timeout(Instant now) {
  ++depth_;
  wheel_.advance(now, [&](uint32_t slot) {
    if (slot < slots_.size() && slots_[slot]) {
      slots_[slot]->handle_timeout(now);
      touched(*slots_[slot]);
    }
  });
  --depth_;
  finish_call(now);
}

Instant Endpoint::next_timeout() const { return wheel_.next_expiry_hint(); }

// --- User calls --------------------------------------------------------------------------

std::optional<AssocId> Endpoint::connect(std::span<const IpAddress> peers, uint16_t peer_port,
                                         Instant now) {
  if (peers.empty() || config_.local_addresses.empty()) return std::nullopt;
  if (by_id_.size() >= config_.max_associations) return std::nullopt;
  const AssocId id(next_assoc_id_++);
  auto a = std::make_unique<Association>(ctx_, id, new_local_tag(), Tsn(rng_.next32()),
                                         peer_port, peers, config_.local_addresses.front());
  Association& ref = insert(std::move(a), peers, peer_port);
  ref.start_connect(now);
  finish_call(now);
  return id;
}

SendStatus Endpoint::send(AssocId id, StreamId stream, Ppid ppid, wire::ByteSpan data,
                          const SendOptions& opt, Instant now) {
  Association* a = find(id);
  if (a == nullptr) return SendStatus::kInvalidState;
  const SendStatus s = a->send(stream, ppid, data, opt, now);
  touched(*a);
  if (config_.flush_on_user_call) finish_call(now);
  return s;
}

void Endpoint::shutdown(AssocId id, Instant now) {
  if (Association* a = find(id)) {
    a->shutdown(now);
    touched(*a);
    finish_call(now);
  }
}

bool Endpoint::handle_packet_too_big(const IpAddress& peer, uint16_t peer_port,
                                     VerificationTag quoted_vtag, uint32_t ip_mtu) {
  Association* a = find_by_peer(peer, peer_port);
  // Appendix C ICMP6: the quoted packet is one we sent, so it carries the peer's tag.
  if (a == nullptr || quoted_vtag != a->peer_tag()) {
    ++counters_.DpsctpBadVtag;
    return false;
  }
  return a->lower_path_mtu(peer, ip_mtu);
}

bool Endpoint::set_primary(AssocId id, const IpAddress& peer) {
  Association* a = find(id);
  return a != nullptr && a->set_primary(peer);
}

bool Endpoint::set_stream_scheduler(AssocId id, SchedulerKind k) {
  Association* a = find(id);
  if (a == nullptr) return false;
  a->set_stream_scheduler(k);
  return true;
}

bool Endpoint::set_stream_scheduler_value(AssocId id, StreamId s, uint16_t value) {
  Association* a = find(id);
  return a != nullptr && a->set_stream_scheduler_value(s, value);
}

void Endpoint::set_receive_held(AssocId id, uint32_t bytes, Instant now) {
  Association* a = find(id);
  if (a == nullptr || !a->set_receive_held(bytes)) return;
  touched(*a);
  finish_call(now);
}

ReconfigStatus Endpoint::reset_streams(AssocId id, std::span<const StreamId> streams,
                                       bool outgoing, bool incoming, Instant now) {
  Association* a = find(id);
  if (a == nullptr) return ReconfigStatus::kInvalidState;
  const ReconfigStatus s = a->reset_streams(streams, outgoing, incoming, now);
  touched(*a);
  finish_call(now);
  return s;
}

ReconfigStatus Endpoint::reset_association(AssocId id, Instant now) {
  Association* a = find(id);
  if (a == nullptr) return ReconfigStatus::kInvalidState;
  const ReconfigStatus s = a->reset_association(now);
  touched(*a);
  finish_call(now);
  return s;
}

ReconfigStatus Endpoint::add_streams(AssocId id, uint16_t outbound, uint16_t inbound,
                                     Instant now) {
  Association* a = find(id);
  if (a == nullptr) return ReconfigStatus::kInvalidState;
  const ReconfigStatus s = a->add_streams(outbound, inbound, now);
  touched(*a);
  finish_call(now);
  return s;
}

void Endpoint::abort(AssocId id, wire::ByteSpan reason, Instant now) {
  if (Association* a = find(id)) {
    a->abort(reason, now);
    touched(*a);
    finish_call(now);
  }
}

}  // namespace dpsctp::core
