// The responding side of the handshake, kept stateless until a valid COOKIE ECHO
// (RFC 9260 §5.1.3): INIT -> INIT ACK with a MACed State Cookie; COOKIE ECHO -> a new
// association (§5.1.5); unexpected INIT (§5.2.1, §5.2.2) and COOKIE ECHO (§5.2.4) for
// existing associations: collisions, peer restarts, late cookies.
#include <algorithm>

#include "core/endpoint.h"
#include "core/handshake/supported_extensions.h"
#include "wire/bounded_reader.h"
#include "wire/cause/cause_code.h"
#include "wire/chunk/cookie_echo_chunk.h"
#include "wire/chunk/init_ack_chunk.h"
#include "wire/chunk/init_chunk.h"
#include "wire/param/parameter_type.h"

namespace dpsctp::core {
namespace {

bool is_address_param(uint16_t t) {
  return t == wire::param_type::kIpv4Address || t == wire::param_type::kIpv6Address;
}

bool peer_supports(const wire::InitChunk& init, const IpAddress& ip) {
  for (const wire::TlvView& t : init.parameters()) {
    if (t.type != wire::param_type::kSupportedAddressTypes) continue;
    const uint16_t want = ip.is_v4() ? wire::param_type::kIpv4Address
                                     : wire::param_type::kIpv6Address;
    for (size_t i = 0; i + 1 < t.value().size(); i += 2) {
      if (wire::load_u16(t.value().data() + i) == want) return true;
    }
    return false;
  }
  return true;  // no list: every family is supported (§3.3.2.1)
}

TcbParams params_from(const CookieContents& c) {
  TcbParams p;
  p.local_tag = c.local_tag;
  p.peer_tag = c.peer_tag;
  p.local_initial_tsn = c.local_initial_tsn;
  p.peer_initial_tsn = c.peer_initial_tsn;
  p.peer_a_rwnd = c.peer_a_rwnd;
  p.outbound_streams = c.outbound_streams;
  p.inbound_streams = c.inbound_streams;
  p.peer_port = c.peer_port;
  p.peer_forward_tsn = (c.peer_features & kFeatureForwardTsn) != 0;
  p.peer_addresses = c.peer_addresses;
  p.interleaving = (c.peer_features & kFeatureIData) != 0;
  p.peer_reconfig = (c.peer_features & kFeatureReconfig) != 0;
  return p;
}

}  // namespace

wire::ByteSpan Endpoint::unrecognized_parameters(wire::TlvRange params) {
  // §3.2.1: the upper two bits of an unrecognised parameter's type: 00 stop, 01 stop and
  // report, 10 skip, 11 skip and report. Reported ones are copied (padded) for the reply.
  size_t n = 0;
  for (const wire::TlvView& t : params) {
    if (wire::param_type::name(t.type) != "Unknown") continue;
    const wire::UnrecognizedAction a = wire::unrecognized_param_action(t.type);
    const size_t len = wire::pad4(t.length);
    if (wire::action_reports(a) && n + len <= unrecognized_.size() && len <= t.bytes.size() + 3) {
      std::copy(t.bytes.begin(), t.bytes.end(), unrecognized_.begin() + static_cast<long>(n));
      std::fill(unrecognized_.begin() + static_cast<long>(n + t.bytes.size()),
                unrecognized_.begin() + static_cast<long>(n + len), std::byte{0});
      n += len;
    }
    if (!wire::action_continues(a)) break;
  }
  return wire::ByteSpan(unrecognized_.data(), n);
}

void Endpoint::handle_init(const wire::PacketView& p, const PacketInfo& info, Instant now) {
  ++counters_.SctpInCtrlChunks;
  ++counters_.DpsctpInitsReceived;
  // §8.5.1 A: a packet with an INIT carries Verification Tag 0; otherwise discard.
  if (p.header().vtag.value() != 0) {
    ++counters_.DpsctpBadVtag;
    return;
  }
  wire::Result<wire::InitChunk> init = wire::InitChunk::parse(p.first_chunk());
  if (!init) {
    const wire::ChunkView& c = p.first_chunk();
    if (init.error() == wire::ParseError::kChunkInvalidField && c.length >= 8) {
      // §3.3.2: Initiate Tag 0: silently discard. OS or MIS 0: ABORT (Invalid Mandatory
      // Parameter), sent with the peer's Initiate Tag.
      const VerificationTag tag(wire::load_u32(c.bytes.data() + 4));
      if (tag.value() != 0) {
        wire::CommonHeader to = p.header();
        to.vtag = tag;
        send_reply(info, to, static_cast<uint8_t>(wire::ChunkType::kAbort), 0,
                   wire::cause_code::kInvalidMandatoryParameter, {});
      }
    }
    ++counters_.DpsctpMalformedPackets;
    return;
  }
  if (reject_init_parameters(p, info, *init)) return;
  Association* existing = find_by_peer(info.src, p.header().src_port);
  if (existing != nullptr && existing->state() == AssocState::kShutdownAckSent) {
    // §9.2: an INIT for an association in SHUTDOWN-ACK-SENT: resend the SHUTDOWN ACK.
    existing->resend_shutdown_ack();
    touched(*existing);
    return;
  }
  if (existing == nullptr && by_id_.size() >= config_.max_associations) {
    // §3.3.10.4: no room for another association: ABORT with "Out of Resource" (tagged
    // with the Initiate Tag, §8.5.1), instead of a cookie we would refuse anyway.
    ++counters_.DpsctpResourceRejects;
    wire::CommonHeader to = p.header();
    to.vtag = init->initiate_tag;
    send_reply(info, to, static_cast<uint8_t>(wire::ChunkType::kAbort), 0,
               wire::cause_code::kOutOfResource, {});
    return;
  }
  send_init_ack(p, info, *init, existing, now);
}

bool Endpoint::reject_init_parameters(const wire::PacketView& p, const PacketInfo& info,
                                      const wire::InitChunk& init) {
  for (const wire::TlvView& t : init.parameters()) {
    if (t.type == wire::param_type::kHostNameAddress) {
      // §3.3.2.1 / §5.1.2: Host Name Address is deprecated: ABORT, Unresolvable Address.
      wire::CommonHeader to = p.header();
      to.vtag = init.initiate_tag;
      send_reply(info, to, static_cast<uint8_t>(wire::ChunkType::kAbort), 0,
                 wire::cause_code::kUnresolvableAddress,
                 t.bytes.first(std::min<size_t>(t.bytes.size(), 256)));
      return true;
    }
  }
  return false;
}

void Endpoint::send_init_ack(const wire::PacketView& p, const PacketInfo& info,
                             const wire::InitChunk& init, Association* existing, Instant now) {
  const AssociationOptions& o = config_.options;
  CookieContents c;
  const bool handshaking = existing != nullptr && (existing->state() == AssocState::kCookieWait ||
                                                   existing->state() == AssocState::kCookieEchoed);
  if (handshaking) {
    // §5.2.1: INIT collision: answer with the parameters of our own INIT (same tag).
    c.local_tag = existing->local_tag();
    c.local_initial_tsn = existing->tcb().local_initial_tsn;
  } else {
    c.local_tag = new_local_tag();
    c.local_initial_tsn = Tsn(rng_.next32());
  }
  if (existing != nullptr) {
    // §5.2.1 / §5.2.2: Tie-Tags carry the existing association's tags.
    c.local_tie_tag = existing->local_tag();
    c.peer_tie_tag = existing->peer_tag();
  }
  c.peer_tag = init.initiate_tag;
  c.peer_initial_tsn = init.initial_tsn;
  c.peer_a_rwnd = init.a_rwnd;
  // §5.1.1: the streams in use are the minimum of what each side offers.
  c.outbound_streams = std::min(o.outbound_streams, init.inbound_streams);
  c.inbound_streams = std::min(o.max_inbound_streams, init.outbound_streams);
  c.local_port = config_.port;
  c.peer_port = p.header().src_port;
  c.shard = config_.shard;
  c.created = now;
  c.lifetime = o.valid_cookie_life;
  // RFC 8260 §2.2.1: I-DATA is used only if both ends list it (RFC 5061 §4.2.7).
  if ((offered_extensions(o) & peer_extensions(init.parameters()) & kExtIData) != 0) {
    c.peer_features |= kFeatureIData;
  }
  // RFC 6525 §4: RE-CONFIG is used only if both ends list it.
  if ((offered_extensions(o) & peer_extensions(init.parameters()) & kExtReconfig) != 0) {
    c.peer_features |= kFeatureReconfig;
  }
  size_t addr_begin = 0;
  size_t addr_end = 0;
  for (const wire::TlvView& t : init.parameters()) {
    if (t.type == wire::param_type::kForwardTsnSupported && o.prsctp_enable) {
      c.peer_features |= kFeatureForwardTsn;
    } else if (t.type == wire::param_type::kCookiePreservative && o.cookie_preserve_enable &&
               t.length == 8) {
      // §5.1.3 / §5.2.6: honour a requested life-span increment, bounded by our own life.
      const Duration inc = std::chrono::milliseconds(wire::load_u32(t.value().data()));
      c.lifetime += std::min(inc, o.valid_cookie_life);
    } else if (is_address_param(t.type)) {
      const auto off = static_cast<size_t>(t.bytes.data() - init.params.data());
      if (addr_end == 0) addr_begin = off;
      addr_end = off + wire::pad4(t.length);
    }
  }
  if (addr_end > addr_begin) {
    const size_t n = std::min(addr_end - addr_begin, init.params.size() - addr_begin);
    if (n <= CookieSigner::kMaxPeerAddressBytes) c.peer_addresses = init.params.subspan(addr_begin, n);
  }
  const size_t cookie_len = cookies_.write(c, scratch_);
  if (cookie_len == 0) return;
  const wire::ByteSpan unrecognized = unrecognized_parameters(init.parameters());

  wire::MutableByteSpan buf = ctx_.sink.next_buffer();
  // §5.1 B: the INIT ACK is sent to the INIT's source, tagged with its Initiate Tag.
  wire::PacketBuilder b(buf, {.src_port = config_.port, .dst_port = p.header().src_port,
                              .vtag = init.initiate_tag});
  wire::BufferWriter& w = b.writer();
  const auto m = wire::InitAckChunk::begin(w, c.local_tag, o.receive_window, o.outbound_streams,
                                           o.max_inbound_streams, c.local_initial_tsn);
  // §5.1.2: a multi-homed endpoint lists its addresses (of the families the peer
  // supports: Supported Address Types, if the INIT had one).
  if (config_.local_addresses.size() > 1) {
    for (const IpAddress& ip : config_.local_addresses) {
      if (peer_supports(init, ip)) write_address_param(w, ip);
    }
  }
  const auto sc = w.begin_tlv(wire::param_type::kStateCookie);
  w.put_bytes(std::span(scratch_).first(cookie_len));
  w.end_tlv(sc);
  if (o.prsctp_enable) w.end_tlv(w.begin_tlv(wire::param_type::kForwardTsnSupported));
  write_supported_extensions(w, offered_extensions(o));  // RFC 5061 §4.2.7
  if (!unrecognized.empty()) {
    // §3.2.1: report unrecognised INIT parameters (upper bits x1) in the INIT ACK.
    const auto u = w.begin_tlv(wire::param_type::kUnrecognizedParameter);
    w.put_bytes(unrecognized);
    w.end_tlv(u);
  }
  w.end_tlv(m);
  (void)send_packet(ctx_, b, info.dst, info.src, 1);
}

void Endpoint::handle_cookie_echo(const wire::PacketView& p, const PacketInfo& info,
                                  Instant now) {
  ++counters_.SctpInCtrlChunks;
  wire::Result<wire::CookieEchoChunk> echo = wire::CookieEchoChunk::parse(p.first_chunk());
  if (!echo) {
    ++counters_.DpsctpMalformedPackets;
    return;
  }
  CookieContents c;
  // §5.1.5 steps 1-2: a cookie whose MAC does not verify is silently discarded.
  if (cookies_.verify(echo->cookie, c) != CookieError::kOk) {
    ++counters_.DpsctpBadCookies;
    return;
  }
  // §5.1.5 step 3 / §8.5.1 D: the header's tag and ports must match the cookie's.
  const wire::CommonHeader& h = p.header();
  if (h.vtag != c.local_tag || h.src_port != c.peer_port || h.dst_port != c.local_port) {
    ++counters_.DpsctpBadVtag;
    return;
  }
  Association* existing = find_by_peer(info.src, h.src_port);
  // §5.2.4 rule 3: a cookie whose tags both match the existing association is valid
  // even past its lifespan (case D: a replayed or late copy, answered with COOKIE ACK).
  const bool same_tags = existing != nullptr && c.local_tag == existing->local_tag() &&
                         c.peer_tag == existing->peer_tag();
  Duration staleness{};
  if (!same_tags && CookieSigner::is_stale(c, now, &staleness)) {
    // §5.1.5 step 3, §3.3.10.3: answer with a Stale Cookie error; staleness in µs.
    ++counters_.DpsctpStaleCookies;
    std::array<std::byte, 4> measure{};
    const auto us = static_cast<uint64_t>(std::max<int64_t>(staleness.count(), 0));
    wire::store_u32(measure.data(), static_cast<uint32_t>(std::min<uint64_t>(us, UINT32_MAX)));
    wire::CommonHeader to = h;
    to.vtag = c.peer_tag;
    send_reply(info, to, static_cast<uint8_t>(wire::ChunkType::kError), 0,
               wire::cause_code::kStaleCookie, measure);
    return;
  }
  const TcbParams params = params_from(c);
  if (existing != nullptr) {
    resolve_existing(*existing, c, params, p, info, now);
    return;
  }
  if (by_id_.size() >= config_.max_associations) {
    ++counters_.DpsctpResourceRejects;
    // Out of resources: ABORT with "Out of Resource" (§3.3.10.4), no state kept.
    wire::CommonHeader to = h;
    to.vtag = c.peer_tag;
    send_reply(info, to, static_cast<uint8_t>(wire::ChunkType::kAbort), 0,
               wire::cause_code::kOutOfResource, {});
    return;
  }
  // §5.1.5 step 4: create the TCB from the cookie, ESTABLISHED, COOKIE ACK.
  const AssocId id(next_assoc_id_++);
  auto a = std::make_unique<Association>(ctx_, id, params, info.src, info.dst, now);
  const IpAddress peer[] = {info.src};
  Association& ref = insert(std::move(a), peer, h.src_port);
  ref.handle_chunks(p, 1, info.src, now);  // DATA bundled after the COOKIE ECHO
}

void Endpoint::resolve_existing(Association& a, const CookieContents& c, const TcbParams& params,
                                const wire::PacketView& p, const PacketInfo& info, Instant now) {
  // §5.2.4 table: compare the cookie's tags with the association's.
  const bool local_match = c.local_tag == a.local_tag();
  const bool peer_match = c.peer_tag == a.peer_tag();
  const bool tie_match = c.local_tie_tag == a.local_tag() && c.peer_tie_tag == a.peer_tag();
  const bool no_tie = c.local_tie_tag.value() == 0 && c.peer_tie_tag.value() == 0;
  if (!local_match && !peer_match && tie_match) {
    // (A) the peer restarted.
    if (a.state() == AssocState::kShutdownAckSent) {
      // §5.2.4 A: no new association while shutting down: resend SHUTDOWN ACK and
      // report "Cookie Received While Shutting Down".
      a.resend_shutdown_ack();
      wire::CommonHeader to = p.header();
      to.vtag = a.peer_tag();
      send_reply(info, to, static_cast<uint8_t>(wire::ChunkType::kError), 0,
                 wire::cause_code::kCookieReceivedWhileShuttingDown, {});
      touched(a);
      return;
    }
    const uint32_t slot = by_id_.at(a.id().value());
    by_tag_.erase(a.local_tag().value());
    a.restart(params, now);
    by_tag_[a.local_tag().value()] = slot;
  } else if (local_match && !peer_match) {
    a.accept_cookie_echo(params, now);  // (B) INIT collision
  } else if (!local_match && peer_match && no_tie) {
    return;  // (C) a late cookie from an earlier attempt: silently discard
  } else if (local_match && peer_match) {
    a.accept_cookie_echo(params, now);  // (D) our own tags: COOKIE ACK again
  } else {
    return;  // §5.2.4: any other combination is silently discarded
  }
  a.handle_chunks(p, 1, info.src, now);
  touched(a);
}

}  // namespace dpsctp::core
